// HA-005: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { expectCompliant, expectViolation } from './fixtures/msk-rule-assertions';
import { mskStack } from '../support/msk-stack';
import { CLUSTER } from './fixtures/msk-ha';
import { KafkaVersion } from '../../lib/model/kafka-version';
import { strimziChart, KAFKA_PATH } from '../support/strimzi-fixture';
import { JsonPatch } from 'cdk8s';
import { EnvironmentProfile } from '../../lib/model/environment';
import { statefulSetChart, CONTROLLERS_PATH, BROKERS_PATH, COMBINED_PATH, patchProperties } from '../support/statefulset-fixture';
import * as strimziFixture from '../support/strimzi-fixture';
import * as statefulsetFixture from '../support/statefulset-fixture';

import { HA_005_KRAFT_QUORUM } from '../../lib/rules/ha-005-kraft-quorum';
import { itDescribesItself } from './fixtures/metadata';
import { kubernetes, mskCluster, nodePool, strimziKafka, terraform } from './fixtures/cap-documents';
import { outcomeOf } from './fixtures/outcome';
import { nodeConfigMap, nodeStatefulSet } from './fixtures/statefulset-documents';

describe('HA-005 over the documents (the whole findings)', () => {
  it('MSK: refuses a kafka_version that is not an MSK KRaft version, even a number, and notes that MSK runs the controllers', () => {
    const msk = (v: unknown) => terraform('aws_msk_cluster', 'kafka', { ...mskCluster().body, kafka_version: v });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, msk(3.9))).toEqual({
      status: 'non-compliant',
      findings: [{
        found: 'kafka_version is 3.9', expected: 'an MSK KRaft version, 3.7.x.kraft to 4.1.x.kraft',
        fix: 'Set kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT. The metadata mode cannot change after creation: a ZooKeeper cluster is replaced, not converted.',
      }],
    });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, msk('3.9.x.kraft'))).toEqual({ status: 'compliant', notes: ['MSK runs the KRaft controllers itself.'] });
  });
  it("Strimzi: takes a Kafka without a version (Strimzi's default), and names every pool that combines the roles", () => {
    const controllers = nodePool('controllers', { roles: ['controller'], replicas: 3 });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', { spec: { kafka: {} } }), [controllers])).toEqual({ status: 'compliant' });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', {}), [controllers])).toEqual({ status: 'compliant' });
    const combined = [nodePool('combined-a', { roles: ['controller', 'broker'], replicas: 1 }), nodePool('combined-b', { roles: ['controller', 'broker'], replicas: 2 })];
    expect(outcomeOf(HA_005_KRAFT_QUORUM, strimziKafka({ config: {} }), combined)).toEqual({
      status: 'non-compliant',
      findings: [{
        found: 'node pool(s) combined-a, combined-b combine the controller and broker roles',
        expected: 'separate controller and broker pools in staging and production (a combined node is for development)',
        fix: 'Remove combinedNode; declare a controller pool and broker pools.',
      }],
    });
  });
  it('StatefulSet: refuses zookeeper.connect, and voters that do not match the controllers (blank entries not counted)', () => {
    const config = nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', 'controller.quorum.voters': '1@a:9093, ,2@b:9093,', 'zookeeper.connect': 'zk:2181' });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, nodeStatefulSet('kafka-controllers', 'kafka-controllers', 3), [config])).toEqual({
      status: 'non-compliant',
      findings: [
        { found: "data['server.properties'] zookeeper.connect is 'zk:2181'", expected: 'no ZooKeeper: the metadata quorum is KRaft', fix: 'Remove zookeeper.connect.' },
        {
          found: "data['server.properties'] controller.quorum.voters lists 2 voter(s) but spec.replicas is 3", expected: 'one voter per controller pod',
          fix: 'Change the controller count through the construct, which renders the voters, not with a patch of spec.replicas alone.',
        },
      ],
    });
    const three = nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', 'controller.quorum.voters': '1@a:9093,2@b:9093,3@c:9093' });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, nodeStatefulSet('kafka-controllers', 'kafka-controllers', 3), [three])).toEqual({ status: 'compliant' });
    const four = nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', 'controller.quorum.voters': '1@a:9093,2@b:9093,3@c:9093,4@d:9093' });
    expect(outcomeOf(HA_005_KRAFT_QUORUM, nodeStatefulSet('kafka-controllers', 'kafka-controllers', 4), [four])).toMatchObject({
      findings: [{ found: "spec.replicas is 4 KRaft controller(s) (process.roles 'controller')" }],
    });
  });
});

