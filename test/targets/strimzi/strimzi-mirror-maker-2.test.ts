import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { DrDuration } from '../../../lib/model/dr/dr-duration';
import { DrPairing } from '../../../lib/model/dr/dr-pairing';
import { MirrorMaker2Access } from '../../../lib/model/dr/mirror-maker-2-access';
import { MirrorMaker2Topics } from '../../../lib/model/dr/mirror-maker-2-topics';
import { OffsetSyncsTopicLocation } from '../../../lib/model/dr/offset-syncs-topic-location';
import { ReplicationGoal } from '../../../lib/model/dr/replication-goal';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { AclOperation, AclResource } from '../../../lib/model/access/acl';
import { MirrorMaker2Cluster } from '../../../lib/targets/strimzi/mirror-maker-2-cluster';
import { MirrorMaker2MetricNames, MIRROR_MAKER_2_JMX_EXPORTER_RULES, jmxExporterMetricName } from '../../../lib/targets/strimzi/mirror-maker-2-metrics';
import { MIRROR_MAKER_2_METRICS_CONFIG_KEY, StrimziMirrorMaker2 } from '../../../lib/targets/strimzi/strimzi-mirror-maker-2';
import { parse } from 'yaml';
import { validateStrimziObject } from '../../support/strimzi-schemas';
import { find, synth, synthError } from '../../support/strimzi-fixture';
import { drFixture, shopModel } from '../../support/mirror-maker-2-fixture';
import { SCRATCH_APP } from '../../support/scratch';

const MSK_SCRAM = 'b-1.prod.abc123.c2.kafka.us-east-1.amazonaws.com:9096,b-2.prod.abc123.c2.kafka.us-east-1.amazonaws.com:9096';
const MSK_IAM = 'b-1.dr.def456.c3.kafka.us-west-2.amazonaws.com:9098,b-2.dr.def456.c3.kafka.us-west-2.amazonaws.com:9098';

function mm2Of(objects: readonly Record<string, any>[]): Record<string, any> {
  return find(objects, 'KafkaMirrorMaker2');
}

