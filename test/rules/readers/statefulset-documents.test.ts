// Reading the plain-Kubernetes Kafka documents for the rules (lib/rules/readers/statefulset-documents.ts):
// a node's properties files and listeners, the Kafka container and its mounts, the ConfigMap and
// Secret a file comes from, the Certificate that writes a Secret, the brokers of a cluster, and
// the broker-property rules on the StatefulSet target (HA-008).
import { describe, expect, it } from 'vitest';
import type { KubernetesDocument } from '../../../lib/contract/document';
import { DocumentIndex } from '../../../lib/contract/document-index';
import {
  brokerCountOfCluster, certificateForSecret, checkStatefulSetBrokerProperties, configMapFileOf, envValueOf, hasBrokerRole, kafkaContainerOf,
  kubernetesKind, listenerSetting, listenersOf, nodeConfigOf, nodePropertiesOf, podSpecOf, processRolesOf, replicasOfWorkload,
  secretNamesOfVolume, selectorMatches, topicLinesOf, volumeOfPath,
} from '../../../lib/rules/readers/statefulset-documents';
import { HA_008_UNCLEAN_LEADER_ELECTION } from '../../../lib/rules/ha-008-unclean-leader-election';
import { kubernetes } from '../fixtures/cap-documents';
import { nodeConfigMap, nodeStatefulSet, topicsConfigMap } from '../fixtures/statefulset-documents';
import { findingsOf, outcomeOf } from '../fixtures/outcome';

const BROKER = { 'process.roles': 'broker', 'node.id': '1' };
const CONTROLLER = { 'process.roles': 'controller', 'node.id': '1' };
/** A Kubernetes object without namespace (`namespace: undefined`). */
const noNamespace = (doc: KubernetesDocument): KubernetesDocument => ({ ...doc, namespace: undefined });
const sts = (spec: any, name = 'kafka', labels: Record<string, string> = {}) => kubernetes('apps/v1', 'StatefulSet', name, { metadata: { labels }, spec });

describe('kubernetesKind, nodePropertiesOf, processRolesOf, hasBrokerRole', () => {
  it('reads a Kubernetes object of the kind asked for only', () => {
    const cm = nodeConfigMap('c', BROKER);
    expect(kubernetesKind(cm, 'ConfigMap')).toBe(cm);
    expect(kubernetesKind(cm, 'Secret')).toBeUndefined();
    expect(kubernetesKind({ source: 'terraform', type: 'ConfigMap', kind: 'ConfigMap', name: 'c', address: 'a', path: 'p', body: {} } as never, 'ConfigMap')).toBeUndefined();
  });

  it('reads server.properties and controller.properties, with where each is, and nothing else', () => {
    const cm = kubernetes('v1', 'ConfigMap', 'c', { data: { 'server.properties': 'process.roles=broker', 'controller.properties': 'process.roles=controller', 'log4j.properties': 'a=b' } });
    expect(nodePropertiesOf(cm)).toEqual([
      { key: 'server.properties', properties: { 'process.roles': 'broker' }, where: "data['server.properties']" },
      { key: 'controller.properties', properties: { 'process.roles': 'controller' }, where: "data['controller.properties']" },
    ]);
    expect(nodePropertiesOf(kubernetes('v1', 'ConfigMap', 'c', { data: { 'server.properties': ['process.roles=broker'] } }))).toEqual([]);
    expect(nodePropertiesOf(kubernetes('v1', 'ConfigMap', 'c', {}))).toEqual([]);
  });

  it('reads a ConfigMap once for every rule that asks, and again when one of its texts changed', () => {
    const cm = kubernetes('v1', 'ConfigMap', 'c', { data: { 'server.properties': 'process.roles=broker\nnode.id=1' } });
    const first = nodePropertiesOf(cm);
    // The same answer for the next rule, which cannot change it for the others.
    expect(nodePropertiesOf(cm)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first[0]) && Object.isFrozen(first[0].properties)).toBe(true);
    // An escape hatch, or a test, that changes the text of the same document is read anew.
    cm.body.data['server.properties'] = 'process.roles=controller';
    expect(nodePropertiesOf(cm)).toEqual([{ key: 'server.properties', properties: { 'process.roles': 'controller' }, where: "data['server.properties']" }]);
    cm.body.data['controller.properties'] = 'process.roles=controller\nnode.id=3';
    expect(nodePropertiesOf(cm).map((n) => n.properties['node.id'])).toEqual([undefined, '3']);
    delete cm.body.data['server.properties'];
    expect(nodePropertiesOf(cm).map((n) => n.key)).toEqual(['controller.properties']);
  });

  it('reads process.roles as a list, and tells a broker (or combined node) from a controller', () => {
    expect(processRolesOf({ 'process.roles': ' broker , controller,' })).toEqual(['broker', 'controller']);
    expect(processRolesOf({})).toEqual([]);
    expect(hasBrokerRole({ 'process.roles': 'controller,broker' })).toBe(true);
    expect(hasBrokerRole(CONTROLLER)).toBe(false);
    expect(hasBrokerRole({ 'process.roles': 'brokers' })).toBe(false);
    expect(hasBrokerRole({})).toBe(false);
  });
});

