/**
 * Numbers as reports show them: en-US grouping (`1,857,945,600,000`) and a number of fraction
 * digits, exactly as `new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits })`
 * formats them, without building one: the first `Intl.NumberFormat` of a process loads ICU's
 * number-formatting data, about 10 ms of CPU, more than the rest of a report. Like ICU, it rounds
 * the shortest decimal form of the number (`String(n)`), half away from zero
 * (https://tc39.es/ecma402/#sec-intl.numberformat-internal-slots: roundingMode "halfExpand").
 * Numbers that JavaScript writes with an exponent (below 1e-6 or from 1e21) and non-finite ones
 * are formatted by `Intl.NumberFormat` itself. `test/model/number-format.test.ts` compares both.
 *
 * @param maximumFractionDigits digits after the point, at most (the number is rounded to them)
 * @param minimumFractionDigits digits after the point, at least (padded with zeros)
 */
export function formatGroupedNumber(n: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  const shortest = String(Math.abs(n));
  if (!Number.isFinite(n) || shortest.includes('e')) return intlFormat(n, minimumFractionDigits, maximumFractionDigits);
  // `shortest` is digits with at most one point, and at least one digit before it (`0.5`).
  const point = shortest.indexOf('.');
  let digits = point === -1 ? shortest : shortest.slice(0, point) + shortest.slice(point + 1);
  let intLength = point === -1 ? shortest.length : point;
  // The digits kept, rounded on the first one dropped (none dropped: `charCodeAt` is NaN, no rounding).
  const keep = intLength + maximumFractionDigits;
  const roundUp = digits.charCodeAt(keep) >= 53; // '5' or more: half away from zero
  digits = digits.slice(0, keep);
  if (roundUp) {
    const up = incremented(digits);
    if (up.length > digits.length) intLength += 1; // 9.96 → 10.0
    digits = up;
  }
  // The integer part has no leading zero but the one of `0.5`, and rounding up never adds one.
  const int = digits.slice(0, intLength);
  const fraction = digits.slice(intLength).replace(/0+$/, '').padEnd(minimumFractionDigits, '0');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  // signDisplay "auto" shows the sign of every negative number, -0 and what rounds to 0 included.
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A string of decimal digits plus one in its last place (`'199'` → `'200'`, `'99'` → `'100'`). */
function incremented(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}

const INTL_FORMATS = new Map<string, Intl.NumberFormat>();
function intlFormat(n: number, minimumFractionDigits: number, maximumFractionDigits: number): string {
  const key = `${minimumFractionDigits},${maximumFractionDigits}`;
  let format = INTL_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits });
    INTL_FORMATS.set(key, format);
  }
  return format.format(n);
}
