// The target checks every rule file opens with (lib/rules/checks/target-checks.ts), over hand-built
// documents: which document each one reads, what it hands the rule's check, and the
// not-applicable outcome for every other document.
import { describe, expect, it } from 'vitest';
import type { SynthesizedDocument } from '../../../lib/contract/document';
import {
  documentCheck, kafkaBrokerCheck, kafkaNodeCheck, mskClusterCheck, mskTopicsAndBrokerPropertiesCheck, nodeListenersCheck,
  nodePropertiesCheck, strimziBrokerPoolCheck, strimziKafkaCheck, strimziNodePoolCheck, strimziTopicsAndKafkaCheck,
} from '../../../lib/rules/checks/target-checks';
import type { TargetCheck } from '../../../lib/rules/define-rule';
import { compliantWithNotes, NOT_APPLICABLE, type RuleContext, type RuleOutcome } from '../../../lib/rules/rule';
import { toPropertiesText } from '../../../lib/model/broker-config';
import { kubernetes, mskCluster, mskConfiguration, nodePool, strimziKafka, terraform } from '../fixtures/cap-documents';
import { nodeConfigMap, nodeStatefulSet } from '../fixtures/statefulset-documents';
import { ruleContext } from '../fixtures/rule-context';

const context = (...documents: SynthesizedDocument[]): RuleContext => ruleContext(documents);
/** A rule's check that answers compliant with a note naming the document it was given. */
const named = (what: string) => (found: { path: string } | { sts: { path: string } } | { configMap: { path: string } }): RuleOutcome =>
  compliantWithNotes([`${what} ${'path' in found ? found.path : 'sts' in found ? found.sts.path : found.configMap.path}`]);
const notApplicable = (check: TargetCheck, ctx: RuleContext, ...docs: SynthesizedDocument[]) => {
  for (const doc of docs) expect(check(doc, ctx), doc.path).toEqual(NOT_APPLICABLE);
};

const cluster = terraform('aws_msk_cluster', 'kafka', { ...mskCluster().body, configuration_info: { arn: '${aws_msk_configuration.kafka_configuration.arn}', revision: 1 } });
const configuration = mskConfiguration({ 'min.insync.replicas': '2', 'default.replication.factor': '3' });
const artefact = terraform('terraform_data', 'kafka_admin', { input: { kind: 'kafka-iac/kafka-admin', cluster: 'production-kafka', topics: '' } });
const otherTerraform = terraform('aws_security_group', 'kafka', { name: 'kafka' });
const kafka = strimziKafka({ config: { 'min.insync.replicas': 2, 'default.replication.factor': '3' } });
const brokers = nodePool('brokers', { roles: ['broker'] });
const controllers = nodePool('controllers', { roles: ['controller'] });
const topic = kubernetes('kafka.strimzi.io/v1', 'KafkaTopic', 'orders', { metadata: { labels: { 'strimzi.io/cluster': 'main' } }, spec: { partitions: 6, replicas: 3 } });
/** A Kafka-like object of another API group: not a Strimzi resource. */
const foreignKafka = kubernetes('example.com/v1', 'Kafka', 'main', { spec: { kafka: { config: {} } } });

describe('documentCheck', () => {
  it('hands the check what the reader found, with the context, and is not applicable where the reader finds nothing', () => {
    const ctx = context();
    const seen: unknown[] = [];
    const check = documentCheck((doc) => (doc.source === 'terraform' ? doc.type : undefined), (found, c) => {
      seen.push(found, c);
      return compliantWithNotes([String(found)]);
    });
    expect(check(otherTerraform, ctx)).toEqual({ status: 'compliant', notes: ['aws_security_group'] });
    expect(seen).toEqual(['aws_security_group', ctx]);
    expect(seen[1]).toBe(ctx);
    notApplicable(check, ctx, kafka);
    expect(seen).toHaveLength(2);
  });
  it('checks a falsy value the reader found (only undefined is "none")', () => {
    const check = documentCheck(() => 0, (found) => compliantWithNotes([`found ${found}`]));
    expect(check(otherTerraform, context())).toEqual({ status: 'compliant', notes: ['found 0'] });
  });
});

