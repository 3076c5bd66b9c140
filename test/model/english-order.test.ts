import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareEnglish, compareRuleIds } from '../../lib/model/english-order';
import { renderRunbook, type RunbookDashboardLink } from '../../lib/model/monitoring/runbook';

// The oracle is ECMA-402 itself: the collators the registry and the report sorted with before.
const english = new Intl.Collator('en');
const numeric = new Intl.Collator('en', { numeric: true });
const sign = (n: number) => Math.sign(n);

/**
 * Whether `compare` orders a and b as the collator does. The properties below return it, and
 * fast-check fails on `false` with the counterexample, as it would on a failed expect inside
 * the property: tens of thousands of runs without the cost of an expect() each.
 */
const sameOrder = (compare: (a: string, b: string) => number, collator: Intl.Collator, a: string, b: string) =>
  sign(compare(a, b)) === sign(collator.compare(a, b));

/** `a b` (as JSON strings) for each pair of `strings` that `compare` orders otherwise than the collator. */
function pairsMisordered(strings: readonly string[], compare: (a: string, b: string) => number, collator: Intl.Collator): string[] {
  const out: string[] = [];
  for (const a of strings) for (const b of strings) if (!sameOrder(compare, collator, a, b)) out.push(`${JSON.stringify(a)} ${JSON.stringify(b)}`);
  return out;
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
/** Few characters, cases of the same letters and punctuation neighbours: many pairs equal but for case or one character. */
const CLOSE = ['a', 'A', 'b', 'B', 'z', 'Z', '-', '_', '/', ' ', '.', '0', '1', '9', '~', '$', '`', '\\'];
const printable = fc.string({ unit: fc.constantFrom(...PRINTABLE), maxLength: 12 });
const close = fc.string({ unit: fc.constantFrom(...CLOSE), maxLength: 6 });
/** Construct paths as the report holds them. */
const paths = fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,6}$/), { minLength: 1, maxLength: 4 }).map((p) => p.join('/'));
/** Anything: tabs, newlines, accents, other scripts, surrogate pairs (the collator's own path). */
const anything = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }),
  fc.tuple(printable, fc.constantFrom('\t', '\n', 'é', 'É', 'e\u0301', 'ß', 'ﬁ', '\u0000', 'Ω', '😀'), printable).map(([a, c, b]) => a + c + b));

