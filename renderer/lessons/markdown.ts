// A tiny Markdown renderer for lesson text: headings, paragraphs, emphasis, code, lists, KaTeX math. Escapes everything else.

import katex from "katex";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function math(tex: string, displayMode: boolean): string {
  // throwOnError false: a typo in a lesson shows as red TeX source in place, never as a broken page
  return katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml", trust: false, strict: "ignore" });
}

/** Inline Markdown: `code`, $math$, $$display math$$, **strong**, *em* / _em_, \$ for a literal dollar. */
export function renderInline(text: string): string {
  const pieces: string[] = [];
  // placeholders use private-use characters, removed from the input first so text cannot forge one
  const hold = (html: string) => `\uE000${pieces.push(html) - 1}\uE001`;
  text = text.replace(/[\uE000\uE001]/g, "");
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\\" && (text[i + 1] === "$" || text[i + 1] === "`" || text[i + 1] === "*" || text[i + 1] === "_")) {
      out += hold(escapeHtml(text[i + 1]));
      i += 2;
      continue;
    }
    if (c === "`") {
      const ticks = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(ticks, i + ticks.length);
      if (end > 0) {
        const code = text.slice(i + ticks.length, end).replace(/\n/g, " ");
        out += hold(`<code>${escapeHtml(code.length > 2 && code.startsWith(" ") && code.endsWith(" ") ? code.slice(1, -1) : code)}</code>`);
        i = end + ticks.length;
        continue;
      }
    }
    if (c === "$" && text[i + 1] === "$") {
      const end = text.indexOf("$$", i + 2);
      if (end > 0) {
        out += hold(math(text.slice(i + 2, end).trim(), true));
        i = end + 2;
        continue;
      }
    }
    if (c === "$" && text[i + 1] !== " " && text[i + 1] !== undefined) {
      const end = findInlineMathEnd(text, i + 1);
      if (end > 0) {
        // keep trailing punctuation on the formula's line: "$F$." must not wrap before the period
        const punct = /^[.,;:!?)]+/.exec(text.slice(end + 1))?.[0] ?? "";
        const rendered = math(text.slice(i + 1, end), false);
        out += hold(punct ? `<span class="math-nowrap">${rendered}${escapeHtml(punct)}</span>` : rendered);
        i = end + 1 + punct.length;
        continue;
      }
    }
    out += c;
    i++;
  }
  const escaped = escapeHtml(out)
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w*])\*(?=\S)([\s\S]*?\S)\*(?![\w*])/g, "$1<em>$2</em>")
    .replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, "$1<em>$2</em>");
  return escaped.replace(/\uE000(\d+)\uE001/g, (_m, n: string) => pieces[Number(n)]);
}

function findInlineMathEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === "\n" && text[j + 1] === "\n") return -1;
    else if (text[j] === "$") return text[j - 1] === " " ? -1 : j;
  }
  return -1;
}

type ListKind = "ul" | "ol";
const LIST_ITEM = /^\s{0,3}([-*+]|\d+[.)])\s+(.*)$/;

/** Block Markdown. Blank lines separate paragraphs; $$...$$ may span lines but not blank ones. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  const html: string[] = [];
  let paragraph: string[] = [];
  let list: { kind: ListKind; items: string[] } | null = null;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const text = paragraph.join("\n").trim();
    const onlyDisplayMath = /^\$\$[\s\S]*\$\$$/.test(text) && text.indexOf("$$", 2) === text.length - 2;
    html.push(onlyDisplayMath ? `<div class="math-display">${renderInline(text)}</div>` : `<p>${renderInline(text)}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (!list) return;
    html.push(`<${list.kind}>${list.items.map((item) => `<li>${renderInline(item.trim())}</li>`).join("")}</${list.kind}>`);
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      flushParagraph();
      flushList();
      const body: string[] = [];
      for (i++; i < lines.length && lines[i].trim() !== fence[1]; i++) body.push(lines[i]);
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : "";
      html.push(`<pre><code${lang}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const level = heading[1].length;
      html.push(`<h${level}>${renderInline(heading[2])}</h${level}>`);
      continue;
    }
    if (line.trim() === "") {
      flushParagraph();
      flushList();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    const inDisplayMath = (paragraph.join("\n").match(/\$\$/g)?.length ?? 0) % 2 === 1;
    if (item && !inDisplayMath) {
      flushParagraph();
      const kind: ListKind = /\d/.test(item[1]) ? "ol" : "ul";
      if (list && list.kind !== kind) flushList();
      list ??= { kind, items: [] };
      list.items.push(item[2]);
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += "\n" + line.trim();
      continue;
    }
    flushList();
    paragraph.push(line);
  }
  flushParagraph();
  flushList();
  return html.join("\n");
}