describe('StrimziMirrorMaker2: the KafkaMirrorMaker2 v1 of a DR pairing', () => {
  const f = drFixture();
  const objects = synth(f.chart);
  const mm2 = mm2Of(objects);
  const mirror = mm2.spec.mirrors[0];

  it('is kafka.strimzi.io/v1 with spec.target and one mirror from the primary', () => {
    expect(mm2.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(mm2.metadata.name).toBe('mm2-staging-to-staging-dr');
    expect(mm2.spec.replicas).toBe(3);
    expect(mm2.spec.version).toBe('4.3.1');
    expect(mm2.spec.target).toMatchObject({
      alias: 'staging-dr', bootstrapServers: 'staging-dr-kafka-kafka-bootstrap.kafka.svc:9093',
      groupId: 'mm2-staging-to-staging-dr', configStorageTopic: 'mm2-staging-to-staging-dr-configs',
      offsetStorageTopic: 'mm2-staging-to-staging-dr-offsets', statusStorageTopic: 'mm2-staging-to-staging-dr-status',
    });
    expect(mm2.spec.mirrors).toHaveLength(1);
    expect(mirror.source).toMatchObject({ alias: 'staging', bootstrapServers: 'staging-kafka-kafka-bootstrap.kafka.svc.clusterset.local:9093' });
  });

  it('replicates exactly the declared topics and groups (anchored, escaped patterns)', () => {
    expect(mirror.topicsPattern).toBe('^orders$|^payments$|^audit\\.events$');
    expect(mirror.groupsPattern).toBe('^payments$|^audit-.*');
  });

  it('runs the source connector with identity names, ACL sync off, RF 3 and the offset-syncs topic on the target', () => {
    expect(mirror.sourceConnector.config).toEqual({
      'replication.policy.class': 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
      'replication.factor': 3,
      'offset-syncs.topic.replication.factor': 3,
      'offset-syncs.topic.location': 'target',
      'sync.topic.acls.enabled': 'false',
      'sync.topic.configs.enabled': 'false',
      'refresh.topics.interval.seconds': 300,
    });
    expect(mirror.sourceConnector.tasksMax).toBe(12);
    expect(mirror.sourceConnector.autoRestart).toEqual({ enabled: true });
  });

  it('runs the checkpoint connector with emitted checkpoints and synced group offsets every 60 s, RF 3, the same location', () => {
    expect(mirror.checkpointConnector.config).toEqual({
      'replication.policy.class': 'org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
      'checkpoints.topic.replication.factor': 3,
      'offset-syncs.topic.location': 'target',
      'emit.checkpoints.enabled': 'true',
      'emit.checkpoints.interval.seconds': 60,
      'sync.group.offsets.enabled': 'true',
      'sync.group.offsets.interval.seconds': 60,
      'refresh.groups.interval.seconds': 300,
    });
    expect(mirror.heartbeatConnector).toBeUndefined();
  });

  it('keeps the Connect storage topics at RF 3 and speaks TLS 1.3/1.2 to both clusters', () => {
    expect(mm2.spec.target.config).toEqual({
      'config.storage.replication.factor': 3, 'offset.storage.replication.factor': 3, 'status.storage.replication.factor': 3,
      'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2', 'ssl.endpoint.identification.algorithm': 'HTTPS',
    });
    expect(mirror.source.config).toEqual({ 'ssl.enabled.protocols': 'TLSv1.3,TLSv1.2', 'ssl.endpoint.identification.algorithm': 'HTTPS' });
  });

  it('authenticates with SCRAM-SHA-512 as the MirrorMaker 2 principal on each side, trusting each cluster CA', () => {
    expect(mm2.spec.target.tls).toEqual({ trustedCertificates: [{ secretName: 'staging-dr-kafka-cluster-ca-cert', certificate: 'ca.crt' }] });
    expect(mm2.spec.target.authentication).toEqual({ type: 'scram-sha-512', username: 'mirror-maker-2', passwordSecret: { secretName: 'mirror-maker-2', password: 'password' } });
    expect(mirror.source.tls).toEqual({ trustedCertificates: [{ secretName: 'staging-kafka-cluster-ca-cert', certificate: 'ca.crt' }] });
    expect(mirror.source.authentication).toEqual({ type: 'scram-sha-512', username: 'mirror-maker-2', passwordSecret: { secretName: 'staging-mirror-maker-2', password: 'password' } });
  });

  it('is rack-aware, spread over zones, with a PDB of 1, resources and half the memory as heap', () => {
    expect(mm2.spec.rack).toEqual({ type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' });
    expect(mm2.spec.template.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
    expect(mm2.spec.template.pod.topologySpreadConstraints).toEqual([{
      maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { 'strimzi.io/cluster': 'mm2-staging-to-staging-dr', 'strimzi.io/kind': 'KafkaMirrorMaker2' } },
    }]);
    expect(mm2.spec.resources).toEqual({ requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } });
    expect(mm2.spec.jvmOptions).toEqual({ '-Xms': '1024m', '-Xmx': '1024m' });
  });

  it('exports JMX metrics from its ConfigMap, with the replication latency name MON-010 selects', () => {
    expect(mm2.spec.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'mm2-staging-to-staging-dr-metrics', key: MIRROR_MAKER_2_METRICS_CONFIG_KEY } } });
    const configMap = find(objects, 'ConfigMap', 'mm2-staging-to-staging-dr-metrics');
    const exporter = parse(configMap.data[MIRROR_MAKER_2_METRICS_CONFIG_KEY]);
    expect(exporter.lowercaseOutputName).toBe(true);
    const source = MIRROR_MAKER_2_JMX_EXPORTER_RULES[0];
    const mbean = 'kafka.connect.mirror<type=MirrorSourceConnector, target=staging-dr, topic=orders, partition=0><>replication-latency-ms-max';
    const m = new RegExp(`^${source.pattern}$`).exec(mbean)!;
    expect(jmxExporterMetricName(source.name.replace('$4', m[4]))).toBe(MirrorMaker2MetricNames.SOURCE_REPLICATION_LATENCY_MS_MAX);
    const rule = find(objects, 'PrometheusRule');
    const mon010 = rule.spec.groups.flatMap((g: any) => g.rules).find((r: any) => r.labels?.rule_id === 'MON-010');
    expect(mon010.expr).toContain(`${MirrorMaker2MetricNames.SOURCE_REPLICATION_LATENCY_MS_MAX}{`);
    expect(mon010.expr).toMatch(/> 300000$/);
  });

  it('labels its pods for the MON-010 PodMonitor of the DR cluster', () => {
    expect(mm2.spec.template.pod.metadata.labels).toMatchObject({ 'kafka-iac.dev/cluster': 'staging-dr-kafka' });
    const podMonitor = find(objects, 'PodMonitor', 'staging-dr-kafka-mirrormaker2');
    expect(podMonitor.spec.selector.matchLabels).toEqual({ 'strimzi.io/kind': 'KafkaMirrorMaker2', 'kafka-iac.dev/cluster': 'staging-dr-kafka' });
    expect(podMonitor.spec.podMetricsEndpoints[0].port).toBe('tcp-prometheus');
  });

  it('carries the pairing declaration for the DR rules', () => {
    expect(JSON.parse(mm2.metadata.annotations['kafka-iac.dev/dr-pairing'])).toEqual(f.pairing.declaration);
  });

  it('admits its pods to the DR cluster listeners', () => {
    const kafka = find(objects, 'Kafka');
    for (const l of kafka.spec.kafka.listeners) {
      expect(l.networkPolicyPeers).toContainEqual({ podSelector: { matchLabels: { 'strimzi.io/cluster': 'mm2-staging-to-staging-dr', 'strimzi.io/kind': 'KafkaMirrorMaker2' } } });
    }
  });

  it('passes the Strimzi 1.2 CRD schema, as do the KafkaUsers of its principals', () => {
    for (const o of objects.filter((x) => x.apiVersion === 'kafka.strimzi.io/v1')) {
      expect(validateStrimziObject(o), `${o.kind}/${o.metadata.name}`).toEqual([]);
    }
  });

  it('writes the drill document to the peer', () => {
    expect(f.mm2.drillFile).toBe('dr-drill-staging-to-staging-dr.md');
    expect(f.peer.outputFiles.get('dr-drill-staging-to-staging-dr.md')!()).toMatch(/^# DR drill: staging → staging-dr/);
  });

  it('renders the same object twice (pure)', () => {
    expect(f.mm2.resource.toJson()).toEqual(f.mm2.resource.toJson());
  });

  it('matches the snapshot (a change detector; the assertions above are the proof)', () => {
    expect(mm2).toMatchSnapshot();
  });
});

