import { JmxMetricType, type JmxExporterRule } from '../kubernetes/jmx-exporter-rules';

// The names these rules produce are model data: the alert selectors read them too.
export { MirrorMaker2MetricNames } from '../../model/monitoring/mirror-maker-2-metric-names';

/**
 * The JMX exporter rules for MirrorMaker 2 (Kafka Connect with the mirror connectors). The
 * first rule that matches an MBean wins, so the mirror rules come first.
 * @see https://kafka.apache.org/documentation/#georeplication-monitoring
 */
export const MIRROR_MAKER_2_JMX_EXPORTER_RULES: readonly JmxExporterRule[] = [
  {
    pattern: 'kafka.connect.mirror<type=MirrorSourceConnector, target=(.+), topic=(.+), partition=([0-9]+)><>([a-z-]+)',
    name: 'kafka_connect_mirror_source_connector_$4', type: JmxMetricType.GAUGE,
    labels: { target: '$1', topic: '$2', partition: '$3' },
  },
  {
    pattern: 'kafka.connect.mirror<type=MirrorCheckpointConnector, source=(.+), target=(.+), group=(.+), topic=(.+), partition=([0-9]+)><>([a-z-]+)',
    name: 'kafka_connect_mirror_checkpoint_connector_$6', type: JmxMetricType.GAUGE,
    labels: { source: '$1', target: '$2', group: '$3', topic: '$4', partition: '$5' },
  },
  {
    pattern: 'kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)',
    name: 'kafka_connect_connector_task_status', type: JmxMetricType.GAUGE, value: 1,
    labels: { connector: '$1', task: '$2', status: '$3' },
  },
  {
    pattern: 'kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-total|.+-count|.+-ms|.+-ratio|.+-avg|.+-rate|.+-max)',
    name: 'kafka_connect_$1_$4', type: JmxMetricType.GAUGE,
    labels: { connector: '$2', task: '$3' },
  },
  {
    pattern: 'kafka.connect<type=connect-worker-metrics><>([a-z-]+)',
    name: 'kafka_connect_worker_$1', type: JmxMetricType.GAUGE,
  },
  {
    pattern: 'kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)',
    name: 'kafka_connect_worker_rebalance_$1', type: JmxMetricType.GAUGE,
  },
];

/** The Prometheus name the JMX exporter gives `name` after substitution: lower case, `-` and other invalid characters as `_`. */
export function jmxExporterMetricName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_:]/g, '_');
}