describe('MSK', () => {
  it('mskClusterCheck reads the aws_msk_cluster and nothing else', () => {
    const check = mskClusterCheck(named('cluster'));
    const ctx = context(cluster, configuration, artefact);
    expect(check(cluster, ctx)).toEqual({ status: 'compliant', notes: [`cluster ${cluster.path}`] });
    notApplicable(check, ctx, configuration, artefact, otherTerraform, kafka);
  });

  describe('mskTopicsAndBrokerPropertiesCheck', () => {
    const check = mskTopicsAndBrokerPropertiesCheck(named('topics'), (props, f, conf, ctx) => {
      f.add({ found: `min.insync.replicas is ${props['min.insync.replicas']} in ${conf.address}`, expected: `${ctx.environment.name} reads it`, fix: 'none' });
    });
    it('hands the admin artefact to the topic check', () => {
      expect(check(artefact, context(artefact, cluster, configuration))).toEqual({ status: 'compliant', notes: [`topics ${artefact.path}`] });
    });
    it("hands each configuration's server properties to the property check, with the configuration and the context", () => {
      expect(check(configuration, context(cluster, configuration))).toEqual({
        status: 'non-compliant',
        findings: [{ found: 'min.insync.replicas is 2 in aws_msk_configuration.kafka_configuration', expected: 'production reads it', fix: 'none' }],
      });
    });
    it('passes a cluster that uses a configuration of its stack, and reports one that uses none', () => {
      expect(check(cluster, context(cluster, configuration))).toEqual({ status: 'compliant' });
      const onDefaults = mskCluster();
      expect(check(onDefaults, context(onDefaults))).toEqual({
        status: 'non-compliant',
        findings: [expect.objectContaining({ found: 'configuration_info is not set, so the cluster runs the MSK default configuration' })],
      });
    });
    it('is not applicable to other documents, a terraform_data of another kind among them', () => {
      const otherData = terraform('terraform_data', 'other', { input: { kind: 'something-else', topics: '' } });
      notApplicable(check, context(cluster, configuration), otherTerraform, otherData, kafka, topic);
    });
  });
});

describe('Strimzi', () => {
  it('strimziKafkaCheck reads the Kafka of kafka.strimzi.io only', () => {
    const check = strimziKafkaCheck(named('kafka'));
    const ctx = context(kafka, brokers);
    expect(check(kafka, ctx)).toEqual({ status: 'compliant', notes: [`kafka ${kafka.path}`] });
    notApplicable(check, ctx, brokers, topic, foreignKafka, cluster);
  });

  describe('strimziTopicsAndKafkaCheck', () => {
    const check = strimziTopicsAndKafkaCheck(named('topic'), (config, f, k, ctx) => {
      f.expect(config['min.insync.replicas'] === '3', { found: `min.insync.replicas is ${config['min.insync.replicas']} in ${k.name}`, expected: `3 in ${ctx.environment.name}`, fix: 'raise it' });
    });
    it('hands each KafkaTopic to the topic check', () => {
      expect(check(topic, context(kafka, topic))).toEqual({ status: 'compliant', notes: [`topic ${topic.path}`] });
    });
    it('hands the config of the Kafka (every value as a string) to the config check, one outcome for the Kafka', () => {
      expect(check(kafka, context(kafka, topic))).toEqual({
        status: 'non-compliant', findings: [{ found: 'min.insync.replicas is 2 in main', expected: '3 in production', fix: 'raise it' }],
      });
      const compliant = strimziKafka({ config: { 'min.insync.replicas': 3 } });
      expect(check(compliant, context(compliant))).toEqual({ status: 'compliant' });
    });
    it('is not applicable to node pools, foreign Kafkas and MSK documents', () => {
      notApplicable(check, context(kafka, topic), brokers, foreignKafka, configuration);
    });
  });

  it('strimziNodePoolCheck reads every node pool, whatever its roles', () => {
    const check = strimziNodePoolCheck(named('pool'));
    const ctx = context(kafka, brokers, controllers);
    expect(check(brokers, ctx)).toEqual({ status: 'compliant', notes: [`pool ${brokers.path}`] });
    expect(check(controllers, ctx)).toEqual({ status: 'compliant', notes: [`pool ${controllers.path}`] });
    notApplicable(check, ctx, kafka, topic);
  });
  it('strimziBrokerPoolCheck reads the node pools with the broker role, combined pools among them, and no controller-only pool', () => {
    const check = strimziBrokerPoolCheck(named('brokers'));
    const combined = nodePool('combined', { roles: ['controller', 'broker'] });
    const ctx = context(kafka, brokers, controllers, combined);
    expect(check(brokers, ctx)).toEqual({ status: 'compliant', notes: [`brokers ${brokers.path}`] });
    expect(check(combined, ctx)).toEqual({ status: 'compliant', notes: [`brokers ${combined.path}`] });
    notApplicable(check, ctx, controllers, kafka, topic);
  });
});