describe('MSK', () => {
  describe('HA rules on MSK', () => {

    describe('HA-005', () => {
      it('passes HA-005 with 3.9.x.kraft and notes that MSK runs the controllers', () => {
        expect(expectCompliant(mskStack().stack, 'HA-005', CLUSTER)).toContain('MSK runs the KRaft controllers itself.');
      });
      it('fails HA-005 when an override sets a ZooKeeper version', () => {
        const { stack, cluster } = mskStack();
        cluster.resource.addOverride('kafka_version', '3.6.0');
        expectViolation(stack, 'HA-005', CLUSTER, /kafka_version is '3.6.0'; expected an MSK KRaft version/);
      });
      it('passes HA-005 with 4.1.x.kraft', () => {
        expectCompliant(mskStack({ cluster: { kafkaVersion: KafkaVersion.MSK_4_1_X_KRAFT } }).stack, 'HA-005', CLUSTER);
      });
    });
  });
});

describe('Strimzi', () => {
  describe('HA rules on Strimzi', () => {
    const { expectCompliant, expectViolation } = strimziFixture;

    describe('HA-005', () => {
      it('passes HA-005 with Kafka 4.3.1 and 3 controllers', () => {
        expectCompliant(strimziChart().chart, 'HA-005', KAFKA_PATH);
      });
      it('passes HA-005 with 5 controllers', () => {
        expectCompliant(strimziChart({ cluster: { controllers: { replicas: 5 } } }).chart, 'HA-005', KAFKA_PATH);
      });
      it('fails HA-005 when a JSON patch makes the controller quorum 4', () => {
        const { chart, cluster } = strimziChart();
        cluster.controllerPool!.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
        expectViolation(chart, 'HA-005', KAFKA_PATH, /the controller node pools \(controller: 4 \[controller\]\) have 4 controller\(s\); expected an odd KRaft quorum of 3 or 5/);
      });
      it('fails HA-005 when staging runs a combined controller+broker node', () => {
        const { chart } = strimziChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
        expectViolation(chart, 'HA-005', KAFKA_PATH, /node pool\(s\) dual-role combine the controller and broker roles/);
      });
      it('says what a combined pool in staging breaks, what is expected and the fix', () => {
        const { chart } = strimziChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
        expectViolation(chart, 'HA-005', KAFKA_PATH, /node pool\(s\) dual-role combine the controller and broker roles; expected separate controller and broker pools in staging and production \(a combined node is for development\)\. Remove combinedNode; declare a controller pool and broker pools\./);
      });
      it('accepts a combined controller+broker node in development (only the one-controller quorum is reported there)', () => {
        const { chart } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
        strimziFixture.synth(chart);
        const found = chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-005').flatMap((e) => e.findings.map((f) => f.found));
        expect(found.some((f) => /controller node pools .* have 1 controller/.test(f))).toBe(true);
        expect(found.filter((f) => /combine the controller and broker roles/.test(f))).toEqual([]);
      });
      it('says which versions Strimzi 1.2 runs and how to fix an unsupported one', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/version', '3.9.0'));
        const supported = KafkaVersion.STRIMZI_SUPPORTED.join(', ').replace(/\./g, '\\.');
        expectViolation(chart, 'HA-005', KAFKA_PATH, new RegExp(`spec\\.kafka\\.version is '3\\.9\\.0'; expected a Kafka 4\\.x version Strimzi 1\\.2 runs in KRaft mode \\(${supported}\\)\\. Set version: '4\\.3\\.1' \\(KafkaVersion\\.V4_3_1\\)\\.`));
      });
      it('fails HA-005 when a JSON patch sets a version Strimzi 1.2 does not run', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/version', '3.9.0'));
        expectViolation(chart, 'HA-005', KAFKA_PATH, /spec.kafka.version is '3.9.0'/);
      });
      it('fails HA-005 when process.roles is patched into spec.kafka.config (Strimzi drops it)', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/process.roles', 'broker,controller'));
        expectViolation(chart, 'HA-005', KAFKA_PATH, /key 'process.roles' is set, and Strimzi 1.2 silently drops keys starting with 'process.roles'/);
      });
    });
  });
});

