import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../lib/model/environment';
import { DR_PAIRING_ANNOTATION } from '../../../lib/contract/dr-markers';
import { KafkaChart } from '../../../lib/app/kafka-chart';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { PrometheusDuration } from '../../../lib/model/monitoring/prometheus-duration';
import { RuleSuppressions } from '../../../lib/rules/suppressions';
import { drFixture, DR_KAFKA_PATH, MM2_PATH } from '../../support/mirror-maker-2-fixture';
import { expectCompliant, expectViolation, synth, synthError } from '../../support/strimzi-fixture';

const USER_PATH = 'kafka/Access/User-mirror-maker-2';
const annotationPath = `/metadata/annotations/${DR_PAIRING_ANNOTATION.replace('/', '~1')}`;
const SOURCE = '/spec/mirrors/0/sourceConnector/config';
const CHECKPOINT = '/spec/mirrors/0/checkpointConnector/config';

/** The fixture with the pairing declaration rewritten by `change`, through a JSON patch of the annotation. */
function withDeclaration(change: (d: Record<string, any>) => void) {
  const f = drFixture();
  const d = structuredClone(f.pairing.declaration) as Record<string, any>;
  change(d);
  f.mm2.resource.addJsonPatch(JsonPatch.replace(annotationPath, JSON.stringify(d)));
  return f;
}

describe('DR rules on the KafkaMirrorMaker2: compliant', () => {
  it('passes DR-001..DR-005 on the MirrorMaker 2 of the pairing, and DR-005 on its KafkaUser', () => {
    const f = drFixture();
    for (const id of ['DR-001', 'DR-002', 'DR-003', 'DR-004', 'DR-005']) expectCompliant(f.chart, id, MM2_PATH);
    expectCompliant(f.chart, 'DR-005', USER_PATH);
  });
});

describe('DR-001 on the KafkaMirrorMaker2', () => {
  it('fails DR-001 when the declared peer is in the primary region', () => {
    const f = withDeclaration((d) => { d.peer.region = 'us-east-1'; });
    expectViolation(f.chart, 'DR-001', MM2_PATH, /the DR peer staging-dr is in us-east-1, the region of staging; expected a peer in another region/);
  });
  it('fails DR-001 when a JSON patch points spec.target.alias elsewhere', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/target/alias', 'staging'));
    expectViolation(f.chart, 'DR-001', MM2_PATH, /spec\.target\.alias is 'staging'; expected 'staging-dr', the DR peer's alias/);
  });
  it('fails DR-001 for a hand-written KafkaMirrorMaker2 of the pairing placed in the primary environment', () => {
    const f = drFixture();
    const app = Testing.app();
    const chart = new KafkaChart(app, 'kafka', { environment: f.primary });
    new ApiObject(chart, 'HandWritten', { ...f.mm2.resource.toJson(), metadata: { name: 'hand-written', annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(f.pairing.declaration) } } });
    expectViolation(chart, 'DR-001', 'kafka/HandWritten', /the replication runs in environment staging; expected the DR peer staging-dr/);
  });
});

