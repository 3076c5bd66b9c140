import { TARGET_LABEL } from '../../../lib/contract/vocabulary';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { ClientNetwork } from '../../../lib/model/client-network';
import { EnvironmentProfile } from '../../../lib/model/environment';
import { KafkaVersion } from '../../../lib/model/kafka-version';
import { EncryptedStorageClass } from '../../../lib/targets/kubernetes/encrypted-storage-class';

import { exampleDist } from '../../support/paths';
import { BROKER_POOL_PATH, KAFKA_PATH, KMS_KEY, expectViolation, find, strimziChart, synth } from '../../support/strimzi-fixture';

describe('StrimziKafkaCluster', () => {
  describe('renders', () => {
    const objects = synth(strimziChart().chart);
    const kafka = find(objects, 'Kafka', 'orders');
    const brokers = find(objects, 'KafkaNodePool', 'broker');
    const controllers = find(objects, 'KafkaNodePool', 'controller');

    it('a v1 Kafka with a written-out version and a TLS SCRAM listener restricted to the declared clients', () => {
      expect(kafka.apiVersion).toBe('kafka.strimzi.io/v1');
      expect(kafka.spec.kafka.version).toBe('4.3.1');
      expect(kafka.spec.kafka.listeners).toEqual([{
        name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' },
        networkPolicyPeers: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'orders' } } }],
      }]);
    });

    it('separate controller (3) and broker (3) pools tied to the cluster', () => {
      expect(controllers.spec).toMatchObject({ replicas: 3, roles: ['controller'] });
      expect(brokers.spec).toMatchObject({ replicas: 3, roles: ['broker'] });
      expect(brokers.metadata.labels['strimzi.io/cluster']).toBe('orders');
    });

    it('the broker config with deny-by-default ACLs and TLS 1.3/1.2, and no key Strimzi drops', () => {
      expect(kafka.spec.kafka.config).toMatchObject({
        'default.replication.factor': 3, 'min.insync.replicas': 2, 'unclean.leader.election.enable': false,
        'auto.create.topics.enable': false, 'allow.everyone.if.no.acl.found': false,
        'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2', 'ssl.protocol': 'TLSv1.3', 'num.io.threads': 16,
      });
      expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['platform-admin'] });
    });

    it('rack awareness, one PDB at maxUnavailable 1, and per-pool zone pinning, zone spread and host anti-affinity', () => {
      expect(kafka.spec.kafka.rack).toEqual({ type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' });
      expect(kafka.spec.kafka.template.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
      const pod = brokers.spec.template.pod;
      expect(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0])
        .toEqual({ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
      expect(pod.topologySpreadConstraints).toEqual([{
        maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { 'strimzi.io/cluster': 'orders', 'strimzi.io/pool-name': 'broker' } },
      }]);
      expect(pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    });

    it('retained persistent volumes on the encrypted StorageClass', () => {
      expect(brokers.spec.storage.volumes).toEqual([{ id: 0, type: 'persistent-claim', size: '100Gi', class: 'orders-encrypted', deleteClaim: false, kraftMetadata: 'shared' }]);
      expect(find(objects, 'StorageClass', 'orders-encrypted').parameters).toMatchObject({ encrypted: 'true', kmsKeyId: KMS_KEY });
    });

    it('resources and heap per pool (PERF-001: half the memory, -Xms = -Xmx)', () => {
      expect(brokers.spec.resources.limits).toEqual({ cpu: '2', memory: '8Gi' });
      expect(brokers.spec.jvmOptions).toEqual({ '-Xms': '4096m', '-Xmx': '4096m' });
      expect(controllers.spec.jvmOptions).toEqual({ '-Xms': '1024m', '-Xmx': '1024m' });
    });

    it('the authorizer logger, the JMX exporter ConfigMap, Kafka Exporter and the Entity Operator', () => {
      expect(kafka.spec.kafka.logging.loggers).toMatchObject({ 'logger.authorizer.name': 'kafka.authorizer.logger', 'logger.authorizer.level': 'INFO' });
      expect(kafka.spec.kafka.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'orders-kafka-metrics', key: 'kafka-metrics-config.yml' } } });
      expect(find(objects, 'ConfigMap', 'orders-kafka-metrics').data['kafka-metrics-config.yml']).toContain('kafka_network_requestmetrics_totaltimems');
      expect(kafka.spec.kafkaExporter).toMatchObject({ topicRegex: '.*', groupRegex: '.*' });
      expect(Object.keys(kafka.spec.entityOperator)).toEqual(['topicOperator', 'userOperator']);
    });

    it('the target and cluster labels on every object', () => {
      for (const o of objects) {
        expect(o.metadata.labels[TARGET_LABEL], `${o.kind}/${o.metadata.name}`).toBe('strimzi');
        expect(o.metadata.labels['kafka-iac.dev/cluster'], `${o.kind}/${o.metadata.name}`).toBe('orders');
      }
    });

    it('the same objects when synthesized twice (pure rendering)', () => {
      expect(synth(strimziChart().chart)).toEqual(objects);
    });
  });

  describe('bad input', () => {
    it.each([2, 4])('refuses HA-005 %i controllers at construction', (replicas) => {
      expect(() => strimziChart({ cluster: { controllers: { replicas } } }))
        .toThrow(new RegExp(`HA-005 \\[kafka/Kafka\\] controllers.replicas is ${replicas}; expected an odd KRaft quorum of 3 or 5 controllers`));
    });

    it('stops production synthesis with HA-006 when brokers are not spread over 3 zones', () => {
      const { chart } = strimziChart({ cluster: { zones: ['us-east-1a', 'us-east-1b'], brokerPools: [{ replicas: 4 }] } });
      expectViolation(chart, 'HA-006', BROKER_POOL_PATH, /pins the pods to 2 zone\(s\).*Set zones/);
    });

    it('refuses a listener that is not an object, or has no authentication, with the error rather than a TypeError', () => {
      expect(() => strimziChart({ cluster: { listeners: [null as any] } }))
        .toThrow(/KIAC-PROP \[kafka\/Kafka\] listeners\[0\] is null; expected a listener/);
      expect(() => strimziChart({ cluster: { listeners: [{ name: 'tls', port: 9093, authentication: { mechanism: 'scram-sha-512' } } as any] } }))
        .toThrow(/SEC-003 \[kafka\/Kafka listener tls\] authentication\[0\] is \{"mechanism":"scram-sha-512"\}; expected a ClientAuthentication/);
    });
    it('refuses SEC-001 a plaintext listener at construction', () => {
      expect(() => strimziChart({ cluster: { listeners: [{ name: 'plain', port: 9092, tls: false, authentication: ClientAuthentication.scramSha512() }] } }))
        .toThrow(/SEC-001 \[kafka\/Kafka listener plain\] tls is false; expected true: plaintext listeners are refused in every environment. Remove tls: false/);
    });

    it('refuses SEC-003 a listener without authentication at construction', () => {
      expect(() => strimziChart({ cluster: { listeners: [{ name: 'open', port: 9093, authentication: undefined as unknown as ClientAuthentication }] } }))
        .toThrow(/SEC-003 \[kafka\/Kafka listener open\] authentication is 'none'; expected 'scram-sha-512', 'tls' \(mutual TLS\) or 'custom' \(OAuth bearer\): unauthenticated access is refused\. Set authentication: ClientAuthentication.scramSha512\(\)/);
    });

    it('refuses SEC-003 IAM authentication, which Strimzi does not have', () => {
      expect(() => strimziChart({ cluster: { listeners: [{ name: 'iam', port: 9093, authentication: ClientAuthentication.iam() }] } }))
        .toThrow(/SEC-003 .*authentication is 'iam'/);
    });

    it('stops production synthesis with HA-011 when deleteClaim is true', () => {
      const { chart } = strimziChart({ cluster: { deleteClaim: true } });
      expectViolation(chart, 'HA-011', BROKER_POOL_PATH, /deleteClaim is true; expected false: the volumes outlive the cluster/);
    });

    it('only warns about deleteClaim: true in development', () => {
      const { chart } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT, cluster: { deleteClaim: true } });
      synth(chart);
      expect(chart.complianceReport.warnings().map((e) => e.ruleId)).toContain('HA-011');
    });

    it.each([
      ['ssl.keystore.location', 'SEC-002', 'ssl.'],
      ['sasl.enabled.mechanisms', 'SEC-003', 'sasl.'],
      ['super.users', 'SEC-004', 'super.user'],
      ['listener.security.protocol.map', 'SEC-001', 'listener.'],
      ['node.id', 'HA-005', 'node.id'],
      ['broker.rack', 'HA-007', 'broker.'],
    ])('refuses the forbidden config key %s at construction with %s', (key, ruleId, prefix) => {
      expect(() => strimziChart({ cluster: { brokerConfig: { extra: { [key]: 'x' } } } }))
        .toThrow(`${ruleId} [kafka/Kafka] brokerConfig key '${key}' is 'x'; expected no key starting with '${prefix}': Strimzi 1.2 silently drops it`);
    });

    it('passes the allowed ssl. exceptions through', () => {
      const objects = synth(strimziChart({ cluster: { brokerConfig: { extra: { 'ssl.cipher.suites': 'TLS_AES_256_GCM_SHA384' } } } }).chart);
      expect(find(objects, 'Kafka').spec.kafka.config['ssl.cipher.suites']).toBe('TLS_AES_256_GCM_SHA384');
    });

    it('refuses SEC-006 a cluster with neither a storage class nor a KMS key', () => {
      expect(() => strimziChart({ cluster: { kmsKeyId: undefined } })).toThrow(/SEC-006 \[kafka\/Kafka\] kmsKeyId is not set/);
    });

    it('refuses SEC-007 a cluster without declared client networks, and security groups', () => {
      expect(() => strimziChart({ cluster: { clientNetworks: [] } })).toThrow(/SEC-007 \[kafka\/Kafka\] clientNetworks is \[\]/);
      expect(() => strimziChart({ cluster: { clientNetworks: [ClientNetwork.securityGroup('sg-0123')] } })).toThrow(/SEC-007 .*security groups are AWS-only/);
    });

    it('refuses SEC-007 a cluster whose metrics ports no declared Prometheus workload may scrape', () => {
      expect(() => strimziChart({ cluster: { prometheusNetworks: [] } }))
        .toThrow(/^SEC-007 \[kafka\/Kafka\/NetworkPolicies\] prometheusNetworks is \[\]; expected at least one declared Prometheus workload/);
    });

    it('refuses a cluster name or a pool name that the pod and Service names cannot be built from', () => {
      expect(() => strimziChart({ cluster: { clusterName: 'a'.repeat(41) } }))
        .toThrow(/^KIAC-PROP \[kafka\/Kafka\] clusterName is 'a{41}'; expected a DNS label of at most 40 characters \(pod and Service names are built from it\)\. Use a name such as 'orders-kafka'\./);
      expect(() => strimziChart({ cluster: { brokerPools: [{ name: 'Brokers' }] } }))
        .toThrow(/^KIAC-PROP \[kafka\/Kafka pool Brokers\] name is 'Brokers'; expected a DNS label\. Use a name such as 'broker'\./);
    });

    it('refuses HA-005 a Kafka version Strimzi 1.2 does not run', () => {
      expect(() => strimziChart({ cluster: { kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT } })).toThrow(/HA-005 \[kafka\/Kafka\] kafkaVersion is '3.9.x.kraft'/);
    });
  });

  it('annotates node pools with the declared KMS key of a StorageClass made elsewhere, and creates none', () => {
    const storageClass = EncryptedStorageClass.fromStorageClassAttributes({ storageClassName: 'platform-gp3', kmsKeyId: KMS_KEY });
    const objects = synth(strimziChart({ cluster: { storageClass, kmsKeyId: undefined } }).chart);
    expect(objects.filter((o) => o.kind === 'StorageClass')).toEqual([]);
    expect(find(objects, 'KafkaNodePool', 'broker').metadata.annotations).toEqual({ 'kafka-iac.dev/storage-class-kms-key-id': KMS_KEY });
  });

  it('exposes the Kafka as the escape hatch at the construct path kafka/Kafka/Resource', () => {
    const { cluster } = strimziChart();
    expect(cluster.kafka.node.path).toBe(KAFKA_PATH);
  });
});

