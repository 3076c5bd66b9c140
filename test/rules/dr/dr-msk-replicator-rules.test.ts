import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { describe, expect, it } from 'vitest';
import { Environment } from '../../../lib/model/environment';
import { DR_PAIRING_ARTEFACT_KIND, DR_PAIRING_TAG } from '../../../lib/contract/dr-markers';
import type { TerraformDocument } from '../../../lib/contract/document';
import { DocumentIndex } from '../../../lib/contract/document-index';
import { RuleRegistry } from '../../../lib/rules/registry';
import type { RuleOutcome } from '../../../lib/rules/rule';
import { replicatedPair, synth, synthError } from '../../support/replication-pair';

const PATH = 'dr/Replicator/Resource';

/** Synthesis fails with a line naming the rule, the path, and matching `pattern`. */
function expectViolation(stack: Parameters<typeof synthError>[0], id: string, pattern: RegExp): void {
  const message = synthError(stack);
  const lines = message.split('\n').filter((l) => l.includes(`${id} [${PATH}]`));
  expect(lines.length, `no ${id} [${PATH}] line in:\n${message}`).toBeGreaterThan(0);
  expect(lines.some((l) => pattern.test(l)), `no ${id} line matches ${pattern} in:\n${lines.join('\n')}`).toBe(true);
}

