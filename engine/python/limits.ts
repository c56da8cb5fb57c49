// Sizes CPython refuses, with CPython 3.13's errors: a count past Py_ssize_t, a request for more
// memory than any ordinary machine grants (a bare MemoryError, as CPython's failed malloc gives),
// and the 4300-digit limit on int <-> decimal string conversion.
import { type PyError, pyErr } from "./values.ts";

/** PY_SSIZE_T_MAX on a 64-bit build */
export const SSIZE_MAX = 2n ** 63n - 1n;

/** bytes past which CPython's allocation fails on any ordinary machine (so it says MemoryError
 *  with no message); below it, Gradlens's own budgets decide */
const HOPELESS_BYTES = 2 ** 36;

/** sys.get_int_max_str_digits() */
export const INT_MAX_STR_DIGITS = 4300;

/** a bare MemoryError, as CPython raises when malloc fails */
export function noMemory(): PyError {
  return pyErr("MemoryError");
}

/** throw CPython's bare MemoryError for a request of `bytes` no machine would grant */
export function refuseHopeless(bytes: number | bigint): void {
  if (Number(bytes) > HOPELESS_BYTES) throw noMemory();
}

/** an int argument CPython reads as Py_ssize_t ("n" in PyArg_Parse) */
export function asSsize(v: bigint, message = "Python int too large to convert to C ssize_t"): bigint {
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) throw pyErr("OverflowError", message);
  return v;
}

/** PyNumber_AsSsize_t for a sequence index: past Py_ssize_t it is an IndexError */
export function checkIndexSize(v: bigint): void {
  if (v > SSIZE_MAX || v < -SSIZE_MAX - 1n) throw pyErr("IndexError", "cannot fit 'int' into an index-sized integer");
}

const LIMIT = 10n ** BigInt(INT_MAX_STR_DIGITS);

/** str(n) of an int: past 4300 decimal digits CPython refuses */
export function intToDecimal(n: bigint): string {
  if (n >= LIMIT || n <= -LIMIT)
    throw pyErr(
      "ValueError",
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  return n.toString();
}

/** int(s) with a base that is not a power of two: past 4300 digits CPython refuses */
export function checkParsedDigits(digits: number, radix: number): void {
  if (digits > INT_MAX_STR_DIGITS && (radix & (radix - 1)) !== 0)
    throw pyErr(
      "ValueError",
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
}

/** The longest list, tuple or repeated string Gradlens builds: past this a program is almost
 *  surely doubling something in a loop, and JavaScript would die of it (not raise). */
export const MAX_ITEMS = 10_000_000;

export function tooLarge(): PyError {
  return pyErr("MemoryError", "sequence too large");
}

/** n items about to be built: CPython's bare MemoryError past what any machine grants, the
 *  Gradlens limit past MAX_ITEMS */
export function checkNewSize(n: bigint, itemBytes: number): void {
  refuseHopeless(n * BigInt(itemBytes));
  if (n > BigInt(MAX_ITEMS)) throw tooLarge();
}
