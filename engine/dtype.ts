// Dtypes and PyTorch's type promotion (result_type), including the lower priority of
// 0-d tensors and Python scalars ("wrapped numbers") against dimensioned tensors.
import type { DTypeName } from "./events.ts";

export type DType = DTypeName;
/** Python scalars crossing into the engine: float = number, int = bigint, bool = boolean. */
export type Scalar = number | bigint | boolean;

export const DEFAULT_FLOAT: DType = "float32";

export const isFloating = (d: DType): boolean => d === "float32" || d === "float64";

const rank: Record<DType, number> = { bool: 0, int32: 1, int64: 2, float32: 3, float64: 4 };
const category = (d: DType): number => (d === "bool" ? 0 : d === "int64" || d === "int32" ? 1 : 2);

/** promoteTypes(a, b) as torch.promote_types. */
export function promoteTypes(a: DType, b: DType): DType {
  return rank[a] >= rank[b] ? a : b;
}

export function scalarDType(s: Scalar): DType {
  if (typeof s === "boolean") return "bool";
  if (typeof s === "bigint") return "int64";
  return DEFAULT_FLOAT;
}

function combineCategories(higher: DType | null, lower: DType | null): DType | null {
  if (higher === null) return lower;
  if (lower === null) return higher;
  if (isFloating(higher)) return higher;
  if (higher === "bool" || isFloating(lower)) return promoteTypes(higher, lower);
  return higher;
}

export interface PromotionInput {
  dtype: DType;
  /** 0: dimensioned tensor, 1: zero-dim tensor, 2: wrapped Python number */
  priority: 0 | 1 | 2;
}

/** torch.result_type over tensors and scalars. */
export function resultType(inputs: PromotionInput[]): DType {
  const acc: (DType | null)[] = [null, null, null];
  for (const { dtype, priority } of inputs) {
    const cur = acc[priority];
    acc[priority] = cur === null ? dtype : promoteTypes(cur, dtype);
  }
  return combineCategories(acc[0], combineCategories(acc[1], acc[2])) ?? DEFAULT_FLOAT;
}

/** Category check used by in-place ops: can `from` be written into `to`? */
export function canCast(from: DType, to: DType): boolean {
  return category(from) <= category(to);
}

export function castValue(v: number, d: DType): number {
  switch (d) {
    case "float32":
      return Math.fround(v);
    case "float64":
      return v;
    case "int64":
      return Number.isFinite(v) ? Math.trunc(v) : 0;
    case "int32":
      return Number.isFinite(v) ? Math.trunc(v) | 0 : 0;
    case "bool":
      return v !== 0 ? 1 : 0;
  }
}

export function scalarToNumber(s: Scalar): number {
  if (typeof s === "boolean") return s ? 1 : 0;
  return Number(s);
}

export type Storage32 = Float32Array | Float64Array | Int32Array | Uint8Array;

export function allocate(d: DType, n: number): Storage32 {
  if (d === "float32") return new Float32Array(n);
  if (d === "bool") return new Uint8Array(n);
  if (d === "int32") return new Int32Array(n);
  return new Float64Array(n);
}

/** Legacy tensor type names used in PyTorch's messages: [torch.FloatTensor [3]]. */
export function legacyTypeName(d: DType): string {
  return {
    float32: "torch.FloatTensor",
    float64: "torch.DoubleTensor",
    int64: "torch.LongTensor",
    int32: "torch.IntTensor",
    bool: "torch.BoolTensor",
  }[d];
}

/** caffe2 TypeMeta names, as messages that print a dtype spell them: "float", "long int". */
export function typeMetaName(d: DType): string {
  return { float32: "float", float64: "double", int64: "long int", int32: "int", bool: "bool" }[d];
}

/** Names as ATen's error messages spell them: "Float", "Double", "Long", "Bool". */
/** ATen's *_backward kernels build a TensorIterator that does not promote: an operand of another
 *  dtype than the input fails there ("Found dtype Long but expected Float"); the message, or null */
export function unpromotedMismatch(found: DType, expected: DType): string | null {
  return found === expected ? null : `Found dtype ${atenTypeName(found)} but expected ${atenTypeName(expected)}`;
}

export function atenTypeName(d: DType): string {
  return { float32: "Float", float64: "Double", int64: "Long", int32: "Int", bool: "Bool" }[d];
}