describe('DR rules on aws_msk_replicator (MskReplicator from a DrPairing)', () => {
  it('passes DR-001..DR-005 on the replicator of the pairing', () => {
    const p = replicatedPair();
    synth(p.peer.stack);
    const entries = p.peer.stack.complianceReport.entries.filter((e) => e.ruleId.startsWith('DR-') && e.path === PATH);
    expect(entries.map((e) => `${e.ruleId} ${e.status}`)).toEqual(['DR-001 compliant', 'DR-002 compliant', 'DR-003 compliant', 'DR-004 compliant', 'DR-005 compliant']);
    expect(entries.find((e) => e.ruleId === 'DR-005')!.notes).toEqual([
      'IAM access control on ${var.replication_source_cluster_arn} is checked where that cluster is defined (MskReplicator refuses a cluster without it)',
    ]);
  });

  it('fails DR-001 when an override points the target ARN at a cluster in the primary region', () => {
    const p = replicatedPair();
    p.replicator.resource.addOverride('replication_info_list.target_kafka_cluster_arn', 'arn:aws:kafka:us-east-1:111122223333:cluster/other/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b-2');
    expectViolation(p.peer.stack, 'DR-001', /replication_info_list\.target_kafka_cluster_arn is in us-east-1; expected a cluster in us-west-2, the declared target region/);
  });

  it('fails DR-002 when an override excludes a declared topic', () => {
    const p = replicatedPair();
    p.replicator.resource.addOverride('replication_info_list.topic_replication.0.topics_to_exclude', ['^payments$']);
    expectViolation(p.peer.stack, 'DR-002', /topic_replication\.topics_to_exclude excludes declared topic 'payments'; expected every declared topic replicated/);
  });

  it('fails DR-002 when an override excludes a declared consumer group', () => {
    const p = replicatedPair();
    p.replicator.resource.addOverride('replication_info_list.consumer_group_replication.0.consumer_groups_to_exclude', ['^billing$']);
    expectViolation(p.peer.stack, 'DR-002', /consumer_groups_to_exclude excludes declared group 'billing'/);
  });

  it('fails DR-002 when an override prefixes topic names while failover is the goal', () => {
    const p = replicatedPair();
    p.replicator.resource.addOverride('replication_info_list.topic_replication.0.topic_name_configuration.type', 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS');
    expectViolation(p.peer.stack, 'DR-002', /topic_name_configuration\.type is 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS'; expected 'IDENTICAL' \(the declared identity policy: failover keeps topic names\)/);
  });

  it('fails DR-002 when an override turns offset sync off while failover is the goal', () => {
    const p = replicatedPair();
    p.replicator.resource.addOverride('replication_info_list.consumer_group_replication.0.synchronise_consumer_group_offsets', false);
    expectViolation(p.peer.stack, 'DR-002', /synchronise_consumer_group_offsets is false; expected true while failover is the goal/);
  });

  it('leaves a replicator without latency alarms to MON-010 (one fault, one rule)', () => {
    const p = replicatedPair({ withoutReplicatorAlarms: true });
    const message = synthError(p.peer.stack);
    expect(message).toMatch(/MON-010 \[dr\/Replicator\/Resource\] no CloudWatch alarm tagged kafka-iac:rule=MON-010 watches ReplicationLatency/);
    expect(message).not.toMatch(/DR-003 \[/);
  });

  it('fails DR-003 when the latency alarm threshold is overridden above the RPO', () => {
    const p = replicatedPair();
    p.replicatorAlarms!.latencyAlarm.addOverride('threshold', 900_000);
    expectViolation(p.peer.stack, 'DR-003', /alarm 'production-kafka-to-dr-kafka-MON-010-replication-latency' has threshold 900000 ms; expected at most the pairing's RPO, 300000 ms/);
    expect(synthError(p.peer.stack)).not.toMatch(/MON-010 \[/);
  });

  it('fails DR-003 when an escape hatch turns the latency alarm around', () => {
    const p = replicatedPair();
    p.replicatorAlarms!.latencyAlarm.addOverride('comparison_operator', 'LessThanThreshold');
    expectViolation(p.peer.stack, 'DR-003', /alarm 'production-kafka-to-dr-kafka-MON-010-replication-latency' has comparison_operator LessThanThreshold; expected GreaterThanThreshold/);
  });

  it('fails DR-003 when the pairing tag is overridden away (no declared RPO or RTO)', () => {
    const p = replicatedPair();
    p.replicator.resource.addOverride(`tags.${DR_PAIRING_TAG}`, 'someone-else');
    expectViolation(p.peer.stack, 'DR-003', /tag kafka-iac:dr-pairing is 'someone-else', which names no terraform_data of kind kafka-iac\/dr-pairing/);
  });

  it('fails DR-005 when the service role gets an AWS-managed policy attached', () => {
    const p = replicatedPair();
    new IamRolePolicyAttachment(p.peer.stack, 'AdminForReplicator', { role: p.replicator.role.name, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expectViolation(p.peer.stack, 'DR-005', /role .* has the policy 'arn:aws:iam::aws:policy\/AdministratorAccess' attached; expected only the replicator's own least-privilege policy/);
  });

  it('fails DR-005 (and SEC-005) when an override widens the policy to kafka-cluster:* on *', () => {
    const p = replicatedPair();
    p.replicator.policy.addOverride('policy', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kafka-cluster:*', Resource: '*' }] }));
    expectViolation(p.peer.stack, 'DR-005', /allows kafka-cluster:\*; expected named kafka-cluster actions/);
    expect(synthError(p.peer.stack)).toMatch(/SEC-005 \[dr\/Replicator\/Policy\]/);
  });

  it('fails DR-005 when an override drops the MirrorMaker 2 kind tag from the policy (SEC-005 would no longer see it as one)', () => {
    const p = replicatedPair();
    p.replicator.policy.addOverride('tags.kafka-iac:principal-kind', 'admin');
    expectViolation(p.peer.stack, 'DR-005', /has tag kafka-iac:principal-kind 'admin'; expected 'mirror-maker-2'/);
  });

  it('fails DR-005 when an override turns IAM off on the DR cluster the replicator writes to', () => {
    const p = replicatedPair();
    p.peer.cluster.resource.addOverride('client_authentication.sasl.iam', false);
    expectViolation(p.peer.stack, 'DR-005', /client_authentication\.sasl\.iam is false; expected true: MSK Replicator authenticates with IAM on both clusters/);
  });
});

/** A replicator and its declaration as hand-written Terraform JSON: the rules read files this library did not make. */
function handWritten(change: (replicator: Record<string, any>) => void = () => {}): { docs: TerraformDocument[]; replicator: TerraformDocument } {
  const declaration = {
    name: 'production-to-dr', primary: { environment: 'production', region: 'us-east-1', alias: 'production' },
    peer: { environment: 'dr', region: 'us-west-2', alias: 'dr', profile: 'production' }, strategy: 'hot-standby', goal: 'failover',
    replicationPolicy: 'identity', rpoSeconds: 300, rtoSeconds: 1800, syncConsumerGroupOffsets: true,
    topics: ['orders'], consumerGroups: [{ name: 'billing', isPrefix: false }],
  };
  const body: Record<string, any> = {
    replicator_name: 'hand-written', service_execution_role_arn: 'arn:aws:iam::111122223333:role/replicator',
    kafka_cluster: [
      { amazon_msk_cluster: { msk_cluster_arn: 'arn:aws:kafka:us-east-1:111122223333:cluster/production/1' } },
      { amazon_msk_cluster: { msk_cluster_arn: 'arn:aws:kafka:us-west-2:111122223333:cluster/dr/2' } },
    ],
    replication_info_list: {
      source_kafka_cluster_arn: 'arn:aws:kafka:us-east-1:111122223333:cluster/production/1',
      target_kafka_cluster_arn: 'arn:aws:kafka:us-west-2:111122223333:cluster/dr/2',
      topic_replication: [{ topics_to_replicate: ['orders'], topic_name_configuration: { type: 'IDENTICAL' } }],
      consumer_group_replication: [{ consumer_groups_to_replicate: ['billing'], synchronise_consumer_group_offsets: true }],
    },
    tags: { [DR_PAIRING_TAG]: 'production-to-dr' },
  };
  change(body);
  const replicator: TerraformDocument = { source: 'terraform', type: 'aws_msk_replicator', name: 'r', address: 'aws_msk_replicator.r', path: 'dr/r', body };
  const artefact: TerraformDocument = {
    source: 'terraform', type: 'terraform_data', name: 'd', address: 'terraform_data.d', path: 'dr/d',
    body: { input: { kind: DR_PAIRING_ARTEFACT_KIND, pairing: 'production-to-dr', declaration: JSON.stringify(declaration) } },
  };
  const alarm: TerraformDocument = {
    source: 'terraform', type: 'aws_cloudwatch_metric_alarm', name: 'a', address: 'aws_cloudwatch_metric_alarm.a', path: 'dr/a',
    body: { namespace: 'AWS/Kafka', metric_name: 'ReplicationLatency', dimensions: { ReplicatorName: 'hand-written' }, threshold: 300000, comparison_operator: 'GreaterThanThreshold' },
  };
  return { docs: [replicator, artefact, alarm], replicator };
}

function check(id: string, environment: Environment, docs: TerraformDocument[], doc: TerraformDocument): RuleOutcome {
  return RuleRegistry.get(id)!.check(doc, { environment, index: new DocumentIndex(docs) });
}

describe('DR rules on a hand-written aws_msk_replicator (pure rule functions over documents)', () => {
  const dr = Environment.production({ name: 'production', region: 'us-east-1' }).drPeer({ name: 'dr', region: 'us-west-2' });

  it('finds every rule compliant on a replicator that follows the pairing', () => {
    const { docs, replicator } = handWritten();
    for (const id of ['DR-001', 'DR-002', 'DR-003', 'DR-004', 'DR-005']) expect(check(id, dr, docs, replicator).status, id).toBe('compliant');
  });

  it('fails DR-004 for a replicator synthesized in a development environment', () => {
    const { docs, replicator } = handWritten();
    const dev = Environment.development({ name: 'dr', region: 'us-west-2' });
    const outcome = check('DR-004', dev, docs, replicator);
    expect(outcome).toMatchObject({ status: 'non-compliant', findings: [{ found: "environment dr has profile 'development'" }] });
  });

  it('fails DR-001 for a replicator in the primary region', () => {
    const { docs, replicator } = handWritten();
    const outcome = check('DR-001', Environment.production({ name: 'dr', region: 'us-east-1' }), docs, replicator);
    expect(outcome.status).toBe('non-compliant');
    expect(JSON.stringify(outcome)).toMatch(/the replication runs in region us-east-1/);
  });

  it('fails DR-001 for a replicator that copies a non-MSK cluster', () => {
    const { docs, replicator } = handWritten((b) => { b.kafka_cluster[0] = { apache_kafka_cluster: { bootstrap_brokers: 'x:9092' } }; });
    expect(JSON.stringify(check('DR-001', dr, docs, replicator))).toMatch(/"expected":"two MSK clusters: MSK Replicator copies MSK to MSK"/);
  });

  it('fails DR-002 when consumer-group replication is missing', () => {
    const { docs, replicator } = handWritten((b) => { delete b.replication_info_list.consumer_group_replication; });
    expect(JSON.stringify(check('DR-002', dr, docs, replicator))).toMatch(/consumer_group_replication is not set/);
  });

  it('fails DR-002 when a declared topic is not selected', () => {
    const { docs, replicator } = handWritten((b) => { b.replication_info_list.topic_replication[0].topics_to_replicate = ['payments']; });
    expect(JSON.stringify(check('DR-002', dr, docs, replicator))).toMatch(/does not select declared topic 'orders'/);
  });

  it('without a declaration, reports it once (DR-003) and still checks offset sync with identical names (DR-002)', () => {
    const { docs, replicator } = handWritten((b) => {
      delete b.tags;
      b.replication_info_list.consumer_group_replication[0].synchronise_consumer_group_offsets = false;
    });
    expect(JSON.stringify(check('DR-003', dr, docs, replicator))).toMatch(/tag kafka-iac:dr-pairing is not set: no DR pairing declares this replicator's RPO and RTO/);
    expect(check('DR-001', dr, docs, replicator).status).toBe('compliant');
    expect(JSON.stringify(check('DR-002', dr, docs, replicator))).toMatch(/synchronise_consumer_group_offsets is false","expected":"true with IDENTICAL names/);
  });
});
