import { CapacityPlanAnnotations, type RecordedCapacityPlan } from '../../contract/capacity-plan-annotations';
import type { SynthesizedDocument } from '../../contract/document';
import type { TargetCheck } from '../define-rule';
import { NOT_APPLICABLE, type RuleContext, type RuleOutcome } from '../rule';
import { documentCheck } from './target-checks';

/** The figures of a capacity plan that a CAP rule holds a cluster or topic to. */
export type PlannedFigure = 'storagePerBrokerGiB' | 'brokers' | 'partitionsPerTopic';

/** A recorded capacity plan that plans `K`. */
export type PlanWith<K extends PlannedFigure> = RecordedCapacityPlan & { readonly [P in K]-?: number };

/**
 * The opening of a CAP rule's target check, written once: the document `read` finds, when it
 * carries a capacity plan that plans `figure` (CapacityPlan.applyToCluster / applyToTopics: the
 * `kafka-iac:capacity-plan` tags on MSK, the `kafka-iac.dev/capacity-plan` annotations on
 * Kubernetes), goes to `check` with that plan; every other document is not applicable.
 * `planOf` reads the plan (by default the one the document itself carries).
 */
export function plannedCheck<T extends { readonly body: Readonly<Record<string, any>> }, K extends PlannedFigure>(
  read: (doc: SynthesizedDocument, ctx: RuleContext) => T | undefined,
  figure: K,
  check: (found: T, plan: PlanWith<K>, ctx: RuleContext) => RuleOutcome,
  planOf: (found: T, ctx: RuleContext) => RecordedCapacityPlan | undefined = (found) => CapacityPlanAnnotations.read(found.body),
): TargetCheck {
  return documentCheck(read, (found, ctx) => {
    const plan = planOf(found, ctx);
    return plan?.[figure] === undefined ? NOT_APPLICABLE : check(found, plan as PlanWith<K>, ctx);
  });
}
