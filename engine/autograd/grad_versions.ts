// The version counters PyTorch's engine leaves on the gradients it hands out (.grad's first value,
// autograd.grad's results). A gradient a backward formula makes is a fresh tensor, version 0. Where
// paths meet, InputBuffer::accumulate adds in place into a gradient only the engine holds
// (`old.add_(new)`: its version + 1), else into the new one, else out of place (0); under
// create_graph always out of place. AccumulateGrad then steals the gradient as .grad when nothing
// else holds it and its strides are the leaf's (the version it has), else stores a copy made by
// `new_empty_strided(...).copy_(grad)`: version 1. What Python holds (the seeds: backward()'s ones
// or the gradient passed in) is never stolen or added into. Our engine sums out of place and
// stores a copy, so it keeps PyTorch's numbers here and gives them to the tensors it hands out.
import type { Storage, Tensor } from "../tensor.ts";

/** strides that cover the elements once each with no gaps (any order of dimensions) */
export function isNonOverlappingAndDense(t: Tensor): boolean {
  const dims = t.shape.map((size, d) => ({ size, stride: t.strides[d] })).filter((d) => d.size !== 1);
  dims.sort((a, b) => a.stride - b.stride);
  let expected = 1;
  for (const d of dims) {
    if (d.stride !== expected) return false;
    expected *= d.size;
  }
  return true;
}

/** utils::obeys_layout_contract: the gradient's strides are the variable's where a size is not 1 */
export function obeysLayout(grad: Tensor, variable: Tensor): boolean {
  if (!isNonOverlappingAndDense(variable)) return grad.isContiguous();
  return grad.shape.every((size, d) => (size !== 1 ? grad.strides[d] === variable.strides[d] : grad.strides[d] !== 0));
}

export class GradVersions {
  private readonly versions = new Map<Tensor, number>();
  /** how many input-buffer slots (and not yet delivered outputs) hold each gradient */
  private readonly refs = new Map<Tensor, number>();
  private readonly held: Set<Storage>;

  constructor(seeds: readonly Tensor[]) {
    this.held = new Set(seeds.map((s) => s.storage));
  }

  /** PyTorch's version of a gradient the engine made (a seed's is its own) */
  of(t: Tensor): number {
    return this.held.has(t.storage) ? t.version : (this.versions.get(t) ?? 0);
  }

  hold(t: Tensor): void {
    this.refs.set(t, (this.refs.get(t) ?? 0) + 1);
  }

  release(t: Tensor): void {
    const n = (this.refs.get(t) ?? 0) - 1;
    if (n > 0) this.refs.set(t, n);
    else this.refs.delete(t);
  }

  /** only the engine holds it, once (`others`: references besides the one being looked at) */
  private alone(t: Tensor, others: number): boolean {
    return !this.held.has(t.storage) && (this.refs.get(t) ?? 0) === others;
  }

  /** `sum` = `old` + `g` in an input buffer (`old` held by its slot, `g` by nobody else) */
  summed(old: Tensor, g: Tensor, sum: Tensor, gradMode: boolean): void {
    if (gradMode) return;
    if (isNonOverlappingAndDense(old) && this.alone(old, 1)) this.versions.set(sum, this.of(old) + 1);
    else if (isNonOverlappingAndDense(g) && this.alone(g, 0)) this.versions.set(sum, this.of(g) + 1);
  }

  /** the version .grad starts with when AccumulateGrad stores `g` (no grad mode) */
  stored(g: Tensor, leaf: Tensor): number {
    if (this.alone(g, 0) && obeysLayout(g, leaf)) return this.of(g);
    return isNonOverlappingAndDense(leaf) ? 1 : 0;
  }
}
