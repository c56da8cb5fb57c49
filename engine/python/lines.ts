// Source positions (offsets -> lines and columns) and the SyntaxError the parser raises.

export class PySyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly type: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError",
    /** exclusive end column of the caret range on `line` */
    readonly endCol = col + 1,
    /** CPython prints no caret line (unexpected indent) */
    readonly noCaret = false,
  ) {
    super(message);
  }
}

/** Maps offsets to 1-based lines and 0-based columns. */
export class LineMap {
  private readonly starts: number[] = [0];
  constructor(readonly source: string) {
    for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  col(offset: number): number {
    return offset - this.starts[this.line(offset) - 1];
  }
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.source.length;
    const end = this.starts[line] ?? this.source.length + 1;
    return this.source.slice(start, end - 1).replace(/\r$/, "");
  }
}
