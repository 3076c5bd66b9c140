import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  JMX_EXPORTER_CONFIG_KEY, KAFKA_JMX_EXPORTER_RULES, KafkaJmxMetricNames, renderJmxExporterConfig, type JmxExporterRule,
} from '../../../lib/targets/kubernetes/jmx-exporter-rules';
import { exported } from '../../support/jmx-exporter-simulation';

describe('JMX exporter rules', () => {
  it.each([
    ['kafka.server<type=ReplicaManager, name=UnderReplicatedPartitions><>Value: 0', KafkaJmxMetricNames.UNDER_REPLICATED_PARTITIONS],
    ['kafka.server<type=ReplicaManager, name=UnderMinIsrPartitionCount><>Value: 0', KafkaJmxMetricNames.UNDER_MIN_ISR_PARTITIONS],
    ['kafka.controller<type=KafkaController, name=OfflinePartitionsCount><>Value: 0', KafkaJmxMetricNames.OFFLINE_PARTITIONS],
    ['kafka.controller<type=KafkaController, name=ActiveControllerCount><>Value: 1', KafkaJmxMetricNames.ACTIVE_CONTROLLER_COUNT],
    ['kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec><>Count: 10', KafkaJmxMetricNames.BYTES_IN_TOTAL],
    ['kafka.server<type=BrokerTopicMetrics, name=BytesOutPerSec><>Count: 10', KafkaJmxMetricNames.BYTES_OUT_TOTAL],
    ['kafka.server<type=BrokerTopicMetrics, name=ReplicationBytesInPerSec><>Count: 10', KafkaJmxMetricNames.REPLICATION_BYTES_IN_TOTAL],
    ['kafka.server<type=BrokerTopicMetrics, name=ReplicationBytesOutPerSec><>Count: 10', KafkaJmxMetricNames.REPLICATION_BYTES_OUT_TOTAL],
    // apache/kafka ReplicaManager: newMeter("IsrShrinksPerSec", ...) and newMeter("IsrExpandsPerSec", ...); the dashboards read them.
    ['kafka.server<type=ReplicaManager, name=IsrShrinksPerSec><>Count: 2', KafkaJmxMetricNames.ISR_SHRINKS_TOTAL],
    ['kafka.server<type=ReplicaManager, name=IsrExpandsPerSec><>Count: 2', KafkaJmxMetricNames.ISR_EXPANDS_TOTAL],
  ])('exports %s as %s', (bean, name) => {
    expect(exported(bean)?.name).toBe(name);
    expect(exported(bean)?.labels).toEqual({});
  });

  it('exports produce latency percentiles with request and quantile labels', () => {
    expect(exported('kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Produce><>99thPercentile: 3.5')).toEqual({
      name: KafkaJmxMetricNames.REQUEST_TOTAL_TIME_MS, type: 'GAUGE', labels: { request: 'Produce', quantile: '0.99' },
    });
    expect(exported('kafka.network<type=RequestMetrics, name=TotalTimeMs, request=FetchConsumer><>999thPercentile: 9')?.labels)
      .toEqual({ request: 'FetchConsumer', quantile: '0.999' });
  });

  it('drops the latency of request types no alert reads', () => {
    expect(exported('kafka.network<type=RequestMetrics, name=TotalTimeMs, request=Metadata><>99thPercentile: 1')).toBeUndefined();
  });

  it('keeps the topic of per-topic rates as a label', () => {
    expect(exported('kafka.server<type=BrokerTopicMetrics, name=BytesInPerSec, topic=orders><>Count: 1')).toEqual({
      name: KafkaJmxMetricNames.BYTES_IN_TOTAL, type: 'COUNTER', labels: { topic: 'orders' },
    });
  });

  it('exports the KRaft state as a label with value 1', () => {
    const rule = KAFKA_JMX_EXPORTER_RULES.find((r) => r.name === 'kafka_server_raftmetrics_$1' && r.value === 1);
    expect(rule).toBeDefined();
    expect(exported('kafka.server<type=raft-metrics><>current-state: leader')).toEqual({
      name: KafkaJmxMetricNames.RAFT_CURRENT_STATE, type: 'UNTYPED', labels: { current_state: 'leader' },
    });
  });

  it('renders YAML the exporter reads: lower-case names and every rule in order', () => {
    const text = renderJmxExporterConfig();
    const parsed = parse(text);
    expect(parsed.lowercaseOutputName).toBe(true);
    expect(parsed.rules).toHaveLength(KAFKA_JMX_EXPORTER_RULES.length);
    expect(parsed.rules.map((r: JmxExporterRule) => r.pattern)).toEqual(KAFKA_JMX_EXPORTER_RULES.map((r) => r.pattern));
    expect(renderJmxExporterConfig()).toBe(text);
    expect(JMX_EXPORTER_CONFIG_KEY).toBe('kafka-metrics-config.yml');
  });
});
