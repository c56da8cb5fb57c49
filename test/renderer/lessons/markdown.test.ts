import { describe, expect, it } from "vitest";
import { renderInline, renderMarkdown } from "../../../renderer/lessons/markdown.ts";
import { loadShippedLessons } from "./lesson-files.ts";

/** KaTeX output is long; tests look at which math was rendered, by its TeX annotation. */
const texOf = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1]);

describe("renderInline", () => {
  it.each([
    { md: "plain", html: "plain" },
    { md: "a <b> & 'c'", html: "a &lt;b&gt; &amp; &#39;c&#39;" },
    { md: "`x.grad.zero_()`", html: "<code>x.grad.zero_()</code>" },
    { md: "`<script>`", html: "<code>&lt;script&gt;</code>" },
    { md: "``a ` b``", html: "<code>a ` b</code>" },
    { md: "**adds** and *in place*", html: "<strong>adds</strong> and <em>in place</em>" },
    { md: "_new_ tensor", html: "<em>new</em> tensor" },
    { md: "f_prime and retain_graph stay", html: "f_prime and retain_graph stay" },
    { md: "`a*b*c` *x*", html: "<code>a*b*c</code> <em>x</em>" },
    { md: "costs \\$5 or $ 3", html: "costs $5 or $ 3" },
    { md: "2 * 3 * 4", html: "2 * 3 * 4" },
  ])("$md", ({ md, html }) => {
    expect(renderInline(md)).toBe(html);
  });

  it("renders $...$ inline and $$...$$ as display math with KaTeX", () => {
    const html = renderInline("so $f'(x) = 3x^2$ and $$f''(x) = 6x$$");
    expect(texOf(html)).toEqual(["f&#x27;(x) = 3x^2", "f&#x27;&#x27;(x) = 6x"]);
    expect(html).toContain('class="katex-display"');
  });

  it("does not treat a dollar inside code as math", () => {
    expect(renderInline("`$x$`")).toBe("<code>$x$</code>");
  });

  it("shows broken TeX in place instead of throwing", () => {
    expect(renderInline("$\\frac{1$")).toContain("katex-error");
  });

  it("never lets HTML inside math through", () => {
    expect(renderInline("$<img src=x onerror=alert(1)>$")).not.toContain("<img");
  });
});

describe("renderMarkdown", () => {
  it.each([
    { md: "## Method 1: `backward()`", html: "<h2>Method 1: <code>backward()</code></h2>" },
    { md: "one\nparagraph\n\ntwo", html: "<p>one\nparagraph</p>\n<p>two</p>" },
    { md: "- a\n- b\n  continued", html: "<ul><li>a</li><li>b\ncontinued</li></ul>" },
    { md: "1. a\n2. b", html: "<ol><li>a</li><li>b</li></ol>" },
    { md: "text\n- item", html: "<p>text</p>\n<ul><li>item</li></ul>" },
    { md: "```text\n<b>x</b>\n\n  y\n```", html: '<pre><code class="language-text">&lt;b&gt;x&lt;/b&gt;\n\n  y</code></pre>' },
  ])("$md", ({ md, html }) => {
    expect(renderMarkdown(md)).toBe(html);
  });

  it("puts a paragraph that is only display math in a block, even over several lines", () => {
    const html = renderMarkdown("$$\nf(x) = \\frac{1}{n}\n- 1\n$$");
    expect(html.startsWith('<div class="math-display">')).toBe(true);
    expect(texOf(html)).toEqual(["f(x) = \\frac{1}{n}\n- 1"]);
  });

  it("renders every shipped lesson's math without a KaTeX error", () => {
    const { lessons } = loadShippedLessons();
    const texts = lessons.flatMap((l) => [
      ...l.blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : [])),
      ...l.predictions.flatMap((p) => [p.question, p.explain]),
    ]);
    const html = texts.map(renderMarkdown).join("\n");
    expect(html).not.toContain("katex-error");
    expect(texOf(html).length).toBeGreaterThan(40);
  });
});

describe("inline math and punctuation", () => {
  it("keeps a period after a formula on the formula's line", () => {
    const html = renderInline("shaped like $F$. Next");
    expect(html).toMatch(/^shaped like <span class="math-nowrap"><span class="katex">[\s\S]*<\/span>\.<\/span> Next$/);
  });
});