describe('StrimziMirrorMaker2: other shapes', () => {
  it('uses DefaultReplicationPolicy, syncs topic configs and may leave offsets unsynced for active-active', () => {
    const f = drFixture({ pairing: { goal: ReplicationGoal.ACTIVE_ACTIVE, syncConsumerGroupOffsets: false } });
    const mirror = mm2Of(synth(f.chart)).spec.mirrors[0];
    expect(mirror.sourceConnector.config['replication.policy.class']).toBe('org.apache.kafka.connect.mirror.DefaultReplicationPolicy');
    expect(mirror.checkpointConnector.config['replication.policy.class']).toBe('org.apache.kafka.connect.mirror.DefaultReplicationPolicy');
    expect(mirror.sourceConnector.config['sync.topic.configs.enabled']).toBe('true');
    expect(mirror.checkpointConnector.config['sync.group.offsets.enabled']).toBe('false');
  });

  it('authenticates with mutual TLS from the KafkaUser certificate Secret', () => {
    const mm2 = drMtls().mm2.resource.toJson();
    expect(mm2.spec.target.authentication).toEqual({ type: 'tls', certificateAndKey: { secretName: 'mirror-maker-2', certificate: 'user.crt', key: 'user.key' } });
    expect(validateStrimziObject(mm2)).toEqual([]);
  });

  it('checkpoints at the RPO when the RPO is shorter than 60 s', () => {
    const f = drFixture({ pairing: { rpo: DrDuration.seconds(30) } });
    const config = mm2Of(synth(f.chart)).spec.mirrors[0].checkpointConnector.config;
    expect(config['emit.checkpoints.interval.seconds']).toBe(30);
    expect(config['sync.group.offsets.interval.seconds']).toBe(30);
  });
});

/** The fixture with mutual-TLS principals on both sides. */
function drMtls() {
  const base = drFixture();
  const app = Testing.app(SCRATCH_APP);
  const chart = new KafkaChart(app, 'kafka', { environment: base.peer });
  const primaryAccess = shopModel(base.primary);
  const pairing = new DrPairing({ primary: base.primary, peer: base.peer, access: primaryAccess, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
  const source = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: ClientAuthentication.mutualTls() });
  const peerAccess = shopModel(base.peer);
  const target = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: ClientAuthentication.mutualTls() });
  const mm2 = new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
    pairing, drill: false,
    source: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-kafka', principal: source, credentialsSecret: 'staging-mirror-maker-2' }),
    target: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: target }),
  });
  return { app, chart, mm2 };
}

