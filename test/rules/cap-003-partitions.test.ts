// CAP-003: every test that proves this rule, one describe per target it applies to.
import * as fs from 'node:fs';
import { it, expect, describe } from 'vitest';
import { run } from './fixtures/cap-documents';
import { CAP_003_PARTITIONS } from '../../lib/rules/cap-003-partitions';
import { topic, mskAdminArtefact, topicLines, ORDERS_PLANNED, accessConfigMap } from './fixtures/cap-rules';
import { exampleTerraform } from '../support/paths';
import { cap003, manifests } from './fixtures/cap-examples';
import { mskStackWithTopics, topicPlan, ARTEFACT } from './fixtures/cap-msk-synthesis';
import { CapacityPlanAnnotations, CapacityPlanAnnotations as A } from '../../lib/contract/capacity-plan-annotations';
import { synthJson } from '../support/msk-stack';
import { formatViolation } from '../../lib/rules/engine';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { accessChart, plan } from './fixtures/cap-kubernetes-synthesis';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { JsonPatch } from 'cdk8s';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import * as capMskSynthesis from './fixtures/cap-msk-synthesis';
import * as capKubernetesSynthesis from './fixtures/cap-kubernetes-synthesis';

import { itDescribesItself } from './fixtures/metadata';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { STS_LABELS, kubernetes as k8sDocument } from './fixtures/cap-documents';
// Fast document-level tests first: Stryker stops a mutant at its first failing test.
describe('CAP-003 over single documents (both sides of the plan, every not-applicable outcome, the whole finding)', () => {
  const planned = { [A.NAME]: 'orders', [A.PARTITIONS]: '12' };
  const kafkaTopic = (spec?: Record<string, unknown>, kind = 'KafkaTopic') => k8sDocument('kafka.strimzi.io/v1', kind, 'orders', { metadata: { labels: { 'strimzi.io/cluster': 'main' }, annotations: planned }, ...(spec ? { spec } : {}) });
  const EXPECTED_12 = "at least 12, the partitions of capacity plan 'orders'";
  it('Strimzi: passes exactly the planned partitions, fails one fewer and none set, with the fix', () => {
    expect(outcomeOf(CAP_003_PARTITIONS, kafkaTopic({ partitions: 12 }))).toEqual({ status: 'compliant' });
    expect(findingsOf(CAP_003_PARTITIONS, kafkaTopic({ partitions: 11 }))).toEqual([{ found: 'spec.partitions is 11', expected: EXPECTED_12, fix: 'Set partitions: 12 (plan.partitionsPerTopic).' }]);
    expect(findingsOf(CAP_003_PARTITIONS, kafkaTopic(undefined)).map((f) => f.found)).toEqual(['spec.partitions is not set (the broker default, 1)']);
  });
  it('Strimzi: does not apply to another Strimzi resource with the plan, nor to a topic without one', () => {
    expect(outcomeOf(CAP_003_PARTITIONS, kafkaTopic({ partitions: 1 }, 'KafkaUser'))).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(CAP_003_PARTITIONS, topic(1))).toEqual({ status: 'not-applicable' });
  });
  it('MSK: names a missing line and a line below the plan, with the fix, and notes the compliant lines', () => {
    const plans = { orders: { plan: 'shop-orders', partitions: 12 }, refunds: { plan: 'shop-orders', partitions: 3 } };
    expect(findingsOf(CAP_003_PARTITIONS, mskAdminArtefact(topicLines('--partitions 11'), plans))).toEqual([
      { found: "input.topics (kafka-admin/topics.txt) line 2 creates topic 'orders' with --partitions 11", expected: "at least 12, the partitions of capacity plan 'shop-orders'", fix: 'Declare topic orders with partitions: 12 (plan.partitionsPerTopic).' },
      { found: "input.topics (kafka-admin/topics.txt) has no line for topic 'refunds', which capacity plan 'shop-orders' plans", expected: "a line creating it with at least 3, the partitions of capacity plan 'shop-orders'", fix: 'Declare topic refunds with partitions: 3 in the access model.' },
    ]);
    expect(outcomeOf(CAP_003_PARTITIONS, mskAdminArtefact(topicLines('--partitions 12'), ORDERS_PLANNED))).toEqual({ status: 'compliant', notes: ["topic 'orders': --partitions 12, capacity plan 'shop-orders' asks for 12"] });
  });
  it('MSK: refuses topic lines that are not text', () => {
    expect(findingsOf(CAP_003_PARTITIONS, mskAdminArtefact(42, ORDERS_PLANNED))).toEqual([{
      found: 'input.topics (kafka-admin/topics.txt) is 42', expected: 'the kafka-topics.sh lines as text', fix: 'Remove the override of the topic lines; the access construct writes them from the access model.',
    }]);
  });
  it('StatefulSet: reads topics.txt of the access ConfigMap only', () => {
    expect(findingsOf(CAP_003_PARTITIONS, accessConfigMap(topicLines('--partitions 11'), ORDERS_PLANNED)).map((f) => f.found)).toEqual(["topics.txt line 2 creates topic 'orders' with --partitions 11"]);
    const unlabelled = k8sDocument('v1', 'ConfigMap', 'other', { metadata: { labels: STS_LABELS, annotations: { [A.TOPIC_PARTITIONS]: JSON.stringify(ORDERS_PLANNED) } }, data: { 'topics.txt': topicLines('--partitions 1') } });
    expect(outcomeOf(CAP_003_PARTITIONS, unlabelled)).toEqual({ status: 'not-applicable' });
  });
  it('StatefulSet: refuses a topics.txt that is not text, or missing, with the fix (not a missing line per topic)', () => {
    const fix = 'Remove the override of the topic lines; the access construct writes them from the access model.';
    const access = accessConfigMap('', ORDERS_PLANNED);
    expect(findingsOf(CAP_003_PARTITIONS, { ...access, body: { ...access.body, data: { 'topics.txt': 42 } } })).toEqual([{ found: 'topics.txt is 42', expected: 'the kafka-topics.sh lines as text', fix }]);
    expect(findingsOf(CAP_003_PARTITIONS, { ...access, body: { ...access.body, data: undefined } })).toEqual([{ found: 'topics.txt is not set', expected: 'the kafka-topics.sh lines as text', fix }]);
    expect(findingsOf(CAP_003_PARTITIONS, access)).toEqual([{
      found: "topics.txt has no line for topic 'orders', which capacity plan 'shop-orders' plans",
      expected: "a line creating it with at least 12, the partitions of capacity plan 'shop-orders'",
      fix: 'Declare topic orders with partitions: 12 in the access model.',
    }]);
  });
});

