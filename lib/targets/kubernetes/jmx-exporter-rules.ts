import { writeYaml } from '../../contract/yaml-writer';

/** The Prometheus type a JMX exporter rule gives its samples. */
export enum JmxMetricType {
  /** A value that goes up and down. */
  GAUGE = 'GAUGE',
  /** A monotonically increasing count (`_total`, `_count`). */
  COUNTER = 'COUNTER',
  /** A value with no type (the KRaft state, exported as a label with value 1). */
  UNTYPED = 'UNTYPED',
}

/**
 * One rule of the Prometheus JMX exporter: MBeans whose `domain<key=value, ...><>attribute`
 * form matches `pattern` become the metric `name` (lower-cased, since `lowercaseOutputName`
 * is on). The first matching rule wins.
 * @see https://github.com/prometheus/jmx_exporter#configuration
 */
export interface JmxExporterRule {
  /** A Java regular expression over `domain<key=value, ...><>attribute`. */
  readonly pattern: string;
  /** The metric name; `$n` refers to the pattern's groups. */
  readonly name: string;
  readonly type: JmxMetricType;
  /**
   * Labels; names and values may refer to the pattern's groups.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * A fixed sample value (for state exported as a label).
   * @default - the MBean attribute's value
   */
  readonly value?: number;
}

/**
 * The metric names the Kafka pods export with `KAFKA_JMX_EXPORTER_RULES`. They follow the
 * naming of Strimzi's example `kafka-metrics.yaml`, which dashboards and alerts in the wild
 * select, so the monitoring rules (MON-*) select these exact names.
 */
export const KafkaJmxMetricNames = {
  /** Partitions with fewer in-sync replicas than replicas, per broker (MON-006). */
  UNDER_REPLICATED_PARTITIONS: 'kafka_server_replicamanager_underreplicatedpartitions',
  /** Partitions with fewer in-sync replicas than `min.insync.replicas`, per broker (MON-012). */
  UNDER_MIN_ISR_PARTITIONS: 'kafka_server_replicamanager_underminisrpartitioncount',
  /** Partitions without a leader, reported by the active controller (MON-009). */
  OFFLINE_PARTITIONS: 'kafka_controller_kafkacontroller_offlinepartitionscount',
  /** 1 on the active KRaft controller, 0 on the others (MON-009: the sum must be 1). */
  ACTIVE_CONTROLLER_COUNT: 'kafka_controller_kafkacontroller_activecontrollercount',
  /** Client bytes in, all topics when there is no `topic` label (MON-007). */
  BYTES_IN_TOTAL: 'kafka_server_brokertopicmetrics_bytesin_total',
  /** Client bytes out, all topics when there is no `topic` label (MON-007). */
  BYTES_OUT_TOTAL: 'kafka_server_brokertopicmetrics_bytesout_total',
  /** Replication bytes in (MON-007). */
  REPLICATION_BYTES_IN_TOTAL: 'kafka_server_brokertopicmetrics_replicationbytesin_total',
  /** Replication bytes out (MON-007). */
  REPLICATION_BYTES_OUT_TOTAL: 'kafka_server_brokertopicmetrics_replicationbytesout_total',
  /** Total request time in ms, with `request` (Produce, FetchConsumer, FetchFollower) and `quantile` ('0.99') labels (MON-008, SLO-001). */
  REQUEST_TOTAL_TIME_MS: 'kafka_network_requestmetrics_totaltimems',
  /** The number of requests, with a `request` label. */
  REQUEST_COUNT: 'kafka_network_requestmetrics_requests_total',
  /** Partitions whose ISR shrank, a counter per broker (apache/kafka ReplicaManager meter IsrShrinksPerSec); read by the dashboards. */
  ISR_SHRINKS_TOTAL: 'kafka_server_replicamanager_isrshrinks_total',
  /** Partitions whose ISR grew back, a counter per broker (meter IsrExpandsPerSec); read by the dashboards. */
  ISR_EXPANDS_TOTAL: 'kafka_server_replicamanager_isrexpands_total',
  /** The KRaft role of a node: label `current_state` (leader, follower, candidate...), value 1. */
  RAFT_CURRENT_STATE: 'kafka_server_raftmetrics_current_state',
  /** A broker's state (apache/kafka `BrokerState`: 3 is RUNNING), per broker (the StatefulSet readiness probe). */
  BROKER_STATE: 'kafka_server_kafkaserver_brokerstate',
  /** The partitions a broker hosts (ReplicaManager PartitionCount; the StatefulSet readiness probe). */
  PARTITION_COUNT: 'kafka_server_replicamanager_partitioncount',
  /** The partitions a broker leads (ReplicaManager LeaderCount; the StatefulSet readiness probe). */
  LEADER_COUNT: 'kafka_server_replicamanager_leadercount',
  /** A follower's lag behind its leader's high watermark, per partition, with `clientId`, `topic`, `partition` labels (FetcherLagMetrics ConsumerLag; -1 before the first fetch). */
  REPLICA_FETCHER_LAG: 'kafka_server_fetcherlagmetrics_consumerlag',
  /** Milliseconds since the append time of the newest metadata record a controller applied (QuorumControllerMetrics; the StatefulSet readiness probe). */
  LAST_APPLIED_RECORD_LAG_MS: 'kafka_controller_kafkacontroller_lastappliedrecordlagms',
} as const;