describe('compareEnglish: Intl.Collator("en") without making a collator for printable ASCII', () => {
  it('orders every pair of printable ASCII characters and of two-character strings of close characters as the collator does', () => {
    // Every pair is compared; the pairs ordered otherwise than by the collator are listed at once
    // (one expect over the 126,000 pairs instead of one each: vitest's expect() costs more than the comparison).
    const two = CLOSE.flatMap((x) => ['', ...CLOSE].map((y) => x + y));
    const misordered = [...pairsMisordered(PRINTABLE, compareEnglish, english), ...pairsMisordered(two, compareEnglish, english)];
    expect(misordered).toEqual([]);
  });

  it('compares any two strings as the collator does', () => {
    const strings = fc.oneof(printable, close, paths, anything);
    fc.assert(fc.property(strings, strings, (a, b) => sameOrder(compareEnglish, english, a, b)), { numRuns: 20_000 });
    // A string and itself with its case changed: equal but for the tertiary level.
    fc.assert(fc.property(printable, fc.array(fc.boolean()), (a, flips) => {
      const b = [...a].map((c, i) => (flips[i] ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
      return sameOrder(compareEnglish, english, a, b);
    }), { numRuns: 5_000 });
  });

  it('sorts construct paths into the same order as the collator', () => {
    fc.assert(fc.property(fc.array(fc.oneof(paths, close, anything), { maxLength: 40 }), (list) => {
      const ours = [...list].sort(compareEnglish);
      const theirs = [...list].sort(english.compare);
      return ours.every((s, i) => s === theirs[i]);
    }), { numRuns: 2_000 });
    expect(['b/x', 'B/x', 'a_b', 'a-b', 'A', 'a', 'a/b', 'Ab', 'a1', 'a b'].sort(compareEnglish))
      .toEqual(['a', 'A', 'a b', 'a_b', 'a-b', 'a/b', 'a1', 'Ab', 'b/x', 'B/x']);
  });
});

describe('compareRuleIds: Intl.Collator("en", { numeric: true }) for rule IDs', () => {
  it('compares any two rule IDs (and anything else) as the numeric collator does', () => {
    const ids = fc.oneof(fc.stringMatching(/^[A-Z]{1,5}-[0-9]{3}$/), fc.stringMatching(/^[A-Z][A-Z0-9]{0,4}-[0-9]{3}$/),
      fc.constantFrom('HA-001', 'HA-002', 'HA-010', 'HAB-001', 'SEC-009', 'SLO-004', 'A9-001', 'A10-001', 'ACME-010'), printable, anything);
    fc.assert(fc.property(ids, ids, (a, b) => sameOrder(compareRuleIds, numeric, a, b)), { numRuns: 20_000 });
    expect(['HA-010', 'SEC-001', 'HA-002', 'A10-001', 'A9-001', 'DR-005'].sort(compareRuleIds))
      .toEqual(['A9-001', 'A10-001', 'DR-005', 'HA-002', 'HA-010', 'SEC-001']);
  });
});

/** lib/model/english-order.ts under an id of its own. */
const FRESH_ENGLISH_ORDER = `${'../../lib/model/english-order.ts'}?fresh-collators`;

describe('collators are made only for what the fast paths do not cover', () => {
  it('makes none for printable ASCII and plain rule IDs, and one of each kind on first need', async () => {
    const Real = Intl.Collator;
    const made = vi.spyOn(Intl, 'Collator').mockImplementation(function (locales?: string | string[], options?: Intl.CollatorOptions) {
      return new Real(locales, options);
    } as typeof Intl.Collator);
    try {
      // A second instance of the module, with no collator made yet: the same file under another
      // id (a query), evaluated on its own. Not vi.resetModules(), which would make every later
      // test file of this worker evaluate lib/ again (the suite's workers share their modules).
      const fresh = await import(/* @vite-ignore */ FRESH_ENGLISH_ORDER) as typeof import('../../lib/model/english-order');
      expect(fresh.compareEnglish('Kafka/Cluster', 'kafka/cluster')).toBe(1);
      expect(fresh.compareRuleIds('HA-010', 'HA-002')).toBe(1);
      expect(made).not.toHaveBeenCalled();
      expect(sign(fresh.compareEnglish('é', 'f'))).toBe(-1);
      expect(sign(fresh.compareEnglish('e\t', 'e'))).toBe(sign(english.compare('e\t', 'e')));
      expect(made).toHaveBeenCalledTimes(1);
      expect(sign(fresh.compareRuleIds('A10-001', 'A9-001'))).toBe(1);
      expect(sign(fresh.compareRuleIds('A11-001', 'A9-001'))).toBe(1);
      expect(made).toHaveBeenCalledTimes(2);
    } finally {
      made.mockRestore();
    }
  });
});

describe('a runbook orders its links with the named en order, not the process locale', () => {
  it("a runbook lists its dashboard links in the 'en' order of cluster, then alert", () => {
    const link = (cluster: string, alert: string): RunbookDashboardLink => ({ runbook: 'broker-down', alert, cluster, dashboard: `Kafka ${cluster}`, panel: alert, url: `/d/${cluster}?viewPanel=1` });
    const runbook = { slug: 'broker-down', title: 'Broker down', ruleIds: ['MON-001'], meaning: 'm', firstChecks: ['c'], remediation: ['r'] };
    // Under da_DK `aa` would follow `z`; under lt_LT `y` would precede `j`.
    const text = renderRunbook(runbook, ['KafkaNodeDown'], [link('z-kafka', 'KafkaNodeDown'), link('y-kafka', 'KafkaNodeDown'), link('aa-kafka', 'KafkaNodeDown'), link('j-kafka', 'KafkaNodeDown'), link('Aa-kafka', 'KafkaNodeDown')]);
    const order = [...text.matchAll(/\/d\/([\w-]+)\?/g)].map((m) => m[1]);
    expect(order).toEqual(['aa-kafka', 'Aa-kafka', 'j-kafka', 'y-kafka', 'z-kafka']);
  });
});