describe('listenersOf and listenerSetting: the listeners of a node and their security protocols', () => {
  it('maps each listener, controller listener and inter-broker listener to its protocol, upper-cased', () => {
    expect(listenersOf({
      listeners: 'internal://:9092, controller://:9093,EXTERNAL://0.0.0.0:9094,bad,not-a-name://:9095',
      'listener.security.protocol.map': 'internal:ssl, CONTROLLER : SASL_SSL,EXTERNAL:SASL_SSL,broken,:SSL',
      'controller.listener.names': ' controller ,',
      'inter.broker.listener.name': ' replication ',
    })).toEqual([
      { name: 'INTERNAL', protocol: 'SSL', controller: false },
      { name: 'CONTROLLER', protocol: 'SASL_SSL', controller: true },
      { name: 'EXTERNAL', protocol: 'SASL_SSL', controller: false },
      { name: 'REPLICATION', protocol: undefined, controller: false },
    ]);
  });

  it('uses Kafka default map (a listener named as its protocol) only when no map is set', () => {
    expect(listenersOf({ listeners: 'PLAINTEXT://:9092,SSL://:9093,SASL_PLAINTEXT://:9094,SASL_SSL://:9095,OTHER://:9096' })).toEqual([
      { name: 'PLAINTEXT', protocol: 'PLAINTEXT', controller: false },
      { name: 'SSL', protocol: 'SSL', controller: false },
      { name: 'SASL_PLAINTEXT', protocol: 'SASL_PLAINTEXT', controller: false },
      { name: 'SASL_SSL', protocol: 'SASL_SSL', controller: false },
      { name: 'OTHER', protocol: undefined, controller: false },
    ]);
    expect(listenersOf({ listeners: 'PLAINTEXT://:9092', 'listener.security.protocol.map': 'SSL:SSL' })).toEqual([{ name: 'PLAINTEXT', protocol: undefined, controller: false }]);
    expect(listenersOf({})).toEqual([]);
    expect(listenersOf({ 'inter.broker.listener.name': '' })).toEqual([]);
  });

  it('reads a listener-level setting before the node-level one', () => {
    const props = { 'ssl.client.auth': 'none', 'listener.name.internal.ssl.client.auth': 'required' };
    expect(listenerSetting(props, 'INTERNAL', 'ssl.client.auth')).toBe('required');
    expect(listenerSetting(props, 'EXTERNAL', 'ssl.client.auth')).toBe('none');
    expect(listenerSetting({}, 'EXTERNAL', 'ssl.client.auth')).toBeUndefined();
  });
});

