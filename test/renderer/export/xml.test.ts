import { describe, expect, it } from "vitest";
import { XmlError, escapeXml, parseXml, textOf } from "../../../renderer/export/xml.ts";

describe("strict XML check", () => {
  it.each([
    { doc: "<a><b/></a>", ok: true },
    { doc: `<?xml version="1.0"?>\n<svg xmlns="x"><!-- c --><t a="1 &lt; 2">x &amp; y</t></svg>\n`, ok: true },
    { doc: "<a><b></a>", ok: false },
    { doc: "<a>x & y</a>", ok: false },
    { doc: "<a>x < y</a>", ok: false },
    { doc: `<a b="1" b="2"/>`, ok: false },
    { doc: `<a b=1/>`, ok: false },
    { doc: `<a b="<"/>`, ok: false },
    { doc: `<a>&nbsp;</a>`, ok: false },
    { doc: `<a/><b/>`, ok: false },
    { doc: `<a>\u0000</a>`, ok: false },
    { doc: `<a><!-- a -- b --></a>`, ok: false },
    { doc: `<a c="x"d="y"/>`, ok: false },
    { doc: `<a b="&nbsp;"/>`, ok: false },
    { doc: `<a b="x" c="y" b="z"/>`, ok: false },
    { doc: `<a>x ]]> y</a>`, ok: false },
    { doc: `<a></ab>`, ok: false },
    { doc: `<ab></a>`, ok: false },
    { doc: `<a></a >`, ok: true },
    { doc: `<a b='1' bc="2"><![CDATA[ < & ]]></a>`, ok: true },
  ])("$doc -> $ok", ({ doc, ok }) => {
    if (ok) expect(() => parseXml(doc)).not.toThrow();
    else expect(() => parseXml(doc)).toThrow(XmlError);
  });

  it("decodes entities in text and attributes", () => {
    const root = parseXml(`<a t="&quot;&#60;&#x3e;">&lt;script&gt; a&amp;b</a>`);
    expect(root.attrs.t).toBe(`"<>`);
    expect(textOf(root)).toBe("<script> a&b");
  });

  it("escaping round-trips through the parser", () => {
    const nasty = `<script>alert("x")</script> & 'a'`;
    expect(textOf(parseXml(`<t a="${escapeXml(nasty)}">${escapeXml(nasty)}</t>`))).toBe(nasty);
  });
});