describe('StatefulSet', () => {
  describe('HA rules on the StatefulSet', () => {
    const { expectCompliant, expectViolation } = statefulsetFixture;

    describe('HA-005', () => {
      it('passes HA-005 with Kafka 4.3.1 and 3 controllers', () => {
        expectCompliant(statefulSetChart().chart, 'HA-005', CONTROLLERS_PATH);
        expectCompliant(statefulSetChart().chart, 'HA-005', BROKERS_PATH);
      });
      it('passes HA-005 with 5 controllers', () => {
        expectCompliant(statefulSetChart({ cluster: { controllers: { replicas: 5 } } }).chart, 'HA-005', CONTROLLERS_PATH);
      });
      it('fails HA-005 when a JSON patch makes the controller StatefulSet 4', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.controllers!.statefulSet.addJsonPatch(JsonPatch.replace('/spec/replicas', 4));
        expectViolation(chart, 'HA-005', CONTROLLERS_PATH, /spec.replicas is 4 KRaft controller\(s\).*expected an odd KRaft quorum of 3 or 5/);
        expectViolation(chart, 'HA-005', CONTROLLERS_PATH, /controller.quorum.voters lists 3 voter\(s\) but spec.replicas is 4/);
      });
      it('fails HA-005 when staging runs a combined controller+broker node', () => {
        const { chart } = statefulSetChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
        expectViolation(chart, 'HA-005', COMBINED_PATH, /process.roles is 'broker,controller': the nodes combine the controller and broker roles/);
      });
      it('says what a combined node in staging breaks, what is expected and the fix', () => {
        const { chart } = statefulSetChart({ profile: EnvironmentProfile.STAGING, cluster: { combinedNode: true } });
        expectViolation(chart, 'HA-005', COMBINED_PATH, /expected separate controller and broker StatefulSets in staging and production \(a combined node is for development\)\. Remove combinedNode; declare controllers and brokers\./);
      });
      it('accepts a combined node in development (only the one-controller quorum is reported there)', () => {
        const { chart } = statefulSetChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { combinedNode: true } });
        strimziFixture.synth(chart);
        const found = chart.complianceReport.entries.filter((e) => e.ruleId === 'HA-005').flatMap((e) => e.findings.map((f) => f.found));
        expect(found.some((f) => /KRaft controller/.test(f))).toBe(true);
        expect(found.filter((f) => /combine the controller and broker roles/.test(f))).toEqual([]);
      });
      it('fails HA-005 when a JSON patch swaps in a Kafka 3.9 image', () => {
        const { chart, cluster } = statefulSetChart();
        cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', 'apache/kafka:3.9.1'));
        expectViolation(chart, 'HA-005', BROKERS_PATH, /the kafka container image is 'apache\/kafka:3.9.1'; expected an Apache Kafka 4.x image tagged with its version .*this image runs Kafka 3.9.1/);
      });
      // A vendor image's tag is the vendor's release, not the Kafka version: Confluent Platform
      // 4.0.0 ships Apache Kafka 1.0 and 7.x ships Kafka 3.x (Confluent's "Supported Versions and
      // Interoperability" table). Only apache/kafka and apache/kafka-native are tagged with the Kafka version.
      it('fails HA-005 when the image is a vendor build whose tag is not its Kafka version', () => {
        for (const image of ['confluentinc/cp-kafka:4.0.0', 'confluentinc/cp-kafka:7.6.0', 'apache/kafka@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']) {
          const { chart, cluster } = statefulSetChart();
          cluster.resource.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', image));
          expectViolation(chart, 'HA-005', BROKERS_PATH, new RegExp(`the kafka container image is '${image.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'; expected an Apache Kafka 4.x image tagged with its version .*this image's Kafka version is unknown`));
        }
      });
      it('passes HA-005 with apache/kafka-native and with a registry mirror that keeps the apache/kafka path', () => {
        expectCompliant(statefulSetChart({ cluster: { imageRepository: 'registry.example.com:5000/mirror/apache/kafka' } }).chart, 'HA-005', BROKERS_PATH);
        expectCompliant(statefulSetChart({ cluster: { imageRepository: 'apache/kafka-native' } }).chart, 'HA-005', BROKERS_PATH);
      });
      it('refuses a vendor imageRepository at construction, with the same message as the rule', () => {
        expect(() => statefulSetChart({ cluster: { imageRepository: 'confluentinc/cp-kafka' } }))
          .toThrow(/^HA-005 \[kafka\/Kafka\] imageRepository is 'confluentinc\/cp-kafka'; expected an Apache Kafka 4.x image tagged with its version .*this image's Kafka version is unknown .*Set kafkaVersion: KafkaVersion.V4_3_1, and imageRepository to 'apache\/kafka'/);
        expect(() => statefulSetChart({ cluster: { kafkaVersion: KafkaVersion.of('3.9.1') } }))
          .toThrow(/^HA-005 \[kafka\/Kafka\] kafkaVersion is '3.9.1'; expected an Apache Kafka 4.x image tagged with its version .*this image runs Kafka 3.9.1/);
      });
      it('fails HA-005 when zookeeper.connect is patched into the controller properties', () => {
        const { chart, cluster } = statefulSetChart();
        patchProperties(cluster.controllers!, { 'zookeeper.connect': 'zk:2181' });
        expectViolation(chart, 'HA-005', CONTROLLERS_PATH, /zookeeper.connect is 'zk:2181'; expected no ZooKeeper/);
      });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(HA_005_KRAFT_QUORUM, 'HA-005', ['msk', 'strimzi', 'statefulset']);
});