describe('every target', () => {
  describe('CAP-003 partitions are not fewer than the plan (warning)', () => {

    it('warns CAP-003 when a planned topic leaves partitions to the broker default', () => {
      expect(run(CAP_003_PARTITIONS, [topic(undefined, 10)]).entries[0].findings[0].found).toBe('spec.partitions is not set (the broker default, 1)');
    });

    it('does not apply to a topic without a plan', () => {
      expect(run(CAP_003_PARTITIONS, [topic(1)]).compliant).toEqual([]);
    });
  });
});

describe('MSK', () => {
  describe('CAP-003 is applied, and compliant, in every example environment', () => {
    it.each(['production', 'dr'])('%s (MSK): the admin artefact records the plan of orders and payments, and its topic lines meet it', (env) => {
      const json = JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
      const artefact = Object.values<any>(json.resource.terraform_data).find((r) => r.input?.kind === 'kafka-iac/kafka-admin');
      const plan = env === 'production' ? 'shop-orders' : 'shop-orders (replica)';
      expect(artefact.input.capacity_plan_partitions).toEqual({ orders: { plan, partitions: 12 }, payments: { plan, partitions: 12 } });
      expect(cap003(env)).toEqual([{
        path: `${env}/Access/AdminArtefacts`, status: 'compliant',
        notes: [`topic 'orders': --partitions 12, capacity plan '${plan}' asks for 12`, `topic 'payments': --partitions 12, capacity plan '${plan}' asks for 12`],
      }]);
    });
  });

  describe('CAP-003 on the MSK admin artefact (kafka-admin/topics.txt)', () => {
    const { cap003 } = capMskSynthesis;
    it('records the plan of the named topics on the artefact input, and passes CAP-003 when they have the planned partitions', () => {
      const { stack, access } = mskStackWithTopics();
      expect(topicPlan.partitionsPerTopic).toBe(10);
      expect(CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['orders'] })).toBe(1);
      const json = synthJson(stack);
      expect(json.resource.terraform_data[access.adminArtefacts.friendlyUniqueId].input.capacity_plan_partitions).toEqual({ orders: { plan: 'orders-topics', partitions: 10 } });
      expect(cap003(stack).map((e) => [e.path, e.status, e.notes])).toEqual([[ARTEFACT, 'compliant', ["topic 'orders': --partitions 12, capacity plan 'orders-topics' asks for 10"]]]);
    });

    it('warns CAP-003 (synthesis continues) when an addOverride lowers a planned topic\'s partitions', () => {
      const { stack, access } = mskStackWithTopics();
      CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['orders'] });
      access.adminArtefacts.addOverride('input.topics', '--create --if-not-exists --topic orders --partitions 3 --replication-factor 3\n--create --if-not-exists --topic payments --partitions 6 --replication-factor 3\n');
      synthJson(stack);
      expect(stack.complianceReport.warnings().filter((e) => e.ruleId === 'CAP-003').map(formatViolation)).toEqual([
        expect.stringContaining("CAP-003 [production/Access/AdminArtefacts] input.topics (kafka-admin/topics.txt) line 1 creates topic 'orders' with --partitions 3; expected at least 10, the partitions of capacity plan 'orders-topics'"),
      ]);
    });

    it('applies the plan to every topic of the artefact when no topics are named, and warns for the one below it', () => {
      const { stack, access } = mskStackWithTopics();
      expect(CapacityPlanAnnotations.applyToTopics(topicPlan, access)).toBe(2);
      synthJson(stack);
      expect(cap003(stack).flatMap((e) => e.findings.map((f) => f.found))).toEqual(["input.topics (kafka-admin/topics.txt) line 3 creates topic 'payments' with --partitions 6"]);
    });

    it('keeps the entries of earlier plans when another plan is applied to other topics', () => {
      const { stack, access } = mskStackWithTopics();
      const small = CapacityPlan.forWorkload({ name: 'payments-topics', messagesPerSecond: 100, averageMessageBytes: 1024, retentionSeconds: 604_800, consumersWanted: 6 });
      CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['orders'] });
      CapacityPlanAnnotations.applyToTopics(small, access, { topics: ['payments'] });
      const json = synthJson(stack);
      expect(json.resource.terraform_data[access.adminArtefacts.friendlyUniqueId].input.capacity_plan_partitions).toEqual({
        orders: { plan: 'orders-topics', partitions: 10 }, payments: { plan: 'payments-topics', partitions: 6 },
      });
      expect(cap003(stack).map((e) => e.status)).toEqual(['compliant']);
    });

    it('refuses a topic name that nothing under the scope creates', () => {
      const { access } = mskStackWithTopics();
      expect(() => CapacityPlanAnnotations.applyToTopics(topicPlan, access, { topics: ['order'] })).toThrow("CAP-003 [CapacityPlan orders-topics] topics is 'order'; expected topics created under production/Access");
    });
  });

  describe('CAP-003 on the topic lines of the MSK admin artefact (kafka-admin/topics.txt)', () => {
    it('passes CAP-003 when each planned topic is created with the planned partitions, and notes them', () => {
      const { entries, compliant } = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 12'), ORDERS_PLANNED)]);
      expect(entries).toEqual([]);
      expect(compliant[0].notes).toEqual(["topic 'orders': --partitions 12, capacity plan 'shop-orders' asks for 12"]);
    });

    it('warns CAP-003 with the line, the topic and the plan when a planned topic has fewer partitions', () => {
      const { entries, lines } = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 6'), ORDERS_PLANNED)]);
      expect(entries[0].level).toBe('warning');
      expect(lines).toEqual([expect.stringContaining("CAP-003 [production/admin/Resource] input.topics (kafka-admin/topics.txt) line 2 creates topic 'orders' with --partitions 6; expected at least 12, the partitions of capacity plan 'shop-orders'")]);
    });

    it('does not check topics of the artefact that carry no plan (payments has 1 partition here)', () => {
      expect(run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 12', '--partitions 1'), ORDERS_PLANNED)]).entries).toEqual([]);
    });

    it('warns CAP-003 when a planned topic line leaves partitions to the broker default', () => {
      const { entries } = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines(''), ORDERS_PLANNED)]);
      expect(entries[0].findings[0].found).toBe("input.topics (kafka-admin/topics.txt) line 2 creates topic 'orders' with --partitions not set (the broker default num.partitions, 1 unless changed)");
    });

    it('warns CAP-003 when the lines no longer create a planned topic', () => {
      const { entries } = run(CAP_003_PARTITIONS, [mskAdminArtefact('--create --if-not-exists --topic payments --partitions 6 --replication-factor 3\n', ORDERS_PLANNED)]);
      expect(entries[0].findings[0]).toMatchObject({
        found: "input.topics (kafka-admin/topics.txt) has no line for topic 'orders', which capacity plan 'shop-orders' plans",
        expected: "a line creating it with at least 12, the partitions of capacity plan 'shop-orders'",
      });
    });

    it('warns CAP-003 when the topic lines are not text', () => {
      const { entries } = run(CAP_003_PARTITIONS, [mskAdminArtefact(42, ORDERS_PLANNED)]);
      expect(entries[0].findings[0].found).toBe('input.topics (kafka-admin/topics.txt) is 42');
    });

    it('does not apply to an artefact without a plan', () => {
      const report = run(CAP_003_PARTITIONS, [mskAdminArtefact(topicLines('--partitions 1'))]);
      expect(report.entries).toEqual([]);
      expect(report.compliant).toEqual([]);
    });
  });
});

