import type { SynthesizedDocument } from '../contract/document';
import { targetOf } from '../contract/rule-target';
import { KafkaIacError } from '../model/errors';
import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from './rule';

/** One target's check: reads a document of that target and returns `NOT_APPLICABLE` for one it does not read. */
export type TargetCheck = (doc: SynthesizedDocument, ctx: RuleContext) => RuleOutcome;

/** A rule's check for each target it applies to; a target without a check is not applicable. */
export interface RuleTargetChecks {
  /** The MSK target: every Terraform document (the one Terraform target). */
  readonly msk?: TargetCheck;
  /** The Strimzi target: the `kafka.strimzi.io` resources and the objects labelled `kafka-iac.dev/target: strimzi`. */
  readonly strimzi?: TargetCheck;
  /** The StatefulSet target: the objects labelled `kafka-iac.dev/target: statefulset`. */
  readonly statefulset?: TargetCheck;
  /** Documents of any target, and of none, that no check above reads (SEC-009, rule files, client properties). */
  readonly any?: TargetCheck;
}

/** The level of a rule by environment profile. */
export interface RuleSeverity {
  /** The level in staging and production. */
  readonly level: RuleLevel;
  /**
   * The level in development: `WARNING` relaxes an error rule there (the HA rules).
   * @default - `level`
   */
  readonly development?: RuleLevel;
}

/** Everything a rule is, written once. */
export interface RuleDefinition {
  /** The rule ID, such as `HA-001` (RULES.md), or your own for a custom rule (`ACME-001`). */
  readonly id: string;
  readonly title: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** What to change to comply. */
  readonly remediation: string;
  readonly severity: RuleSeverity;
  readonly targets: RuleTargetChecks;
  /**
   * The targets the rule applies to, as the catalogue and the report list them, when one `any`
   * check reads the documents of several targets (published client properties, SLO rule files).
   * @default - the targets that have a check
   */
  readonly appliesTo?: readonly RuleTarget[];
}

const TARGET_KEYS: readonly (keyof RuleTargetChecks)[] = ['msk', 'strimzi', 'statefulset', 'any'];
const TARGET_OF_KEY: Readonly<Record<keyof RuleTargetChecks, RuleTarget>> = {
  msk: RuleTarget.MSK, strimzi: RuleTarget.STRIMZI, statefulset: RuleTarget.STATEFULSET, any: RuleTarget.ANY,
};
const RULE_ID = /^[A-Z][A-Z0-9]*-[0-9]{3}$/;
const defined = new Set<string>();

/**
 * The target a document is dispatched to: every Terraform document to MSK (the one Terraform
 * target), a Kubernetes document to the target of its API group or `kafka-iac.dev/target` label.
 */
export function dispatchTargetOf(doc: SynthesizedDocument): RuleTarget | undefined {
  return doc.source === 'terraform' ? RuleTarget.MSK : targetOf(doc);
}

/**
 * Defines a rule once: its metadata, its severity by profile, and its check for each target.
 * The rule dispatches each document to the check of the document's target (`any` for a document
 * no target check reads); a target without a check is not applicable. The result is a plain
 * `Rule`, so the registry, the engine and `RulePack` take rules written either way.
 */
export function defineRule(def: RuleDefinition): Rule {
  const path = `defineRule(${def.id})`;
  const fix = 'See docs/rules.md, "Writing a rule".';
  if (!RULE_ID.test(def.id)) throw KafkaIacError.grammar({ code: 'KIAC-RULE', path, prop: 'id', found: def.id, grammar: 'a rule ID such as ACME-001 (letters, a dash, three digits)', fix });
  const keys = TARGET_KEYS.filter((k) => def.targets[k] !== undefined);
  if (keys.length === 0) throw KafkaIacError.invalidProp({ code: 'KIAC-RULE', path, prop: 'targets', found: {}, expected: 'a check for at least one of msk, strimzi, statefulset, any', fix });
  const development = def.severity.development ?? def.severity.level;
  if (def.severity.level === RuleLevel.WARNING && development === RuleLevel.ERROR) {
    throw KafkaIacError.invalidProp({ code: 'KIAC-RULE', path, prop: 'severity.development', found: development, expected: "a level no stricter than the rule's level", fix });
  }
  defined.add(def.id);
  const checks = def.targets;
  return {
    id: def.id,
    level: def.severity.level,
    title: def.title,
    explanation: def.explanation,
    remediation: def.remediation,
    targets: def.appliesTo ? [...def.appliesTo] : keys.map((k) => TARGET_OF_KEY[k]),
    ...(development !== def.severity.level ? { relaxedInDevelopment: true } : {}),
    check(doc, ctx) {
      // A document of no target looks up checks[undefined]: no check, so `any`.
      const check = checks[dispatchTargetOf(doc) as keyof RuleTargetChecks] ?? checks.any;
      return check ? check(doc, ctx) : NOT_APPLICABLE;
    },
  };
}

/** Whether `defineRule` defined a rule with this ID (built-in or custom), for suppressions of custom rules. */
export function isDefinedRuleId(id: string): boolean {
  return defined.has(id);
}

/** The usual severities. */
export const Severity = Object.freeze({
  /** An error in every profile. */
  ERROR: Object.freeze({ level: RuleLevel.ERROR }) as RuleSeverity,
  /** The HA rules: an error, relaxed to a warning in development. */
  ERROR_RELAXED_IN_DEVELOPMENT: Object.freeze({ level: RuleLevel.ERROR, development: RuleLevel.WARNING }) as RuleSeverity,
  /** A warning in every profile. */
  WARNING: Object.freeze({ level: RuleLevel.WARNING }) as RuleSeverity,
});
