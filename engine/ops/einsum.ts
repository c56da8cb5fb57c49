// torch.einsum as ATen computes it on CPU, step for step, so the values round alike and the graph
// holds the same nodes: each operand's repeated labels become diagonals, missing labels are
// unsqueezed and every operand permuted to one order (outputs, then contracted labels); operands
// are contracted left to right by sumproduct_pair (permute, reshape, bmm, view, permute, or a
// plain mul when nothing is summed), and the contracted dimensions are viewed away (several
// operands) or summed (one).
import { runtimeError } from "../errors.ts";
import type { Tensor } from "../tensor.ts";
import { mul } from "./arith.ts";
import { bmm } from "./linalg.ts";
import { diagonal } from "./matrix_parts.ts";
import { sum } from "./reduce.ts";
import { permute, reshape, unsqueeze, view } from "./views.ts";

const LETTERS = 26;
const TOTAL_LABELS = LETTERS * 2;
const ELLIPSIS = TOTAL_LABELS;

const isAlpha = (c: string): boolean => /^[A-Za-z]$/.test(c);
const subscriptOf = (c: string): number => (c >= "A" && c <= "Z" ? c.charCodeAt(0) - 65 : c.charCodeAt(0) - 97 + LETTERS);
const labelOf = (s: number): string => String.fromCharCode(s < LETTERS ? s + 65 : s - LETTERS + 97);

function parseOperands(lhs: string, count: number): number[][] {
  const labels: number[][] = Array.from({ length: count }, () => []);
  let ellInInput = false;
  let op = 0;
  for (let i = 0; i < lhs.length; i++) {
    const c = lhs[i];
    if (c === " ") continue;
    if (c === ".") {
      if (ellInInput) throw runtimeError(`einsum(): found '.' for operand ${op} for which an ellipsis was already found`);
      if (!(i + 2 < lhs.length && lhs[++i] === "." && lhs[++i] === "."))
        throw runtimeError(`einsum(): found '.' for operand ${op} that is not part of any ellipsis`);
      labels[op].push(ELLIPSIS);
      ellInInput = true;
    } else if (c === ",") {
      op++;
      if (op >= count) throw runtimeError("einsum(): fewer operands were provided than specified in the equation");
      ellInInput = false;
    } else {
      if (!isAlpha(c)) throw runtimeError(`einsum(): invalid subscript given at index ${i} in the equation string, subscripts must be in [a-zA-Z]`);
      labels[op].push(subscriptOf(c));
    }
  }
  if (op !== count - 1) throw runtimeError("einsum(): more operands were provided than specified in the equation");
  return labels;
}

/** (left * right).sum(sumDims, keepdim=True) by permutes and one bmm, as ATen's sumproduct_pair */
function sumproductPair(left: Tensor, right: Tensor, sumDims: number[]): Tensor {
  if (sumDims.length === 0) return mul(left, right);
  const dim = left.dim();
  const summed = new Set(sumDims);
  const lro: number[] = [];
  const lo: number[] = [];
  const ro: number[] = [];
  let lroSize = 1;
  let loSize = 1;
  let roSize = 1;
  let sumSize = 1;
  for (let i = 0; i < dim; i++) {
    const sl = left.shape[i] !== 1;
    const sr = right.shape[i] !== 1;
    if (summed.has(i)) {
      if (sl && sr) {
        if (left.shape[i] !== right.shape[i]) throw runtimeError("non-broadcast dimensions must match");
        sumSize *= left.shape[i];
      } else if (sl) left = sum(left, i, true);
      else if (sr) right = sum(right, i, true);
    } else if (sl && sr) {
      if (left.shape[i] !== right.shape[i]) throw runtimeError("non-broadcast dimensions must match");
      lro.push(i);
      lroSize *= left.shape[i];
    } else if (sl) {
      lo.push(i);
      loSize *= left.shape[i];
    } else {
      ro.push(i);
      roSize *= right.shape[i];
    }
  }
  const outSize = [...lro.map((d) => left.shape[d]), ...lo.map((d) => left.shape[d]), ...sumDims.map(() => 1), ...ro.map((d) => right.shape[d])];
  const lperm = [...lro, ...lo, ...sumDims, ...ro];
  const rperm = [...lro, ...sumDims, ...ro, ...lo];
  const operm = new Array<number>(outSize.length);
  [...lro, ...lo, ...sumDims, ...ro].forEach((d, i) => (operm[d] = i));
  const l = reshape(permute(left, lperm), [lroSize, loSize, sumSize]);
  const r = reshape(permute(right, rperm), [lroSize, sumSize, roSize]);
  return permute(view(bmm(l, r), outSize), operm);
}

