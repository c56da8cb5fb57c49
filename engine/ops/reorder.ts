// Reordering along dims: flip (FlipBackward0), sort / topk (values with SortBackward0 /
// TopkBackward0 plus int64 indices; the gradient scatters back through the indices),
// argsort, and nonzero. Sorting runs libstdc++'s algorithms so ties land as PyTorch's do.
import { runtimeError } from "../errors.ts";
import { record, recordConstant } from "../autograd/record.ts";
import { fromValues, numelOf, type Tensor } from "../tensor.ts";
import { gather, scatter, zerosOf } from "./gather_scatter.ts";
import { nthElement, partialSort, stdSort, type Less } from "./stl_sort.ts";
import { wrapDim } from "./views.ts";

/** x.flip(dims): a copy with the listed dims reversed */
export function flip(x: Tensor, dims: number[]): Tensor {
  const ds = dims.map((d) => wrapDim(d, x.dim()));
  const seen = new Set<number>();
  for (const d of ds) {
    if (seen.has(d)) throw runtimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  const v = x.values();
  const shape = x.shape;
  const out = new Array<number>(v.length);
  const coords = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < v.length; i++) {
    let src = 0;
    for (let d = 0; d < shape.length; d++) src = src * shape[d] + (seen.has(d) ? shape[d] - 1 - coords[d] : coords[d]);
    out[i] = v[src];
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coords[d] < shape[d]) break;
      coords[d] = 0;
    }
  }
  return record(fromValues(x.rt, out, shape.slice(), x.dtype), {
    op: "flip",
    gradFn: "FlipBackward0",
    inputs: [x],
    backward: ([g]) => [flip(g!, ds)],
    jvp: ([t]) => flip(t!, ds),
  });
}

type Pair = [number, number];

/** ATen's KeyValueCompAsc / KeyValueCompDesc (and topk's comparators): NaN is the largest value */
const ascending: Less<Pair> = (a, b) => (!Number.isNaN(a[0]) && Number.isNaN(b[0])) || a[0] < b[0];
const descending: Less<Pair> = (a, b) => (Number.isNaN(a[0]) && !Number.isNaN(b[0])) || a[0] > b[0];

/** run `arrange` on every 1-D lane along dim; it returns the pairs to keep (value, index) */
function alongLanes(x: Tensor, d: number, keep: number, arrange: (lane: Pair[]) => Pair[]): { values: number[]; indices: number[]; shape: number[] } {
  const shape = x.dim() === 0 ? [1] : x.shape;
  const n = shape[d];
  const inner = numelOf(shape.slice(d + 1));
  const outer = numelOf(shape.slice(0, d));
  const v = x.values();
  const outShape = shape.slice();
  outShape[d] = keep;
  const values = new Array<number>(numelOf(outShape));
  const indices = new Array<number>(values.length);
  for (let o = 0; o < outer; o++)
    for (let i = 0; i < inner; i++) {
      const lane: Pair[] = [];
      for (let k = 0; k < n; k++) lane.push([v[(o * n + k) * inner + i], k]);
      arrange(lane).forEach(([val, idx], k) => {
        values[(o * keep + k) * inner + i] = val;
        indices[(o * keep + k) * inner + i] = idx;
      });
    }
  return { values, indices, shape: x.dim() === 0 ? [] : outShape };
}

/** values with a grad_fn whose gradient scatters into zeros at the indices; indices constant */
function selected(x: Tensor, d: number, r: ReturnType<typeof alongLanes>, op: string, gradFn: string): [Tensor, Tensor] {
  const values = fromValues(x.rt, r.values, r.shape.slice(), x.dtype);
  const indices = fromValues(x.rt, r.indices, r.shape.slice(), "int64");
  recordConstant(indices, `${op}.indices`, [x]);
  const sizes = x.shape.slice();
  record(values, {
    op,
    gradFn,
    inputs: [x],
    save: { indices },
    backward: ([g], node) => [scatter(zerosOf(g!, sizes), d, node.unpack("indices"), g!)],
    jvp: ([t]) => gather(t!, d, indices),
  });
  return [values, indices];
}

function sortLanes(x: Tensor, dim: number, desc: boolean, stable: boolean) {
  const d = wrapDim(dim, x.dim());
  const less = desc ? descending : ascending;
  const size = x.dim() === 0 ? 1 : x.shape[d];
  return {
    d,
    r: alongLanes(x, d, size, (lane) => {
      // std::stable_sort's order is the one any stable sort gives
      if (stable) lane.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
      else stdSort(lane, 0, lane.length, less);
      return lane;
    }),
  };
}

/** torch.sort(x, dim=-1, descending=False, stable=False) -> (values, indices) */
export function sort(x: Tensor, dim = -1, desc = false, stable = false): [Tensor, Tensor] {
  const { d, r } = sortLanes(x, dim, desc, stable);
  return selected(x, d, r, "sort", "SortBackward0");
}

/** torch.argsort: sort's indices only (no graph) */
export function argsort(x: Tensor, dim = -1, desc = false): Tensor {
  const { r } = sortLanes(x, dim, desc, false);
  return recordConstant(fromValues(x.rt, r.indices, r.shape.slice(), "int64"), "argsort", [x]);
}

/** torch.topk(x, k, dim=-1, largest=True, sorted=True) -> (values, indices), as ATen's topk_impl_loop */
export function topk(x: Tensor, k: number, dim = -1, largest = true, sorted = true): [Tensor, Tensor] {
  const d = wrapDim(dim, x.dim());
  const size = x.dim() === 0 ? 1 : x.shape[d];
  if (k < 0 || k > size) throw runtimeError("selected index k out of range");
  const less = largest ? descending : ascending;
  const r = alongLanes(x, d, k, (lane) => {
    if (k * 64 <= lane.length) partialSort(lane, 0, k, lane.length, less);
    else {
      nthElement(lane, 0, k - 1, lane.length, less);
      if (sorted) stdSort(lane, 0, k - 1, less);
    }
    return lane.slice(0, k);
  });
  return selected(x, d, r, "topk", "TopkBackward0");
}

/** torch.nonzero: the coordinates of every nonzero element, one row each ([n, ndim], int64) */
export function nonzero(x: Tensor): Tensor {
  const v = x.values();
  const rows: number[] = [];
  let count = 0;
  v.forEach((val, i) => {
    if (val === 0) return;
    count++;
    let rem = i;
    const coords = new Array<number>(x.dim());
    for (let d = x.dim() - 1; d >= 0; d--) {
      coords[d] = rem % x.shape[d];
      rem = Math.floor(rem / x.shape[d]);
    }
    rows.push(...coords);
  });
  return recordConstant(fromValues(x.rt, rows, [count, x.dim()], "int64"), "nonzero", [x]);
}

/** torch.nonzero(x, as_tuple=True): one int64 vector of coordinates per dim (a 0-d x counts as 1-d) */
export function nonzeroTuple(x: Tensor): Tensor[] {
  const flat = x.dim() === 0 ? fromValues(x.rt, x.values(), [1], x.dtype) : x;
  const v = flat.values();
  const cols: number[][] = flat.shape.map(() => []);
  v.forEach((val, i) => {
    if (val === 0) return;
    let rem = i;
    for (let d = flat.dim() - 1; d >= 0; d--) {
      cols[d].push(rem % flat.shape[d]);
      rem = Math.floor(rem / flat.shape[d]);
    }
  });
  return cols.map((c) => recordConstant(fromValues(x.rt, c, [c.length], "int64"), "nonzero", [x]));
}
