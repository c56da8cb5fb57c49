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

const HAS_PAREN = 1;
const HAS_AMP = 2;
const UNKNOWN = -1;

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

/**
 * An element's attributes during a scan, read in place: a value is cut out of the document (and
 * decoded) only when asked for, so megabytes of SVG are scanned without an object per element.
 * Valid only inside the `open` call that receives it.
 */
export class XmlAttributes {
  count = 0;
  private text = "";
  private readonly at: number[] = [];
  /** per attribute: HAS_PAREN | HAS_AMP, or UNKNOWN when the scan did not say */
  private readonly marks: number[] = [];

  reset(text: string): void {
    this.text = text;
    this.count = 0;
  }

  /** name in text[nameStart, nameEnd), value (quotes excluded) in text[valueStart, valueEnd);
   *  `marks` says whether the raw value holds "(" and "&" (the scan reads every character anyway) */
  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, marks = UNKNOWN): void {
    this.marks[this.count] = marks;
    const k = 4 * this.count++;
    this.at[k] = nameStart;
    this.at[k + 1] = nameEnd;
    this.at[k + 2] = valueStart;
    this.at[k + 3] = valueEnd;
  }

  name(i: number): string {
    return this.text.slice(this.at[4 * i], this.at[4 * i + 1]);
  }

  value(i: number): string {
    return decode(this.text.slice(this.at[4 * i + 2], this.at[4 * i + 3]), this.at[4 * i + 2]);
  }

  /** the index of the attribute called `name`, or -1 */
  indexOf(name: string): number {
    for (let i = 0; i < this.count; i++) {
      const start = this.at[4 * i];
      if (this.at[4 * i + 1] - start === name.length && this.text.startsWith(name, start)) return i;
    }
    return -1;
  }

  /** whether the attribute added last repeats an earlier one's name */
  lastIsRepeat(): boolean {
    const k = 4 * (this.count - 1);
    const start = this.at[k];
    const length = this.at[k + 1] - start;
    for (let i = 0; i < this.count - 1; i++) {
      const other = this.at[4 * i];
      if (this.at[4 * i + 1] - other !== length) continue;
      let j = 0;
      while (j < length && this.text.charCodeAt(start + j) === this.text.charCodeAt(other + j)) j++;
      if (j === length) return true;
    }
    return false;
  }

  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.value(i);
  }

  /** the name starts with `prefix` / ends with `suffix`, ASCII case ignored */
  nameStartsWith(i: number, prefix: string): boolean {
    const start = this.at[4 * i];
    return this.at[4 * i + 1] - start >= prefix.length && matchesIgnoringCase(this.text, start, prefix);
  }

  nameEndsWith(i: number, suffix: string): boolean {
    const end = this.at[4 * i + 1];
    return end - this.at[4 * i] >= suffix.length && matchesIgnoringCase(this.text, end - suffix.length, suffix);
  }

  /** the raw value holds this character */
  valueHas(i: number, char: string): boolean {
    const c = char.charCodeAt(0);
    const marks = this.marks[i];
    // megabytes of path data: "(" and "&" were noted as the value was scanned
    if (marks !== UNKNOWN && (c === 40 || c === 38)) return (marks & (c === 40 ? HAS_PAREN : HAS_AMP)) !== 0;
    for (let k = this.at[4 * i + 2]; k < this.at[4 * i + 3]; k++) if (this.text.charCodeAt(k) === c) return true;
    return false;
  }

  toRecord(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let i = 0; i < this.count; i++) out[this.name(i)] = this.value(i);
    return out;
  }
}

function matchesIgnoringCase(text: string, at: number, lower: string): boolean {
  for (let k = 0; k < lower.length; k++) if ((text.charCodeAt(at + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

/** What a scan reports, in document order. Text arrives decoded. */
export interface XmlVisitor {
  open(name: string, attrs: XmlAttributes): void;
  /** every element closes, also `<a/>` */
  close(name: string): void;
  text?(text: string): void;
  /** whether the text coming next is wanted (when absent: always, if there is a `text`) */
  wantsText?(): boolean;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;
/** [A-Za-z_:] and [\w.:-]: what names may start with and hold */
const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
const isNameChar = (c: number): boolean =>
  isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;

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
    const start = i;
    if (!isNameStart(text.charCodeAt(i))) fail("expected a name");
    i++;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    return text.slice(start, i);
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
  const attrs = new XmlAttributes();
  /** reads `<name attrs...>` or `<name .../>`; true when it has content to follow */
  const startTag = (open: string[]): boolean => {
    i++;
    const el = name();
    attrs.reset(text);
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
      const nameStart = i;
      if (!isNameStart(text.charCodeAt(i))) fail("expected a name");
      i++;
      while (i < n && isNameChar(text.charCodeAt(i))) i++;
      const nameEnd = i;
      space();
      if (text[i] !== "=") fail(`attribute '${text.slice(nameStart, nameEnd)}' has no value`);
      i++;
      space();
      const q = text.charCodeAt(i);
      if (q !== 34 && q !== 39) fail(`attribute '${text.slice(nameStart, nameEnd)}' is not quoted`);
      const start = i + 1;
      let end = start;
      let entity = false;
      let paren = false;
      for (; end < n; end++) {
        const c = text.charCodeAt(end);
        if (c === q) break;
        if (c === 60) fail(`'<' in attribute '${text.slice(nameStart, nameEnd)}'`);
        if (c === 38) entity = true;
        else if (c === 40) paren = true;
      }
      if (end >= n) fail("unclosed attribute value");
      attrs.add(nameStart, nameEnd, start, end, (paren ? HAS_PAREN : 0) | (entity ? HAS_AMP : 0));
      if (attrs.lastIsRepeat()) fail(`duplicate attribute '${text.slice(nameStart, nameEnd)}'`);
      if (entity) decode(text.slice(start, end), i);
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
        // only a text that is asked for, or holds an entity to check, is cut out of the document
        let entity = false;
        for (let k = i; k < lt; k++) {
          const c = text.charCodeAt(k);
          if (c === 38) entity = true;
          else if (c === 93 && text.charCodeAt(k + 1) === 93 && text.charCodeAt(k + 2) === 62) {
            i = k;
            fail("']]>' in text");
          }
        }
        const wanted = visitor.text !== undefined && (!visitor.wantsText || visitor.wantsText());
        if (wanted || entity) {
          const decoded = decode(text.slice(i, lt), i);
          if (wanted) visitor.text?.(decoded);
        }
        i = lt;
      }
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        i += 2;
        const el = open.pop() as string;
        if (text.startsWith(el, i) && !isNameChar(text.charCodeAt(i + el.length))) i += el.length;
        else fail(`</${name()}> closes <${el}>`);
        space();
        if (text[i] !== ">") fail("expected '>'");
        i++;
        visitor.close(el);
      } else if (text.startsWith("<!--", i)) comment();
      else if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) fail("unclosed CDATA");
        if (!visitor.wantsText || visitor.wantsText()) visitor.text?.(text.slice(i + 9, end));
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
      const el: XmlElement = { name, attrs: attrs.toRecord(), children: [] };
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