/** A pairing with principals for MSK on either side; `build()` adds the StrimziMirrorMaker2 (render it with `.resource.toJson()`: the chart has no monitoring, so the DR rules would stop a full synthesis). */
function mskFixture(options: { sourceMech: 'scram' | 'iam'; targetMech: 'scram' | 'iam'; image?: string; role?: string; monitored?: string; name?: string }) {
  const base = drFixture();
  const primaryAccess = shopModel(base.primary);
  const pairing = new DrPairing({ primary: base.primary, peer: base.peer, access: primaryAccess, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
  const auth = (m: 'scram' | 'iam') => (m === 'iam' ? ClientAuthentication.iam() : ClientAuthentication.scramSha512());
  const source = MirrorMaker2Access.addSourcePrincipal(pairing, { authentication: auth(options.sourceMech) });
  const peerAccess = shopModel(base.peer);
  const target = MirrorMaker2Access.addTargetPrincipal(pairing, peerAccess, { authentication: auth(options.targetMech) });
  const app = Testing.app(SCRATCH_APP);
  const chart = new KafkaChart(app, 'kafka', { environment: base.peer });
  const build = () => new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
    pairing, drill: false, image: options.image, serviceAccountRoleArn: options.role, monitoredClusterName: options.monitored, name: options.name,
    source: options.sourceMech === 'scram'
      ? MirrorMaker2Cluster.msk({ bootstrapServers: MSK_SCRAM, principal: source })
      : MirrorMaker2Cluster.msk({ bootstrapServers: MSK_IAM, principal: source }),
    target: options.targetMech === 'iam'
      ? MirrorMaker2Cluster.msk({ bootstrapServers: MSK_IAM, principal: target })
      : MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: target }),
  });
  return { app, chart, build, pairing };
}

