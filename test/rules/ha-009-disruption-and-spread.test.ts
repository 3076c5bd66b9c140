// HA-009: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskStack, synthJson } from '../support/msk-stack';
import { strimziChart, expectCompliant, KAFKA_PATH, BROKER_POOL_PATH, CONTROLLER_POOL_PATH, expectViolation, synth } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { drFixture, DR_KAFKA_PATH } from '../support/mirror-maker-2-fixture';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH } from '../support/statefulset-fixture';
import { IntOrString, KubePodDisruptionBudget } from 'cdk8s-plus-27/lib/imports/k8s';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_009_DISRUPTION_AND_SPREAD } from '../../lib/rules/ha-009-disruption-and-spread';
import { itDescribesItself } from './fixtures/metadata';
import { outcomeOf, findingsOf } from './fixtures/outcome';
import { kubernetes } from './fixtures/cap-documents';
import { nodeConfigMap, nodeStatefulSet } from './fixtures/statefulset-documents';
describe('MSK', () => {
  describe('HA rules on MSK', () => {

    it('has no MSK form of HA-009', () => {
      const { stack } = mskStack();
      synthJson(stack);
      expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'HA-009').map((e) => e.status)).toEqual(['not-applicable']);
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {

    describe('HA-009', () => {
      it('passes HA-009 on the Kafka (PDB maxUnavailable 1) and on both pools', () => {
        const { chart } = strimziChart();
        expectCompliant(chart, 'HA-009', KAFKA_PATH);
        expectCompliant(chart, 'HA-009', BROKER_POOL_PATH);
        expectCompliant(chart, 'HA-009', CONTROLLER_POOL_PATH);
      });
      it('fails HA-009 when a JSON patch raises the PDB maxUnavailable to 2', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/template/podDisruptionBudget/maxUnavailable', 2));
        expectViolation(chart, 'HA-009', KAFKA_PATH, /podDisruptionBudget.maxUnavailable is 2; expected at most 1/);
      });
      it('fails HA-009 when the controller pool spreads with ScheduleAnyway', () => {
        const { chart, cluster } = strimziChart();
        cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/template/pod/topologySpreadConstraints/0/whenUnsatisfiable', 'ScheduleAnyway'));
        expectViolation(chart, 'HA-009', CONTROLLER_POOL_PATH, /spreads over zones with whenUnsatisfiable 'ScheduleAnyway'/);
      });
      it('fails HA-009 when the broker pool loses its host anti-affinity', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod/affinity/podAntiAffinity'));
        expectViolation(chart, 'HA-009', BROKER_POOL_PATH, /spec.template.pod has no required pod anti-affinity on kubernetes.io\/hostname/);
      });
      it('passes HA-009 on the Kafka when the PDB template is absent (Strimzi then allows 1) or allows 0', () => {
        const absent = strimziChart();
        absent.cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/template/podDisruptionBudget'));
        expectCompliant(absent.chart, 'HA-009', KAFKA_PATH);
        const none = strimziChart();
        none.cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/template/podDisruptionBudget/maxUnavailable', 0));
        expectCompliant(none.chart, 'HA-009', KAFKA_PATH);
      });
      it('says what a PDB allowing 2 breaks, what is expected and the fix', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/template/podDisruptionBudget/maxUnavailable', 2));
        expectViolation(chart, 'HA-009', KAFKA_PATH, /HA-009 \[kafka\/Kafka\/Resource\] spec\.kafka\.template\.podDisruptionBudget\.maxUnavailable is 2; expected at most 1 \(absent means 1\)\. Set spec\.kafka\.template\.podDisruptionBudget\.maxUnavailable: 1\. /);
      });
      it('says what a pool without a zone spread breaks, what is expected and the fix in the pool template', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod/topologySpreadConstraints'));
        expectViolation(chart, 'HA-009', BROKER_POOL_PATH, new RegExp("spec\\.template\\.pod has no topology spread constraint on topology\\.kubernetes\\.io/zone; expected a zone topology spread with whenUnsatisfiable 'DoNotSchedule'\\. "
          + "Add topologySpreadConstraints: \\[\\{ maxSkew: 1, topologyKey: 'topology\\.kubernetes\\.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: \\.\\.\\. \\}\\] to the pool's template\\.pod\\. "));
      });
      it('fails HA-009 when the only DoNotSchedule spread of a pool is over hosts, not zones', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/template/pod/topologySpreadConstraints/0/topologyKey', 'kubernetes.io/hostname'));
        expectViolation(chart, 'HA-009', BROKER_POOL_PATH, /spec\.template\.pod has no topology spread constraint on topology\.kubernetes\.io\/zone/);
      });
      it('says what a pool without host anti-affinity breaks when its only required anti-affinity is over zones', () => {
        const { chart, cluster } = strimziChart();
        cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/template/pod/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey', 'topology.kubernetes.io/zone'));
        expectViolation(chart, 'HA-009', CONTROLLER_POOL_PATH, /spec\.template\.pod has no required pod anti-affinity on kubernetes\.io\/hostname; expected at most one Kafka pod per host \(requiredDuringSchedulingIgnoredDuringExecution\)\. Add affinity\.podAntiAffinity\.requiredDuringSchedulingIgnoredDuringExecution with topologyKey 'kubernetes\.io\/hostname' to the pool's template\.pod\. /);
      });
      it('reads the Kafka pod template for a pool that has none, and names it', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod'));
        expectCompliant(chart, 'HA-009', BROKER_POOL_PATH);
        const bare = strimziChart();
        bare.cluster.brokerPools[0].addJsonPatch(JsonPatch.remove('/spec/template/pod'));
        bare.cluster.kafka.addJsonPatch(JsonPatch.remove('/spec/kafka/template/pod/topologySpreadConstraints'));
        expectViolation(bare.chart, 'HA-009', BROKER_POOL_PATH, /Kafka orders spec\.kafka\.template\.pod \(the pool has no template\.pod\) has no topology spread constraint on topology\.kubernetes\.io\/zone/);
      });
      it('does not read the other Strimzi documents (the NetworkPolicies, the metrics ConfigMap)', () => {
        const { chart } = strimziChart();
        synth(chart);
        const paths = chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-009').map((e) => e.path).sort();
        expect(paths).toEqual([BROKER_POOL_PATH, CONTROLLER_POOL_PATH, KAFKA_PATH].sort());
      });
    });
  });

  describe('DR-004: the DR cluster follows every HA and SEC rule', () => {
    it('refuses a DR cluster that breaks HA-009 (a PDB allowing 2), as an error', () => {
      const f = drFixture();
      f.cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/template/podDisruptionBudget/maxUnavailable', 2));
      expectViolation(f.chart, 'HA-009', DR_KAFKA_PATH, /maxUnavailable/);
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-009', () => {
      it('passes HA-009 with zone spread, host anti-affinity and one PDB of maxUnavailable 1 over every Kafka pod', () => {
        expectCompliant(statefulSetChart().chart, 'HA-009', BROKERS_PATH);
        expectCompliant(statefulSetChart().chart, 'HA-009', CONTROLLERS_PATH);
      });
      it('fails HA-009 when a JSON patch raises the PDB to maxUnavailable 2', () => {
        const { chart, cluster } = statefulSetChart();
        // Typed k8s objects convert their JSON again after patches: an int-or-string value is patched in as IntOrString.
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', IntOrString.fromNumber(2)));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka has maxUnavailable 2 and minAvailable not set over 3 pod\(s\); expected at most one disruption/);
      });
      it('fails HA-009 when a raw-number patch drops maxUnavailable from the PDB', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', 2));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka has maxUnavailable not set and minAvailable not set/);
      });
      it('fails HA-009 when the zone spread is ScheduleAnyway', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.controllers!.statefulSet.addJsonPatch(JsonPatch.replace('/spec/template/spec/topologySpreadConstraints/0/whenUnsatisfiable', 'ScheduleAnyway'));
        expectViolation(chart, 'HA-009', CONTROLLERS_PATH, /spreads over zones with whenUnsatisfiable 'ScheduleAnyway'/);
      });
      it('fails HA-009 when the host anti-affinity is removed', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/affinity/podAntiAffinity'));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /has no required pod anti-affinity on kubernetes.io\/hostname/);
      });
      /** A second budget over the controllers only, as a budget per role would write it. */
      function controllerBudget(chart: ReturnType<typeof statefulSetChart>['chart']): void {
        new KubePodDisruptionBudget(chart, 'ControllerBudget', {
          metadata: { name: 'orders-controller' },
          spec: { maxUnavailable: IntOrString.fromNumber(1), selector: { matchLabels: { 'kafka-iac.dev/cluster': 'orders', 'app.kubernetes.io/name': 'kafka', 'kafka-iac.dev/role': 'controller' } } },
        });
      }
      it('fails HA-009 when a second PDB selects the same pods (the eviction API refuses such a pod)', () => {
        const { chart } = statefulSetChart();
        controllerBudget(chart);
        expectViolation(chart, 'HA-009', CONTROLLERS_PATH, /PodDisruptionBudgets orders-kafka, orders-controller all select the pods of StatefulSet orders-controller; expected exactly one PodDisruptionBudget over each Kafka pod/);
        expectCompliant(statefulSetChart().chart, 'HA-009', CONTROLLERS_PATH);
      });
      it('fails HA-009 with one PDB per role: each allows 1, so a broker and a controller could go at once', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.add('/spec/selector/matchLabels/kafka-iac.dev~1role', 'broker'));
        controllerBudget(chart);
        // No pod is under two budgets, so only the split is found.
        expectViolation(chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka selects the pods of StatefulSet orders-broker but not those of orders-controller of the same cluster; expected one PodDisruptionBudget over every Kafka pod of the cluster/);
        expectViolation(chart, 'HA-009', CONTROLLERS_PATH, /PodDisruptionBudget orders-controller selects the pods of StatefulSet orders-controller but not those of orders-broker of the same cluster/);
      });
      it('fails HA-009 when the PDB no longer selects the Kafka pods', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels/app.kubernetes.io~1name', 'other'));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /no PodDisruptionBudget in namespace 'kafka' selects the pods of StatefulSet orders-broker/);
      });
      it('says what a missing PDB breaks, what is expected and the fix, also for a PDB of another namespace', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'other'));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /HA-009 \[kafka\/Kafka\/Brokers\] no PodDisruptionBudget in namespace 'kafka' selects the pods of StatefulSet orders-broker; expected a PodDisruptionBudget with maxUnavailable 1 over the Kafka pods\. Create the cluster with KafkaStatefulSetCluster \(it adds one PodDisruptionBudget over every Kafka pod\)\. /);
      });
      it('says what a PDB allowing 2 breaks, what is expected and the fix', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', IntOrString.fromNumber(2)));
        expectViolation(chart, 'HA-009', CONTROLLERS_PATH, /HA-009 \[kafka\/Kafka\/Controllers\] PodDisruptionBudget orders-kafka has maxUnavailable 2 and minAvailable not set over 3 pod\(s\); expected at most one disruption at a time, as a number \(maxUnavailable: 1\)\. Set spec\.maxUnavailable: 1 on PodDisruptionBudget orders-kafka\. /);
      });
      it('passes HA-009 with a PDB of maxUnavailable 0', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', IntOrString.fromNumber(0)));
        expectCompliant(chart, 'HA-009', BROKERS_PATH);
      });
      it('fails HA-009 with a percentage maxUnavailable (not a number of pods)', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.podDisruptionBudget.addJsonPatch(JsonPatch.replace('/spec/maxUnavailable', IntOrString.fromString('34%')));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka has maxUnavailable '34%' and minAvailable not set over 3 pod\(s\)/);
      });
      it('reads minAvailable over the replicas: 2 of 3 allows one disruption, 1 of 3 allows two', () => {
        const two = statefulSetChart();
        two.cluster.podDisruptionBudget.addJsonPatch(JsonPatch.remove('/spec/maxUnavailable'));
        two.cluster.podDisruptionBudget.addJsonPatch(JsonPatch.add('/spec/minAvailable', IntOrString.fromNumber(2)));
        expectCompliant(two.chart, 'HA-009', BROKERS_PATH);
        const one = statefulSetChart();
        one.cluster.podDisruptionBudget.addJsonPatch(JsonPatch.remove('/spec/maxUnavailable'));
        one.cluster.podDisruptionBudget.addJsonPatch(JsonPatch.add('/spec/minAvailable', IntOrString.fromNumber(1)));
        expectViolation(one.chart, 'HA-009', BROKERS_PATH, /PodDisruptionBudget orders-kafka has maxUnavailable not set and minAvailable 1 over 3 pod\(s\)/);
      });
      it('says what a StatefulSet without a zone spread breaks, with the fix on its pod template', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.remove('/spec/template/spec/topologySpreadConstraints'));
        expectViolation(chart, 'HA-009', BROKERS_PATH, new RegExp("spec\\.template\\.spec has no topology spread constraint on topology\\.kubernetes\\.io/zone; expected a zone topology spread with whenUnsatisfiable 'DoNotSchedule'\\. "
          + "Add topologySpreadConstraints: \\[\\{ maxSkew: 1, topologyKey: 'topology\\.kubernetes\\.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: \\.\\.\\. \\}\\]\\. "));
      });
      it('says what a StatefulSet without host anti-affinity breaks, with the fix on its pod template', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/0/topologyKey', 'topology.kubernetes.io/zone'));
        expectViolation(chart, 'HA-009', BROKERS_PATH, /spec\.template\.spec has no required pod anti-affinity on kubernetes\.io\/hostname; expected at most one Kafka pod per host \(requiredDuringSchedulingIgnoredDuringExecution\)\. Add affinity\.podAntiAffinity\.requiredDuringSchedulingIgnoredDuringExecution with topologyKey 'kubernetes\.io\/hostname'\. /);
      });
      it('reads only the Kafka node StatefulSets (not the exporter, the Services or the PDB itself)', () => {
        const { chart } = statefulSetChart();
        statefulsetFixture.synth(chart);
        const paths = chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-009').map((e) => e.path).sort();
        expect(paths).toEqual([BROKERS_PATH, CONTROLLERS_PATH].sort());
      });
    });
  });
});

