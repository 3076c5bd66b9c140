import * as ha001 from './ha-001-broker-count';
import * as ha002 from './ha-002-replication-factor';
import * as ha003 from './ha-003-min-insync-replicas';
import * as ha004 from './ha-004-producer-acks';
import * as ha005 from './ha-005-kraft-quorum';
import * as ha006 from './ha-006-zone-spread';
import * as ha007 from './ha-007-rack-awareness';
import * as ha008 from './ha-008-unclean-leader-election';
import * as ha009 from './ha-009-disruption-and-spread';
import * as ha010 from './ha-010-auto-create-topics';
import * as ha011 from './ha-011-persistent-storage';
import * as sec001 from './sec-001-encryption-in-transit';
import * as sec002 from './sec-002-tls-version';
import * as sec003 from './sec-003-authentication';
import * as sec004 from './sec-004-authorization';
import * as sec005 from './sec-005-least-privilege';
import * as sec006 from './sec-006-encryption-at-rest';
import * as sec007 from './sec-007-network-segmentation';
import * as sec008 from './sec-008-audit-logs';
import * as sec009 from './sec-009-no-secret-values';
import * as sec010 from './sec-010-managed-certificates';
import * as mon001 from './mon-001-broker-down';
import * as mon002 from './mon-002-consumer-lag-warning';
import * as mon003 from './mon-003-consumer-lag-critical';
import * as mon004 from './mon-004-disk-usage-warning';
import * as mon005 from './mon-005-disk-usage-critical';
import * as mon006 from './mon-006-under-replicated-partitions';
import * as mon007 from './mon-007-network-throughput';
import * as mon008 from './mon-008-request-latency';
import * as mon009 from './mon-009-offline-partitions-controller';
import * as mon010 from './mon-010-mirrormaker2-replication-lag';
import * as mon011 from './mon-011-certificate-expiry';
import * as mon012 from './mon-012-under-min-isr';
import * as slo001 from './slo-001-message-delivery';
import * as slo002 from './slo-002-consumer-lag';
import * as slo003 from './slo-003-broker-availability';
import * as slo004 from './slo-004-burn-rate-can-fire';
import * as perf001 from './perf-001-broker-defaults';
import * as perf002 from './perf-002-producer-defaults';
import * as perf003 from './perf-003-consumer-defaults';
import * as cap001 from './cap-001-storage';
import * as cap002 from './cap-002-broker-count';
import * as cap003 from './cap-003-partitions';
import * as cap004 from './cap-004-storage-autoscaling';
import * as cap005 from './cap-005-consumer-autoscaling';
import * as dr001 from './dr-001-dr-peer-in-another-region';
import * as dr002 from './dr-002-topics-and-offsets-replicate';
import * as dr003 from './dr-003-rto-rpo-declared';
import * as dr004 from './dr-004-dr-cluster-follows-ha-and-sec';
import * as dr005 from './dr-005-mirror-maker-2-least-privilege';
import type { Rule } from './rule';
import { compareEnglish } from '../model/english-order';

/** The rule modules: one file per rule ID. Adding a rule is adding its module here. */
const RULE_MODULES: readonly object[] = [
  ha001, ha002, ha003, ha004, ha005, ha006, ha007, ha008, ha009, ha010, ha011, sec001, sec002,
  sec003, sec004, sec005, sec006, sec007, sec008, sec009, sec010, mon001, mon002, mon003, mon004,
  mon005, mon006, mon007, mon008, mon009, mon010, mon011, mon012, slo001, slo002, slo003, slo004,
  perf001, perf002, perf003, cap001, cap002, cap003, cap004, cap005, dr001, dr002, dr003, dr004, dr005,
];

/** A rule module exports its rule beside helpers (functions, constants): the rule is the export with a check. */
function isRule(x: unknown): x is Rule {
  return typeof (x as Rule).check === 'function';
}

let cached: readonly Rule[] | undefined;

/** The registry of document rules, in ID order. */
export class RuleRegistry {
  /** Every document rule, sorted by ID. */
  public static all(): readonly Rule[] {
    // Stryker disable next-line AssignmentOperator: a cache; collecting the modules again gives the same rules
    cached ??= RULE_MODULES
      .flatMap((m) => Object.values(m as Record<string, unknown>).filter(isRule))
      // Rule IDs have three digits (defineRule), so the English order is ID order.
      .sort((a, b) => compareEnglish(a.id, b.id));
    return cached;
  }

  /** The document rule with this ID, if it is one. */
  public static get(id: string): Rule | undefined {
    return RuleRegistry.all().find((r) => r.id === id);
  }

  /** Whether `id` is a rule ID of the specification. */
  public static has(id: string): boolean {
    return RuleRegistry.get(id) !== undefined;
  }

  /** Every rule ID of the specification. */
  public static ids(): readonly string[] {
    return RuleRegistry.all().map((r) => r.id);
  }
}