describe('DR-002 on the KafkaMirrorMaker2', () => {
  it('fails DR-002 when a JSON patch narrows topicsPattern', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors/0/topicsPattern', '^orders$'));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /topicsPattern '\^orders\$' does not select declared topic 'payments'; expected every declared topic replicated/);
  });
  it('fails DR-002 when topicsExcludePattern excludes a declared topic', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.add('/spec/mirrors/0/topicsExcludePattern', 'audit\\..*'));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /topicsExcludePattern excludes declared topic 'audit\.events'/);
  });
  it('fails DR-002 when groupsPattern drops the prefixed group', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors/0/groupsPattern', '^payments$'));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /groupsPattern '\^payments\$' does not select declared group prefix 'audit-'/);
  });
  it('fails DR-002 when the checkpoint connector is removed', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/mirrors/0/checkpointConnector'));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /checkpointConnector is not set; expected a checkpoint connector/);
  });
  it('fails DR-002 when offset sync is patched off while failover is the goal', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/sync.group.offsets.enabled`, 'false'));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /sync\.group\.offsets\.enabled is 'false'; expected 'true' while failover is the goal/);
  });
  it('fails DR-002 when checkpoints are no longer emitted', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/emit.checkpoints.enabled`, false));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /emit\.checkpoints\.enabled is false; expected true/);
  });
  it('fails DR-002 when the source connector renames topics (prefixed) while failover is the goal', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/replication.policy.class`, 'org.apache.kafka.connect.mirror.DefaultReplicationPolicy'));
    expectViolation(f.chart, 'DR-002', MM2_PATH, /sourceConnector\.config\.replication\.policy\.class is 'org\.apache\.kafka\.connect\.mirror\.DefaultReplicationPolicy'; expected 'org\.apache\.kafka\.connect\.mirror\.IdentityReplicationPolicy'/);
  });
});

describe('DR-003 on the KafkaMirrorMaker2', () => {
  it('fails DR-003, and only DR-003, when the pairing declaration is removed', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove(annotationPath));
    const message = synthError(f.chart);
    expect(message).toMatch(/DR-003 \[kafka\/MirrorMaker2\/Resource\] annotation kafka-iac\.dev\/dr-pairing is not set/);
    expect(message).not.toMatch(/DR-00[1245] \[kafka\/MirrorMaker2\/Resource\] annotation/);
  });
  it('fails DR-003 when the declared RTO is missing', () => {
    const f = withDeclaration((d) => { delete d.rtoSeconds; });
    expectViolation(f.chart, 'DR-003', MM2_PATH, /the declared RTO is not set; expected an RTO of at least one second/);
  });
  it('fails DR-003 when the MON-010 alert fires only above the RPO', () => {
    const f = drFixture({ monitoring: false });
    new KafkaPrometheusMonitoring(f.chart, 'Monitoring', {
      clusterName: f.cluster.clusterName, target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6,
      replicationRpo: PrometheusDuration.minutes(10), mirrorMakerSelector: f.mm2.podSelector,
    });
    expectViolation(f.chart, 'DR-003', MM2_PATH, /the MON-010 alert thresholds are 600000 ms; expected a MON-010 alert on replication latency above the RPO \(300000 ms\) or lower/);
  });
  it('fails DR-003 when checkpoints are patched to run less often than the RPO', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/emit.checkpoints.interval.seconds`, 900));
    expectViolation(f.chart, 'DR-003', MM2_PATH, /emit\.checkpoints\.interval\.seconds is 900; expected at most the RPO of 300 s/);
  });
});

