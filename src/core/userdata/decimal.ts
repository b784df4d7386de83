/**
 * Exact decimal arithmetic for the sums, minima and maxima of a user's numeric columns.
 *
 * Why not doubles: a floating-point sum depends on the order of its additions
 * ((a + b) + c ≠ a + (b + c)), so a parallel sum merged in another order could differ
 * from the sequential one in the last bit. Here every value is read as an exact decimal
 * `m × 10^−s` (an integer mantissa m, a scale s = its number of digits after the point),
 * and sums are kept as exact integers at the largest scale seen. Integer addition is
 * associative and commutative, so any split and any merge order give the same sum, digit
 * for digit.
 *
 * Speed: most values have at most 15 significant digits, so their mantissa is an exact
 * double-precision integer; a sum stays in a plain number while it is a safe integer
 * (|x| < 2^53) and spills into a BigInt only when it would leave that range or the scale
 * grows. Values with more than 15 significant digits take the BigInt path throughout.
 *
 * Accepted spelling (after trimming spaces and tabs): an optional sign, digits, an
 * optional point and digits (`12`, `-3.50`, `+.5`, `7.`). Exponent notation (`1e5`) is
 * refused with its own message rather than guessed at; any length of digits is exact.
 * Empty cells are missing values, not zeros.
 */

/** A parsed value: mantissa (a number when exact as a double, else a bigint) and scale. */
export interface Decimal {
  m: number | bigint;
  s: number;
  /** The value as a double when that is an order-preserving stand-in (≤ 15 significant digits, scale ≤ 22); NaN otherwise. */
  f: number;
}

/** A running exact sum: small + big, both integers in units of 10^−scale. */
export interface ExactSum {
  small: number;
  big: bigint;
  scale: number;
}

/** What readDecimal found: a value, an empty cell, or why the text is not a plain decimal. */
export type DecimalRead = 'ok' | 'empty' | 'not-numeric' | 'exponent';

const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

const TEN = 10n;
function pow10n(k: number): bigint {
  return TEN ** BigInt(k);
}

/** The one scratch value readDecimal fills, so the hot loop allocates nothing. */
export const scratch: Decimal = { m: 0, s: 0, f: 0 };

const SPACE = 0x20;
const TAB = 0x09;
const PLUS = 0x2b;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Reads bytes[start, end) as a plain decimal into `out` (default: the shared scratch).
 * Returns 'ok', 'empty' (only blanks), 'exponent' or 'not-numeric'.
 */
export function readDecimal(bytes: Uint8Array, start: number, end: number, out: Decimal = scratch): DecimalRead {
  while (start < end && (bytes[start] === SPACE || bytes[start] === TAB)) start++;
  while (end > start && (bytes[end - 1] === SPACE || bytes[end - 1] === TAB)) end--;
  if (start === end) return 'empty';
  let i = start;
  let negative = false;
  if (bytes[i] === PLUS || bytes[i] === MINUS) {
    negative = bytes[i] === MINUS;
    i++;
  }
  let m = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  let seenDot = false;
  for (; i < end; i++) {
    const c = bytes[i];
    if (c >= ZERO && c <= NINE) {
      digits++;
      if (seenDot) scale++;
      if (significant > 0 || c !== ZERO) significant++;
      if (significant <= 15) m = m * 10 + (c - ZERO);
    } else if (c === DOT && !seenDot) {
      seenDot = true;
    } else if ((c === 0x65 || c === 0x45) && digits > 0) {
      return 'exponent';
    } else {
      return 'not-numeric';
    }
  }
  if (digits === 0) return 'not-numeric';
  out.s = scale;
  if (significant <= 15) {
    out.m = negative && m !== 0 ? -m : m;
    out.f = scale <= 22 ? (out.m as number) / POW10[scale] : Number.NaN;
  } else {
    let text = '';
    for (let k = start; k < end; k++) if (bytes[k] !== DOT && bytes[k] !== PLUS) text += String.fromCharCode(bytes[k]);
    out.m = BigInt(text);
    out.f = Number.NaN;
  }
  return 'ok';
}

/** readDecimal over a string (NDJSON values, group keys). */
export function readDecimalText(text: string, out: Decimal = scratch): DecimalRead {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[i] = c < 0x80 ? c : 0x7f; // any non-ASCII character makes it not numeric
  }
  return readDecimal(bytes, 0, bytes.length, out);
}

/** A copy of a decimal (scratch values are overwritten by the next read). */
export function copyDecimal(d: Decimal): Decimal {
  return { m: d.m, s: d.s, f: d.f };
}

/** The mantissa of d at a larger scale, as a bigint. */
function scaled(d: Decimal, scale: number): bigint {
  return BigInt(d.m) * pow10n(scale - d.s);
}

/** Exact three-way comparison of two decimals. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  if (a.f === a.f && b.f === b.f) return a.f < b.f ? -1 : a.f > b.f ? 1 : 0;
  const s = Math.max(a.s, b.s);
  const x = scaled(a, s);
  const y = scaled(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A new sum of nothing. */
export function emptySum(): ExactSum {
  return { small: 0, big: 0n, scale: 0 };
}

function rescale(sum: ExactSum, scale: number): void {
  sum.big = (sum.big + BigInt(sum.small)) * pow10n(scale - sum.scale);
  sum.small = 0;
  sum.scale = scale;
}

/** Adds d to sum exactly. */
export function addDecimal(sum: ExactSum, d: Decimal): void {
  if (d.s > sum.scale) rescale(sum, d.s);
  if (typeof d.m === 'number') {
    const k = sum.scale - d.s;
    const v = k === 0 ? d.m : k <= 22 ? d.m * POW10[k] : Number.NaN;
    const t = sum.small + v;
    // A product or sum beyond 2^53 is rounded to a value that is no longer a safe integer.
    if (Number.isSafeInteger(v) && Number.isSafeInteger(t)) {
      sum.small = t;
      return;
    }
  }
  sum.big += scaled(d, sum.scale);
}

/** Adds the sum `from` into `into` exactly (the merge of two partial sums). */
export function addSum(into: ExactSum, from: ExactSum): void {
  if (from.scale > into.scale) rescale(into, from.scale);
  into.big += (from.big + BigInt(from.small)) * pow10n(into.scale - from.scale);
}

/** The exact value of a sum as a bigint mantissa at `scale` (≥ sum.scale). */
export function sumAt(sum: ExactSum, scale: number): bigint {
  return (sum.big + BigInt(sum.small)) * pow10n(scale - sum.scale);
}

/** A mantissa at `scale` written as a plain decimal with exactly `scale` digits after the point. */
export function formatScaled(mantissa: bigint, scale: number): string {
  const negative = mantissa < 0n;
  let digits = (negative ? -mantissa : mantissa).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/** A decimal written at `scale` (≥ d.s). */
export function formatDecimal(d: Decimal, scale: number): string {
  return formatScaled(scaled(d, scale), scale);
}