describe('Strimzi', () => {
  describe('CAP-003 is applied, and compliant, in every example environment', () => {

    it.each(['staging', 'staging-dr'])('%s (Strimzi): the orders and payments KafkaTopics carry the plan and meet it; the other topics carry none', (env) => {
      const topics = manifests(env).filter((o) => o.kind === 'KafkaTopic');
      const planned = topics.filter((t) => t.metadata.annotations?.['kafka-iac.dev/capacity-plan-partitions'] !== undefined);
      expect(planned.map((t) => [t.metadata.name, t.spec.partitions, t.metadata.annotations['kafka-iac.dev/capacity-plan-partitions']])).toEqual([['orders', 12, '12'], ['payments', 12, '12']]);
      expect(cap003(env).map((e) => [e.path, e.status])).toEqual([['kafka/Access/Topic-orders', 'compliant'], ['kafka/Access/Topic-payments', 'compliant']]);
    });
  });

  describe('CAP-003 on the KafkaTopics of a StrimziAccess', () => {
    const { cap003 } = capKubernetesSynthesis;
    it('marks only the named topics, and warns when a JSON patch lowers a marked topic below the plan', () => {
      const { app, c, model, cleanup } = accessChart();
      const access = new StrimziAccess(c, 'Access', { model, clusterName: 'main' });
      expect(CapacityPlanAnnotations.applyToTopics(plan, access, { topics: ['orders'] })).toBe(1);
      expect(access.topics.get('payments')!.toJson().metadata.annotations).toBeUndefined();
      access.topics.get('orders')!.addJsonPatch(JsonPatch.replace('/spec/partitions', 4));
      app.synth();
      expect(cap003(c).map((e) => [e.path, e.status])).toEqual([['kafka/Access/Topic-orders', 'non-compliant']]);
      expect(c.complianceReport.warnings().map(formatViolation)).toEqual([
        expect.stringContaining("CAP-003 [kafka/Access/Topic-orders] spec.partitions is 4; expected at least 10, the partitions of capacity plan 'events'"),
      ]);
      cleanup();
    });
  });

  describe('CAP-003 partitions are not fewer than the plan (warning)', () => {
    it('passes CAP-003 on a Strimzi KafkaTopic with the planned partitions', () => {
      expect(run(CAP_003_PARTITIONS, [topic(12, 10)]).compliant).toHaveLength(1);
    });

    it('warns CAP-003 on a Strimzi KafkaTopic with fewer partitions than the plan, naming the plan', () => {
      const { entries, lines } = run(CAP_003_PARTITIONS, [topic(6, 10)]);
      expect(entries[0].level).toBe('warning');
      expect(lines[0]).toContain("CAP-003 [staging/Kafka/KafkaTopic-orders] spec.partitions is 6; expected at least 10, the partitions of capacity plan 'orders'");
    });
  });
});