/** The MBeans of the percent gauges and meters (`RequestHandlerAvgIdlePercent`, `NetworkProcessorAvgIdlePercent`). */
const PERCENT_MBEAN = 'kafka.(\\w+)<type=(.+), name=(.+)Percent\\w*';

/** The requests whose latency percentiles are exported (every other request type would add thousands of series). */
const LATENCY_REQUESTS = 'Produce|FetchConsumer|FetchFollower';

/**
 * The rules of one MBean family with two, one and no key properties after `name=`, in that
 * order (the exporter takes the first rule that matches, so the longer patterns come first),
 * or with the numbers of extra keys `extraKeys` lists, in its order.
 * The MBean pattern captures `$1` to `$3`; each extra key becomes a label: `(.+)=(.+)` gives
 * `{ $4: '$5' }`, the second `{ $6: '$7' }`.
 */
function withExtraKeys(mbean: string, attribute: string, name: string, type: JmxMetricType, extraKeys: readonly number[] = [2, 1, 0]): JmxExporterRule[] {
  return extraKeys.map((keys) => {
    const groups = Array.from({ length: keys }, (_, i) => 4 + 2 * i);
    return {
      pattern: `${mbean}${', (.+)=(.+)'.repeat(keys)}><>${attribute}`,
      name, type,
      ...(keys > 0 ? { labels: Object.fromEntries(groups.map((g) => [`$${g}`, `$${g + 1}`])) } : {}),
    };
  });
}

/**
 * The JMX exporter rules for Kafka brokers and KRaft controllers, used by the Strimzi target
 * (`metricsConfig` ConfigMap) and the StatefulSet target (the agent's config file).
 *
 * Order matters: the exporter uses the first rule that matches an MBean, so specific rules
 * come before the generic ones.
 */
