import { MetricSelector } from './metric-selector';

/**
 * The metric names the MirrorMaker 2 pods export with `MIRROR_MAKER_2_JMX_EXPORTER_RULES`
 * (the JMX exporter lower-cases them and turns `-` into `_`). MON-010 selects
 * `SOURCE_REPLICATION_LATENCY_MS_MAX`.
 */
export const MirrorMaker2MetricNames = {
  /** Per topic and partition: the largest age, in ms, of a record when it was written to the target (MON-010). */
  SOURCE_REPLICATION_LATENCY_MS_MAX: 'kafka_connect_mirror_source_connector_replication_latency_ms_max',
  /** Per topic and partition: the age of records when they were replicated, in ms. */
  SOURCE_RECORD_AGE_MS_MAX: 'kafka_connect_mirror_source_connector_record_age_ms_max',
  /** Per topic and partition: records replicated. */
  SOURCE_RECORD_COUNT: 'kafka_connect_mirror_source_connector_record_count',
  /** Per group, topic and partition: how long ago, in ms, the last checkpoint was emitted. */
  CHECKPOINT_LATENCY_MS_MAX: 'kafka_connect_mirror_checkpoint_connector_checkpoint_latency_ms_max',
  /** Per connector and task: 1 with a `status` label (running, failed, paused, unassigned). */
  CONNECTOR_TASK_STATUS: 'kafka_connect_connector_task_status',
} as const;

/**
 * The largest MirrorMaker 2 replication latency per topic of the series `matchers` select: the
 * query the DR drill tells the operator to watch.
 */
export function replicationLatencyByTopic(matchers: Readonly<Record<string, string>>): string {
  return `max by (topic) (${new MetricSelector(MirrorMaker2MetricNames.SOURCE_REPLICATION_LATENCY_MS_MAX, matchers)})`;
}
