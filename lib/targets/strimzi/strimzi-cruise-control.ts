import { KubeConfigMap } from '../../imports/k8s';
import { Construct } from 'constructs';
import {
  KafkaRebalance, KafkaSpecCruiseControlAutoRebalanceMode, KafkaSpecCruiseControlMetricsConfigType,
  KafkaSpecCruiseControlResourcesLimits, KafkaSpecCruiseControlResourcesRequests, type KafkaSpecCruiseControl,
} from '../../imports/kafka.strimzi.io';
import { STRIMZI_CLUSTER_LABEL } from '../../contract/vocabulary';

/** The annotation that makes a KafkaRebalance a configuration template for auto-rebalancing, not a request. */
export const REBALANCE_TEMPLATE_ANNOTATION = 'strimzi.io/rebalance-template';
/** The key of the Cruise Control JMX exporter configuration in its ConfigMap. */
export const CRUISE_CONTROL_METRICS_KEY = 'metrics-config.yml';

/**
 * The Cruise Control hard goals: a proposal that breaks one is never executed. Rack awareness
 * (HA-007: no two replicas of a partition in one zone), replica capacity and disk capacity.
 * @see https://github.com/strimzi/strimzi-kafka-operator/blob/main/packaging/examples/cruise-control/kafka-cruise-control-with-goals.yaml
 */
export const CRUISE_CONTROL_HARD_GOALS: readonly string[] = ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal'];

/** The default goals, by decreasing priority: the hard goals, then an even spread of replicas, disk and leaders. */
export const CRUISE_CONTROL_DEFAULT_GOALS: readonly string[] = [
  ...CRUISE_CONTROL_HARD_GOALS, 'ReplicaDistributionGoal', 'DiskUsageDistributionGoal', 'LeaderReplicaDistributionGoal',
];

const GOAL_PACKAGE = 'com.linkedin.kafka.cruisecontrol.analyzer.goals';

/** Cruise Control of a Strimzi cluster: whether it runs and its goals. */
export interface StrimziCruiseControlOptions {
  /**
   * Whether Cruise Control runs.
   * @default true in staging and production, false in development
   */
  readonly enabled?: boolean;
  /**
   * Rebalance automatically when a node pool gains or loses brokers (`autoRebalance` with the
   * `add-brokers` and `remove-brokers` modes, each with its KafkaRebalance template).
   * @default true
   * @see https://strimzi.io/docs/operators/latest/deploying#proc-automating-rebalances-str
   */
  readonly autoRebalance?: boolean;
  /**
   * The bandwidth cap, in bytes per second, for moving replicas during an auto-rebalance
   * (`replicationThrottle` of the templates).
   * @default - no cap
   */
  readonly replicationThrottleBytesPerSecond?: number;
}

/** What the cluster renders for Cruise Control. */
export interface RenderedCruiseControl {
  /** `spec.cruiseControl` of the Kafka. */
  readonly spec: KafkaSpecCruiseControl;
  /** The JMX exporter ConfigMap of the Cruise Control pod. */
  readonly metricsConfigMap: KubeConfigMap;
  /** The KafkaRebalance templates by mode (empty without autoRebalance). */
  readonly templates: ReadonlyMap<string, KafkaRebalance>;
}

/**
 * Cruise Control for a Strimzi cluster: `spec.cruiseControl` with the hard goals
 * (rack awareness, replica and disk capacity) and default goals, its JMX exporter
 * (`kafka_cruisecontrol_*` metrics, Strimzi's example rule) and, with `autoRebalance`, one
 * KafkaRebalance template per mode (annotation `strimzi.io/rebalance-template: "true"`: the
 * operator runs no rebalance for it, it only configures the ones it starts on scaling).
 * @see https://github.com/strimzi/strimzi-kafka-operator/blob/main/packaging/examples/cruise-control/kafka-cruise-control-auto-rebalancing.yaml
 * @see https://github.com/strimzi/strimzi-kafka-operator/blob/main/packaging/examples/metrics/kafka-cruise-control-metrics.yaml
 */
export function renderCruiseControl(scope: Construct, clusterName: string, labels: Readonly<Record<string, string>>, options: StrimziCruiseControlOptions): RenderedCruiseControl {
  const metricsName = `${clusterName}-cruise-control-metrics`;
  const metricsConfigMap = new KubeConfigMap(scope, 'CruiseControlMetricsConfig', {
    metadata: { name: metricsName, labels: { ...labels } },
    data: {
      [CRUISE_CONTROL_METRICS_KEY]: [
        '# Strimzi\'s example rule (packaging/examples/metrics/kafka-cruise-control-metrics.yaml).',
        'lowercaseOutputName: true',
        'rules:',
        '- pattern: kafka.cruisecontrol<name=(.+)><>(\\w+)',
        '  name: kafka_cruisecontrol_$1_$2',
        '  type: GAUGE',
        '',
      ].join('\n'),
    },
  });
  const templates = new Map<string, KafkaRebalance>();
  const autoRebalance = options.autoRebalance ?? true;
  const modes = [KafkaSpecCruiseControlAutoRebalanceMode.ADD_HYPHEN_BROKERS, KafkaSpecCruiseControlAutoRebalanceMode.REMOVE_HYPHEN_BROKERS];
  if (autoRebalance) {
    for (const mode of modes) {
      const id = mode === KafkaSpecCruiseControlAutoRebalanceMode.ADD_HYPHEN_BROKERS ? 'RebalanceOnScaleUp' : 'RebalanceOnScaleDown';
      templates.set(mode, new KafkaRebalance(scope, id, {
        metadata: {
          name: `${clusterName}-${mode}-template`,
          labels: { ...labels, [STRIMZI_CLUSTER_LABEL]: clusterName },
          annotations: { [REBALANCE_TEMPLATE_ANNOTATION]: 'true' },
        },
        // No mode or brokers: the operator fills both in when it detects the scaling.
        spec: {
          goals: [...CRUISE_CONTROL_DEFAULT_GOALS],
          ...(options.replicationThrottleBytesPerSecond !== undefined ? { replicationThrottle: options.replicationThrottleBytesPerSecond } : {}),
        },
      }));
    }
  }
  const spec: KafkaSpecCruiseControl = {
    resources: {
      requests: { cpu: KafkaSpecCruiseControlResourcesRequests.fromString('200m'), memory: KafkaSpecCruiseControlResourcesRequests.fromString('512Mi') },
      limits: { memory: KafkaSpecCruiseControlResourcesLimits.fromString('1Gi') },
    },
    config: {
      'hard.goals': CRUISE_CONTROL_HARD_GOALS.map((g) => `${GOAL_PACKAGE}.${g}`).join(','),
      'default.goals': CRUISE_CONTROL_DEFAULT_GOALS.map((g) => `${GOAL_PACKAGE}.${g}`).join(','),
    },
    metricsConfig: {
      type: KafkaSpecCruiseControlMetricsConfigType.JMX_PROMETHEUS_EXPORTER,
      valueFrom: { configMapKeyRef: { name: metricsName, key: CRUISE_CONTROL_METRICS_KEY } },
    },
    ...(autoRebalance ? { autoRebalance: modes.map((mode) => ({ mode, template: { name: templates.get(mode)!.name } })) } : {}),
  };
  return { spec, metricsConfigMap, templates };
}