export const KAFKA_JMX_EXPORTER_RULES: readonly JmxExporterRule[] = [
  // Per-partition and per-fetcher gauges keep their identifying keys as labels.
  {
    pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value',
    name: 'kafka_server_$1_$2', type: JmxMetricType.GAUGE,
    labels: { clientId: '$3', topic: '$4', partition: '$5' },
  },
  {
    pattern: 'kafka.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value',
    name: 'kafka_server_$1_$2', type: JmxMetricType.GAUGE,
    labels: { clientId: '$3', broker: '$4:$5' },
  },
  // TLS connections by cipher and protocol: shows that only TLSv1.2/1.3 are negotiated (SEC-002).
  {
    pattern: 'kafka.server<type=(.+), cipher=(.+), protocol=(.+), listener=(.+), networkProcessor=(.+)><>connections',
    name: 'kafka_server_$1_connections_tls_info', type: JmxMetricType.GAUGE,
    labels: { cipher: '$2', protocol: '$3', listener: '$4', networkProcessor: '$5' },
  },
  {
    pattern: 'kafka.server<type=socket-server-metrics, listener=(.+), networkProcessor=(.+)><>connection-count',
    name: 'kafka_server_socket_server_metrics_connection_count', type: JmxMetricType.GAUGE,
    labels: { listener: '$1', networkProcessor: '$2' },
  },
  // Request latency percentiles for the requests the latency alerts and SLOs read (MON-008, SLO-001).
  {
    pattern: `kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(${LATENCY_REQUESTS})><>(\\d+)thPercentile`,
    name: 'kafka_network_requestmetrics_totaltimems', type: JmxMetricType.GAUGE,
    labels: { request: '$1', quantile: '0.$2' },
  },
  {
    pattern: 'kafka.network<type=RequestMetrics, name=RequestsPerSec, request=(.+), version=(.+)><>Count',
    name: 'kafka_network_requestmetrics_requests_total', type: JmxMetricType.COUNTER,
    labels: { request: '$1', version: '$2' },
  },
  // Percent gauges (idle ratios of the request handler and network processor pools): the
  // meter's MeanRate, then the gauge's Value with no and with one extra key.
  ...withExtraKeys(PERCENT_MBEAN, 'MeanRate', 'kafka_$1_$2_$3_percent', JmxMetricType.GAUGE, [0]),
  ...withExtraKeys(PERCENT_MBEAN, 'Value', 'kafka_$1_$2_$3_percent', JmxMetricType.GAUGE, [0, 1]),
  // Rates become counters of their `Count` (BytesInPerSec -> ..._bytesin_total). RequestMetrics
  // is left out: its per-request-type series are numerous and only the ones above are read.
  ...withExtraKeys('kafka.(\\w+)<type=(?!RequestMetrics)(.+), name=(.+)PerSec\\w*', 'Count', 'kafka_$1_$2_$3_total', JmxMetricType.COUNTER),
  // Gauges with zero to two extra keys (UnderReplicatedPartitions, ActiveControllerCount, ...).
  ...withExtraKeys('kafka.(\\w+)<type=(.+), name=(.+)', 'Value', 'kafka_$1_$2_$3', JmxMetricType.GAUGE),
  // Histograms (other than RequestMetrics) as a summary without `_sum`: a count and quantiles.
  {
    pattern: 'kafka.(\\w+)<type=(?!RequestMetrics)(.+), name=(.+), (.+)=(.+)><>Count',
    name: 'kafka_$1_$2_$3_count', type: JmxMetricType.COUNTER,
    labels: { $4: '$5' },
  },
  {
    pattern: 'kafka.(\\w+)<type=(?!RequestMetrics)(.+), name=(.+), (.+)=(.*)><>(\\d+)thPercentile',
    name: 'kafka_$1_$2_$3', type: JmxMetricType.GAUGE,
    labels: { $4: '$5', quantile: '0.$6' },
  },
  {
    pattern: 'kafka.(\\w+)<type=(?!RequestMetrics)(.+), name=(.+)><>Count',
    name: 'kafka_$1_$2_$3_count', type: JmxMetricType.COUNTER,
  },
  {
    pattern: 'kafka.(\\w+)<type=(?!RequestMetrics)(.+), name=(.+)><>(\\d+)thPercentile',
    name: 'kafka_$1_$2_$3', type: JmxMetricType.GAUGE,
    labels: { quantile: '0.$4' },
  },
  // KRaft: the quorum state of each node, and its counters and gauges.
  {
    pattern: 'kafka.server<type=raft-metrics><>(current-state): (.+)',
    name: 'kafka_server_raftmetrics_$1', type: JmxMetricType.UNTYPED, value: 1,
    labels: { $1: '$2' },
  },
  {
    pattern: 'kafka.server<type=raft-metrics><>(.+-total|.+-max):',
    name: 'kafka_server_raftmetrics_$1', type: JmxMetricType.COUNTER,
  },
  {
    pattern: 'kafka.server<type=raft-metrics><>(.+):',
    name: 'kafka_server_raftmetrics_$1', type: JmxMetricType.GAUGE,
  },
  {
    pattern: 'kafka.server<type=broker-metadata-metrics><>(.+):',
    name: 'kafka_server_brokermetadatametrics_$1', type: JmxMetricType.GAUGE,
  },
];

/** The key of the exporter configuration inside its ConfigMap. */
export const JMX_EXPORTER_CONFIG_KEY = 'kafka-metrics-config.yml';

/**
 * The JMX exporter configuration file (YAML): lower-case metric names and
 * `KAFKA_JMX_EXPORTER_RULES`. Pure: the same text every time.
 */
export function renderJmxExporterConfig(rules: readonly JmxExporterRule[] = KAFKA_JMX_EXPORTER_RULES): string {
  return writeYaml({
    lowercaseOutputName: true,
    rules: rules.map((r) => ({
      pattern: r.pattern,
      name: r.name,
      type: r.type,
      ...(r.value !== undefined ? { value: r.value } : {}),
      ...(r.labels ? { labels: { ...r.labels } } : {}),
    })),
  }, { lineWidth: 0 });
}
