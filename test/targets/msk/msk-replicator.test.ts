import { describe, expect, it } from 'vitest';
import { MskClusterReference } from '../../../lib/targets/msk/msk-cluster-reference';
import { MskReplicationSource } from '../../../lib/targets/msk/msk-replication-source';
import { MskReplicator } from '../../../lib/targets/msk/msk-replicator';
import { MskReplicatorTopicNaming } from '../../../lib/targets/msk/msk-replicator-policy';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { DrDuration } from '../../../lib/model/dr/dr-duration';
import { DrPairing } from '../../../lib/model/dr/dr-pairing';
import { declareShopAccess } from '../../../stacks/access/shop-access';
import { all, only } from '../../support/msk-stack';
import { ReplicationGoal } from '../../../lib/model/dr/replication-goal';
import { render, replicatedPair, replicationPair, synth, synthError } from '../../support/replication-pair';

type Statement = { Sid: string; Effect: string; Action: string[]; Resource: string[] };
/** The report entries of a stack. */
const entriesOf = (stack: { complianceReport: { toJson(): Record<string, unknown> } }): any[] => stack.complianceReport.toJson().entries as any[];
const statementsOf = (json: Record<string, any>): Statement[] => JSON.parse(only(json, 'aws_iam_policy').policy).Statement;
const bySid = (json: Record<string, any>) => Object.fromEntries(statementsOf(json).map((s) => [s.Sid, s]));

/** The same replicator props with one field changed, against a fresh pair. */
function build(over: Partial<ConstructorParameters<typeof MskReplicator>[2]> = {}, options: Parameters<typeof replicationPair>[0] = {}) {
  const pair = replicationPair(options);
  return () => new MskReplicator(pair.peer.stack, 'Replicator', {
    source: pair.source!.referenceFrom(pair.peer.stack),
    target: MskClusterReference.fromCluster(pair.peer.cluster),
    topics: ['orders'],
    consumerGroups: [{ name: 'payments' }],
    rpoSeconds: 300,
    ...over,
  });
}

const TOPICS = ['orders', 'payments', 'audit.events', 'order-state'];

