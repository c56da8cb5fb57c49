// libstdc++'s sort / nth_element / partial_sort as torch.sort and torch.topk run them: the
// index order of equal values, as PyTorch 2.6 prints it (test/conformance/cases/ops_sort_topk_flip).
import { describe, expect, it } from "vitest";
import { nthElement, partialSort, stdSort, type Less } from "../../../engine/ops/stl_sort.ts";

type Pair = [number, number];
const desc: Less<Pair> = (a, b) => (Number.isNaN(a[0]) && !Number.isNaN(b[0])) || a[0] > b[0];
const asc: Less<Pair> = (a, b) => (!Number.isNaN(a[0]) && Number.isNaN(b[0])) || a[0] < b[0];
const pairs = (v: number[]): Pair[] => v.map((x, i) => [x, i]);

const MANY = [2, 1, 2, 0, 1, 2, 1, 0, 2, 1, 0, 2, 1, 1, 0, 2, 2, 1, 0, 1, 2, 0, 1, 2];

/** topk as ATen's topk_impl_loop: partial_sort when k*64 <= n, else nth_element then sort of k-1 */
function topk(v: number[], k: number, less: Less<Pair>): number[] {
  const q = pairs(v);
  if (k * 64 <= q.length) partialSort(q, 0, k, q.length, less);
  else {
    nthElement(q, 0, k - 1, q.length, less);
    stdSort(q, 0, k - 1, less);
  }
  return q.slice(0, k).map((p) => p[1]);
}

function sorted(v: number[], less: Less<Pair>): number[] {
  const q = pairs(v);
  stdSort(q, 0, q.length, less);
  return q.map((p) => p[1]);
}

describe("libstdc++ orders, as PyTorch prints indices", () => {
  const cases = [
    { name: "topk 3 of ties", got: () => topk([1, 1, 1, 0.5, 1], 3, desc), expected: [2, 4, 0] },
    { name: "topk 3 smallest of ties", got: () => topk([1, 1, 1, 0.5, 1], 3, asc), expected: [3, 2, 4] },
    { name: "sort descending of 5 (insertion sort, stable)", got: () => sorted([1, 1, 1, 0.5, 1], desc), expected: [0, 1, 2, 4, 3] },
    { name: "sort with NaN last", got: () => sorted([3, NaN, 1, 2], asc), expected: [2, 3, 0, 1] },
    { name: "sort descending with NaN first", got: () => sorted([3, NaN, 1, 2], desc), expected: [1, 0, 3, 2] },
    {
      name: "introsort of 24 tied values",
      got: () => sorted(MANY, asc),
      expected: [21, 3, 18, 7, 14, 10, 1, 22, 19, 17, 13, 12, 9, 6, 4, 11, 8, 15, 16, 5, 20, 2, 0, 23],
    },
    {
      name: "introsort descending of 24 tied values",
      got: () => sorted(MANY, desc),
      expected: [23, 2, 20, 5, 8, 16, 15, 11, 0, 12, 22, 19, 17, 13, 9, 6, 4, 1, 14, 10, 7, 18, 21, 3],
    },
    { name: "topk 5 of 24 tied values (nth_element)", got: () => topk(MANY, 5, desc), expected: [15, 8, 16, 23, 11] },
  ];
  for (const c of cases) it(c.name, () => expect(c.got()).toEqual(c.expected));
});
