// WebAssembly's binary format, the few parts our kernels need, written out by hand (no toolchain
// is needed to build the engine): LEB128 numbers, sections, opcodes, and a module of functions
// sharing one exported memory. The kernels themselves are built in gemm_wasm.ts, binary_wasm.ts,
// sum_wasm.ts and expf_wasm.ts.

export const I32 = 0x7f;
export const I64 = 0x7e;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

export const BLOCK = 0x02;
export const LOOP = 0x03;
export const IF = 0x04;
export const ELSE = 0x05;
export const END = 0x0b;
export const BR = 0x0c;
export const BR_IF = 0x0d;
export const VOID = 0x40;
export const GET = 0x20;
export const SET = 0x21;
export const TEE = 0x22;
export const I32_ADD = 0x6a;
export const I32_SUB = 0x6b;
export const I32_MUL = 0x6c;
export const I32_AND = 0x71;
export const I32_SHL = 0x74;
export const I32_SHR_U = 0x76;
export const I32_EQZ = 0x45;
export const I32_LT_U = 0x49;
export const I32_GT_U = 0x4b;
export const I32_LE_U = 0x4d;
export const I32_GE_U = 0x4f;

export function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export const i32 = (v: number): number[] => [0x41, ...sleb(v)];
export const f64 = (v: number): number[] => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)];
/** an instruction of the SIMD prefix */
export const simd = (op: number, ...immediates: number[]): number[] => [0xfd, ...uleb(op), ...immediates];
/** v128.load / v128.store at `offset` bytes past the address on the stack (alignment hint 16) */
export const v128Load = (offset = 0): number[] => simd(0, 4, ...uleb(offset));
export const v128Store = (offset = 0): number[] => simd(11, 4, ...uleb(offset));
/** a v128 constant holding the same 64-bit float in both lanes */
export const f64x2Const = (v: number): number[] => {
  const lane = new Uint8Array(Float64Array.of(v).buffer);
  return simd(12, ...lane, ...lane);
};
/** a v128 constant holding the same 64-bit integer pattern (given as two 32-bit halves) in both lanes */
export const i64x2Const = (hi: number, lo: number): number[] => {
  const lane = new Uint8Array(Uint32Array.of(lo >>> 0, hi >>> 0).buffer);
  return simd(12, ...lane, ...lane);
};

export function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}
export function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}
export function name(s: string): number[] {
  return [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
}

/** one exported function: its signature, its locals past the parameters (one type each), its code */
export interface FuncDef {
  name: string;
  params: number[];
  results: number[];
  locals: number[];
  code: number[];
}

/** a module of `funcs`, each exported under its name, and one memory exported as "memory" */
export function moduleBytes(funcs: FuncDef[]): Uint8Array<ArrayBuffer> {
  const sigs: string[] = [];
  const typeOf = funcs.map((f) => {
    const key = JSON.stringify([f.params, f.results]);
    if (!sigs.includes(key)) sigs.push(key);
    return sigs.indexOf(key);
  });
  const types = sigs.map((s) => {
    const [params, results] = JSON.parse(s) as [number[], number[]];
    return [0x60, ...vec(params.map((p) => [p])), ...vec(results.map((r) => [r]))];
  });
  const bodies = funcs.map((f) => {
    // runs of one type: [count, type]
    const groups: number[][] = [];
    for (const t of f.locals) {
      const last = groups.at(-1);
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const body = [...vec(groups.map(([count, t]) => [...uleb(count), t])), ...f.code, END];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(3, vec(typeOf.map((t) => uleb(t)))),
    ...section(5, vec([[0x00, 1]])),
    ...section(7, vec([...funcs.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]), [...name("memory"), 0x02, 0]])),
    ...section(10, vec(bodies)),
  ]);
}

/** Locals of a function being written, by name: params first, in order, then the rest as asked. */
export class Locals {
  private readonly types: number[] = [];
  private readonly params: number;
  constructor(params: number[]) {
    this.types.push(...params);
    this.params = params.length;
  }
  add(type: number, count = 1): number {
    const first = this.types.length;
    for (let i = 0; i < count; i++) this.types.push(type);
    return first;
  }
  /** the locals past the parameters, as FuncDef wants them */
  get declared(): number[] {
    return this.types.slice(this.params);
  }
}

/** `while (cond) { body }`: cond leaves an i32 on the stack; a br 1 inside body leaves the loop */
export function whileLoop(cond: number[], body: number[]): number[] {
  return [BLOCK, VOID, LOOP, VOID, ...cond, I32_EQZ, BR_IF, 1, ...body, BR, 0, END, END];
}