describe('MskReplicator: the synthesized replicator (from the DR pairing, with the rules on)', () => {
  const { peer, primary, replicator, pairing } = replicatedPair();
  const dr = synth(peer.stack);
  const production = synth(primary.stack);
  const resource = only(dr, 'aws_msk_replicator');

  it('lives in the target stack and region, between two clusters with IAM authentication', () => {
    expect(dr.provider.aws[0].region).toBe('us-west-2');
    expect(only(dr, 'aws_msk_cluster').client_authentication.sasl.iam).toBe(true);
    expect(only(production, 'aws_msk_cluster').client_authentication.sasl.iam).toBe(true);
    expect(resource.replication_info_list.source_kafka_cluster_arn).toBe('${var.replication_source_cluster_arn}');
    expect(resource.replication_info_list.target_kafka_cluster_arn).toMatch(/^\$\{aws_msk_cluster\.Kafka_\w+\.arn\}$/);
    expect(resource.replicator_name).toBe('production-kafka-to-dr-kafka');
    expect(replicator.replicatorName).toBe('production-kafka-to-dr-kafka');
  });

  it('reaches the source over multi-VPC connectivity (no security groups) and the target through its own security group', () => {
    const [source, target] = resource.kafka_cluster;
    expect(source).toEqual({ amazon_msk_cluster: { msk_cluster_arn: '${var.replication_source_cluster_arn}' }, vpc_config: { subnet_ids: '${var.replication_source_subnet_ids}' } });
    expect(target.vpc_config.subnet_ids).toHaveLength(3);
    expect(target.vpc_config.security_groups_ids).toEqual([`\${aws_security_group.${Object.keys(dr.resource.aws_security_group).find((k) => k.startsWith('Replicator_'))}.id}`]);
  });

  it('admits the replicator to the target brokers on 9098 only, both ways', () => {
    const egress = only(dr, 'aws_vpc_security_group_egress_rule');
    const ingress = all(dr, 'aws_vpc_security_group_ingress_rule').filter((r) => String(r.referenced_security_group_id ?? '').includes('Replicator_SecurityGroup'));
    expect(egress).toMatchObject({ ip_protocol: 'tcp', from_port: 9098, to_port: 9098 });
    expect(egress.referenced_security_group_id).toContain('Network_BrokerSecurityGroup');
    expect(ingress).toHaveLength(1);
    expect(ingress[0]).toMatchObject({ ip_protocol: 'tcp', from_port: 9098, to_port: 9098 });
    expect(ingress[0].security_group_id).toContain('Network_BrokerSecurityGroup');
    expect(ingress[0].cidr_ipv4).toBeUndefined();
  });

  it('replicates exactly the topics of the pairing with identical names, configurations copied, from the earliest offset', () => {
    const [topics] = resource.replication_info_list.topic_replication;
    expect(pairing.topics).toEqual(TOPICS);
    expect(topics).toEqual({
      topics_to_replicate: ['^orders$', '^payments$', '^audit\\.events$', '^order-state$'],
      topic_name_configuration: { type: 'IDENTICAL' },
      starting_position: { type: 'EARLIEST' },
      copy_topic_configurations: true,
      copy_access_control_lists_for_topics: false,
      detect_and_copy_new_topics: true,
    });
    expect(resource.replication_info_list.target_compression_type).toBe('LZ4');
  });

  it('synchronises the consumer group offsets of the groups of the pairing', () => {
    expect(resource.replication_info_list.consumer_group_replication).toEqual([{
      consumer_groups_to_replicate: ['^payments$', '^billing$', '^audit-sink$'],
      synchronise_consumer_group_offsets: true,
      detect_and_copy_new_consumer_groups: true,
    }]);
  });

  it('carries the declared RPO and the pairing name as tags, and the declaration in a terraform_data (the DR rules read them)', () => {
    expect(resource.tags).toEqual({ 'kafka-iac:rpo-seconds': '300', 'kafka-iac:dr-pairing': 'production-to-dr' });
    const data = all(dr, 'terraform_data').find((d) => d.input?.kind === 'kafka-iac/dr-pairing');
    expect(data?.input.pairing).toBe('production-to-dr');
    expect(JSON.parse(data?.input.declaration)).toEqual(pairing.declaration);
  });

  it('runs as a service role only kafka.amazonaws.com of this account may assume', () => {
    const role = only(dr, 'aws_iam_role');
    expect(resource.service_execution_role_arn).toMatch(/^\$\{aws_iam_role\.Replicator_Role_\w+\.arn\}$/);
    const trust = JSON.parse(role.assume_role_policy);
    expect(trust.Statement).toEqual([{
      Sid: 'MskReplicatorAssumesRole', Effect: 'Allow', Principal: { Service: 'kafka.amazonaws.com' }, Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': expect.stringMatching(/^\$\{data\.aws_caller_identity\.Replicator_Account_\w+\.account_id\}$/) } },
    }]);
    expect(only(dr, 'aws_iam_role_policy_attachment').policy_arn).toMatch(/aws_iam_policy\.Replicator_Policy_\w+\.arn/);
  });

  it('grants only the cluster actions of a non-admin (Connect, DescribeCluster, WriteDataIdempotently) on the two clusters', () => {
    const s = bySid(dr);
    const clusterActions = ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster', 'kafka-cluster:WriteDataIdempotently'];
    expect(s.SourceCluster).toMatchObject({ Action: clusterActions, Resource: ['${var.replication_source_cluster_arn}'] });
    expect(s.TargetCluster.Action).toEqual(clusterActions);
    expect(s.TargetCluster.Resource).toEqual([expect.stringMatching(/^\$\{aws_msk_cluster\.Kafka_\w+\.arn\}$/)]);
  });

  it('grants topic rights on the named topics and the internal topics only, never a wildcard', () => {
    const s = bySid(dr);
    const names = (st: Statement) => st.Resource.map((r) => r.replace(/^\$\{local\.\w+\}\//, ''));
    expect(names(s.SourceTopics)).toEqual(TOPICS);
    expect(s.SourceTopics.Action).toEqual(['kafka-cluster:DescribeTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:ReadData']);
    expect(names(s.TargetTopics)).toEqual(TOPICS);
    expect(s.TargetTopics.Action).toEqual(expect.arrayContaining(['kafka-cluster:CreateTopic', 'kafka-cluster:WriteData']));
    expect(s.TargetTopics.Action).not.toContain('kafka-cluster:ReadData');
    for (const sid of ['SourceInternalTopics', 'TargetInternalTopics']) {
      expect(names(s[sid])).toEqual(['*__amazon_msk_replicator_*', 'mskr-offset-syncs.*', '*.checkpoints.internal']);
    }
    expect(s.SourceTopics.Resource[0]).toMatch(/^\$\{local\.Replicator_SourceTopicArnPrefix_\w+\}\/orders$/);
    expect(dr.locals[s.SourceTopics.Resource[0].slice(8, -'}/orders'.length)]).toBe('${replace(var.replication_source_cluster_arn, ":cluster/", ":topic/")}');
    for (const st of statementsOf(dr)) {
      expect(st.Effect).toBe('Allow');
      for (const r of st.Resource) expect(r === '*' || r.endsWith('/*'), `${st.Sid} ${r}`).toBe(false);
      for (const a of st.Action) expect(a.slice('kafka-cluster:'.length)).not.toContain('*');
    }
  });

  it('grants group rights on the replicated groups (describe on the source, alter on the target) and the internal groups', () => {
    const s = bySid(dr);
    expect(s.SourceGroups.Action).toEqual(['kafka-cluster:DescribeGroup']);
    const groups = (st: Statement) => st.Resource.map((r) => r.replace(/^\$\{local\.\w+\}\//, ''));
    expect(groups(s.SourceGroups)).toEqual(['payments', 'billing', 'audit-sink']);
    expect(s.SourceGroups.Resource[0]).toMatch(/^\$\{local\.Replicator_SourceGroupArnPrefix_\w+\}\//);
    expect(s.TargetGroups.Action).toEqual(['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup']);
    expect(groups(s.TargetGroups)).toEqual(['payments', 'billing', 'audit-sink']);
    expect(s.TargetInternalGroups.Resource).toEqual([expect.stringMatching(/TargetGroupArnPrefix_\w+\}\/\*__amazon_msk_replicator_\*$/)]);
  });

  it('is checked by SEC-005 as a replication principal: compliant, with its prefixed grants listed', () => {
    const entry = entriesOf(peer.stack).find((e: any) => e.ruleId === 'SEC-005' && e.path === 'dr/Replicator/Policy');
    expect(entry?.status).toBe('compliant');
    expect(entry?.notes.join('\n')).toContain('production-kafka-to-dr-kafka has a prefixed grant');
  });

  it('writes the source side in the production stack: multi-VPC IAM, the cluster policy and the outputs the DR stack reads', () => {
    const cluster = only(production, 'aws_msk_cluster');
    expect(cluster.broker_node_group_info.connectivity_info.vpc_connectivity).toEqual({ client_authentication: { sasl: { iam: true, scram: false } } });
    const policy = only(production, 'aws_msk_cluster_policy');
    expect(policy.cluster_arn).toMatch(/^\$\{aws_msk_cluster\.Kafka_\w+\.arn\}$/);
    expect(JSON.parse(policy.policy).Statement).toEqual([{
      Sid: 'MskReplicatorCreatesVpcConnection', Effect: 'Allow', Principal: { Service: 'kafka.amazonaws.com' },
      Action: ['kafka:CreateVpcConnection', 'kafka:GetBootstrapBrokers', 'kafka:DescribeClusterV2'],
      Resource: policy.cluster_arn,
      Condition: { StringEquals: { 'aws:SourceAccount': expect.stringMatching(/aws_caller_identity\.ReplicationSource_Account_\w+\.account_id/) } },
    }]);
    expect(production.output.replication_source_cluster_arn.value).toBe(policy.cluster_arn);
    expect(production.output.replication_source_subnet_ids.value).toHaveLength(3);
    expect(dr.variable).toEqual({
      replication_source_cluster_arn: expect.objectContaining({ type: 'string' }),
      replication_source_subnet_ids: expect.objectContaining({ type: 'list(string)' }),
    });
  });

  it('writes the pairing\'s DR drill document, with the bootstrap commands of both stacks\' outputs and the replicator\'s metrics', () => {
    expect(replicator.drillFile).toBe('dr-drill-production-to-dr.md');
    const drill = pairing.peer.outputFiles.get('dr-drill-production-to-dr.md')!();
    expect(drill).toContain('MSK Replicator `production-kafka-to-dr-kafka` in us-west-2');
    expect(drill).toContain('$(terraform -chdir=cdktf.out/stacks/production output -raw kafka_bootstrap_brokers_sasl_iam)');
    expect(drill).toContain('$(terraform -chdir=cdktf.out/stacks/dr output -raw kafka_bootstrap_brokers_sasl_iam)');
    expect(drill).toContain('--metric-name ReplicationLatency --dimensions Name=ReplicatorName,Value=production-kafka-to-dr-kafka');
  });

  it('synthesizes both stacks with every rule compliant or not applicable (DR-001..005, MON-010, SEC-005, SEC-007 included)', () => {
    for (const stack of [peer.stack, primary.stack]) {
      const entries = entriesOf(stack);
      expect(entries.filter((e: any) => e.status === 'non-compliant')).toEqual([]);
    }
    const onReplicator = entriesOf(peer.stack).filter((e: any) => e.path === 'dr/Replicator/Resource' && e.status === 'compliant').map((e: any) => e.ruleId);
    expect(onReplicator).toEqual(expect.arrayContaining(['DR-001', 'DR-002', 'DR-003', 'DR-004', 'MON-010']));
  });
});

describe('MskReplicator: options', () => {
  it('names topics with the source alias for an active-active pairing, and grants the target rights on *.<topic>', () => {
    const { peer, replicator } = replicatedPair({ pairing: { goal: ReplicationGoal.ACTIVE_ACTIVE, syncConsumerGroupOffsets: false } });
    expect(replicator.topicNaming).toBe(MskReplicatorTopicNaming.PREFIXED_WITH_SOURCE_CLUSTER_ALIAS);
    const dr = synth(peer.stack);
    const resource = only(dr, 'aws_msk_replicator');
    expect(resource.replication_info_list.topic_replication[0].topic_name_configuration).toEqual({ type: 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS' });
    expect(resource.replication_info_list.consumer_group_replication[0].synchronise_consumer_group_offsets).toBe(false);
    const s = bySid(dr);
    expect(s.TargetTopics.Resource.map((r: string) => r.replace(/^\$\{local\.\w+\}\//, ''))).toEqual(TOPICS.map((t) => `*.${t}`));
    expect(s.SourceGroups).toBeUndefined();
  });

  it('renders a group prefix as an anchored prefix pattern, and grants the prefix (rendering only, no pairing)', () => {
    const pair = replicationPair();
    new MskReplicator(pair.peer.stack, 'Replicator', {
      source: pair.source!.referenceFrom(pair.peer.stack), target: MskClusterReference.fromCluster(pair.peer.cluster),
      topics: ['orders'], consumerGroups: [{ name: 'audit-', isPrefix: true }], rpoSeconds: 300,
    });
    const dr = render(pair.peer.stack);
    expect(only(dr, 'aws_msk_replicator').replication_info_list.consumer_group_replication[0].consumer_groups_to_replicate).toEqual(['^audit-.*']);
    expect(bySid(dr).TargetGroups.Resource[0]).toMatch(/\/audit-\*$/);
  });

  it('writes no drill document when told not to', () => {
    const { replicator, dr } = replicatedPair({ replicator: { drill: false } });
    expect(replicator.drillFile).toBeUndefined();
    expect(dr.outputFiles.has('dr-drill-production-to-dr.md')).toBe(false);
  });

  it('leaves configuration writes out of the role when configurations are not copied', () => {
    const { peer } = replicatedPair({ replicator: { copyTopicConfigurations: false } });
    expect(only(synth(peer.stack), 'aws_msk_replicator').replication_info_list.topic_replication[0].copy_topic_configurations).toBe(false);
    const target = bySid(synth(peer.stack)).TargetTopics.Action;
    expect(target).toEqual(['kafka-cluster:CreateTopic', 'kafka-cluster:DescribeTopic', 'kafka-cluster:DescribeTopicDynamicConfiguration', 'kafka-cluster:WriteData']);
  });

  it('needs AlterCluster on the target to copy ACLs, which SEC-005 refuses for a non-admin (so it needs a written suppression)', () => {
    const { peer } = replicatedPair({ replicator: { copyAccessControlListsForTopics: true } });
    const message = synthError(peer.stack);
    expect(message).toContain('SEC-005 [dr/Replicator/Policy]');
    expect(message).toContain('cluster action kafka-cluster:AlterCluster');
  });

  it('takes literal ARNs and derives the topic and group ARNs without Terraform locals (rendering only, no pairing)', () => {
    const { peer } = replicationPair();
    const arn = 'arn:aws:kafka:us-east-1:111122223333:cluster/production-kafka/abc-1';
    new MskReplicator(peer.stack, 'Replicator', {
      source: MskClusterReference.fromAttributes({ clusterArn: arn, clusterName: 'production-kafka', region: 'us-east-1', subnetIds: ['subnet-1', 'subnet-2'], iamAuthentication: true, multiVpcIam: true, replicatorClusterPolicy: true }),
      target: MskClusterReference.fromCluster(peer.cluster),
      topics: ['orders'], consumerGroups: [{ name: 'payments' }], rpoSeconds: 60,
    });
    const s = bySid(render(peer.stack));
    expect(s.SourceTopics.Resource).toEqual(['arn:aws:kafka:us-east-1:111122223333:topic/production-kafka/abc-1/orders']);
    expect(s.SourceGroups.Resource).toEqual(['arn:aws:kafka:us-east-1:111122223333:group/production-kafka/abc-1/payments']);
  });
});

describe('MskReplicator from a DR pairing', () => {
  it('refuses a topic list next to a pairing (the pairing is the one declaration, DR-002)', () => {
    const pair = replicationPair();
    const pairing = new DrPairing({ primary: pair.production, peer: pair.dr, access: declareShopAccess(pair.production, { iamApplications: true }), rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      pairing, topics: ['orders'], source: pair.source!.referenceFrom(pair.peer.stack), target: MskClusterReference.fromCluster(pair.peer.cluster),
    })).toThrow(/^DR-002 \[dr\/Replicator\] topics is \["orders"\]; expected not set with a pairing/);
  });

  it('refuses a pairing whose peer is not in the replicator\'s region (DR-001)', () => {
    const pair = replicationPair();
    const other = pair.production.drPeer({ name: 'dr-eu', region: 'eu-west-1' });
    const pairing = new DrPairing({ primary: pair.production, peer: other, access: declareShopAccess(pair.production, { iamApplications: true }), rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30) });
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      pairing, source: pair.source!.referenceFrom(pair.peer.stack), target: MskClusterReference.fromCluster(pair.peer.cluster),
    })).toThrow(/^DR-001 \[dr\/Replicator\] pairing\.peer\.region is 'eu-west-1'; expected us-west-2/);
  });
});

describe('MskReplicator: bad input, refused with the rule, the path and the fix', () => {
  it('refuses a source without IAM authentication (DR-001)', () => {
    const pair = replicationPair();
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      source: MskClusterReference.fromAttributes({ clusterArn: 'arn:aws:kafka:us-east-1:111122223333:cluster/p/1', clusterName: 'p', region: 'us-east-1', subnetIds: ['a', 'b'], iamAuthentication: false, multiVpcIam: true, replicatorClusterPolicy: true }),
      target: MskClusterReference.fromCluster(pair.peer.cluster), topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[dr\/Replicator\] source\.iamAuthentication is false; expected IAM access control on the source cluster p.*Add ClientAuthentication\.iam\(\) to the authentication of cluster p\.$/);
  });

  it('refuses a target without IAM authentication (DR-001)', () => {
    expect(build({}, { target: { authentication: [ClientAuthentication.scramSha512()] } }))
      .toThrow(/^DR-001 \[dr\/Replicator\] target\.iamAuthentication is false; .*Add ClientAuthentication\.iam\(\) to the authentication of dr\/Kafka\.$/);
  });

  it('refuses an MskReplicationSource on a cluster without IAM (DR-001)', () => {
    expect(() => replicationPair({ source: { authentication: [ClientAuthentication.scramSha512()], multiVpcConnectivity: {} } }))
      .toThrow(/^DR-001 \[production\/ReplicationSource\] cluster\.authentication is \["scram-sha-512"\]; expected IAM access control on the source cluster/);
  });

  it('refuses a source without multi-VPC IAM connectivity, at the source and at the replicator (DR-001)', () => {
    expect(() => replicationPair({ source: { multiVpcConnectivity: {} } }))
      .toThrow(/^DR-001 \[production\/ReplicationSource\] cluster\.multiVpcConnectivity\.iam is false; .*Set multiVpcConnectivity: \{ iam: true \}/);
    const pair = replicationPair();
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      source: MskClusterReference.fromAttributes({ clusterArn: 'arn:aws:kafka:us-east-1:111122223333:cluster/p/1', clusterName: 'p', region: 'us-east-1', subnetIds: ['a', 'b'], iamAuthentication: true }),
      target: MskClusterReference.fromCluster(pair.peer.cluster), topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[dr\/Replicator\] source\.multiVpcIam is false/);
  });

  it('refuses a source without the replicator cluster policy (DR-001)', () => {
    const pair = replicationPair({ withoutSourcePolicy: true });
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      source: MskClusterReference.fromCluster(pair.primary.cluster),
      target: MskClusterReference.fromCluster(pair.peer.cluster), topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[dr\/Replicator\] source\.replicatorClusterPolicy is false; .*new MskReplicationSource\(sourceStack, 'ReplicationSource', \{ cluster \}\)/);
  });

  it('declares the source variables once per stack, however often the source is referenced', () => {
    const pair = replicationPair();
    expect(pair.source!.referenceFrom(pair.peer.stack)).toBe(pair.source!.referenceFrom(pair.peer.stack));
    expect(Object.keys(render(pair.peer.stack).variable ?? {}).filter((v) => v.startsWith('replication_source_'))).toEqual(['replication_source_cluster_arn', 'replication_source_subnet_ids']);
  });

  it('knows the cluster policy of a source referenced directly (same app)', () => {
    const pair = replicationPair();
    expect(MskClusterReference.fromCluster(pair.primary.cluster).replicatorClusterPolicy).toBe(true);
    expect(pair.source).toBeInstanceOf(MskReplicationSource);
  });

  it('refuses a source in the target region (DR-001)', () => {
    const pair = replicationPair();
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      source: MskClusterReference.fromAttributes({ clusterArn: 'arn:aws:kafka:us-west-2:111122223333:cluster/p/1', clusterName: 'p', region: 'us-west-2', subnetIds: ['a', 'b'], iamAuthentication: true, multiVpcIam: true, replicatorClusterPolicy: true }),
      target: MskClusterReference.fromCluster(pair.peer.cluster), topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[dr\/Replicator\] source\.region is 'us-west-2'; expected a region other than us-west-2/);
  });

  it('refuses a replicator outside the target region (DR-001)', () => {
    const pair = replicationPair();
    expect(() => new MskReplicator(pair.primary.stack, 'Replicator', {
      source: MskClusterReference.fromCluster(pair.primary.cluster),
      target: MskClusterReference.fromCluster(pair.peer.cluster), topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[production\/Replicator\] target\.region is 'us-west-2'; expected us-east-1, the region of this stack/);
  });

  it('refuses clusters of two accounts (DR-001)', () => {
    const pair = replicationPair();
    const attrs = { clusterName: 'x', subnetIds: ['a', 'b'], securityGroupIds: ['sg-1'], vpcId: 'vpc-1', iamAuthentication: true, multiVpcIam: true, replicatorClusterPolicy: true };
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      source: MskClusterReference.fromAttributes({ ...attrs, clusterArn: 'arn:aws:kafka:us-east-1:111111111111:cluster/x/1', region: 'us-east-1' }),
      target: MskClusterReference.fromAttributes({ ...attrs, clusterArn: 'arn:aws:kafka:us-west-2:222222222222:cluster/x/2', region: 'us-west-2' }),
      topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[dr\/Replicator\] source\.clusterArn is .*expected a cluster of account 222222222222/);
  });

  it('refuses a cluster with one subnet (DR-001)', () => {
    const pair = replicationPair();
    expect(() => new MskReplicator(pair.peer.stack, 'Replicator', {
      source: MskClusterReference.fromAttributes({ clusterArn: 'arn:aws:kafka:us-east-1:111122223333:cluster/p/1', clusterName: 'p', region: 'us-east-1', subnetIds: ['subnet-1'], iamAuthentication: true, multiVpcIam: true, replicatorClusterPolicy: true }),
      target: MskClusterReference.fromCluster(pair.peer.cluster), topics: ['orders'], consumerGroups: [{ name: 'g' }], rpoSeconds: 60,
    })).toThrow(/^DR-001 \[dr\/Replicator\] source\.subnetIds is \["subnet-1"\]; expected at least two subnets/);
  });

  it('refuses a wildcard topic: the role gets rights on named topics only (DR-002)', () => {
    expect(build({ topics: ['*'] })).toThrow(/^DR-002 \[dr\/Replicator\/topics\] topic is '\*'; expected a topic name .*never a wildcard/);
  });

  it('refuses an empty topic list (DR-002)', () => {
    expect(build({ topics: [] })).toThrow(/^DR-002 \[dr\/Replicator\] topics is \[\]; expected at least one topic name/);
  });

  it('refuses a topic listed twice (DR-002)', () => {
    expect(build({ topics: ['orders', 'orders'] })).toThrow(/^DR-002 \[dr\/Replicator\/topics\] replicated topic 'orders' is declared twice/);
  });

  it('refuses a wildcard consumer group (DR-002)', () => {
    expect(build({ consumerGroups: [{ name: '.*' }] })).toThrow(/^DR-002 \[dr\/Replicator\/consumerGroups\] group is '\.\*'; expected a group name or prefix/);
  });

  it('refuses offset sync off with identical names, the failover setup (DR-002)', () => {
    expect(build({ syncConsumerGroupOffsets: false })).toThrow(/^DR-002 \[dr\/Replicator\] syncConsumerGroupOffsets is false; expected true with identical topic names \(failover\)/);
  });

  it('refuses offset sync without any consumer group (DR-002)', () => {
    expect(build({ consumerGroups: [] })).toThrow(/^DR-002 \[dr\/Replicator\] consumerGroups is \[\]; expected at least one consumer group/);
  });

  it('refuses a replicator without a declared RPO (DR-003)', () => {
    expect(build({ rpoSeconds: undefined })).toThrow(/^DR-003 \[dr\/Replicator\] rpoSeconds is not set; expected the declared RPO/);
  });

  it('refuses a bad replicator name', () => {
    expect(build({ replicatorName: 'prod_to_dr' })).toThrow(/^KIAC-PROP \[dr\/Replicator\] replicatorName is 'prod_to_dr'/);
  });
});

describe('MskReplicator: escape hatches cannot bypass the rules', () => {
  it('fails SEC-005 when the role policy is widened to every topic of the cluster', () => {
    const { peer, replicator } = replicatedPair();
    replicator.policy.addOverride('policy', JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: ['kafka-cluster:*'], Resource: ['arn:aws:kafka:us-west-2:111122223333:topic/dr-kafka/*'] }],
    }));
    const message = synthError(peer.stack);
    expect(message).toContain('SEC-005 [dr/Replicator/Policy]');
    expect(message).toContain('wildcard action kafka-cluster:*');
    expect(message).toContain("on resource 'arn:aws:kafka:us-west-2:111122223333:topic/dr-kafka/*'");
  });

  it('fails SEC-007 when the broker ingress for the replicator is opened to the internet', () => {
    const { peer, replicator } = replicatedPair();
    const rule = replicator.node.findChild('FromReplicator0') as unknown as { addOverride(p: string, v: unknown): void };
    rule.addOverride('referenced_security_group_id', null);
    rule.addOverride('cidr_ipv4', '0.0.0.0/0');
    expect(synthError(peer.stack)).toMatch(/SEC-007 \[dr\/Kafka\/Resource\] .*admits 0\.0\.0\.0\/0/);
  });
});
