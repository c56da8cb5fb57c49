// XML text in and out: escaping user text for exported files, and a small strict parser that
// rejects what is not well-formed XML (used to measure drawings and by the tests).

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Characters XML 1.0 does not allow anywhere in a document. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
  override name = "XmlError";
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(";")) throw new XmlError(`bare '&' near offset ${at}`);
    if (body in ENTITY) return ENTITY[body];
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1], body[1] === "x" ? 16 : 10));
    throw new XmlError(`unknown entity '&${body};' near offset ${at}`);
  });
}

/** Parses one XML document; throws XmlError at the first thing that is not well-formed. */
export function parseXml(text: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at offset ${i}`);
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail("expected a name");
    i += m![0].length;
    return m![0];
  };
  const space = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const misc = () => {
    for (;;) {
      space();
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        if (end < 0 || text.slice(i + 4, end).includes("--")) fail("bad comment");
        i = end + 3;
      } else if (text.startsWith("<?", i)) {
        const end = text.indexOf("?>", i);
        if (end < 0) fail("unclosed processing instruction");
        i = end + 2;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (text[i] !== "<") fail("expected '<'");
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const before = i;
      space();
      if (text.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (text[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("expected whitespace before an attribute");
      const attr = name();
      if (attr in el.attrs) fail(`duplicate attribute '${attr}'`);
      space();
      if (text[i] !== "=") fail(`attribute '${attr}' has no value`);
      i++;
      space();
      const q = text[i];
      if (q !== '"' && q !== "'") fail(`attribute '${attr}' is not quoted`);
      const end = text.indexOf(q, i + 1);
      if (end < 0) fail("unclosed attribute value");
      const raw = text.slice(i + 1, end);
      if (raw.includes("<")) fail(`'<' in attribute '${attr}'`);
      el.attrs[attr] = decode(raw, i);
      i = end + 1;
    }
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt < 0) fail(`<${el.name}> is never closed`);
      if (lt > i) {
        const raw = text.slice(i, lt);
        if (raw.includes("]]>")) fail("']]>' in text");
        el.children.push(decode(raw, i));
        i = lt;
      }
      if (text.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        space();
        if (text[i] !== ">") fail("expected '>'");
        i++;
        return el;
      }
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        if (end < 0 || text.slice(i + 4, end).includes("--")) fail("bad comment");
        i = end + 3;
      } else if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) fail("unclosed CDATA");
        el.children.push(text.slice(i + 9, end));
        i = end + 3;
      } else if (text.startsWith("<?", i) || text.startsWith("<!", i)) fail("unexpected markup");
      else el.children.push(element());
    }
  };
  const bad = new RegExp(NOT_XML.source).exec(text);
  if (bad) {
    i = bad.index;
    fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed in XML`);
  }
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  misc();
  const root = element();
  misc();
  if (i !== text.length) fail("content after the root element");
  return root;
}

/** Every element of the tree, depth first. */
export function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const c of root.children) if (typeof c !== "string") yield* elements(c);
}

/** The element's text, children included. */
export function textOf(node: XmlNode): string {
  return typeof node === "string" ? node : node.children.map(textOf).join("");
}
