// Hand-built synthesized documents for the CAP and PERF rule tests: the shapes the three targets
// write (cdk.tf.json resource blocks, Strimzi custom resources, a plain StatefulSet and ConfigMap).
import { toPropertiesText, renderBrokerProperties } from '../../../lib/model/broker-config';
import { Environment } from '../../../lib/model/environment';
import type { KubernetesDocument, SynthesizedDocument, TerraformDocument } from '../../../lib/contract/document';
import { evaluateRules, formatViolation } from '../../../lib/rules/engine';
import type { ReportEntry } from '../../../lib/rules/report';
import type { Rule } from '../../../lib/rules/rule';

export const production = Environment.production({ name: 'production', region: 'us-east-1' });

export function terraform(type: string, name: string, body: Record<string, any>): TerraformDocument {
  return { source: 'terraform', type, name, address: `${type}.${name}`, path: `production/${name}/Resource`, body };
}

export function kubernetes(apiVersion: string, kind: string, name: string, body: { metadata?: Record<string, any>; spec?: any; data?: any }): KubernetesDocument {
  return {
    source: 'kubernetes', apiVersion, kind, name, namespace: 'kafka', path: `staging/Kafka/${kind}-${name}`,
    body: { apiVersion, kind, ...body, metadata: { name, namespace: 'kafka', ...(body.metadata ?? {}) } },
  };
}

export const STS_LABELS = { 'kafka-iac.dev/target': 'statefulset' };

/** The broker properties every target renders by default. */
export function defaultBrokerProperties(extra: Record<string, string> = {}): Record<string, string> {
  return renderBrokerProperties('test', 3, { extra });
}

export function mskConfiguration(props: Record<string, string>): TerraformDocument {
  return terraform('aws_msk_configuration', 'kafka_configuration', { name: 'production-kafka-brokers', server_properties: toPropertiesText(props) });
}

export interface MskClusterOptions {
  readonly brokers?: number;
  readonly volumeGiB?: number;
  readonly tags?: Record<string, string>;
  readonly ignoreChanges?: unknown;
}

export function mskCluster(o: MskClusterOptions = {}): TerraformDocument {
  return terraform('aws_msk_cluster', 'kafka', {
    cluster_name: 'production-kafka',
    number_of_broker_nodes: o.brokers ?? 3,
    broker_node_group_info: { instance_type: 'kafka.m7g.large', storage_info: { ebs_storage_info: { volume_size: o.volumeGiB ?? 1000 } } },
    ...(o.tags ? { tags: o.tags } : {}),
    lifecycle: { ignore_changes: o.ignoreChanges ?? ['broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size'] },
  });
}

export function storageTarget(o: { maxCapacity?: number } = {}): TerraformDocument {
  return terraform('aws_appautoscaling_target', 'kafka_storage_target', {
    service_namespace: 'kafka', scalable_dimension: 'kafka:broker-storage:VolumeSize',
    resource_id: '${aws_msk_cluster.kafka.arn}', min_capacity: 1, max_capacity: o.maxCapacity ?? 4000,
  });
}

export function storagePolicy(o: { targetValue?: number; disableScaleIn?: boolean; metric?: string } = {}): TerraformDocument {
  return terraform('aws_appautoscaling_policy', 'kafka_storage_policy', {
    name: 'production-kafka-broker-storage', policy_type: 'TargetTrackingScaling',
    service_namespace: '${aws_appautoscaling_target.kafka_storage_target.service_namespace}',
    scalable_dimension: '${aws_appautoscaling_target.kafka_storage_target.scalable_dimension}',
    resource_id: '${aws_appautoscaling_target.kafka_storage_target.resource_id}',
    target_tracking_scaling_policy_configuration: {
      disable_scale_in: o.disableScaleIn ?? true, target_value: o.targetValue ?? 60,
      predefined_metric_specification: { predefined_metric_type: o.metric ?? 'KafkaBrokerStorageUtilization' },
    },
  });
}

export function strimziKafka(o: { config?: Record<string, unknown>; annotations?: Record<string, string>; jvmOptions?: any; resources?: any } = {}): KubernetesDocument {
  return kubernetes('kafka.strimzi.io/v1', 'Kafka', 'main', {
    metadata: { annotations: o.annotations },
    spec: { kafka: { config: o.config ?? defaultBrokerProperties(), ...(o.jvmOptions ? { jvmOptions: o.jvmOptions } : {}), ...(o.resources ? { resources: o.resources } : {}) } },
  });
}

export function nodePool(name: string, o: { replicas?: number; roles?: string[]; size?: string; memory?: string; jvmOptions?: any; storage?: any; annotations?: Record<string, string> } = {}): KubernetesDocument {
  return kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', name, {
    metadata: { labels: { 'strimzi.io/cluster': 'main' }, annotations: o.annotations },
    spec: {
      replicas: o.replicas ?? 3, roles: o.roles ?? ['broker'],
      storage: o.storage ?? { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: o.size ?? '1000Gi', deleteClaim: false }] },
      resources: { requests: { memory: o.memory ?? '8Gi', cpu: '2' }, limits: { memory: o.memory ?? '8Gi' } },
      jvmOptions: o.jvmOptions ?? { '-Xms': '4096m', '-Xmx': '4096m' },
    },
  });
}

export function brokerConfigMap(props: Record<string, string>): KubernetesDocument {
  return kubernetes('v1', 'ConfigMap', 'kafka-config', { metadata: { labels: STS_LABELS }, data: { 'server.properties': toPropertiesText(props) } });
}

export function statefulSet(o: { replicas?: number; heapOpts?: string; memory?: string; storage?: string; annotations?: Record<string, string> } = {}): KubernetesDocument {
  return kubernetes('apps/v1', 'StatefulSet', 'kafka', {
    metadata: { labels: STS_LABELS, annotations: o.annotations },
    spec: {
      replicas: o.replicas ?? 3,
      template: { spec: { containers: [{
        name: 'kafka', image: 'apache/kafka:4.1.1',
        env: [{ name: 'KAFKA_HEAP_OPTS', value: o.heapOpts ?? '-Xms4096m -Xmx4096m' }],
        resources: { requests: { memory: o.memory ?? '8Gi' }, limits: { memory: o.memory ?? '8Gi' } },
      }] } },
      volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: { requests: { storage: o.storage ?? '1000Gi' } } } }],
    },
  });
}

/** Runs one rule over documents; returns its non-compliant entries and their formatted lines. */
export function run(rule: Rule, documents: readonly SynthesizedDocument[]): { entries: readonly ReportEntry[]; lines: string[]; compliant: readonly ReportEntry[] } {
  const report = evaluateRules({ environment: production, rules: [rule], documents });
  const entries = report.entries.filter((e) => e.status === 'non-compliant');
  return { entries, lines: entries.map(formatViolation), compliant: report.entries.filter((e) => e.status === 'compliant') };
}
