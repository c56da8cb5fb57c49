// A dead tensor's memory goes to the next kernel output of its size, and only a dead one's:
// the interpreter's two cases (temporaries.ts) and the engine's own checks (buffer_pool.ts).
// The values themselves are pinned by test/conformance/kernels/dead_tensor_reuse.py.
import { describe, expect, it } from "vitest";
import { Runtime } from "../../../engine/index.ts";
import { BufferPool, POOL_FROM } from "../../../engine/buffer_pool.ts";
import { runPython } from "../../../engine/python/run.ts";

const N = 6000;
const BYTES = 4 * N;
const setup = `import torch\nx = torch.rand(${N})\ny = torch.rand(${N})\n`;

/** bytes the run's pool holds at the end of `body` */
function pooledAfter(body: string, sink?: () => void): number {
  const rt = new Runtime();
  const r = runPython(setup + body, { runtime: rt, sink });
  expect(r.error).toBeNull();
  return rt.pool.held;
}

describe("a dead tensor's memory is reused", () => {
  it.each([
    { what: "a name rebound before anything read it", body: "a = x + y\na = x - y\n", held: BYTES },
    { what: "a temporary once the outer operator read it", body: "c = (x * y) + x\n", held: BYTES },
    { what: "chained temporaries hand the same memory on", body: "c = ((x * y + x) * y - x) / y\n", held: BYTES },
    { what: "a name read only as an operator's operand", body: "a = x + y\nb = a * 2\na = x - y\n", held: BYTES },
    { what: "an int64 result (held in float64)", body: "a = x.long() + 1\na = x.long() - 1\n", held: 2 * BYTES },
    { what: "unary minus of a temporary", body: "c = -(x * y)\n", held: BYTES },
    { what: "a function's local rebound", body: "def f():\n    q = x + y\n    q = x - y\n    return 0\nf()\n", held: BYTES },
    // nothing to reuse
    { what: "a name read by print", body: "a = x + y\nprint(a.shape)\na = x - y\n", held: 0 },
    { what: "a second name", body: "a = x + y\nb = a\na = x - y\n", held: 0 },
    { what: "a list holding it", body: "a = x + y\nl = [a]\na = x - y\n", held: 0 },
    { what: "a graph that saved it", body: "p = torch.rand(6000, requires_grad=True)\nc = (x * y) * p\n", held: 0 },
    { what: "an operand with a graph", body: "p = torch.rand(6000, requires_grad=True)\na = p * 2\na = p * 3\n", held: 0 },
    { what: "vars() holding the old value", body: "def f():\n    q = x + y\n    d = vars()\n    q = x - y\n    return d\nf()\n", held: 0 },
    { what: "a frame's f_locals snapshot", body: "import inspect\ndef f():\n    q = x + y\n    d = inspect.currentframe().f_locals\n    q = x - y\n    return d\nf()\n", held: 0 },
    { what: "a frame's f_globals snapshot", body: "import inspect\ng = x + y\nd = inspect.currentframe().f_globals\ng = x - y\n", held: 0 },
    { what: "a class body's names", body: "class K:\n    m = x + y\n    m = x - y\n", held: 0 },
    { what: "small tensors", body: "a = x[:100] + 1\na = x[:100] - 1\n", held: 0 },
  ])("$what", ({ body, held }) => {
    expect(pooledAfter(body)).toBe(held);
  });

  it("nothing while events are narrated (the trace may hold values)", () => {
    expect(pooledAfter("a = x + y\na = x - y\nc = (x * y) + x\n", () => undefined)).toBe(0);
  });

  it("a loop of 10,000 rebinds keeps one array in the pool, reused each time", () => {
    const rt = new Runtime();
    runPython(`${setup}for i in range(10000):\n    z = x * y + x\n`, { runtime: rt });
    expect(rt.pool.held).toBe(2 * BYTES);
  });
});

describe("BufferPool", () => {
  it("hands back an array of the same kind and length, once", () => {
    const pool = new BufferPool();
    const a = new Float32Array(POOL_FROM);
    pool.give(a);
    pool.give(a);
    expect(pool.held).toBe(a.byteLength);
    expect(pool.take("float64", POOL_FROM)).toBeNull();
    expect(pool.take("float32", POOL_FROM + 1)).toBeNull();
    expect(pool.take("float32", POOL_FROM)).toBe(a);
    expect(pool.take("float32", POOL_FROM)).toBeNull();
    expect(pool.held).toBe(0);
  });

  it("keeps nothing small, at most 4 per size and 64 MB in all", () => {
    const pool = new BufferPool();
    pool.give(new Float64Array(POOL_FROM - 1));
    expect(pool.held).toBe(0);
    for (let i = 0; i < 6; i++) pool.give(new Float64Array(POOL_FROM));
    expect(pool.held).toBe(4 * 8 * POOL_FROM);
    for (let i = 0; i < 20; i++) pool.give(new Float32Array(1 << 20 + (i % 4)));
    expect(pool.held).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});
