import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { formatGroupedNumber } from '../../lib/model/number-format';

// The oracle is ECMA-402 itself: Intl.NumberFormat('en-US') with the same fraction digits.
const intl = (n: number, min: number, max: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }).format(n);
const digits = fc.constantFrom([0, 0], [2, 2], [0, 2], [1, 3]);

describe('formatGroupedNumber, en-US grouping without building an Intl.NumberFormat', () => {
  it('formats as Intl.NumberFormat does the report figures: prices, quantities, byte counts', () => {
    for (const [n, min, max, text] of [
      [1857945600000, 0, 2, '1,857,945,600,000'], [1730.35, 0, 2, '1,730.35'], [1234.5, 2, 2, '1,234.50'], [999.995, 2, 2, '1,000.00'],
      [0.5, 0, 0, '1'], [2.5, 0, 0, '3'], [-2.5, 0, 0, '-3'], [1.005, 2, 2, '1.01'], [0, 2, 2, '0.00'], [-0, 0, 0, '-0'], [-0.001, 0, 2, '-0'],
      [Number.MAX_SAFE_INTEGER, 0, 2, '9,007,199,254,740,991'], [1e21, 0, 2, '1,000,000,000,000,000,000,000'], [NaN, 0, 2, 'NaN'],
    ] as const) {
      expect(formatGroupedNumber(n, min, max)).toBe(text);
      expect(intl(n, min, max)).toBe(text);
    }
  });

  it('builds no Intl.NumberFormat for a number it writes itself, and one per digit setting for the others', () => {
    const expected = [intl(1234.5, 3, 7), intl(1e21, 3, 7), intl(-Infinity, 3, 7), intl(1e-7, 3, 7), intl(2e-7, 4, 7)];
    const Real = Intl.NumberFormat;
    // Each `new Intl.NumberFormat` the module makes, counted (a function returning an object is what `new` gives).
    const built = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (locales?: string | string[], options?: Intl.NumberFormatOptions) {
      return new Real(locales, options);
    } as typeof Intl.NumberFormat);
    try {
      expect(formatGroupedNumber(1234.5, 3, 7)).toBe(expected[0]);
      expect(built).not.toHaveBeenCalled();
      expect([formatGroupedNumber(1e21, 3, 7), formatGroupedNumber(-Infinity, 3, 7), formatGroupedNumber(1e-7, 3, 7)]).toEqual(expected.slice(1, 4));
      expect(built).toHaveBeenCalledTimes(1);
      expect(formatGroupedNumber(2e-7, 4, 7)).toBe(expected[4]);
      expect(built).toHaveBeenCalledTimes(2);
    } finally {
      built.mockRestore();
    }
  });

  it('formats any number as Intl.NumberFormat does', () => {
    const numbers = fc.oneof(fc.double(), fc.integer(), fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((c) => c / 100), fc.integer({ min: 0, max: 1e6 }).map((c) => c / 1000 + 0.0005));
    fc.assert(fc.property(numbers, digits, (n, [min, max]) => {
      expect(formatGroupedNumber(n, min, max)).toBe(intl(n, min, max));
    }), { numRuns: 5_000 });
  });
});
