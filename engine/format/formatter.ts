// torch._tensor_str._Formatter: picks int/fixed/scientific mode and one column width per tensor.

import { formatExponent, formatFixed, formatInteger } from "./decimal.ts";
import type { DTypeName } from "../events.ts";

/** PRINT_OPTS defaults of PyTorch (2.6) */
export const PRINT_OPTS = { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 } as const;

function plainText(value: number, dtype: DTypeName): string {
  if (dtype === "bool") return value ? "True" : "False";
  return formatInteger(value);
}

export class Formatter {
  readonly floating: boolean;
  readonly dtype: DTypeName;
  intMode = true;
  sciMode = false;
  maxWidth = 1;

  /** `values` are the elements that will be shown (the summarized ones for big tensors) */
  constructor(values: readonly number[], dtype: DTypeName) {
    this.dtype = dtype;
    this.floating = dtype === "float32" || dtype === "float64";
    if (!this.floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, plainText(v, dtype).length);
      return;
    }
    const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
    if (finite.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of finite) {
      min = Math.min(min, Math.abs(v));
      max = Math.max(max, Math.abs(v));
    }
    this.intMode = finite.every((v) => Number.isInteger(v));
    const { precision } = PRINT_OPTS;
    const widest = (render: (v: number) => string, extra: number) => {
      for (const v of finite) this.maxWidth = Math.max(this.maxWidth, render(v).length + extra);
    };
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true;
        widest((v) => formatExponent(v, precision), 0);
      } else {
        // the trailing "." that marks a float counts toward the width
        widest((v) => formatFixed(v, 0), 1);
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true;
      widest((v) => formatExponent(v, precision), 0);
    } else {
      widest((v) => formatFixed(v, precision), 0);
    }
  }

  /** one element, right-aligned to the shared width */
  format(value: number): string {
    let text: string;
    if (!this.floating) text = plainText(value, this.dtype);
    else if (this.sciMode) text = formatExponent(value, PRINT_OPTS.precision);
    else if (this.intMode) {
      text = formatFixed(value, 0);
      if (Number.isFinite(value)) text += ".";
    } else text = formatFixed(value, PRINT_OPTS.precision);
    return text.padStart(this.maxWidth, " ");
  }
}