export function einsum(equation: string, operands: Tensor[]): Tensor {
  if (operands.length === 0) throw runtimeError("einsum(): must provide at least one operand");
  const numOps = operands.length;
  const arrow = equation.indexOf("->");
  const lhs = arrow < 0 ? equation : equation.slice(0, arrow);
  const opLabels = parseOperands(lhs, numOps);

  const labelCount = new Array<number>(TOTAL_LABELS).fill(0);
  let ellNumDim = 0;
  opLabels.forEach((labels, i) => {
    const ndims = operands[i].dim();
    let nlabels = labels.length;
    let hasEllipsis = false;
    for (const s of labels) {
      if (s === ELLIPSIS) {
        nlabels--;
        hasEllipsis = true;
        ellNumDim = Math.max(ellNumDim, ndims - nlabels);
      } else labelCount[s]++;
    }
    if (hasEllipsis ? nlabels > ndims : nlabels !== ndims)
      throw runtimeError(
        `einsum(): the number of subscripts in the equation (${nlabels}) ${hasEllipsis ? "is more than the number of dimensions (" : "does not match the number of dimensions ("}${ndims}) for operand ${i}${hasEllipsis ? "" : " and no ellipsis was given"}`,
      );
  });

  // each label's index in the common order: output labels first, then the contracted ones
  const permIndexOf = new Array<number>(TOTAL_LABELS).fill(-1);
  let permIndex = 0;
  let ellIndex = 0;
  let ellInOutput = false;
  if (arrow < 0) {
    permIndex = ellNumDim;
    ellInOutput = true;
    for (let s = 0; s < TOTAL_LABELS; s++) if (labelCount[s] === 1) permIndexOf[s] = permIndex++;
  } else {
    const rhs = equation.slice(arrow + 2);
    for (let i = 0; i < rhs.length; i++) {
      const c = rhs[i];
      if (c === " ") continue;
      if (c === ".") {
        if (ellInOutput) throw runtimeError("einsum(): found '.' for output but an ellipsis (...) was already found");
        if (!(i + 2 < rhs.length && rhs[++i] === "." && rhs[++i] === "."))
          throw runtimeError("einsum(): found '.' for output that is not part of any ellipsis (...)");
        ellIndex = permIndex;
        permIndex += ellNumDim;
        ellInOutput = true;
      } else {
        if (!isAlpha(c))
          throw runtimeError(`einsum(): invalid subscript given at index ${lhs.length + 2 + i} in the equation string, subscripts must be in [a-zA-Z]`);
        const s = subscriptOf(c);
        if (!(labelCount[s] > 0 && permIndexOf[s] === -1))
          throw runtimeError(
            `einsum(): output subscript ${c}${permIndexOf[s] > -1 ? " appears more than once in the output" : " does not appear in the equation for any input operand"}`,
          );
        permIndexOf[s] = permIndex++;
      }
    }
  }
  const outNumDim = permIndex;
  if (!ellInOutput) {
    ellIndex = permIndex;
    permIndex += ellNumDim;
  }
  for (let s = 0; s < TOTAL_LABELS; s++) if (labelCount[s] > 0 && permIndexOf[s] === -1) permIndexOf[s] = permIndex++;

  // diagonals for repeated labels, unsqueezed missing dimensions, every operand permuted alike
  const labelSize = new Array<number>(TOTAL_LABELS).fill(1);
  const ellSizes = new Array<number>(ellNumDim).fill(1);
  const dimCounts = new Array<number>(permIndex).fill(0);
  let ops: Tensor[] = [];
  opLabels.forEach((labels, i) => {
    let op = operands[i];
    const permutation = new Array<number>(permIndex).fill(-1);
    let dim = 0;
    for (const s of labels) {
      if (s === ELLIPSIS) {
        const ndim = operands[i].dim() - (labels.length - 1);
        for (let j = ellNumDim - ndim; j < ellNumDim; j++) {
          if (op.shape[dim] !== 1) {
            if (!(ellSizes[j] === 1 || ellSizes[j] === op.shape[dim]))
              throw runtimeError(
                `einsum(): dimension ${dim} covered by ellipsis in operand ${i}has size ${op.shape[dim]} which does not broadcast with previously seen ellipsis with size ${ellSizes[j]} for the respective dimension`,
              );
            ellSizes[j] = op.shape[dim];
            dimCounts[ellIndex + j]++;
          }
          permutation[ellIndex + j] = dim++;
        }
      } else if (permutation[permIndexOf[s]] === -1) {
        if (op.shape[dim] !== 1) {
          if (!(labelSize[s] === 1 || labelSize[s] === op.shape[dim]))
            throw runtimeError(
              `einsum(): subscript ${labelOf(s)} has size ${op.shape[dim]} for operand ${i} which does not broadcast with previously seen size ${labelSize[s]}`,
            );
          labelSize[s] = op.shape[dim];
          dimCounts[permIndexOf[s]]++;
        }
        permutation[permIndexOf[s]] = dim++;
      } else {
        const prev = permutation[permIndexOf[s]];
        if (op.shape[dim] !== op.shape[prev])
          throw runtimeError(
            `einsum(): subscript ${labelOf(s)} is repeated for operand ${i} but the sizes don't match, ${op.shape[dim]} != ${op.shape[prev]}`,
          );
        // diagonal(0, prev, dim).movedim(-1, prev): the diagonal takes prev's place
        const d = diagonal(op, 0, prev, dim);
        const n = d.dim();
        const order: number[] = [];
        for (let k = 0; k < n - 1; k++) {
          if (k === prev) order.push(n - 1);
          order.push(k);
        }
        if (prev === n - 1) order.push(n - 1);
        op = permute(d, order);
      }
    }
    for (let k = 0; k < permutation.length; k++) {
      if (permutation[k] === -1) {
        op = unsqueeze(op, dim);
        permutation[k] = dim++;
      }
    }
    ops.push(permute(op, permutation));
  });

  // contract left to right; a dimension only one side still holds is summed before the product
  while (ops.length > 1) {
    let a = ops[0];
    let b = ops[1];
    ops = ops.slice(2);
    const sumDims: number[] = [];
    const aDims: number[] = [];
    const bDims: number[] = [];
    for (let dim = outNumDim; dim < permIndex; dim++) {
      if (a.shape[dim] !== 1 && b.shape[dim] !== 1) {
        if (--dimCounts[dim] === 1) {
          sumDims.push(dim);
          dimCounts[dim] = 0;
        }
      } else if (dimCounts[dim] === 1) {
        if (a.shape[dim] !== 1) {
          aDims.push(dim);
          dimCounts[dim] = 0;
        } else if (b.shape[dim] !== 1) {
          bDims.push(dim);
          dimCounts[dim] = 0;
        }
      }
    }
    if (aDims.length > 0) a = sum(a, aDims, true);
    if (bDims.length > 0) b = sum(b, bDims, true);
    ops.unshift(sumproductPair(a, b, sumDims));
  }

  if (permIndex - outNumDim > 0) {
    if (numOps > 1) return view(ops[0], ops[0].shape.slice(0, outNumDim));
    const dims: number[] = [];
    for (let d = outNumDim; d < permIndex; d++) dims.push(d);
    return sum(ops[0], dims);
  }
  return ops[0];
}