describe('podSpecOf, kafkaContainerOf, envValueOf', () => {
  it('reads the pod spec of a workload, empty when absent', () => {
    expect(podSpecOf(sts({ template: { spec: { hostNetwork: false } } }))).toEqual({ hostNetwork: false });
    expect(podSpecOf(sts({ template: {} }))).toEqual({});
    expect(podSpecOf(kubernetes('apps/v1', 'StatefulSet', 'k', {}))).toEqual({});
  });

  it('finds the container named kafka, else the first, else none', () => {
    expect(kafkaContainerOf({ containers: [{ name: 'sidecar' }, null, { name: 'kafka', image: 'k' }] })).toEqual({ name: 'kafka', image: 'k' });
    expect(kafkaContainerOf({ containers: [{ name: 'broker' }, { name: 'sidecar' }] })).toEqual({ name: 'broker' });
    expect(kafkaContainerOf({ containers: { name: 'kafka' } })).toBeUndefined();
    expect(kafkaContainerOf({})).toBeUndefined();
  });

  it('reads a literal environment variable, and none from a reference or an absent one', () => {
    const container = { env: [null, { name: 'KAFKA_HEAP_OPTS', value: '-Xmx4g' }, { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] };
    expect(envValueOf(container, 'KAFKA_HEAP_OPTS')).toBe('-Xmx4g');
    expect(envValueOf(container, 'PASSWORD')).toBeUndefined();
    expect(envValueOf(container, 'ABSENT')).toBeUndefined();
    expect(envValueOf({}, 'KAFKA_HEAP_OPTS')).toBeUndefined();
    expect(envValueOf(undefined, 'KAFKA_HEAP_OPTS')).toBeUndefined();
    expect(envValueOf({ env: { name: 'KAFKA_HEAP_OPTS', value: '-Xmx4g' } }, 'KAFKA_HEAP_OPTS')).toBeUndefined();
  });
});

describe('nodeConfigOf: the node properties a StatefulSet mounts', () => {
  it('is the first ConfigMap volume, in the StatefulSet namespace, that holds node properties', () => {
    const other = kubernetes('v1', 'ConfigMap', 'log4j', { data: { 'log4j.properties': 'a=b' } });
    const node = nodeConfigMap('node', BROKER);
    const elsewhere = { ...nodeConfigMap('moved', CONTROLLER), namespace: 'elsewhere' };
    const set = sts({ template: { spec: { volumes: [null, { name: 'data', emptyDir: {} }, { name: 'moved', configMap: { name: 'moved' } }, { name: 'missing', configMap: { name: 'missing' } }, { name: 'log4j', configMap: { name: 'log4j' } }, { name: 'config', configMap: { name: 'node' } }] } } });
    const found = nodeConfigOf(new DocumentIndex([other, node, elsewhere]), set);
    expect(found?.configMap).toBe(node);
    expect(found?.node.properties).toEqual(BROKER);
    expect(nodeConfigOf(new DocumentIndex([other]), set)).toBeUndefined();
    expect(nodeConfigOf(new DocumentIndex([node]), sts({}))).toBeUndefined();
    // A volume without a ConfigMap is not read as a ConfigMap whose name is the text 'undefined'.
    expect(nodeConfigOf(new DocumentIndex([nodeConfigMap('undefined', BROKER)]), sts({ template: { spec: { volumes: [{ name: 'data', emptyDir: {} }] } } }))).toBeUndefined();
    // A hand-written object where Kubernetes has a list is read as no list (not a TypeError in the rule).
    expect(nodeConfigOf(new DocumentIndex([node]), sts({ template: { spec: { volumes: { name: 'config', configMap: { name: 'node' } } } } }))).toBeUndefined();
  });
});

describe('volumeOfPath and secretNamesOfVolume: where a file in the container comes from', () => {
  const podSpec: { readonly volumes: readonly any[] } = { volumes: [null, { name: 'tls', secret: { secretName: 'kafka-tls' } }, { name: 'certs', projected: { sources: [{ secret: { name: 'a' } }, { configMap: { name: 'c' } }, null, { secret: { name: 'b' } }] } }] };
  const container = { volumeMounts: [{ name: 'tls', mountPath: '/etc/kafka/tls' }, { name: 'certs', mountPath: '/etc/kafka/tls/ca/' }, { name: 'nameless' }, null, { name: 'orphan', mountPath: '/opt' }] };

  it('is the mount with the longest matching path, and the pod volume of that name', () => {
    expect(volumeOfPath(podSpec, container, '/etc/kafka/tls/keystore.p12')).toEqual({ mountPath: '/etc/kafka/tls', volume: podSpec.volumes[1], name: 'tls' });
    expect(volumeOfPath(podSpec, container, '/etc/kafka/tls/ca/ca.crt')).toEqual({ mountPath: '/etc/kafka/tls/ca/', volume: podSpec.volumes[2], name: 'certs' });
    expect(volumeOfPath(podSpec, container, '/etc/kafka/tls')).toEqual({ mountPath: '/etc/kafka/tls', volume: podSpec.volumes[1], name: 'tls' });
    expect(volumeOfPath(podSpec, container, '/opt/x')).toEqual({ mountPath: '/opt', volume: undefined, name: 'orphan' });
  });

  it('is none for a path outside every mount (a mount path is a folder, not a prefix of a name)', () => {
    expect(volumeOfPath(podSpec, container, '/etc/kafka/tls-other/x')).toBeUndefined();
    expect(volumeOfPath(podSpec, container, '/etc')).toBeUndefined();
    expect(volumeOfPath(podSpec, {}, '/etc/kafka/tls/x')).toBeUndefined();
    expect(volumeOfPath(podSpec, undefined, '/etc/kafka/tls/x')).toBeUndefined();
    expect(volumeOfPath({}, container, '/etc/kafka/tls/x')).toEqual({ mountPath: '/etc/kafka/tls', volume: undefined, name: 'tls' });
  });

  it('reads the Secret of a secret volume and the Secrets of a projected one', () => {
    expect(secretNamesOfVolume(podSpec.volumes[1])).toEqual(['kafka-tls']);
    expect(secretNamesOfVolume(podSpec.volumes[2])).toEqual(['a', 'b']);
    expect(secretNamesOfVolume({ name: 'x', projected: {} })).toEqual([]);
    expect(secretNamesOfVolume({ name: 'x', projected: { sources: { secret: { name: 'a' } } } })).toEqual([]);
    expect(secretNamesOfVolume({ name: 'x', secret: {} })).toEqual([]);
    expect(secretNamesOfVolume({ name: 'x', emptyDir: {} })).toEqual([]);
    expect(secretNamesOfVolume(undefined)).toEqual([]);
  });
});

describe('configMapFileOf: the text of a file read from a mounted ConfigMap', () => {
  const workload = sts({ template: { spec: { volumes: [
    { name: 'log4j', configMap: { name: 'kafka-log4j', items: [null, { key: 'log4j2.yaml', path: 'log4j.yaml' }] } },
    { name: 'plain', configMap: { name: 'kafka-plain' } },
    { name: 'tls', secret: { secretName: 'kafka-tls' } },
  ] } } });
  const container = { volumeMounts: [{ name: 'log4j', mountPath: '/opt/kafka/log4j' }, { name: 'plain', mountPath: '/opt/plain/' }, { name: 'tls', mountPath: '/tls' }, { name: 'orphan', mountPath: '/orphan' }] };
  const index = new DocumentIndex([
    kubernetes('v1', 'ConfigMap', 'kafka-log4j', { data: { 'log4j2.yaml': 'audit: on', 'log4j.yaml': 'wrong' } }),
    kubernetes('v1', 'ConfigMap', 'kafka-plain', { data: { 'a.txt': 'A', 'b.txt': 7 } }),
  ]);

  it('follows an item path to its key, or reads the key of the file name', () => {
    expect(configMapFileOf(index, workload, container, '/opt/kafka/log4j/log4j.yaml')).toEqual({ configMap: 'kafka-log4j', key: 'log4j2.yaml', text: 'audit: on' });
    expect(configMapFileOf(index, workload, container, '/opt/kafka/log4j/other.yaml')).toEqual({ configMap: 'kafka-log4j', key: 'other.yaml', text: undefined });
    expect(configMapFileOf(index, workload, container, '/opt/plain/a.txt')).toEqual({ configMap: 'kafka-plain', key: 'a.txt', text: 'A' });
    expect(configMapFileOf(index, workload, container, '/opt/plain/b.txt')).toEqual({ configMap: 'kafka-plain', key: 'b.txt', text: undefined });
    expect(configMapFileOf(index, workload, container, '/opt/kafka/log4j/conf/a.yaml')).toEqual({ configMap: 'kafka-log4j', key: 'conf/a.yaml', text: undefined });
    expect(configMapFileOf(index, workload, container, '/opt/plain/sub/a.txt')).toEqual({ configMap: 'kafka-plain', key: 'sub/a.txt', text: undefined });
  });

  it('names the ConfigMap even when it is not in the synthesis, and is none for a file from another volume or no mount', () => {
    expect(configMapFileOf(new DocumentIndex([]), workload, container, '/opt/plain/a.txt')).toEqual({ configMap: 'kafka-plain', key: 'a.txt', text: undefined });
    expect(configMapFileOf(new DocumentIndex([kubernetes('v1', 'ConfigMap', 'kafka-plain', {})]), workload, container, '/opt/plain/a.txt')).toEqual({ configMap: 'kafka-plain', key: 'a.txt', text: undefined });
    expect(configMapFileOf(index, workload, container, '/tls/ca.crt')).toBeUndefined();
    expect(configMapFileOf(index, workload, container, '/orphan/a.txt')).toBeUndefined();
    expect(configMapFileOf(index, workload, container, '/elsewhere/a.txt')).toBeUndefined();
  });
});

describe('certificateForSecret: the cert-manager Certificate that writes a Secret', () => {
  const cert = (name: string, secretName: string, apiVersion = 'cert-manager.io/v1', namespace = 'kafka') =>
    ({ ...kubernetes(apiVersion, 'Certificate', name, { spec: { secretName } }), namespace });

  it('is the cert-manager Certificate with that spec.secretName in that namespace', () => {
    const mine = cert('kafka', 'kafka-tls');
    const index = new DocumentIndex([kubernetes('cert-manager.io/v1', 'Certificate', 'no-spec', {}), cert('other', 'other-tls'), cert('elsewhere', 'kafka-tls', 'cert-manager.io/v1', 'other'), cert('foreign', 'foreign-tls', 'example.com/v1'), mine]);
    expect(certificateForSecret(index, 'kafka-tls', 'kafka')).toBe(mine);
    expect(certificateForSecret(index, 'kafka-tls', 'absent')).toBeUndefined();
    expect(certificateForSecret(index, 'foreign-tls', 'kafka')).toBeUndefined();
    expect(certificateForSecret(index, 'absent', 'kafka')).toBeUndefined();
  });

  it('matches a Secret without namespace with a Certificate without namespace', () => {
    const none = noNamespace(cert('kafka', 'kafka-tls'));
    const index = new DocumentIndex([none, cert('namespaced', 'kafka-tls')]);
    expect(certificateForSecret(index, 'kafka-tls', undefined)).toBe(none);
  });
});

describe('brokerCountOfCluster: the brokers of a StatefulSet cluster', () => {
  it('adds the replicas of every StatefulSet of the cluster whose node has the broker role', () => {
    const index = new DocumentIndex([
      nodeConfigMap('brokers', BROKER), nodeConfigMap('combined', { 'process.roles': 'broker,controller' }), nodeConfigMap('controllers', CONTROLLER),
      nodeStatefulSet('brokers', 'brokers', 3), nodeStatefulSet('combined', 'combined', 2), nodeStatefulSet('controllers', 'controllers', 3),
      nodeStatefulSet('other-cluster', 'brokers', 5, 'payments'), nodeStatefulSet('no-config', 'absent', 7),
      { ...nodeStatefulSet('unlabelled', 'brokers', 11), body: { ...nodeStatefulSet('unlabelled', 'brokers', 11).body, metadata: { name: 'unlabelled' } } },
      { ...nodeStatefulSet('bare', 'brokers', 13), body: { spec: nodeStatefulSet('bare', 'brokers', 13).body.spec } },
    ]);
    expect(brokerCountOfCluster(index, 'orders', 'kafka')).toBe(5);
    expect(brokerCountOfCluster(index, 'payments', 'kafka')).toBe(5);
    expect(brokerCountOfCluster(index, 'orders', 'elsewhere')).toBe(0);
    expect(brokerCountOfCluster(index, 'absent', 'kafka')).toBe(0);
    // A StatefulSet without the cluster label is no broker of a cluster whose name is the text 'undefined'.
    expect(brokerCountOfCluster(index, 'undefined', 'kafka')).toBe(0);
  });

  it('counts a StatefulSet without replicas as 1, and matches by namespace (none with none)', () => {
    const set = nodeStatefulSet('brokers', 'brokers', 3);
    const one = noNamespace({ ...set, body: { ...set.body, spec: { ...set.body.spec, replicas: undefined } } });
    const index = new DocumentIndex([noNamespace(nodeConfigMap('brokers', BROKER)), one]);
    expect(brokerCountOfCluster(index, 'orders', undefined)).toBe(1);
    expect(brokerCountOfCluster(index, 'orders', 'kafka')).toBe(0);
  });
});

describe('replicasOfWorkload and selectorMatches', () => {
  it('reads spec.replicas, 1 when absent (the Kubernetes default), NaN when not a number', () => {
    expect(replicasOfWorkload(sts({ replicas: 3 }))).toBe(3);
    expect(replicasOfWorkload(sts({ replicas: '4' }))).toBe(4);
    expect(replicasOfWorkload(sts({}))).toBe(1);
    expect(replicasOfWorkload(kubernetes('apps/v1', 'StatefulSet', 'k', {}))).toBe(1);
    expect(replicasOfWorkload(sts({ replicas: 'many' }))).toBeNaN();
  });

  it('matches when every matchLabels label is on the object; an empty selector selects everything, none selects nothing', () => {
    const labels = { app: 'kafka', 'kafka-iac.dev/cluster': 'orders' };
    expect(selectorMatches({ matchLabels: { app: 'kafka' } }, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'kafka', tier: 'x' } }, labels)).toBe(false);
    expect(selectorMatches({ matchLabels: { app: 'zookeeper' } }, labels)).toBe(false);
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [] }, labels)).toBe(true);
    expect(selectorMatches(undefined, labels)).toBe(false);
  });

  it('does not evaluate matchExpressions: a selector with any is treated as not matching', () => {
    expect(selectorMatches({ matchLabels: { app: 'kafka' }, matchExpressions: [{ key: 'app', operator: 'Exists' }] }, { app: 'kafka' })).toBe(false);
  });
});

