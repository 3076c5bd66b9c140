// HA-009: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskStack, synthJson } from '../support/msk-stack';
import { strimziChart, expectCompliant, KAFKA_PATH, BROKER_POOL_PATH, CONTROLLER_POOL_PATH, expectViolation } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { drFixture, DR_KAFKA_PATH } from '../support/mirror-maker-2-fixture';
import { statefulSetChart, BROKERS_PATH, CONTROLLERS_PATH } from '../support/statefulset-fixture';
import { IntOrString, KubePodDisruptionBudget } from 'cdk8s-plus-27/lib/imports/k8s';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_009_DISRUPTION_AND_SPREAD } from '../../lib/rules/ha-009-disruption-and-spread';
import { itDescribesItself } from './fixtures/metadata';
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
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_009_DISRUPTION_AND_SPREAD, 'HA-009', ['strimzi', 'statefulset']);
});