describe('DR-004: the DR cluster follows every HA and SEC rule', () => {
  it('fails DR-004 when the declared peer is not production-profile', () => {
    const f = withDeclaration((d) => { d.peer.profile = 'development'; });
    expectViolation(f.chart, 'DR-004', MM2_PATH, /the declared DR peer staging-dr has profile 'development'; expected production/);
  });
  it('fails DR-004 for a MirrorMaker 2 synthesized in a development environment', () => {
    const f = drFixture();
    const dev = Environment.development({ name: 'staging-dr', region: 'us-west-2' });
    const chart = new KafkaChart(Testing.app(), 'kafka', { environment: dev });
    new ApiObject(chart, 'HandWritten', { ...f.mm2.resource.toJson(), metadata: { name: 'hand-written', annotations: { [DR_PAIRING_ANNOTATION]: JSON.stringify(f.pairing.declaration) } } });
    expectViolation(chart, 'DR-004', 'kafka/HandWritten', /environment staging-dr has profile 'development'; expected production/);
  });
  it('refuses a DR cluster that breaks HA-009 (a PDB allowing 2), as an error', () => {
    const f = drFixture();
    f.cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/template/podDisruptionBudget/maxUnavailable', 2));
    expectViolation(f.chart, 'HA-009', DR_KAFKA_PATH, /maxUnavailable/);
  });
  it('refuses a DR cluster that breaks HA-001 (one broker), as an error, not a warning', () => {
    const f = drFixture();
    f.cluster.brokerPools[0].addJsonPatch(JsonPatch.replace('/spec/replicas', 1));
    const message = synthError(f.chart);
    expect(message).toMatch(/HA-001 \[kafka\/Kafka\//);
  });
  it('refuses a DR cluster that breaks SEC-001 (a plaintext listener)', () => {
    const f = drFixture();
    f.cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/listeners/0/tls', false));
    expectViolation(f.chart, 'SEC-001', DR_KAFKA_PATH, /has tls false; expected true/);
  });
  it('the peer of drPeer() has the production profile', () => {
    expect(drFixture().peer.profile).toBe('production');
  });
});

describe('DR-005 on the KafkaMirrorMaker2: JSON patches cannot bypass it', () => {
  it('fails DR-005 when the offset-syncs location differs between the source and checkpoint connectors', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/offset-syncs.topic.location`, 'source'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /offset-syncs\.topic\.location is 'target' on the source connector and 'source' on the checkpoint connector; expected the same location on both/);
  });
  it('fails DR-005 when the location is removed from one connector only (the default is source)', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove(`${SOURCE}/offset-syncs.topic.location`));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /is 'source' on the source connector and 'target' on the checkpoint connector/);
  });
  it('fails DR-005 when the offset-syncs topic is patched to RF 1', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/offset-syncs.topic.replication.factor`, 1));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /sourceConnector\.config\.offset-syncs\.topic\.replication\.factor is 1; expected at least 3/);
  });
  it('fails DR-005 when the checkpoints topic is patched to the broker default (-1)', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${CHECKPOINT}/checkpoints.topic.replication.factor`, -1));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /checkpoints\.topic\.replication\.factor is -1; expected at least 3, written out/);
  });
  it('fails DR-005 when a heartbeats topic at RF 1 is patched in', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.add(`${SOURCE}/heartbeats.topic.replication.factor`, 1));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /heartbeats\.topic\.replication\.factor is 1/);
  });
  it('fails DR-005 when a Connect storage topic is patched to RF 2', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/target/config/config.storage.replication.factor', 2));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.target\.config\.config\.storage\.replication\.factor is 2/);
  });
  it('fails DR-005 when ACL sync is patched on', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/sync.topic.acls.enabled`, 'true'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /sync\.topic\.acls\.enabled is 'true'; expected 'false'/);
  });
  it('fails DR-005 when the target authentication is removed', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/target/authentication'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.target\.authentication\.type is not set/);
  });
  it('fails DR-005 when the source switches to SASL/PLAIN', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace('/spec/mirrors/0/source/authentication/type', 'plain'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.mirrors\[0\]\.source\.authentication\.type is 'plain'/);
  });
  it('fails DR-005 when TLS to the source is removed', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.remove('/spec/mirrors/0/source/tls'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /spec\.mirrors\[0\]\.source\.tls is not set/);
  });
  it('fails DR-005 when the target user is relabelled an admin', () => {
    const f = drFixture();
    f.access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.replace('/metadata/labels/kafka-iac.dev~1principal-kind', 'admin'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /the target user KafkaUser mirror-maker-2 has principal kind 'admin'/);
  });
  it('fails DR-005 when the MirrorMaker 2 user is made a super user of the DR cluster', () => {
    const f = drFixture();
    f.cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/authorization/superUsers/-', 'mirror-maker-2'));
    expectViolation(f.chart, 'DR-005', MM2_PATH, /the target user mirror-maker-2 is a super user of Kafka staging-dr-kafka/);
    expectViolation(f.chart, 'DR-005', USER_PATH, /MirrorMaker 2 user mirror-maker-2 is a super user/);
  });
  it('fails DR-005 on the KafkaUser when a JSON patch gives MirrorMaker 2 a cluster-wide right', () => {
    const f = drFixture();
    f.access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'cluster' }, operations: ['Alter'], host: '*' }));
    expectViolation(f.chart, 'DR-005', USER_PATH, /MirrorMaker 2 user mirror-maker-2 is allowed cluster operation Alter; expected no cluster-wide right for MirrorMaker 2 except Describe/);
    expectViolation(f.chart, 'SEC-005', USER_PATH, /cluster operation Alter/);
  });
  it('fails DR-005 on the KafkaUser when a JSON patch grants every topic', () => {
    const f = drFixture();
    f.access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['Read'], host: '*' }));
    expectViolation(f.chart, 'DR-005', USER_PATH, /is allowed Read on every topic \('\*'\)/);
  });
  it('reports a DR-005 suppression with its reason instead of failing', () => {
    const f = drFixture();
    f.mm2.resource.addJsonPatch(JsonPatch.replace(`${SOURCE}/offset-syncs.topic.replication.factor`, 2));
    RuleSuppressions.add(f.mm2, [{ id: 'DR-005', reason: 'Two-broker lab cluster used for a connector upgrade rehearsal only.' }]);
    synth(f.chart);
    const entry = f.chart.complianceReport.entries.find((e) => e.ruleId === 'DR-005' && e.path === MM2_PATH)!;
    expect(entry.status).toBe('suppressed');
    expect(entry.suppression?.reason).toMatch(/rehearsal/);
  });
});
