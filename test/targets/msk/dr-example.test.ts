import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declareShopAccess } from '../../../stacks/access/shop-access';
import { Environment } from '../../../lib/model/environment';
import { exampleDist, exampleTerraform } from '../../support/paths';
import { all, only } from '../../support/msk-stack';

const read = (env: string) => JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
const report = (env: string) => JSON.parse(fs.readFileSync(`${exampleDist(env)}/report.json`, 'utf8'));

describe('the dr example: production replicated by MSK Replicator', () => {
  const dr = read('dr');
  const production = read('production');
  const replicator = only(dr, 'aws_msk_replicator');
  const shop = declareShopAccess(Environment.production({ name: 'production', region: 'us-east-1' }), { iamApplications: true });

  it('replicates every topic and consumer group of the production access model, with identical names and synced offsets', () => {
    const info = replicator.replication_info_list;
    const topics = info.topic_replication[0].topics_to_replicate as string[];
    for (const t of shop.topics.map((x) => x.name)) expect(topics.some((p) => new RegExp(p).test(t)), t).toBe(true);
    expect(topics).toHaveLength(shop.topics.length);
    expect(info.topic_replication[0].topic_name_configuration.type).toBe('IDENTICAL');
    expect(info.consumer_group_replication[0].consumer_groups_to_replicate).toEqual(['^payments$', '^billing$', '^audit-sink$']);
    expect(info.consumer_group_replication[0].synchronise_consumer_group_offsets).toBe(true);
  });

  it('takes production as a source through variables named like production outputs', () => {
    expect(replicator.replication_info_list.source_kafka_cluster_arn).toBe('${var.replication_source_cluster_arn}');
    for (const name of ['replication_source_cluster_arn', 'replication_source_subnet_ids']) {
      expect(dr.variable[name]).toBeDefined();
      expect(production.output[name]).toBeDefined();
    }
    expect(only(production, 'aws_msk_cluster').broker_node_group_info.connectivity_info.vpc_connectivity.client_authentication.sasl.iam).toBe(true);
    expect(JSON.parse(only(production, 'aws_msk_cluster_policy').policy).Statement[0].Principal).toEqual({ Service: 'kafka.amazonaws.com' });
  });

  it('alarms in us-west-2 at the RPO of 5 minutes, at one RPO of the planned 2,000 msg/s, and on any replicator failure', () => {
    expect(dr.provider.aws[0].region).toBe('us-west-2');
    const alarms = all(dr, 'aws_cloudwatch_metric_alarm').filter((a) => a.dimensions?.ReplicatorName === replicator.replicator_name);
    expect(Object.fromEntries(alarms.map((a) => [a.metric_name, a.threshold]))).toEqual({ ReplicationLatency: 300_000, MessageLag: 600_000, ReplicatorFailure: 0 });
    expect(fs.existsSync(`${exampleDist('dr')}/runbooks/msk-replicator-behind-rpo.md`)).toBe(true);
  });

  it('writes the DR drill document of the pairing for the replicator', () => {
    const drill = fs.readFileSync(`${exampleDist('dr')}/dr-drill-production-to-dr.md`, 'utf8');
    expect(drill).toContain('MSK Replicator `production-kafka-to-dr-kafka` in us-west-2');
    expect(drill).toContain('**RPO 5m** (300000 ms)');
  });

  it('gives the applications their principals on the DR cluster, so they can fail over', () => {
    const policies = all(dr, 'aws_iam_policy').map((p) => p.name);
    expect(policies).toEqual(expect.arrayContaining(['dr-kafka-payments-service', 'dr-kafka-billing', 'dr-kafka-audit-sink']));
    expect(all(dr, 'aws_secretsmanager_secret').map((s) => s.name).sort()).toEqual(['AmazonMSK_dr-kafka_kafka-admin', 'AmazonMSK_dr-kafka_orders-service']);
  });

  it('passes every rule in both stacks, DR-001..005, MON-010 and SEC-005 on the replicator included', () => {
    for (const env of ['production', 'dr']) expect(report(env).summary.errors).toBe(0);
    const onReplicator = report('dr').entries.filter((e: any) => e.path.startsWith('dr/Replicator/'));
    expect(onReplicator.filter((e: any) => e.status === 'non-compliant')).toEqual([]);
    const compliant = new Set(onReplicator.filter((e: any) => e.status === 'compliant').map((e: any) => e.ruleId));
    for (const id of ['DR-001', 'DR-002', 'DR-003', 'DR-004', 'DR-005', 'MON-010', 'SEC-005']) expect(compliant, id).toContain(id);
  });
});
