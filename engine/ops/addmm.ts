// torch.addmm(input, mat1, mat2, beta=1, alpha=1) = beta*input + alpha*(mat1 @ mat2), with
// AddmmBackward0; the product is summed first and the scaled input added last, as the BLAS
// PyTorch 2.6 links (the reference BLAS) does (so 1 + (1e8 - 1e8) gives 1, not 0).
import { atenTypeName, type Scalar } from "../dtype.ts";
import { runtimeError } from "../errors.ts";
import { record } from "../autograd/record.ts";
import { fromValues, type Tensor } from "../tensor.ts";
import { mulScalar } from "./arith.ts";
import { dense, tangentSum, term } from "./tangent_sum.ts";
import { columnMajor, mm } from "./linalg.ts";
import { broadcastValues } from "./broadcast_read.ts";
import { tOp } from "./views.ts";

function checkAddmm(self: Tensor, a: Tensor, b: Tensor): number[] {
  if (a.dim() !== 2) throw runtimeError(`mat1 must be a matrix, got ${a.dim()}-D tensor`);
  if (b.dim() !== 2) throw runtimeError(`mat2 must be a matrix, got ${b.dim()}-D tensor`);
  if (a.shape[1] !== b.shape[0])
    throw runtimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  if (self.dtype !== b.dtype)
    throw runtimeError(`self and mat2 must have the same dtype, but got ${atenTypeName(self.dtype)} and ${atenTypeName(b.dtype)}`);
  if (a.dtype !== b.dtype)
    throw runtimeError(`mat1 and mat2 must have the same dtype, but got ${atenTypeName(a.dtype)} and ${atenTypeName(b.dtype)}`);
  const target = [a.shape[0], b.shape[1]];
  // the input is expanded to the product's shape (expand's own message when it cannot be)
  const lead = target.length - self.dim();
  if (lead < 0)
    throw runtimeError(
      `expand(${self.dtype === "float64" ? "torch.DoubleTensor" : "torch.FloatTensor"}{[${self.shape.join(", ")}]}, size=[${target.join(", ")}]): the number of sizes provided (2) must be greater or equal to the number of dimensions in the tensor (${self.dim()})`,
    );
  for (let i = self.dim() - 1; i >= 0; i--) {
    const [s, want] = [self.shape[i], target[i + lead]];
    if (s !== want && s !== 1)
      throw runtimeError(
        `The expanded size of the tensor (${want}) must match the existing size (${s}) at non-singleton dimension ${i + lead}.  Target sizes: [${target.join(", ")}].  Tensor sizes: [${self.shape.join(", ")}]`,
      );
  }
  return target;
}

/** alpha * grad, or grad itself when alpha is 1 (ATen's maybe_multiply) */
const maybeMultiply = (g: Tensor, s: Scalar): Tensor => (Number(s) === 1 ? g : mulScalar(g, s));


/** Whether BLAS gets its first operand transposed, as ATen's addmm_impl_cpu_ picks the operands
 *  (result, mat1, mat2 strides). The reference sgemm/dgemm then forms each dot product first and
 *  adds beta*C last (nn.Linear's x @ w.t()); untransposed, it starts each element from beta*C and
 *  adds (alpha*b)*a term by term. */
function blasTransposesFirst(mat1: Tensor, mat2: Tensor, n: number, m: number, k: number): boolean {
  // the result is a new contiguous n x m matrix: BLAS computes its transpose unless it is one column
  const transposeC = !(m === 1 || m === 0);
  const first = transposeC ? mat2 : mat1;
  const [inner, outer] = transposeC ? [1, 0] : [0, 1];
  const rows = transposeC ? m : n;
  const st = first.strides;
  if (st[inner] === 1 && st[outer] >= Math.max(1, rows)) return false;
  if (st[outer] === 1 && st[inner] >= Math.max(1, k)) return true;
  return !transposeC;
}

export function addmm(self: Tensor, mat1: Tensor, mat2: Tensor, beta: Scalar = 1, alpha: Scalar = 1): Tensor {
  const [n, m] = checkAddmm(self, mat1, mat2);
  const k = mat1.shape[1];
  const r = self.dtype === "float32" ? Math.fround : (v: number) => v;
  const a = mat1.values();
  const b = mat2.values();
  const bias = broadcastValues(self, [n, m]);
  // beta and alpha reach the BLAS call in the tensor's dtype
  const be = r(Number(beta));
  const al = r(Number(alpha));
  const out = new Array<number>(n * m);
  const biasFirst = !blasTransposesFirst(mat1, mat2, n, m, k);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      const c = be === 0 ? 0 : be === 1 ? bias[i * m + j] : r(be * bias[i * m + j]);
      if (biasFirst) {
        let acc = c;
        for (let l = 0; l < k; l++) acc = r(acc + r((al === 1 ? b[l * m + j] : r(al * b[l * m + j])) * a[i * k + l]));
        out[i * m + j] = acc;
        continue;
      }
      let acc = 0;
      for (let l = 0; l < k; l++) acc = r(acc + r(a[i * k + l] * b[l * m + j]));
      const prod = al === 1 ? acc : r(al * acc);
      out[i * m + j] = be === 0 ? prod : r(prod + c);
    }
  const save = { mat1: mat2.requiresGrad ? mat1 : null, mat2: mat1.requiresGrad ? mat2 : null };
  const [s1, st1, s2, st2] = [mat1.shape.slice(), mat1.strides.slice(), mat2.shape.slice(), mat2.strides.slice()];
  return record(fromValues(self.rt, out, [n, m], self.dtype), {
    op: "addmm",
    gradFn: "AddmmBackward0",
    inputs: [self, mat1, mat2],
    save,
    backward: ([g], node) => {
      const gs = node.needs(0) ? maybeMultiply(g!, beta) : null;
      let g1: Tensor | null = null;
      let g2: Tensor | null = null;
      if (node.needs(1)) {
        const m2 = node.unpack("mat2");
        g1 = maybeMultiply(columnMajor(s1, st1) ? tOp(mm(m2, tOp(g!))) : mm(g!, tOp(m2)), alpha);
      }
      if (node.needs(2)) {
        const m1 = node.unpack("mat1");
        g2 = maybeMultiply(columnMajor(s2, st2) ? tOp(mm(tOp(g!), m1)) : mm(tOp(m1), g!), alpha);
      }
      return [gs, g1, g2];
    },
    // maybe_multiply(self_t, beta) + maybe_multiply(mat1_t.mm(mat2_p), alpha) + maybe_multiply(mat1_p.mm(mat2_t), alpha)
    jvp: ([ts, t1, t2]) =>
      tangentSum([n, m], [
        term(ts, (t) => maybeMultiply(t, beta)),
        dense(t1, mat1, (t) => maybeMultiply(mm(t, mat2), alpha)),
        dense(t2, mat2, (t) => maybeMultiply(mm(mat1, t), alpha)),
      ]),
  });
}
