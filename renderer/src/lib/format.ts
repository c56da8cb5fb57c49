// Short number and value text for labels: Python-ish floats ("27.", "0.5"), a few elements of a tensor.

/** A float as PyTorch prints it in short labels: integral values end with ".", others up to 4 decimals. */
export function formatNumber(v: number, dtype = "float32"): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (dtype === "bool") return v ? "True" : "False";
  if (dtype === "int64") return String(Math.round(v));
  if (Number.isInteger(v) && Math.abs(v) < 1e8) return `${v}.`;
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e8)) return v.toExponential(3).replace(/e\+?/, "e");
  return String(Number(v.toFixed(4)));
}

/** Elements as a compact label: "27." for one value, "[1., 2., 3.]" or "[1., 2., …, 9.] (9)" for more. */
export function formatValues(values: readonly number[], dtype = "float32", max = 4): string {
  if (values.length === 1) return formatNumber(values[0], dtype);
  if (values.length <= max) return `[${values.map((v) => formatNumber(v, dtype)).join(", ")}]`;
  const head = values.slice(0, max - 1).map((v) => formatNumber(v, dtype));
  return `[${head.join(", ")}, …, ${formatNumber(values[values.length - 1], dtype)}] (${values.length})`;
}

/** torch.Size text without the wrapper: "[2, 3]"; a scalar is "[]". */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

export function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}