describe('topicLinesOf and checkStatefulSetBrokerProperties (HA-008 on the StatefulSet target)', () => {
  it('reads the topic lines of topics.txt, none when absent or not text', () => {
    expect(topicLinesOf(topicsConfigMap(['--create --topic orders --replication-factor 3'])).map((l) => [l.topic, l.replicationFactor, l.line])).toEqual([['orders', '3', 1]]);
    expect(topicLinesOf(kubernetes('v1', 'ConfigMap', 'c', { data: { 'topics.txt': ['--topic orders'] } }))).toEqual([]);
    expect(topicLinesOf(kubernetes('v1', 'ConfigMap', 'c', {}))).toEqual([]);
  });

  it('checks the topic lines of the admin ConfigMap, with where they are', () => {
    const seen: unknown[] = [];
    const outcome = checkStatefulSetBrokerProperties(topicsConfigMap(['--create --topic orders --config unclean.leader.election.enable=true']),
      (lines, where, f) => { seen.push(lines.map((l) => l.topic), where); f.add({ found: 'x', expected: 'y' }); }, () => { throw new Error('not a node'); });
    expect(outcome).toEqual({ status: 'non-compliant', findings: [{ found: 'x', expected: 'y' }] });
    expect(seen).toEqual([['orders'], 'topics.txt']);
    expect(findingsOf(HA_008_UNCLEAN_LEADER_ELECTION, topicsConfigMap(['--create --topic orders --config unclean.leader.election.enable=true']))[0].found)
      .toContain("topic 'orders'");
  });

  it('checks each broker file of a node ConfigMap, and no controller file', () => {
    const cm = kubernetes('v1', 'ConfigMap', 'node', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } }, data: {
      'server.properties': 'process.roles=broker\nunclean.leader.election.enable=true', 'controller.properties': 'process.roles=controller\nunclean.leader.election.enable=true',
    } });
    const seen: string[] = [];
    expect(checkStatefulSetBrokerProperties(cm, () => { throw new Error('no topics'); }, (file, f, configMap) => { seen.push(`${file.where} of ${configMap.name}`); f.add({ found: file.key, expected: 'y' }); }))
      .toEqual({ status: 'non-compliant', findings: [{ found: 'server.properties', expected: 'y' }] });
    expect(seen).toEqual(["data['server.properties'] of node"]);
    expect(checkStatefulSetBrokerProperties(cm, () => {}, () => {})).toEqual({ status: 'compliant' });
  });

  it('leaves a ConfigMap without topic lines or broker files, and any other kind, not applicable', () => {
    const never = () => { throw new Error('not read'); };
    expect(checkStatefulSetBrokerProperties(nodeConfigMap('controllers', CONTROLLER), never, never)).toEqual({ status: 'not-applicable' });
    expect(checkStatefulSetBrokerProperties(topicsConfigMap(['# no topic yet']), never, never)).toEqual({ status: 'not-applicable' });
    expect(checkStatefulSetBrokerProperties(sts({}), never, never)).toEqual({ status: 'not-applicable' });
    expect(outcomeOf(HA_008_UNCLEAN_LEADER_ELECTION, nodeConfigMap('controllers', { ...CONTROLLER, 'unclean.leader.election.enable': 'true' }))).toEqual({ status: 'not-applicable' });
  });
});
