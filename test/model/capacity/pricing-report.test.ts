import * as fs from 'node:fs';
import * as path from 'node:path';
import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../../lib/app/kafka-app';
import { Environment } from '../../../lib/model/environment';
import { PRICE_TABLE_DATE } from '../../../lib/model/capacity/price-table';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../../support/paths';
import { temporaryFolder } from '../../support/temporary-folders';

describe('cost estimate in the environment report', () => {
  it('prices the synthesized cluster, after an escape hatch, in report.md and report.json', () => {
    const dir = temporaryFolder('kiac-cost-');
    const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist') });
    const environment = Environment.development({ name: 'sandbox', region: 'us-west-2' });
    const stack = app.stack(environment);
    const cluster = new MskCluster(stack, 'Kafka', {
      clusterName: 'sandbox', kafkaVersion: '3.9.x.kraft', numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: { instanceType: 'kafka.m5.large', clientSubnets: ['a', 'b', 'c'], securityGroups: ['sg'], storageInfo: { ebsStorageInfo: { volumeSize: 100 } } },
    });
    // The estimate reads the output, so an override changes it.
    cluster.addOverride('broker_node_group_info.instance_type', 'kafka.m5.xlarge');
    const report = app.report(environment);
    const section = report.sections.find((s) => s.title === 'Cost estimate');
    expect(section?.data).toMatchObject({ estimate: true, priceDate: PRICE_TABLE_DATE, region: 'us-west-2', monthlyTotalUsd: 3 * 730 * 0.42 + 300 * 0.1 });
    expect(report.toMarkdown()).toContain('## Cost estimate');
    expect(report.toMarkdown()).toContain('3 × kafka.m5.xlarge broker');
  });

  it.each(EXAMPLE_ENVIRONMENTS)('shows a dated cost estimate in the %s example report', (env) => {
    const md = fs.readFileSync(path.join(exampleDist(env), 'report.md'), 'utf8');
    expect(md).toContain('## Cost estimate');
    expect(md).toContain(`on-demand list prices of ${PRICE_TABLE_DATE}`);
    const json = JSON.parse(fs.readFileSync(path.join(exampleDist(env), 'report.json'), 'utf8'));
    expect(json.sections['Cost estimate']).toMatchObject({ estimate: true, priceDate: PRICE_TABLE_DATE });
  });

  it('prices the MirrorMaker 2 pods of the staging-dr example next to its node pools', () => {
    const json = JSON.parse(fs.readFileSync(path.join(exampleDist('staging-dr'), 'report.json'), 'utf8'));
    const lines = json.sections['Cost estimate'].lines.filter((l: any) => l.resource.startsWith('KafkaMirrorMaker2/'));
    expect(lines.map((l: any) => [l.resource, l.item, l.monthlyUsd])).toEqual([
      ['KafkaMirrorMaker2/mm2-staging-to-staging-dr', '3 × m5.large node, one per pod (an upper bound: the pods only prefer separate hosts)', 210.24],
    ]);
  });

  it('lists the MSK Replicator of the dr example as not priced, with the reason', () => {
    const json = JSON.parse(fs.readFileSync(path.join(exampleDist('dr'), 'report.json'), 'utf8'));
    expect(json.sections['Cost estimate'].unpriced).toEqual([expect.stringMatching(/^`aws_msk_replicator\.\S+`: MSK Replicator is billed per replicator-hour and per GB/)]);
    expect(fs.readFileSync(path.join(exampleDist('dr'), 'report.md'), 'utf8')).toContain('Not priced: `aws_msk_replicator.');
  });
});