describe('documents the fixtures do not write', () => {
  const pool = (pod: unknown) => kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'broker', { metadata: { labels: { 'strimzi.io/cluster': 'orders' } }, spec: { roles: ['broker'], template: { pod } } });
  const zoneSpread = { topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule' };
  const hostAntiAffinity = { topologyKey: 'kubernetes.io/hostname' };

  it('passes a Kafka without spec.kafka.template (Strimzi then allows one disruption)', () => {
    expect(outcomeOf(HA_009_DISRUPTION_AND_SPREAD, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', { spec: { kafka: {} } }))).toEqual({ status: 'compliant' });
    expect(outcomeOf(HA_009_DISRUPTION_AND_SPREAD, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', {}))).toEqual({ status: 'compliant' });
    expect(outcomeOf(HA_009_DISRUPTION_AND_SPREAD, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', { spec: {} }))).toEqual({ status: 'compliant' });
  });
  it('skips null entries of the spread and anti-affinity lists', () => {
    const doc = pool({ topologySpreadConstraints: [null, zoneSpread], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [null, hostAntiAffinity] } } });
    expect(outcomeOf(HA_009_DISRUPTION_AND_SPREAD, doc)).toEqual({ status: 'compliant' });
  });
  it('reports a pool template without affinity, and not a spread it has', () => {
    const findings = findingsOf(HA_009_DISRUPTION_AND_SPREAD, pool({ topologySpreadConstraints: [zoneSpread] }));
    expect(findings.map((f) => f.found)).toEqual(['spec.template.pod has no required pod anti-affinity on kubernetes.io/hostname']);
  });
  it('names every whenUnsatisfiable of the zone spreads when none is DoNotSchedule', () => {
    const doc = pool({ topologySpreadConstraints: [{ ...zoneSpread, whenUnsatisfiable: 'ScheduleAnyway' }, { topologyKey: 'topology.kubernetes.io/zone' }], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [hostAntiAffinity] } } });
    expect(findingsOf(HA_009_DISRUPTION_AND_SPREAD, doc).map((f) => f.found)).toEqual(["spec.template.pod spreads over zones with whenUnsatisfiable 'ScheduleAnyway', not set"]);
  });
  it('passes a pool when one of several zone spreads is DoNotSchedule', () => {
    const doc = pool({ topologySpreadConstraints: [{ ...zoneSpread, whenUnsatisfiable: 'ScheduleAnyway' }, zoneSpread], affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [hostAntiAffinity] } } });
    expect(outcomeOf(HA_009_DISRUPTION_AND_SPREAD, doc)).toEqual({ status: 'compliant' });
  });

  describe('StatefulSet', () => {
    const sts = (labels?: Record<string, string>) => {
      const doc = nodeStatefulSet('orders-broker', 'orders-broker-config', 3);
      const template = doc.body.spec.template;
      template.spec.topologySpreadConstraints = [zoneSpread];
      template.spec.affinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [hostAntiAffinity] } };
      if (labels) template.metadata = { labels };
      return doc;
    };
    const config = nodeConfigMap('orders-broker-config', { 'process.roles': 'broker' });
    const pdb = (spec: unknown) => kubernetes('policy/v1', 'PodDisruptionBudget', 'orders-kafka', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, spec });
    const selector = { matchLabels: { app: 'kafka' } };

    it('passes with a PDB whose selector matches the pod labels', () => {
      expect(outcomeOf(HA_009_DISRUPTION_AND_SPREAD, sts({ app: 'kafka' }), [config, pdb({ maxUnavailable: 1, selector })])).toEqual({ status: 'compliant' });
    });
    it('finds no PDB over pods without labels, nor a PDB without a spec', () => {
      const found = findingsOf(HA_009_DISRUPTION_AND_SPREAD, sts(), [config, pdb(undefined), pdb({ maxUnavailable: 1, selector })]).map((f) => f.found);
      expect(found).toEqual(["no PodDisruptionBudget in namespace 'kafka' selects the pods of StatefulSet orders-broker"]);
    });
    it('reads a string minAvailable as no number of pods', () => {
      const found = findingsOf(HA_009_DISRUPTION_AND_SPREAD, sts({ app: 'kafka' }), [config, pdb({ minAvailable: '2', selector })]).map((f) => f.found);
      expect(found).toEqual(["PodDisruptionBudget orders-kafka has maxUnavailable not set and minAvailable '2' over 3 pod(s)"]);
    });
    it('reads a PDB without maxUnavailable or minAvailable as no limit', () => {
      const found = findingsOf(HA_009_DISRUPTION_AND_SPREAD, sts({ app: 'kafka' }), [config, pdb({ selector })]).map((f) => f.found);
      expect(found).toEqual(['PodDisruptionBudget orders-kafka has maxUnavailable not set and minAvailable not set over 3 pod(s)']);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_009_DISRUPTION_AND_SPREAD, 'HA-009', ['strimzi', 'statefulset']);
});
