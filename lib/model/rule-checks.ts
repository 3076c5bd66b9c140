import { KafkaIacError } from './errors';

/**
 * What a rule refuses in a value, worded once. A constructor that refuses the value throws it
 * (`refuse`), and the rule that finds the same value in a synthesized document reports it with
 * the same expected value and fix, so each rule has one wording.
 */
export interface RuleRefusal {
  /** The rule ID, such as `HA-005`. */
  readonly ruleId: string;
  /** What the rule expects. */
  readonly expected: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Throws a refusal as the construction error `<rule> [<path>] <prop> is <value>; expected <expected>. <fix>`. */
export function refuse(path: string, prop: string, value: unknown, refusal: RuleRefusal | undefined): void {
  if (refusal) throw KafkaIacError.invalidProp({ code: refusal.ruleId, path, prop, found: value, expected: refusal.expected, fix: refusal.fix });
}

/** The KRaft controller counts HA-005 accepts. */
export const KRAFT_QUORUM_SIZES: readonly number[] = [3, 5, 7];

/** HA-005: a KRaft quorum of 3 or 5 controllers (7 allowed). */
export function checkControllerCount(count: number): RuleRefusal | undefined {
  if (KRAFT_QUORUM_SIZES.includes(count)) return undefined;
  return {
    ruleId: 'HA-005',
    expected: 'an odd KRaft quorum of 3 or 5 controllers (7 allowed); an even quorum tolerates no more failures than the odd number below it',
    fix: `Set controllers: { replicas: ${count === 4 || count === 6 ? 5 : 3} }.`,
  };
}

/**
 * Whether a controller count may be built at all: a single controller is a development quorum
 * (HA-005 reports it at synthesis, a warning in development); any other count outside 3, 5, 7 is
 * refused in every environment.
 */
export function refuseControllerCount(path: string, prop: string, count: number): void {
  if (count !== 1) refuse(path, prop, count, checkControllerCount(count));
}

/** SEC-001: a client listener is TLS (`tls: true`). */
export function checkListenerTls(tls: unknown): RuleRefusal | undefined {
  if (tls === true) return undefined;
  return {
    ruleId: 'SEC-001',
    expected: 'true: plaintext listeners are refused in every environment',
    fix: 'Remove tls: false, or the override that sets it (listeners are TLS by default).',
  };
}
