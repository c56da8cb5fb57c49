// Forward-mode AD's tangent formulas in words a learner reads on the graph and in captions: the
// tangent of an op's output from its inputs' tangents (a dot over a name is its tangent, as in
// ẋ), as derivatives.yaml's `result:` lines compute them. Ops not listed get a generic line.

/** op name (as op/applied and tangent/set name it) -> the output's tangent ẏ, inputs a, b */
const FORMULAS: Record<string, string> = {
  make_dual: "ẏ = the tangent you gave",
  add: "ẏ = ȧ + ḃ",
  sub: "ẏ = ȧ − ḃ",
  rsub: "ẏ = ḃ − ȧ",
  mul: "ẏ = ȧ·b + a·ḃ",
  div: "ẏ = ȧ/b − a·ḃ/b²",
  neg: "ẏ = −ȧ",
  pow: "ẏ = n·aⁿ⁻¹·ȧ",
  reciprocal: "ẏ = −y²·ȧ",
  exp: "ẏ = y·ȧ",
  log: "ẏ = ȧ/a",
  sqrt: "ẏ = ȧ/(2y)",
  sin: "ẏ = cos(a)·ȧ",
  cos: "ẏ = −sin(a)·ȧ",
  tanh: "ẏ = (1 − y²)·ȧ",
  sigmoid: "ẏ = y(1 − y)·ȧ",
  relu: "ẏ = ȧ where a > 0",
  abs: "ẏ = sign(a)·ȧ",
  sign: "ẏ = 0",
  clamp: "ẏ = ȧ inside the bounds",
  where: "ẏ = where(c, ȧ, ḃ)",
  mm: "ẏ = ȧ@b + a@ḃ",
  mv: "ẏ = ȧ@b + a@ḃ",
  bmm: "ẏ = ȧ@b + a@ḃ",
  matmul: "ẏ = ȧ@b + a@ḃ",
  dot: "ẏ = ȧ·b + a·ḃ",
  linear: "ẏ = ȧ@Wᵀ + a@Ẇᵀ + ḃ",
  addmm: "ẏ = ċ + ȧ@b + a@ḃ",
  sum: "ẏ = sum(ȧ)",
  mean: "ẏ = mean(ȧ)",
  cumsum: "ẏ = cumsum(ȧ)",
  softmax: "ẏ = y·(ȧ − Σ y·ȧ)",
  log_softmax: "ẏ = ȧ − Σ softmax(a)·ȧ",
  clone: "ẏ = ȧ",
  alias: "ẏ = ȧ",
  unbind: "ẏ = unbind(ȧ)",
  jvp: "ẏ = your Function's jvp()",
};

/** the view ops: the tangent goes through the same view */
const VIEWS = new Set(["view", "reshape", "transpose", "t", "permute", "expand", "squeeze", "unsqueeze", "select", "slice", "flip", "cat", "stack", "gather", "index"]);

/** The tangent formula of `op` as text ("ẏ = cos(a)·ȧ"), in-place ops (sin_) as their op. */
export function tangentFormula(op: string): string {
  const base = op.endsWith("_") && !op.startsWith("_") ? op.slice(0, -1) : op;
  if (FORMULAS[base]) return FORMULAS[base];
  if (VIEWS.has(base)) return `ẏ = ${base}(ȧ)`;
  return `ẏ by ${base}'s tangent formula`;
}
