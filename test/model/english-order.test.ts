import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { compareEnglish, compareRuleIds } from '../../lib/model/english-order';
import { renderRunbook, type RunbookDashboardLink } from '../../lib/model/monitoring/runbook';

// The oracle is ECMA-402 itself: the collators the registry and the report sorted with before.
const english = new Intl.Collator('en');
const numeric = new Intl.Collator('en', { numeric: true });
const sign = (n: number) => Math.sign(n);

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
    for (const a of PRINTABLE) for (const b of PRINTABLE) expect(sign(compareEnglish(a, b)), `${a} ${b}`).toBe(sign(english.compare(a, b)));
    const two = CLOSE.flatMap((x) => ['', ...CLOSE].map((y) => x + y));
    for (const a of two) for (const b of two) expect(sign(compareEnglish(a, b)), `${a} ${b}`).toBe(sign(english.compare(a, b)));
  });

  it('compares any two strings as the collator does', () => {
    const strings = fc.oneof(printable, close, paths, anything);
    fc.assert(fc.property(strings, strings, (a, b) => {
      expect(sign(compareEnglish(a, b))).toBe(sign(english.compare(a, b)));
    }), { numRuns: 20_000 });
    // A string and itself with its case changed: equal but for the tertiary level.
    fc.assert(fc.property(printable, fc.array(fc.boolean()), (a, flips) => {
      const b = [...a].map((c, i) => (flips[i] ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c)).join('');
      expect(sign(compareEnglish(a, b))).toBe(sign(english.compare(a, b)));
    }), { numRuns: 5_000 });
  });

  it('sorts construct paths into the same order as the collator', () => {
    fc.assert(fc.property(fc.array(fc.oneof(paths, close, anything), { maxLength: 40 }), (list) => {
      expect([...list].sort(compareEnglish)).toEqual([...list].sort(english.compare));
    }), { numRuns: 2_000 });
    expect(['b/x', 'B/x', 'a_b', 'a-b', 'A', 'a', 'a/b', 'Ab', 'a1', 'a b'].sort(compareEnglish))
      .toEqual(['a', 'A', 'a b', 'a_b', 'a-b', 'a/b', 'a1', 'Ab', 'b/x', 'B/x']);
  });
});

describe('compareRuleIds: Intl.Collator("en", { numeric: true }) for rule IDs', () => {
  it('compares any two rule IDs (and anything else) as the numeric collator does', () => {
    const ids = fc.oneof(fc.stringMatching(/^[A-Z]{1,5}-[0-9]{3}$/), fc.stringMatching(/^[A-Z][A-Z0-9]{0,4}-[0-9]{3}$/),
      fc.constantFrom('HA-001', 'HA-002', 'HA-010', 'HAB-001', 'SEC-009', 'SLO-004', 'A9-001', 'A10-001', 'ACME-010'), printable, anything);
    fc.assert(fc.property(ids, ids, (a, b) => {
      expect(sign(compareRuleIds(a, b))).toBe(sign(numeric.compare(a, b)));
    }), { numRuns: 20_000 });
    expect(['HA-010', 'SEC-001', 'HA-002', 'A10-001', 'A9-001', 'DR-005'].sort(compareRuleIds))
      .toEqual(['A9-001', 'A10-001', 'DR-005', 'HA-002', 'HA-010', 'SEC-001']);
  });
});

describe('collators are made only for what the fast paths do not cover', () => {
  it('makes none for printable ASCII and plain rule IDs, and one of each kind on first need', async () => {
    vi.resetModules();
    const Real = Intl.Collator;
    const made = vi.spyOn(Intl, 'Collator').mockImplementation(function (locales?: string | string[], options?: Intl.CollatorOptions) {
      return new Real(locales, options);
    } as typeof Intl.Collator);
    try {
      const fresh = await import('../../lib/model/english-order');
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
