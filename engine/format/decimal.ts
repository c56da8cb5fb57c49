// Python's float formatting ("{:.4f}", "{:.4e}", "{:.0f}") done exactly on the binary value.
// JS toFixed/toExponential break exact ties upward (0.03125 -> "0.0313") and write "e+5";
// Python rounds ties to even ("0.0312") and writes "e+05", so we round with BigInt ourselves.

interface Decomposed {
  negative: boolean;
  /** |x| = mantissa * 2^exponent, exactly */
  mantissa: bigint;
  exponent: number;
}

const view = new DataView(new ArrayBuffer(8));

function decompose(x: number): Decomposed {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const exponentBits = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (exponentBits === 0) return { negative, mantissa: fraction, exponent: -1074 };
  return { negative, mantissa: fraction | (1n << 52n), exponent: exponentBits - 1075 };
}

/** round(|x| * 10^power) to the nearest integer, ties to even */
function roundScaled(d: Decomposed, power: number): bigint {
  let num = d.mantissa;
  let den = 1n;
  if (d.exponent >= 0) num <<= BigInt(d.exponent);
  else den <<= BigInt(-d.exponent);
  if (power >= 0) num *= 10n ** BigInt(power);
  else den *= 10n ** BigInt(-power);
  const q = num / den;
  const twiceRest = (num % den) * 2n;
  if (twiceRest > den || (twiceRest === den && q % 2n === 1n)) return q + 1n;
  return q;
}

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return null;
}

/** Python's format(x, ".{digits}f") */
export function formatFixed(x: number, digits: number): string {
  // JS's toFixed also gives the decimal nearest the exact binary value, but breaks a tie upward
  // where Python breaks it to even: it is used wherever |x|·10^digits cannot be a tie (its
  // fraction, computed with one rounding, is clearly off 1/2), which is almost always; -0, ties,
  // huge values and many digits go the exact way. Tensor reprs format every value they show.
  if (x !== 0 && digits <= 20 && Math.abs(x) < 1e15) {
    const scaled = Math.abs(x) * 10 ** digits;
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) > scaled * 2 ** -50) return x.toFixed(digits);
  }
  return formatFixedExact(x, digits);
}

/** formatFixed by exact rational arithmetic (BigInt), for every case */
export function formatFixedExact(x: number, digits: number): string {
  const special = nonFinite(x);
  if (special !== null) return special;
  const d = decompose(x);
  const digitsText = roundScaled(d, digits)
    .toString()
    .padStart(digits + 1, "0");
  const whole = digitsText.slice(0, digitsText.length - digits);
  const body = digits > 0 ? `${whole}.${digitsText.slice(whole.length)}` : whole;
  return (d.negative ? "-" : "") + body;
}

/** Python's format(x, ".{digits}e") */
export function formatExponent(x: number, digits: number): string {
  const special = nonFinite(x);
  if (special !== null) return special;
  const d = decompose(x);
  let power = 0;
  let scaled = 0n;
  if (x !== 0) {
    const low = 10n ** BigInt(digits);
    const high = low * 10n;
    power = Math.floor(Math.log10(Math.abs(x)));
    // log10 can be off by one near powers of ten, and rounding can carry into a new digit
    for (;;) {
      scaled = roundScaled(d, digits - power);
      if (scaled >= high) power += 1;
      else if (scaled < low) power -= 1;
      else break;
    }
  }
  const text = scaled.toString().padStart(digits + 1, "0");
  const mantissa = digits > 0 ? `${text[0]}.${text.slice(1)}` : text;
  const expText = `${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  return `${d.negative ? "-" : ""}${mantissa}e${expText}`;
}

/** Python's str() of an int64 element (held here as a double) */
export function formatInteger(x: number): string {
  return BigInt(x).toString();
}