describe('staging example (Strimzi)', () => {
  const file = path.join(exampleDist('staging'), 'kafka.k8s.yaml');
  const objects = parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());
  const report = JSON.parse(fs.readFileSync(path.join(exampleDist('staging'), 'report.json'), 'utf8'));

  it('runs 3 controllers and 3 brokers over 3 zones with every rule compliant', () => {
    const pools = objects.filter((o) => o.kind === 'KafkaNodePool');
    expect(pools.map((p) => [p.metadata.name, p.spec.replicas, p.spec.roles])).toEqual([['controller', 3, ['controller']], ['broker', 3, ['broker']]]);
    expect(pools[1].spec.template.pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values)
      .toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(report.summary).toMatchObject({ 'non-compliant': 0, errors: 0, warnings: 0 });
    const strimziRules = new Set(report.entries.filter((e: any) => e.status === 'compliant' && e.path.startsWith('kafka/Kafka')).map((e: any) => e.ruleId));
    for (const id of ['HA-001', 'HA-005', 'HA-006', 'HA-009', 'HA-011', 'SEC-001', 'SEC-003', 'SEC-004', 'SEC-006', 'SEC-007', 'SEC-008']) expect(strimziRules).toContain(id);
  });

  it('matches the snapshot of its manifests', () => {
    expect(objects).toMatchSnapshot();
  });
});
