// plannedCheck (lib/rules/checks/capacity-plan-checks.ts), the opening of the CAP rules' target
// checks, over hand-built documents: the document the reader finds goes to the check with the
// plan it carries when that plan plans the figure; every other document is not applicable.
import { describe, expect, it } from 'vitest';
import { CapacityPlanAnnotations, type RecordedCapacityPlan } from '../../../lib/contract/capacity-plan-annotations';
import type { SynthesizedDocument } from '../../../lib/contract/document';
import { plannedCheck } from '../../../lib/rules/checks/capacity-plan-checks';
import { asMskCluster } from '../../../lib/rules/readers/msk-cluster-document';
import { asStrimziKafka } from '../../../lib/rules/readers/strimzi-documents';
import { compliantWithNotes, NOT_APPLICABLE, type RuleContext } from '../../../lib/rules/rule';
import { mskCluster, strimziKafka, terraform } from '../fixtures/cap-documents';
import { ruleContext } from '../fixtures/rule-context';

const planTags = (o: { brokers?: number; storage?: number }) => ({
  [CapacityPlanAnnotations.TAG_NAME]: 'orders',
  ...(o.brokers === undefined ? {} : { [CapacityPlanAnnotations.TAG_BROKERS]: String(o.brokers) }),
  ...(o.storage === undefined ? {} : { [CapacityPlanAnnotations.TAG_STORAGE_GIB]: String(o.storage) }),
});

/** A check that answers with a note naming the document, the planned brokers and the context's environment. */
function recording() {
  const seen: { found: SynthesizedDocument; plan: RecordedCapacityPlan; ctx: RuleContext }[] = [];
  const check = plannedCheck(asMskCluster, 'brokers', (found, plan, ctx) => {
    seen.push({ found, plan, ctx });
    return compliantWithNotes([`${found.path} plans ${plan.brokers} brokers in ${ctx.environment.name}`]);
  });
  return { check, seen };
}

describe('plannedCheck', () => {
  it('hands the document the reader found, the plan it carries and the context to the check', () => {
    const cluster = mskCluster({ tags: planTags({ brokers: 6 }) });
    const ctx = ruleContext([cluster]);
    const { check, seen } = recording();
    expect(check(cluster, ctx)).toEqual({ status: 'compliant', notes: [`${cluster.path} plans 6 brokers in production`] });
    expect(seen).toHaveLength(1);
    expect(seen[0].found).toBe(cluster);
    expect(seen[0].ctx).toBe(ctx);
    expect(seen[0].plan).toMatchObject({ name: 'orders', brokers: 6 });
  });

  it('is not applicable to a document that carries no plan, or a plan without the figure', () => {
    const { check, seen } = recording();
    const unplanned = mskCluster();
    expect(check(unplanned, ruleContext([unplanned]))).toEqual(NOT_APPLICABLE);
    // A plan of storage only: CAP-002 (brokers) has nothing to hold the cluster to.
    const storageOnly = mskCluster({ tags: planTags({ storage: 500 }) });
    expect(check(storageOnly, ruleContext([storageOnly]))).toEqual(NOT_APPLICABLE);
    expect(seen).toHaveLength(0);
  });

  it('is not applicable to a document the reader does not find, even one that carries a plan', () => {
    const { check, seen } = recording();
    const other = terraform('aws_security_group', 'kafka', { name: 'kafka', tags: planTags({ brokers: 6 }) });
    expect(check(other, ruleContext([other]))).toEqual(NOT_APPLICABLE);
    expect(seen).toHaveLength(0);
  });

  it('reads the plan through planOf when given, with the found document and the context', () => {
    const kafka = strimziKafka();
    const ctx = ruleContext([kafka]);
    const asked: unknown[] = [];
    const check = plannedCheck(asStrimziKafka, 'partitionsPerTopic', (found, plan) => compliantWithNotes([`${found.name}: ${plan.partitionsPerTopic} partitions of ${plan.name}`]), (found, c) => {
      asked.push(found, c);
      return { name: 'from-elsewhere', partitionsPerTopic: 12 };
    });
    expect(check(kafka, ctx)).toEqual({ status: 'compliant', notes: ['main: 12 partitions of from-elsewhere'] });
    expect(asked[0]).toBe(kafka);
    expect(asked[1]).toBe(ctx);
    // planOf finding no plan: not applicable.
    expect(plannedCheck(asStrimziKafka, 'brokers', () => compliantWithNotes(['checked']), () => undefined)(kafka, ctx)).toEqual(NOT_APPLICABLE);
  });

  it('checks a planned figure of 0 (only an absent figure is "not planned")', () => {
    const cluster = mskCluster({ tags: planTags({ brokers: 0 }) });
    const { check } = recording();
    expect(check(cluster, ruleContext([cluster]))).toEqual({ status: 'compliant', notes: [`${cluster.path} plans 0 brokers in production`] });
  });
});
