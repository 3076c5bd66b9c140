// HA-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack, synthJson } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { EnvironmentProfile } from '../../lib/model/environment';
import { strimziChart, KAFKA_PATH, synth, synthError } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { drFixture } from '../support/mirror-maker-2-fixture';
import { statefulSetChart, BROKERS_PATH, COMBINED_PATH } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_001_BROKER_COUNT as HA_001 } from '../../lib/rules/ha-001-broker-count';
import { kubernetes, mskCluster, mskConfiguration, nodePool, strimziKafka } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
import { nodeConfigMap, nodeStatefulSet } from './fixtures/statefulset-documents';
import { HA_001_BROKER_COUNT } from '../../lib/rules/ha-001-broker-count';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('HA-001 over the documents (both sides of 3, the whole finding)', () => {
    it('passes exactly 3 brokers', () => {
      expect(outcomeOf(HA_001, mskCluster({ brokers: 3 }))).toEqual({ status: 'compliant' });
    });
    it('fails 2 brokers, with the fix', () => {
      expect(findingsOf(HA_001, mskCluster({ brokers: 2 }))).toEqual([{
        found: 'number_of_broker_nodes is 2', expected: 'at least 3, written as a number',
        fix: 'Set brokers: 3 (or another multiple of the zone count) on the MskCluster.',
      }]);
    });
    it('does not apply to the MSK configuration', () => {
      expect(outcomeOf(HA_001, mskConfiguration({}))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on MSK', () => {
    describe('HA-001', () => {
      it('passes HA-001 with 3 brokers', () => {
        expectCompliant(mskStack().stack, 'HA-001', CLUSTER);
      });
      it('fails HA-001 when an addOverride escape hatch sets one broker', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('number_of_broker_nodes', 1);
        expectViolation(stack, 'HA-001', CLUSTER, /number_of_broker_nodes is 1; expected at least 3/);
      });
      it('fails HA-001 when the broker count is an expression that cannot be checked', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('number_of_broker_nodes', '${var.brokers}');
        expectViolation(stack, 'HA-001', CLUSTER, /number_of_broker_nodes is '\$\{var.brokers\}'/);
      });
      it('refuses brokers: 1 over 3 zones with HA-001 and HA-006, one line each, not HA-006 alone', () => {
        let message = '';
        try {
          mskStack({ cluster: { brokers: 1 } });
        } catch (e) {
          message = (e as Error).message;
        }
        expect(message.split('\n')).toEqual([
          "HA-001 [production/Kafka] brokers is 1; expected at least 3 brokers. Set brokers on the MskCluster to at least 3, a multiple of the zone count (brokers: 3 over 3 zones).",
          "HA-006 [production/Kafka] brokers is 1; expected a multiple of the subnet count (3), one subnet per zone: MSK places the same number of brokers in every zone. Set brokers: 3 (a multiple of 3).",
        ]);
      });
      it('refuses brokers: 4 over 3 zones with HA-006 only (4 is enough brokers, badly spread)', () => {
        expect(() => mskStack({ cluster: { brokers: 4 } })).toThrow(/^HA-006 \[production\/Kafka\] brokers is 4; expected a multiple of the subnet count \(3\)[^\n]*$/);
      });
      it('refuses brokers: 1 over 3 zones in development with HA-006 only (HA-001 is relaxed there)', () => {
        expect(() => mskStack({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { brokers: 1 } })).toThrow(/^HA-006 \[development\/Kafka\] brokers is 1;[^\n]*$/);
      });
      it('only warns about HA-001 in development', () => {
        const { stack, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
        cluster.resource.addOverride('number_of_broker_nodes', 1);
        synthJson(stack);
        expect(stack.complianceReport.warnings().map((e) => e.ruleId)).toContain('HA-001');
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA-001 over the documents (both sides of 3, the whole finding)', () => {
    it('passes broker pools of 2 and 1 (3 in total), and a combined pool of 3', () => {
      expect(outcomeOf(HA_001, strimziKafka(), [nodePool('a', { replicas: 2 }), nodePool('b', { replicas: 1 })])).toEqual({ status: 'compliant' });
      expect(outcomeOf(HA_001, strimziKafka(), [nodePool('combined', { replicas: 3, roles: ['controller', 'broker'] })])).toEqual({ status: 'compliant' });
    });
    it('fails 2 brokers beside 3 controllers (controllers do not count), naming the pools and the fix', () => {
      expect(findingsOf(HA_001, strimziKafka(), [nodePool('broker', { replicas: 2 }), nodePool('controller', { replicas: 3, roles: ['controller'] })])).toEqual([{
        found: 'the broker node pools (broker: 2 [broker]) have 2 broker(s)', expected: 'at least 3 brokers',
        fix: 'Give the broker node pools at least 3 replicas in total (StrimziKafkaCluster brokerPools: [{ replicas: 3 }]).',
      }]);
    });
    it('does not apply to a KafkaNodePool', () => {
      expect(outcomeOf(HA_001, nodePool('broker'))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;
    describe('HA-001', () => {
      it('passes HA-001 with a broker pool of 3', () => {
        expectCompliant(strimziChart().chart, 'HA-001', KAFKA_PATH);
      });
      it('fails HA-001 when a JSON patch shrinks the broker pool to 1', () => {
        const { chart, cluster } = strimziChart();
        cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
        expectViolation(chart, 'HA-001', KAFKA_PATH, /the broker node pools \(broker: 1 \[broker\]\) have 1 broker\(s\); expected at least 3 brokers/);
      });
      it('only warns about HA-001 in development with a combined node', () => {
        const { chart } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
        synth(chart);
        expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toEqual(expect.arrayContaining(['HA-001', 'HA-005']));
        expect(chart.complianceReport.errors()).toEqual([]);
      });
    });
  });

  describe('DR-004: the DR cluster follows every HA and SEC rule', () => {
    it('refuses a DR cluster that breaks HA-001 (one broker), as an error, not a warning', () => {
      const f = drFixture();
      f.cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
      const message = synthError(f.chart);
      expect(message).toMatch(/HA-001 \[kafka\/Kafka\//);
    });
  });
});

describe('StatefulSet', () => {
  describe('HA-001 over the documents (both sides of 3, the whole finding)', () => {
    const brokers = nodeConfigMap('kafka-brokers', { 'process.roles': 'broker' });
    it('passes a broker StatefulSet of exactly 3', () => {
      expect(outcomeOf(HA_001, nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3), [brokers])).toEqual({ status: 'compliant' });
    });
    it('fails a broker StatefulSet of 2, naming its roles and the fix', () => {
      expect(findingsOf(HA_001, nodeStatefulSet('kafka-brokers', 'kafka-brokers', 2), [brokers])).toEqual([{
        found: "spec.replicas is 2 (process.roles 'broker')", expected: 'at least 3 brokers',
        fix: 'Set brokers: { replicas: 3 } on the KafkaStatefulSetCluster (and remove combinedNode outside development).',
      }]);
    });
    it('does not apply to a controller StatefulSet, to one without its properties, nor to a ConfigMap', () => {
      const controllers = nodeConfigMap('kafka-controllers', { 'process.roles': 'controller' });
      expect(outcomeOf(HA_001, nodeStatefulSet('kafka-controllers', 'kafka-controllers', 1), [controllers])).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_001, nodeStatefulSet('kafka-brokers', 'kafka-brokers', 1))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_001, brokers)).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(HA_001, kubernetes('v1', 'Service', 'kafka', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } } }))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation, synth } = statefulsetFixture;
    describe('HA-001', () => {
      it('passes HA-001 with 3 brokers', () => {
        expectCompliant(statefulSetChart().chart, 'HA-001', BROKERS_PATH);
      });
      it('fails HA-001 when a JSON patch shrinks the broker StatefulSet to 1', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
        expectViolation(chart, 'HA-001', BROKERS_PATH, /spec.replicas is 1 \(process.roles 'broker'\); expected at least 3 brokers/);
      });
      it('fails HA-001 in production with a combined single node', () => {
        const { chart } = statefulSetChart({ cluster: { combinedNode: true } });
        expectViolation(chart, 'HA-001', COMBINED_PATH, /spec.replicas is 1 \(process.roles 'broker,controller'\)/);
      });
      it('only warns about HA-001, HA-005 and HA-006 in development with a combined node', () => {
        const { chart } = statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
        synth(chart);
        expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toEqual(expect.arrayContaining(['HA-001', 'HA-002', 'HA-003', 'HA-005', 'HA-006']));
        expect(chart.complianceReport.errors()).toEqual([]);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_001_BROKER_COUNT, 'HA-001', ['msk', 'strimzi', 'statefulset']);
});