describe('StatefulSet', () => {
  const brokerConfig = nodeConfigMap('kafka-brokers', { 'process.roles': 'broker', listeners: 'SASL_SSL://:9093', 'controller.listener.names': 'CONTROLLER' });
  const controllerConfig = nodeConfigMap('kafka-controllers', { 'process.roles': 'controller', listeners: 'CONTROLLER://:9094', 'controller.listener.names': 'CONTROLLER' });
  const brokerSts = nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3);
  const controllerSts = nodeStatefulSet('kafka-controllers', 'kafka-controllers', 3);
  const orphanSts = nodeStatefulSet('kafka-orphan', 'no-such-config', 3);
  const otherConfigMap = kubernetes('v1', 'ConfigMap', 'kafka-topics', { data: { 'topics.txt': '' } });
  const ctx = context(brokerConfig, controllerConfig, brokerSts, controllerSts, orphanSts, otherConfigMap);

  it('kafkaNodeCheck hands each Kafka node StatefulSet with the ConfigMap and properties it mounts', () => {
    const seen: unknown[] = [];
    const check = kafkaNodeCheck((node) => {
      seen.push({ sts: node.sts.name, configMap: node.configMap.name, key: node.node.key, roles: node.node.properties['process.roles'] });
      return named('node')(node);
    });
    expect(check(brokerSts, ctx)).toEqual({ status: 'compliant', notes: [`node ${brokerSts.path}`] });
    expect(check(controllerSts, ctx)).toEqual({ status: 'compliant', notes: [`node ${controllerSts.path}`] });
    expect(seen).toEqual([
      { sts: 'kafka-brokers', configMap: 'kafka-brokers', key: 'server.properties', roles: 'broker' },
      { sts: 'kafka-controllers', configMap: 'kafka-controllers', key: 'server.properties', roles: 'controller' },
    ]);
  });
  it('kafkaNodeCheck is not applicable to a StatefulSet that mounts no node properties, nor to other objects', () => {
    notApplicable(kafkaNodeCheck(named('node')), ctx, orphanSts, brokerConfig, otherConfigMap, kafka, cluster);
  });
  it('kafkaBrokerCheck reads the StatefulSets whose process.roles includes broker (combined nodes too), and no controller', () => {
    const combinedConfig = nodeConfigMap('kafka-combined', { 'process.roles': 'controller, broker' });
    const combinedSts = nodeStatefulSet('kafka-combined', 'kafka-combined', 3);
    const all = context(brokerConfig, controllerConfig, brokerSts, controllerSts, combinedConfig, combinedSts, orphanSts);
    const check = kafkaBrokerCheck(named('broker'));
    expect(check(brokerSts, all)).toEqual({ status: 'compliant', notes: [`broker ${brokerSts.path}`] });
    expect(check(combinedSts, all)).toEqual({ status: 'compliant', notes: [`broker ${combinedSts.path}`] });
    notApplicable(check, all, controllerSts, orphanSts, brokerConfig, kafka);
  });

  it('nodePropertiesCheck hands each ConfigMap with its Kafka properties files, server and controller', () => {
    const both = kubernetes('v1', 'ConfigMap', 'kafka-both', {
      data: { 'controller.properties': toPropertiesText({ 'process.roles': 'controller' }), 'server.properties': toPropertiesText({ 'process.roles': 'broker' }) },
    });
    const check = nodePropertiesCheck(({ configMap, files }) => compliantWithNotes(files.map((f) => `${configMap.name} ${f.where} ${f.properties['process.roles']}`)));
    expect(check(both, context(both))).toEqual({
      status: 'compliant', notes: ["kafka-both data['server.properties'] broker", "kafka-both data['controller.properties'] controller"],
    });
    expect(check(brokerConfig, ctx)).toEqual({ status: 'compliant', notes: ["kafka-brokers data['server.properties'] broker"] });
  });
  it('nodePropertiesCheck is not applicable to a ConfigMap without a Kafka properties file, nor to a StatefulSet', () => {
    notApplicable(nodePropertiesCheck(named('config')), ctx, otherConfigMap, brokerSts, kafka);
  });

  describe('nodeListenersCheck', () => {
    const combined = kubernetes('v1', 'ConfigMap', 'kafka-both', {
      data: {
        'server.properties': toPropertiesText({ listeners: 'PLAINTEXT://:9092,SSL://:9093', 'inter.broker.listener.name': 'SSL' }),
        'controller.properties': toPropertiesText({ listeners: 'CONTROLLER://:9094', 'controller.listener.names': 'CONTROLLER', 'listener.security.protocol.map': 'CONTROLLER:SSL' }),
      },
    });
    it('shows every listener of every file, each file after its listeners, and reports what they record', () => {
      const calls: string[] = [];
      const check = nodeListenersCheck((l, file, f) => {
        calls.push(`${file.key} ${l.name}=${l.protocol}${l.controller ? ' (controller)' : ''}`);
        f.expect(l.protocol !== 'PLAINTEXT', { found: `${file.where} listener ${l.name} is PLAINTEXT`, expected: 'TLS', fix: 'use SSL' });
      }, (file, f) => {
        calls.push(`file ${file.key}`);
        f.expect(file.properties.listeners !== undefined, { found: 'no listeners', expected: 'listeners', fix: 'set them' });
      });
      expect(check(combined, context(combined))).toEqual({
        status: 'non-compliant', findings: [{ found: "data['server.properties'] listener PLAINTEXT is PLAINTEXT", expected: 'TLS', fix: 'use SSL' }],
      });
      expect(calls).toEqual([
        'server.properties PLAINTEXT=PLAINTEXT', 'server.properties SSL=SSL', 'file server.properties',
        'controller.properties CONTROLLER=SSL (controller)', 'file controller.properties',
      ]);
    });
    it('works without a file check, and is compliant when no listener records a finding', () => {
      const names: string[] = [];
      const check = nodeListenersCheck((l) => { names.push(l.name); });
      expect(check(combined, context(combined))).toEqual({ status: 'compliant' });
      expect(names).toEqual(['PLAINTEXT', 'SSL', 'CONTROLLER']);
    });
    it('is not applicable to a ConfigMap without a Kafka properties file', () => {
      notApplicable(nodeListenersCheck(() => undefined), ctx, otherConfigMap, brokerSts);
    });
  });
});
