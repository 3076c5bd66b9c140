import { KafkaIacError } from '../errors';
import type { GrammarSite } from './names';
import { isUnresolved } from './tokens';

/** The range a number must lie in, and where the limit comes from. */
export interface NumberLimit {
  readonly min: number;
  readonly max: number;
  /** Whose limit the maximum is (`MSK`, `Kafka`, `Kubernetes`), named in the error. */
  readonly limitOf?: string;
  /** The fix, when the default `Set <prop> to an integer from <min> to <max>.` is not enough. */
  readonly fix?: string;
}

/**
 * The one number-limit check of kafka-iac: `value` is an integer in `[min, max]`, or the
 * library's `outOfRange` error (prop, value, range, whose limit, fix). NaN, Infinity, strings,
 * `null`, fractions and numbers beyond the real limit all fail here, before any work that grows
 * with the number runs. An unresolved number token (cdktf) is passed through.
 */
export function checkInteger(value: unknown, site: GrammarSite, limit: NumberLimit): number {
  if (typeof value === 'number' && (isUnresolved(value) || (Number.isInteger(value) && value >= limit.min && value <= limit.max))) return value;
  throw KafkaIacError.outOfRange({ ...site, found: value, ...limit });
}

/** Like `checkInteger`, for a number that may have a fraction (a rate, a percentage, hours). */
export function checkNumber(value: unknown, site: GrammarSite, limit: NumberLimit): number {
  if (typeof value === 'number' && (isUnresolved(value) || (Number.isFinite(value) && value >= limit.min && value <= limit.max))) return value;
  throw KafkaIacError.outOfRange({ ...site, found: value, ...limit, fractional: true });
}

/** `checkInteger` for an optional prop: undefined stays undefined. */
export function checkOptionalInteger(value: unknown, site: GrammarSite, limit: NumberLimit): number | undefined {
  return value === undefined ? undefined : checkInteger(value, site, limit);
}

/** `checkNumber` for an optional prop: undefined stays undefined. */
export function checkOptionalNumber(value: unknown, site: GrammarSite, limit: NumberLimit): number | undefined {
  return value === undefined ? undefined : checkNumber(value, site, limit);
}
