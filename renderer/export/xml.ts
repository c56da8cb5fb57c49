// XML text in and out: escaping user text for exported files, and a small strict reader that
// rejects what is not well-formed XML (exports check and measure their drawings with it).

// Every piece of user text that goes into an exported file (a string the program printed, a
// name, an error message, a title from the command line) passes through the functions below;
// nothing else writes text into exports.

/** Characters XML 1.0 does not allow anywhere in a document. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML forbids
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** a UTF-16 surrogate without its partner: not a character at all, so not one XML can carry */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every character XML cannot carry (control characters, lone surrogates,
 *  U+FFFE/U+FFFF) replaced by U+FFFD, so it still shows that something was there. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, "\ufffd").replace(LONE_SURROGATE, "\ufffd");
}

/** Text for an element's content or an attribute value: xmlSafe, then < > & " ' as entities
 *  (so "]]>", which XML forbids in text, cannot appear either). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Markup a renderer made (svelte/server escapes < and & in text, not >): the characters XML
 *  cannot carry replaced, and "]]>" written "]]&gt;" (the same text, and legal XML). */
export function cleanMarkup(markup: string): string {
  return xmlSafe(markup).replaceAll("]]>", "]]&gt;");
}

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
  if (!text.includes("&")) return text;
  return text.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(";")) throw new XmlError(`bare '&' near offset ${at}`);
    if (body in ENTITY) return ENTITY[body];
    const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (num) return String.fromCodePoint(parseInt(num[1], body[1] === "x" ? 16 : 10));
    throw new XmlError(`unknown entity '&${body};' near offset ${at}`);
  });
}

/** What a scan reports, in document order. Attribute values and text arrive decoded. */
export interface XmlVisitor {
  open(name: string, attrs: Record<string, string>): void;
  /** every element closes, also `<a/>` */
  close(name: string): void;
  text(text: string): void;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

/**
 * Reads one XML document start to end, reporting elements and text to `visitor`, and throws
 * XmlError at the first thing that is not well-formed. One pass and no tree: exports check and
 * measure megabytes of SVG with it.
 */
export function scanXml(text: string, visitor: XmlVisitor): void {
  let i = 0;
  const n = text.length;
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
  const space = (): void => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const comment = (): void => {
    const end = text.indexOf("-->", i + 4);
    if (end < 0 || text.slice(i + 4, end).includes("--")) fail("bad comment");
    i = end + 3;
  };
  const misc = (): void => {
    for (;;) {
      space();
      if (text.startsWith("<!--", i)) comment();
      else if (text.startsWith("<?", i)) {
        const end = text.indexOf("?>", i);
        if (end < 0) fail("unclosed processing instruction");
        i = end + 2;
      } else return;
    }
  };
  /** reads `<name attrs...>` or `<name .../>`; true when it has content to follow */
  const startTag = (open: string[]): boolean => {
    i++;
    const el = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      space();
      if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 62) {
        i += 2;
        visitor.open(el, attrs);
        visitor.close(el);
        return false;
      }
      if (text.charCodeAt(i) === 62) {
        i++;
        visitor.open(el, attrs);
        open.push(el);
        return true;
      }
      if (i === before) fail("expected whitespace before an attribute");
      const attr = name();
      if (attr in attrs) fail(`duplicate attribute '${attr}'`);
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
      attrs[attr] = decode(raw, i);
      i = end + 1;
    }
  };
  const bad = new RegExp(NOT_XML.source).exec(text);
  if (bad) {
    i = bad.index;
    fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed in XML`);
  }
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  misc();
  if (text[i] !== "<") fail("expected '<'");
  const open: string[] = [];
  if (startTag(open)) {
    while (open.length > 0) {
      const lt = text.indexOf("<", i);
      if (lt < 0) fail(`<${open[open.length - 1]}> is never closed`);
      if (lt > i) {
        const raw = text.slice(i, lt);
        if (raw.includes("]]>")) fail("']]>' in text");
        visitor.text(decode(raw, i));
        i = lt;
      }
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        i += 2;
        const closing = name();
        const el = open.pop() as string;
        if (closing !== el) fail(`</${closing}> closes <${el}>`);
        space();
        if (text[i] !== ">") fail("expected '>'");
        i++;
        visitor.close(el);
      } else if (text.startsWith("<!--", i)) comment();
      else if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) fail("unclosed CDATA");
        visitor.text(text.slice(i + 9, end));
        i = end + 3;
      } else if (next === 63 || next === 33) fail("unexpected markup");
      else startTag(open);
    }
  }
  misc();
  if (i !== n) fail("content after the root element");
}

/** Parses one XML document; throws XmlError at the first thing that is not well-formed. */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  scanXml(text, {
    open(name, attrs) {
      const el: XmlElement = { name, attrs, children: [] };
      if (stack.length > 0) stack[stack.length - 1].children.push(el);
      else root = el;
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    text(t) {
      stack[stack.length - 1].children.push(t);
    },
  });
  return root as unknown as XmlElement;
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
