// String literal escapes (`\n`, `\x41`, `\u00e9`, octal...), decoded as CPython decodes them.
/** Decode backslash escapes of a non-raw string literal. */
export function decodeEscapes(s: string): string {
  if (!s.includes("\\")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const d = s[++i];
    switch (d) {
      case "\n":
        break;
      case "\r":
        if (s[i + 1] === "\n") i++;
        break;
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "r":
        out += "\r";
        break;
      case "\\":
        out += "\\";
        break;
      case "'":
        out += "'";
        break;
      case '"':
        out += '"';
        break;
      case "a":
        out += "\x07";
        break;
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "v":
        out += "\v";
        break;
      case "x": {
        const h = s.slice(i + 1, i + 3);
        if (/^[0-9a-fA-F]{2}$/.test(h)) {
          out += String.fromCharCode(parseInt(h, 16));
          i += 2;
        } else out += "\\x";
        break;
      }
      case "u":
      case "U": {
        const len = d === "u" ? 4 : 8;
        const h = s.slice(i + 1, i + 1 + len);
        const cp = parseInt(h, 16);
        if (h.length === len && /^[0-9a-fA-F]+$/.test(h) && cp <= 0x10ffff) {
          out += String.fromCodePoint(cp);
          i += len;
        } else out += "\\" + d;
        break;
      }
      default:
        if (/[0-7]/.test(d)) {
          let oct = d;
          while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? "")) oct += s[++i];
          out += String.fromCharCode(parseInt(oct, 8));
        } else out += "\\" + d;
    }
  }
  return out;
}
