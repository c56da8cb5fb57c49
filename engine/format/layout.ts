// torch._tensor_str._tensor_str: nested brackets, "..." summaries and 80-column line wrapping.

import { Formatter, PRINT_OPTS } from "./formatter.ts";
import type { DTypeName } from "../events.ts";

interface Block {
  values: readonly number[];
  shape: readonly number[];
  /** row-major index of this block's first element */
  offset: number;
  summarize: boolean;
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** indices along the first dimension that get printed; null marks the "..." gap */
function shownRows(size: number, summarize: boolean): (number | null)[] {
  const edge = PRINT_OPTS.edgeitems;
  const all = Array.from({ length: size }, (_, i) => i);
  if (!summarize || size <= 2 * edge) return all;
  return [...all.slice(0, edge), null, ...all.slice(size - edge)];
}

/** get_summarized_data: the elements that will appear, which alone decide the formatter */
function shownValues(b: Block, out: number[]): number[] {
  if (b.shape.length === 0) {
    out.push(b.values[b.offset]);
    return out;
  }
  const inner = b.shape.slice(1);
  const step = product(inner);
  for (const row of shownRows(b.shape[0], b.summarize)) {
    if (row !== null) shownValues({ ...b, shape: inner, offset: b.offset + row * step }, out);
  }
  return out;
}

function vectorText(b: Block, indent: number, fmt: Formatter): string {
  const elementLength = fmt.maxWidth + 2;
  const perLine = Math.max(1, Math.floor((PRINT_OPTS.linewidth - indent) / elementLength));
  const data = shownRows(b.shape[0], b.summarize).map((i) =>
    i === null ? " ..." : fmt.format(b.values[b.offset + i]),
  );
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(", "));
  return "[" + lines.join(",\n" + " ".repeat(indent + 1)) + "]";
}

function blockText(b: Block, indent: number, fmt: Formatter): string {
  const dim = b.shape.length;
  if (dim === 0) return fmt.format(b.values[b.offset]);
  if (dim === 1) return vectorText(b, indent, fmt);
  const inner = b.shape.slice(1);
  const step = product(inner);
  const slices = shownRows(b.shape[0], b.summarize).map((row) =>
    row === null
      ? "..."
      : blockText({ ...b, shape: inner, offset: b.offset + row * step }, indent + 1, fmt),
  );
  return "[" + slices.join("," + "\n".repeat(dim - 1) + " ".repeat(indent + 1)) + "]";
}

/** the bracketed contents of a non-empty tensor, as printed after a prefix `indent` wide */
export function tensorBody(
  values: readonly number[],
  shape: readonly number[],
  dtype: DTypeName,
  indent: number,
): string {
  const numel = product(shape);
  if (numel === 0) return "[]";
  const block: Block = { values, shape, offset: 0, summarize: numel > PRINT_OPTS.threshold };
  const fmt = new Formatter(block.summarize ? shownValues(block, []) : values, dtype);
  return blockText(block, indent, fmt);
}
