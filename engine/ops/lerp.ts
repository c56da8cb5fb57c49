// torch.lerp(start, end, weight): start + weight * (end - start), computed as ATen's kernel
// does (from `end` when |weight| >= 0.5); LerpBackward0 for a number weight, LerpBackward1
// for a tensor weight (which gets a gradient too).
import { atenTypeName, isFloating, typeMetaName, type DType } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { binaryMap, broadcastShapes } from "./kernel.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { mul, mulScalar, sub } from "./arith.ts";
import { fullLike } from "./create.ts";
import { zerosLikeT } from "./unary.ts";
import { dense, tangentSum, term } from "./tangent_sum.ts";
import { fmaf } from "./sleef/float32.ts";
import { fma } from "../random/fma.ts";


/** ATen's lerp_vec (and GCC's fused scalar tail): fma(w, e - s, s) for a small weight,
 *  fma(w - 1, e - s, e) otherwise */
function lerpValue(dtype: DType) {
  if (dtype === "float32") {
    const r = Math.fround;
    return (s: number, e: number, w: number): number => (Math.abs(w) < 0.5 ? fmaf(w, r(e - s), s) : fmaf(r(w - 1), r(e - s), e));
  }
  return (s: number, e: number, w: number): number => (Math.abs(w) < 0.5 ? fma(w, e - s, s) : fma(w - 1, e - s, e));
}

function checkLerp(self: Tensor, end: Tensor, weight: Tensor | null): void {
  if (!isFloating(self.dtype))
    throw runtimeError(`"lerp_kernel_${weight ? "tensor" : "scalar"}" not implemented for '${atenTypeName(self.dtype)}'`);
  if (end.dtype !== self.dtype)
    throw runtimeError(`expected dtype ${typeMetaName(self.dtype)} for \`end\` but got dtype ${typeMetaName(end.dtype)}`);
  if (weight && weight.dtype !== self.dtype)
    throw runtimeError(`expected dtype ${typeMetaName(self.dtype)} for \`weight\` but got dtype ${typeMetaName(weight.dtype)}`);
}

export function lerp(self: Tensor, end: Tensor, weight: number | Tensor): Tensor {
  if (typeof weight !== "number") return lerpTensor(self, end, weight);
  checkLerp(self, end, null);
  const f = lerpValue(self.dtype);
  const w = self.dtype === "float32" ? Math.fround(weight) : weight;
  const out = binaryMap(self, end, self.dtype, self.dtype, (s, e) => f(s, e, w));
  return record(out, {
    op: "lerp",
    gradFn: "LerpBackward0",
    inputs: [self, end],
    backward: ([g], node) => [node.needs(0) ? mulScalar(g!, 1 - weight) : null, node.needs(1) ? mulScalar(g!, weight) : null],
    // at::lerp(self_t, end_t, weight), a missing tangent zeros
    jvp: ([ts, te]) => lerp(ts ?? zerosLikeT(self), te ?? zerosLikeT(end), weight),
  });
}

function lerpTensor(self: Tensor, end: Tensor, weight: Tensor): Tensor {
  checkLerp(self, end, weight);
  const shape = broadcastShapes(broadcastShapes(self.shape, end.shape), weight.shape);
  const f = lerpValue(self.dtype);
  const [sv, ev, wv] = [self, end, weight].map((t) => broadcastValues(t, shape));
  const out = fromValues(self.rt, sv.map((s, i) => f(s, ev[i], wv[i])), shape, self.dtype);
  const save: Record<string, Tensor> = { weight };
  if (weight.requiresGrad) Object.assign(save, { self, end });
  return record(out, {
    op: "lerp",
    gradFn: "LerpBackward1",
    inputs: [self, end, weight],
    save,
    backward: ([g], node) => {
      const w = node.unpack("weight");
      return [
        node.needs(0) ? mul(g!, sub(fullLike(w, 1), w)) : null,
        node.needs(1) ? mul(g!, w) : null,
        node.needs(2) ? mul(g!, sub(node.unpack("end"), node.unpack("self"))) : null,
      ];
    },
    // at::lerp(self_t, end_t, weight_p) + weight_t * (end_p - self_p)
    jvp: ([ts, te, tw]) =>
      tangentSum(out.shape, [
        dense(ts ?? te, self, () => lerpTensor(ts ?? zerosLikeT(self), te ?? zerosLikeT(end), weight)),
        term(tw, (t) => mul(t, sub(end, self)), end, self),
      ]),
  });
}
