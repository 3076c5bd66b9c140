import { describe, expect, it } from 'vitest';
import { CostEstimate, MSK_REPLICATOR_UNPRICED } from '../../../lib/app/cost-estimate';
import { PRICE_TABLE, PRICE_TABLE_DATE } from '../../../lib/model/capacity/price-table';
import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../../../lib/contract/document';

function msk(instanceType: string, brokers: number, volumeGiB: number): TerraformDocument {
  return {
    source: 'terraform', type: 'aws_msk_cluster', name: 'kafka', address: 'aws_msk_cluster.kafka', path: 'production/Kafka/Resource',
    body: {
      number_of_broker_nodes: brokers,
      broker_node_group_info: { instance_type: instanceType, storage_info: { ebs_storage_info: { volume_size: volumeGiB } } },
    },
  };
}

function k8s(kind: string, name: string, body: Record<string, any>, apiVersion = 'kafka.strimzi.io/v1'): KubernetesDocument {
  return { source: 'kubernetes', apiVersion, kind, name, namespace: 'kafka', path: `staging/${name}/Resource`, body: { apiVersion, kind, metadata: { name, namespace: 'kafka', ...(body.metadata ?? {}) }, spec: body.spec } };
}

describe('CostEstimate', () => {
  it('prices an MSK cluster as brokers × instance hours plus brokers × volume GB-months', () => {
    const estimate = CostEstimate.of([msk('kafka.m5.large', 3, 1000)], { region: 'us-east-1' });
    expect(estimate.lines.map((l) => [l.item, l.quantity, l.unit, l.unitPriceUsd, l.monthlyUsd])).toEqual([
      ['3 × kafka.m5.large broker', 2190, 'broker-hour', 0.21, 459.9],
      ['3 × 1000 GiB MSK storage', 3000, 'GB-month', 0.1, 300],
    ]);
    expect(estimate.monthlyTotalUsd).toBe(759.9);
  });

  it('prices m7g brokers and reads a broker_node_group_info written as a list of one', () => {
    const doc = msk('kafka.m7g.xlarge', 6, 500);
    const listForm: TerraformDocument = { ...doc, body: { ...doc.body, broker_node_group_info: [{ instance_type: 'kafka.m7g.xlarge', storage_info: [{ ebs_storage_info: [{ volume_size: 500 }] }] }] } };
    expect(CostEstimate.of([listForm], { region: 'us-west-2' }).monthlyTotalUsd).toBe(6 * 730 * 0.408 + 6 * 500 * 0.1);
  });

  it('prices a Strimzi node pool as one node per pod, sized from its resources, plus its volumes', () => {
    const docs: SynthesizedDocument[] = [
      k8s('Kafka', 'main', { spec: { kafka: { resources: { limits: { memory: '8Gi' }, requests: { cpu: '2' } } } } }),
      k8s('KafkaNodePool', 'brokers', {
        metadata: { labels: { 'strimzi.io/cluster': 'main' } },
        spec: { replicas: 3, roles: ['broker'], storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: '500Gi' }] } },
      }),
    ];
    const estimate = CostEstimate.of(docs, { region: 'us-east-1' });
    // 8 GiB of pod memory does not fit an 8 GiB m5.large next to the kubelet: m5.xlarge.
    expect(estimate.lines.map((l) => [l.resource, l.item, l.monthlyUsd])).toEqual([
      ['KafkaNodePool/brokers', '3 × m5.xlarge node, one per pod', 420.48],
      ['KafkaNodePool/brokers', '3 × 500 GiB EBS gp3', 120],
    ]);
  });

  it('prices a Kafka StatefulSet from its kafka container and volume claim templates', () => {
    const sts = k8s('StatefulSet', 'kafka', {
      metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } },
      spec: {
        replicas: 3,
        template: { spec: { containers: [{ name: 'kafka', resources: { limits: { memory: '4Gi' }, requests: { cpu: '1' } } }] } },
        volumeClaimTemplates: [{ spec: { resources: { requests: { storage: '100Gi' } } } }],
      },
    }, 'apps/v1');
    const estimate = CostEstimate.of([sts], { region: 'us-east-1', kubernetesNodeFamily: 'm7g' });
    expect(estimate.lines.map((l) => [l.item, l.monthlyUsd])).toEqual([
      ['3 × m7g.large node, one per pod', 178.7],
      ['3 × 100 GiB EBS gp3', 24],
    ]);
  });

  it('ignores a StatefulSet that is not a Kafka target', () => {
    const other = k8s('StatefulSet', 'redis', { spec: { replicas: 3 } }, 'apps/v1');
    expect(CostEstimate.of([other], { region: 'us-east-1' }).lines).toEqual([]);
  });

  it('notes how far MSK storage autoscaling can grow the storage cost, outside the total', () => {
    const target: TerraformDocument = {
      source: 'terraform', type: 'aws_appautoscaling_target', name: 't', address: 'aws_appautoscaling_target.t', path: 'p/t',
      body: { scalable_dimension: 'kafka:broker-storage:VolumeSize', resource_id: '${aws_msk_cluster.kafka.arn}', max_capacity: 4000 },
    };
    const estimate = CostEstimate.of([msk('kafka.m5.large', 3, 1000), target], { region: 'us-east-1' });
    expect(estimate.monthlyTotalUsd).toBe(759.9);
    expect(estimate.notes).toEqual(["`aws_msk_cluster.kafka`: storage autoscaling may grow each broker's volume to 4000 GiB, up to 1,200.00 USD a month for storage (not in the total)."]);
    expect(estimate.toMarkdown()).toContain('Note: `aws_msk_cluster.kafka`: storage autoscaling may grow');
  });

  it('lists what it cannot price instead of guessing', () => {
    const estimate = CostEstimate.of([msk('kafka.r9.huge', 3, 100)], { region: 'us-east-1' });
    expect(estimate.unpriced).toEqual(['`aws_msk_cluster.kafka`: broker instance type "kafka.r9.huge" is not in the price table.']);
    expect(CostEstimate.of([msk('kafka.m5.large', 3, 100)], { region: 'eu-west-9' }).unpriced[0]).toContain('no prices for region eu-west-9');
  });

  it('prices a KafkaMirrorMaker2 as one node per pod from its resources, marked as an upper bound', () => {
    const mm2 = k8s('KafkaMirrorMaker2', 'mm2', { spec: { replicas: 3, resources: { limits: { cpu: '1', memory: '2Gi' }, requests: { cpu: '1', memory: '2Gi' } } } });
    const estimate = CostEstimate.of([mm2], { region: 'us-west-2' });
    expect(estimate.lines.map((l) => [l.resource, l.path, l.item, l.quantity, l.unit, l.unitPriceUsd, l.monthlyUsd])).toEqual([
      ['KafkaMirrorMaker2/mm2', 'staging/mm2/Resource', '3 × m5.large node, one per pod (an upper bound: the pods only prefer separate hosts)', 2190, 'node-hour', 0.096, 210.24],
    ]);
    expect(estimate.unpriced).toEqual([]);
  });

  it('does not price a KafkaMirrorMaker2 without replicas (required by the v1 CRD), nor one of another API group', () => {
    expect(CostEstimate.of([k8s('KafkaMirrorMaker2', 'mm2', { spec: {} })], { region: 'us-east-1' }).lines).toEqual([]);
    expect(CostEstimate.of([k8s('KafkaMirrorMaker2', 'mm2', { spec: { replicas: 3 } }, 'example.com/v1')], { region: 'us-east-1' }).lines).toEqual([]);
  });

  it('lists an MSK Replicator under "Not priced" with the reason, outside the total', () => {
    const replicator: TerraformDocument = {
      source: 'terraform', type: 'aws_msk_replicator', name: 'replicator', address: 'aws_msk_replicator.replicator', path: 'dr/Replicator/Resource',
      body: { replicator_name: 'production-to-dr' },
    };
    const estimate = CostEstimate.of([msk('kafka.m5.large', 3, 1000), replicator], { region: 'us-west-2' });
    expect(estimate.monthlyTotalUsd).toBe(759.9);
    expect(estimate.unpriced).toEqual([`\`aws_msk_replicator.replicator\`: ${MSK_REPLICATOR_UNPRICED}`]);
    expect(MSK_REPLICATOR_UNPRICED).toContain('per replicator-hour and per GB');
    expect(estimate.toMarkdown()).toContain('Not priced: `aws_msk_replicator.replicator`: MSK Replicator is billed per replicator-hour');
  });

  it('labels the report section as a dated estimate', () => {
    const section = CostEstimate.of([msk('kafka.m5.large', 3, 1000)], { region: 'us-east-1' }).toReportSection();
    expect(section.title).toBe('Cost estimate');
    expect(section.markdown).toContain(`**Estimate**, not a quote: on-demand list prices of ${PRICE_TABLE_DATE} for \`us-east-1\``);
    expect(section.markdown).toContain('| **total** | | | | | **759.90** |');
    expect(section.data).toMatchObject({ estimate: true, priceDate: PRICE_TABLE_DATE, monthlyTotalUsd: 759.9 });
  });

  it('has a dated table with the broker types and storage of both regions', () => {
    expect(PRICE_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const region of ['us-east-1', 'us-west-2']) {
      for (const t of ['kafka.m5.large', 'kafka.m5.xlarge', 'kafka.m5.2xlarge', 'kafka.m5.4xlarge', 'kafka.m7g.large', 'kafka.m7g.xlarge', 'kafka.m7g.2xlarge', 'kafka.m7g.4xlarge']) {
        expect(PRICE_TABLE[region].mskBrokerHourly[t]).toBeGreaterThan(0);
      }
      expect(PRICE_TABLE[region].mskStorageGbMonth).toBeGreaterThan(0);
      expect(PRICE_TABLE[region].ebsGp3GbMonth).toBeGreaterThan(0);
    }
  });
});
