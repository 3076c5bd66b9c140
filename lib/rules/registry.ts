import * as cap from './cap';
import * as dr from './dr';
import * as ha from './ha';
import * as mon from './mon';
import * as perf from './perf';
import type { Rule } from './rule';
import * as sec from './sec';
import * as slo from './slo';

/** Every rule ID in RULES.md, implemented as a document rule or enforced at construction. */
const SPECIFIED_IDS: readonly string[] = [
  ...range('HA', 11), ...range('SEC', 10), ...range('MON', 12), ...range('SLO', 4),
  ...range('PERF', 3), ...range('CAP', 4), ...range('DR', 5),
];

function range(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`);
}

function isRule(x: unknown): x is Rule {
  return typeof x === 'object' && x !== null && typeof (x as Rule).id === 'string' && typeof (x as Rule).check === 'function';
}

let cached: readonly Rule[] | undefined;

/** The registry of document rules, in ID order. */
export class RuleRegistry {
  /** Every document rule, sorted by ID. */
  public static all(): readonly Rule[] {
    cached ??= [ha, sec, mon, slo, perf, cap, dr]
      .flatMap((m) => Object.values(m as Record<string, unknown>).filter(isRule))
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    return cached;
  }

  /** The document rule with this ID, if it is one. */
  public static get(id: string): Rule | undefined {
    return RuleRegistry.all().find((r) => r.id === id);
  }

  /** Whether `id` is a rule ID of the specification. */
  public static has(id: string): boolean {
    return SPECIFIED_IDS.includes(id);
  }

  /** Every rule ID of the specification. */
  public static ids(): readonly string[] {
    return SPECIFIED_IDS;
  }
}