describe('StatefulSet', () => {
  describe('CAP-003 is applied, and compliant, in every example environment', () => {

    it('development (StatefulSet): the access ConfigMap records the plan of orders and payments, and its topics.txt meets it', () => {
      const configMap = manifests('development').find((o) => o.kind === 'ConfigMap' && o.metadata.labels?.['kafka-iac.dev/acl-artefact'] === 'true')!;
      expect(JSON.parse(configMap.metadata.annotations['kafka-iac.dev/capacity-plan-topic-partitions'])).toEqual({
        orders: { plan: 'shop-orders (dev)', partitions: 1 }, payments: { plan: 'shop-orders (dev)', partitions: 1 },
      });
      expect(cap003('development').map((e) => [e.path, e.status])).toEqual([['kafka/Access/Artefacts', 'compliant']]);
    });
  });

  describe('CAP-003 on the topics.txt of the StatefulSet access ConfigMap', () => {
    const { cap003 } = capKubernetesSynthesis;
    function statefulSetAccess() {
      const fixture = accessChart();
      const job = new StatefulSetAccessJob(fixture.c, 'Access', { model: fixture.model, clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
      return { ...fixture, job };
    }

    it('records the plan of the named topics on the ConfigMap, and passes CAP-003 when they have the planned partitions', () => {
      const { app, c, job, cleanup } = statefulSetAccess();
      expect(CapacityPlanAnnotations.applyToTopics(plan, job, { topics: ['orders'] })).toBe(1);
      app.synth();
      expect(job.configMap.toJson().metadata.annotations).toEqual({ 'kafka-iac.dev/capacity-plan-topic-partitions': '{"orders":{"plan":"events","partitions":10}}' });
      expect(cap003(c).map((e) => [e.path, e.status])).toEqual([['kafka/Access/Artefacts', 'compliant']]);
      cleanup();
    });

    it('warns CAP-003 (synthesis continues) when a JSON patch lowers a planned topic\'s partitions in topics.txt', () => {
      const { app, c, job, cleanup } = statefulSetAccess();
      CapacityPlanAnnotations.applyToTopics(plan, job, { topics: ['orders'] });
      job.configMap.addJsonPatch(JsonPatch.replace('/data/topics.txt', '--create --if-not-exists --topic orders --partitions 2 --replication-factor 3\n'));
      app.synth();
      expect(c.complianceReport.warnings().map(formatViolation)).toEqual([
        expect.stringContaining("CAP-003 [kafka/Access/Artefacts] topics.txt line 1 creates topic 'orders' with --partitions 2; expected at least 10, the partitions of capacity plan 'events'"),
      ]);
      cleanup();
    });

    it('warns CAP-003 for every topic below the plan when the plan applies to all of them', () => {
      const { app, c, job, cleanup } = statefulSetAccess();
      expect(CapacityPlanAnnotations.applyToTopics(plan, job)).toBe(2);
      app.synth();
      expect(cap003(c).flatMap((e) => e.findings.map((f) => f.found))).toEqual(["topics.txt line 3 creates topic 'payments' with --partitions 6"]);
      cleanup();
    });
  });

  describe('CAP-003 on the topics.txt of the StatefulSet access ConfigMap', () => {
    it('passes CAP-003 when each planned topic is created with at least the planned partitions', () => {
      const plans = { ...ORDERS_PLANNED, payments: { plan: 'shop-payments', partitions: 6 } };
      const { entries, compliant } = run(CAP_003_PARTITIONS, [accessConfigMap(topicLines('--partitions 24'), plans)]);
      expect(entries).toEqual([]);
      expect(compliant[0].notes).toEqual([
        "topic 'orders': --partitions 24, capacity plan 'shop-orders' asks for 12",
        "topic 'payments': --partitions 6, capacity plan 'shop-payments' asks for 6",
      ]);
    });

    it('warns CAP-003 at the ConfigMap with the line, the topic and the plan when a planned topic has fewer partitions', () => {
      const { entries, lines } = run(CAP_003_PARTITIONS, [accessConfigMap(topicLines('--partitions 3'), ORDERS_PLANNED)]);
      expect(entries[0].level).toBe('warning');
      expect(lines).toEqual([expect.stringContaining("CAP-003 [staging/Kafka/ConfigMap-main-access] topics.txt line 2 creates topic 'orders' with --partitions 3; expected at least 12, the partitions of capacity plan 'shop-orders'")]);
    });

    it('does not apply to the ConfigMap without a plan, nor to one whose plan record is not JSON', () => {
      expect(run(CAP_003_PARTITIONS, [accessConfigMap(topicLines('--partitions 1'))]).compliant).toEqual([]);
      const unreadable = accessConfigMap(topicLines('--partitions 1'));
      const body = { ...unreadable.body, metadata: { ...unreadable.body.metadata, annotations: { [A.TOPIC_PARTITIONS]: '{not json' } } };
      expect(run(CAP_003_PARTITIONS, [{ ...unreadable, body }]).compliant).toEqual([]);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(CAP_003_PARTITIONS, 'CAP-003', ['msk', 'strimzi', 'statefulset']);
});