describe('StrimziMirrorMaker2 against MSK (MirrorMaker 2 on Kubernetes with MSK bootstrap addresses)', () => {
  it('reads an MSK source with SCRAM-SHA-512 (JVM trust store, password from a synced Secret)', () => {
    const f = mskFixture({ sourceMech: 'scram', targetMech: 'scram' });
    const mm2 = f.build().resource.toJson();
    expect(mm2.spec.mirrors[0].source).toMatchObject({
      alias: 'staging', bootstrapServers: MSK_SCRAM, tls: {},
      authentication: { type: 'scram-sha-512', username: 'mirror-maker-2', passwordSecret: { secretName: 'mirror-maker-2-msk-scram', password: 'password' } },
    });
    expect(validateStrimziObject(mm2)).toEqual([]);
  });

  it('writes an MSK target with IAM: custom AWS_MSK_IAM authentication, the given image and an IRSA service account', () => {
    const f = mskFixture({ sourceMech: 'iam', targetMech: 'iam', image: 'registry.example.com/strimzi-kafka-msk-iam:1.2.0-kafka-4.3.1', role: 'arn:aws:iam::111122223333:role/mm2-staging-dr', monitored: 'dr-kafka' });
    const mm2 = f.build().resource.toJson();
    const iam = { type: 'custom', sasl: true, config: {
      'sasl.mechanism': 'AWS_MSK_IAM',
      'sasl.jaas.config': 'software.amazon.msk.auth.iam.IAMLoginModule required;',
      'sasl.client.callback.handler.class': 'software.amazon.msk.auth.iam.IAMClientCallbackHandler',
    } };
    expect(mm2.spec.target).toMatchObject({ bootstrapServers: MSK_IAM, tls: {}, authentication: iam });
    expect(mm2.spec.mirrors[0].source.authentication).toEqual(iam);
    expect(mm2.spec.image).toBe('registry.example.com/strimzi-kafka-msk-iam:1.2.0-kafka-4.3.1');
    expect(mm2.spec.template.serviceAccount).toEqual({ metadata: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/mm2-staging-dr' } } });
    expect(mm2.spec.template.pod.metadata.labels['kafka-iac.dev/cluster']).toBe('dr-kafka');
    expect(validateStrimziObject(mm2)).toEqual([]);
  });

  it('gives the MirrorMaker 2 principals IAM actions for MSK (read on the source, write on the target)', () => {
    const f = mskFixture({ sourceMech: 'iam', targetMech: 'iam', image: 'i', role: 'arn:aws:iam::111122223333:role/mm2', monitored: 'dr-kafka' });
    const source = f.pairing.access.principal('mirror-maker-2')!;
    const actions = source.grants.flatMap((g) => g.iamStatements.flatMap((s) => s.actions));
    expect(actions).toContain('kafka-cluster:ReadData');
    expect(actions).not.toContain('kafka-cluster:WriteData');
  });

  it('fails DR-001 when IAM is used without an image that carries aws-msk-iam-auth', () => {
    const f = mskFixture({ sourceMech: 'iam', targetMech: 'scram', role: 'arn:aws:iam::111122223333:role/mm2' });
    expect(() => f.build()).toThrow(/DR-001 \[kafka\/MirrorMaker2\] image is not set; expected an image with the aws-msk-iam-auth library.*Build an image FROM the Strimzi Kafka image/);
  });

  it('refuses a name that the MirrorMaker 2 pod and Service names cannot be built from', () => {
    const f = mskFixture({ sourceMech: 'scram', targetMech: 'scram', name: 'mm2-' + 'x'.repeat(37) });
    expect(() => f.build()).toThrow(/^KIAC-PROP \[kafka\/MirrorMaker2\] name is 'mm2-x{37}'; expected a DNS label of at most 40 characters\. Set name to a short name such as 'mm2-dr'\./);
  });

  it('fails DR-001 when IAM is used without a service account role', () => {
    const f = mskFixture({ sourceMech: 'iam', targetMech: 'scram', image: 'i' });
    expect(() => f.build()).toThrow(/DR-001 \[kafka\/MirrorMaker2\] serviceAccountRoleArn is not set/);
  });

  it('fails MON-010 when an MSK target has no monitored cluster name for the PodMonitor', () => {
    const f = mskFixture({ sourceMech: 'scram', targetMech: 'iam', image: 'i', role: 'arn:aws:iam::111122223333:role/mm2' });
    expect(() => f.build()).toThrow(/MON-010 \[kafka\/MirrorMaker2\] monitoredClusterName is not set/);
  });

  it('fails SEC-003 for an MSK bootstrap list that is not host:port pairs', () => {
    const f = mskFixture({ sourceMech: 'scram', targetMech: 'scram' });
    const p = f.pairing.access.principal('mirror-maker-2')!;
    expect(() => MirrorMaker2Cluster.msk({ bootstrapServers: 'not a list', principal: p })).toThrow(/KIAC-PROP .*bootstrapServers is 'not a list'/);
  });
});

describe('StrimziMirrorMaker2: bad input is refused with rule ID, path and fix', () => {
  it('fails DR-005 when the internal topics are below RF 3', () => {
    expect(() => drFixture({ mm2: { internalTopicReplicationFactor: 2 } }))
      .toThrow(/DR-005 \[kafka\/MirrorMaker2\] internalTopicReplicationFactor is 2; expected at least 3.*Remove internalTopicReplicationFactor/);
  });

  it('fails DR-005 when the MirrorMaker 2 principal is an admin (cluster-wide rights, a superuser)', () => {
    const f = drFixture();
    const admin = f.peerAccess.principal('kafka-admin')!;
    const chart = new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment: f.peer });
    expect(() => new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
      pairing: f.pairing, drill: false,
      source: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-kafka', principal: f.sourcePrincipal, credentialsSecret: 'staging-mm2' }),
      target: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: admin }),
    })).toThrow(/DR-005 \[kafka\/MirrorMaker2\] target\.principal is 'kafka-admin \(admin\)'; expected a principal of kind mirror-maker-2, never a superuser.*MirrorMaker2Access\.addTargetPrincipal/);
  });

  it('fails DR-005 when an application principal stands in for MirrorMaker 2', () => {
    const f = drFixture();
    const app = f.primaryAccess.principal('payments-service')!;
    const chart = new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment: f.peer });
    expect(() => new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
      pairing: f.pairing, drill: false,
      source: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-kafka', principal: app, credentialsSecret: 'staging-mm2' }),
      target: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: f.targetPrincipal }),
    })).toThrow(/DR-005 \[kafka\/MirrorMaker2\] source\.principal is 'payments-service \(application\)'/);
  });

  it('fails SEC-005 when a cluster-wide right is granted to a MirrorMaker 2 principal in the model', () => {
    const f = drFixture();
    expect(() => f.sourcePrincipal.addAllow(AclResource.cluster(), [AclOperation.ALTER]))
      .toThrow(/SEC-005 \[staging\/access\/principals\/mirror-maker-2\] cluster operation is 'Alter'; expected no cluster-level right for non-admin principal 'mirror-maker-2' except IdempotentWrite .* and Describe \(MirrorMaker 2\)/);
  });

  it('fails DR-001 when MirrorMaker 2 is built in the primary environment', () => {
    const f = drFixture();
    const chart = new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment: f.primary });
    expect(() => new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
      pairing: f.pairing, drill: false,
      source: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-kafka', principal: f.sourcePrincipal, credentialsSecret: 'staging-mm2' }),
      target: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: f.targetPrincipal }),
    })).toThrow(/DR-001 \[kafka\/MirrorMaker2\] environment is 'staging'; expected the DR peer 'staging-dr'/);
  });

  it('fails DR-005 when the offset-syncs location does not match the principals\' grants', () => {
    expect(() => drFixture({ mm2: { offsetSyncsTopicLocation: OffsetSyncsTopicLocation.SOURCE } }))
      .toThrow(/DR-005 \[kafka\/MirrorMaker2\] offsetSyncsTopicLocation is 'source'; expected the source principal 'mirror-maker-2' allowed to write mm2-offset-syncs\.staging-dr\.internal/);
  });

  it('fails DR-005 when the target principal cannot write the internal topics of a renamed MirrorMaker 2', () => {
    expect(() => drFixture({ mm2: { name: 'mm2-other' } })).toThrow(/DR-005 \[kafka\/MirrorMaker2\] target\.principal is 'mirror-maker-2'; expected a principal allowed to write MirrorMaker 2's internal topic mm2-other-configs/);
  });

  it('accepts a renamed MirrorMaker 2 when the principals are declared with its topic names', () => {
    const topics = (p: DrPairing) => MirrorMaker2Topics.of(p, 'mm2-other');
    expect(topics(drFixture().pairing).connectConfigs).toBe('mm2-other-configs');
  });

  it('fails DR-003 when checkpoints are emitted less often than the RPO', () => {
    expect(() => drFixture({ mm2: { checkpointIntervalSeconds: 600 } })).toThrow(/DR-003 \[kafka\/MirrorMaker2\] checkpointIntervalSeconds is 600; expected 1 to 300 seconds/);
  });

  it('fails KIAC-PROP when the source and target credentials share a Secret', () => {
    const f = drFixture();
    const chart = new KafkaChart(Testing.app(SCRATCH_APP), 'kafka', { environment: f.peer });
    expect(() => new StrimziMirrorMaker2(chart, 'MirrorMaker2', {
      pairing: f.pairing, drill: false,
      source: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-kafka', principal: f.sourcePrincipal }),
      target: MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: f.targetPrincipal }),
    })).toThrow(/KIAC-PROP \[kafka\/MirrorMaker2\] source credentials Secret is 'mirror-maker-2'; expected different Secrets.*'staging-mirror-maker-2'/);
  });

  it('fails SEC-003 for an OAuth principal on a Strimzi connection', () => {
    const f = drFixture();
    const oauth = f.peerAccess.addMirrorMaker2('mm2-oauth', { authentication: ClientAuthentication.oauthBearer() });
    expect(() => MirrorMaker2Cluster.strimzi({ clusterName: 'staging-dr-kafka', principal: oauth })).toThrow(/SEC-003 \[MirrorMaker2Cluster staging-dr-kafka\] principal\.authentication is 'oauth'; expected scram-sha-512 or tls/);
  });

  it('synthesis stops when no MON-010 alert watches the MirrorMaker 2 (MON-010; DR-003 checks only the threshold)', () => {
    const f = drFixture({ monitoring: false });
    const message = synthError(f.chart);
    expect(message).toMatch(/MON-010 \[kafka\/MirrorMaker2\/Resource\] no MON-010 alert watches the replication latency of KafkaMirrorMaker2 mm2-staging-to-staging-dr/);
    expect(message).not.toMatch(/DR-003 \[kafka\/MirrorMaker2\/Resource\]/);
  });
});
