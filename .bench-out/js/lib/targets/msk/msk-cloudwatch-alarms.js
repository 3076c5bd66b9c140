"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskCloudWatchAlarms = void 0;
const cloudwatch_metric_alarm_1 = require("@cdktf/provider-aws/lib/cloudwatch-metric-alarm");
const sns_topic_1 = require("@cdktf/provider-aws/lib/sns-topic");
const constructs_1 = require("constructs");
const environment_1 = require("../../model/environment");
const errors_1 = require("../../model/errors");
const kafka_alert_thresholds_1 = require("../../model/monitoring/kafka-alert-thresholds");
const monitoring_output_files_1 = require("../../contract/monitoring-output-files");
const alarm_topic_key_1 = require("./alarm-topic-key");
const vocabulary_1 = require("../../contract/vocabulary");
const NS = 'AWS/Kafka';
/**
 * CloudWatch alarms for an MSK cluster with the meaning of the Prometheus alerts (MON-001 to
 * MON-009 and MON-012), notifying a KMS-encrypted SNS topic (`.topic`). CloudWatch has no P99
 * request latency, so MON-008 uses the mean (`ProduceTotalTimeMsMean`,
 * `FetchConsumerTotalTimeMsMean`) and says so in the alarm description. MON-011 does not apply:
 * MSK broker certificates are AWS-managed. Every alarm is tagged `kafka-iac:rule`.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
 */
class MskCloudWatchAlarms extends constructs_1.Construct {
    /** The SNS topic the alarms notify (`Topic`). */
    topic;
    /** The key of the topic, when this construct created it. */
    topicKey;
    /** Every alarm, by construct id. */
    alarms;
    constructor(scope, id, props) {
        super(scope, id);
        const env = environment_1.Environment.of(this);
        const path = this.node.path;
        if (!Number.isInteger(props.brokers) || props.brokers < 1) {
            throw errors_1.KafkaIacError.invalidProp({ code: 'MON-001', path, prop: 'brokers', found: props.brokers, expected: 'a whole number of brokers, at least 1', fix: 'Set brokers to number_of_broker_nodes.' });
        }
        const t = (0, kafka_alert_thresholds_1.resolveThresholds)(path, props.thresholds);
        const c = props.clusterName;
        const runbook = (0, monitoring_output_files_1.runbookUrlFrom)(props.runbookBaseUrl ?? 'runbooks');
        let keyArn = props.topicKmsKeyArn;
        if (!keyArn) {
            this.topicKey = (0, alarm_topic_key_1.alarmTopicKey)(this, `SNS topic of the CloudWatch alarms of MSK ${c}`);
            keyArn = this.topicKey.arn;
        }
        this.topic = new sns_topic_1.SnsTopic(this, 'Topic', { name: `${c}-alarms`, kmsMasterKeyId: keyArn });
        const alarms = new Map();
        const cluster = { 'Cluster Name': c };
        const broker = (b) => ({ 'Cluster Name': c, 'Broker ID': String(b) });
        const brokerIds = Array.from({ length: props.brokers }, (_, i) => i + 1);
        const periods = (d) => Math.max(1, Math.ceil(d.totalSeconds / 60));
        const add = (cid, ruleId, slug, a) => {
            const alarm = new cloudwatch_metric_alarm_1.CloudwatchMetricAlarm(this, cid, {
                alarmName: `${c}-${ruleId}-${a.name}`,
                alarmDescription: `${ruleId}: ${a.description} Runbook: ${runbook(slug)}`,
                comparisonOperator: a.comparison,
                threshold: a.threshold,
                evaluationPeriods: a.periods,
                datapointsToAlarm: a.periods,
                treatMissingData: a.missing ?? 'missing',
                ...(a.metric ? { namespace: NS, metricName: a.metric.name, dimensions: a.metric.dimensions, statistic: a.metric.statistic, period: 60 } : {}),
                ...(a.queries ? { metricQuery: a.queries } : {}),
                alarmActions: [this.topic.arn],
                okActions: [this.topic.arn],
                tags: { [vocabulary_1.RULE_TAG]: ruleId },
            });
            alarms.set(cid, alarm);
            (0, monitoring_output_files_1.linkRunbook)(env, slug, `${c}-${ruleId}-${a.name}`);
        };
        const sumOverBrokers = (metric) => [
            ...brokerIds.map((b) => ({ id: `m${b}`, returnData: false, metric: { namespace: NS, metricName: metric, dimensions: broker(b), stat: 'Maximum', period: 60 } })),
            { id: 'total', returnData: true, label: `${metric} (all brokers)`, expression: `SUM([${brokerIds.map((b) => `FILL(m${b}, 0)`).join(', ')}])` },
        ];
        for (const b of brokerIds) {
            add(`BrokerDown${b}`, 'MON-001', 'broker-down', {
                name: `broker-${b}-down`, comparison: 'LessThanThreshold', threshold: 0, periods: periods(t.nodeDownFor), missing: 'breaching',
                description: `Broker ${b} of MSK ${c} publishes no metrics (CpuIdle missing for ${t.nodeDownFor}): it is down or unreachable.`,
                metric: { name: 'CpuIdle', dimensions: broker(b), statistic: 'Minimum' },
            });
            add(`DiskWarning${b}`, 'MON-004', 'disk-full', {
                name: `broker-${b}-disk-warning`, comparison: 'GreaterThanThreshold', threshold: t.diskUsageWarningPercent, periods: periods(t.diskUsageFor),
                description: `Data volume of broker ${b} of MSK ${c} is more than ${t.diskUsageWarningPercent}% full (KafkaDataLogsDiskUsed).`,
                metric: { name: 'KafkaDataLogsDiskUsed', dimensions: broker(b), statistic: 'Maximum' },
            });
            add(`DiskCritical${b}`, 'MON-005', 'disk-full', {
                name: `broker-${b}-disk-critical`, comparison: 'GreaterThanThreshold', threshold: t.diskUsageCriticalPercent, periods: periods(t.diskUsageFor),
                description: `Data volume of broker ${b} of MSK ${c} is more than ${t.diskUsageCriticalPercent}% full (KafkaDataLogsDiskUsed).`,
                metric: { name: 'KafkaDataLogsDiskUsed', dimensions: broker(b), statistic: 'Maximum' },
            });
            add(`Network${b}`, 'MON-007', 'network-saturation', {
                name: `broker-${b}-network`, comparison: 'GreaterThanThreshold', threshold: t.networkUtilisationWarning, periods: periods(t.networkFor),
                description: `Client bytes in + out of broker ${b} of MSK ${c} exceed ${Math.round(t.networkUtilisationWarning * 100)}% of ${t.brokerNetworkBytesPerSecond} bytes/s.`,
                queries: [
                    { id: 'bin', returnData: false, metric: { namespace: NS, metricName: 'BytesInPerSec', dimensions: broker(b), stat: 'Average', period: 60 } },
                    { id: 'bout', returnData: false, metric: { namespace: NS, metricName: 'BytesOutPerSec', dimensions: broker(b), stat: 'Average', period: 60 } },
                    { id: 'utilisation', returnData: true, label: 'network utilisation', expression: `(FILL(bin, 0) + FILL(bout, 0)) / ${t.brokerNetworkBytesPerSecond}` },
                ],
            });
            for (const [req, metric] of [['produce', 'ProduceTotalTimeMsMean'], ['fetch', 'FetchConsumerTotalTimeMsMean']]) {
                add(`${req === 'produce' ? 'Produce' : 'Fetch'}Latency${b}`, 'MON-008', 'request-latency', {
                    name: `broker-${b}-${req}-latency`, comparison: 'GreaterThanThreshold', threshold: t.requestLatencyP99Ms, periods: periods(t.requestLatencyFor),
                    description: `Mean ${req} request time on broker ${b} of MSK ${c} is above ${t.requestLatencyP99Ms} ms. CloudWatch has no P99, so this alarm uses the mean (${metric}); the P99 alert is in the Prometheus rules (open monitoring).`,
                    metric: { name: metric, dimensions: broker(b), statistic: 'Average' },
                });
            }
        }
        add('UnderReplicatedPartitions', 'MON-006', 'under-replicated-partitions', {
            name: 'under-replicated-partitions', comparison: 'GreaterThanThreshold', threshold: 0, periods: periods(t.underReplicatedFor),
            description: `MSK ${c} has under-replicated partitions (UnderReplicatedPartitions summed over brokers).`,
            queries: sumOverBrokers('UnderReplicatedPartitions'),
        });
        add('UnderMinIsrPartitions', 'MON-012', 'under-min-isr', {
            name: 'under-min-isr-partitions', comparison: 'GreaterThanThreshold', threshold: 0, periods: periods(t.underMinIsrFor),
            description: `MSK ${c} has partitions under their min ISR: acks=all writes fail for them (UnderMinIsrPartitionCount summed over brokers).`,
            queries: sumOverBrokers('UnderMinIsrPartitionCount'),
        });
        add('OfflinePartitions', 'MON-009', 'offline-partitions', {
            name: 'offline-partitions', comparison: 'GreaterThanThreshold', threshold: 0, periods: periods(t.controllerFor),
            description: `MSK ${c} has offline partitions (OfflinePartitionsCount).`,
            metric: { name: 'OfflinePartitionsCount', dimensions: cluster, statistic: 'Maximum' },
        });
        add('ActiveControllerCount', 'MON-009', 'controller-problems', {
            name: 'active-controller-count', comparison: 'GreaterThanThreshold', threshold: 0, periods: periods(t.controllerFor),
            description: `MSK ${c} does not have exactly one active controller (ActiveControllerCount != 1).`,
            queries: [
                { id: 'controllers', returnData: false, metric: { namespace: NS, metricName: 'ActiveControllerCount', dimensions: cluster, stat: 'Maximum', period: 60 } },
                { id: 'notone', returnData: true, label: 'active controllers != 1', expression: 'ABS(controllers - 1)' },
            ],
        });
        const lag = (cid, ruleId, name, threshold, where, queries) => add(cid, ruleId, 'consumer-lag', {
            name, comparison: 'GreaterThanThreshold', threshold, periods: periods(t.consumerLagFor),
            description: `Consumer lag (SumOffsetLag) ${where} of MSK ${c} is above ${threshold} messages.`, queries,
        });
        for (const [ruleId, level, threshold] of [['MON-002', 'warning', t.consumerLagWarning], ['MON-003', 'critical', t.consumerLagCritical]]) {
            lag(`ConsumerLag${level === 'warning' ? 'Warning' : 'Critical'}`, ruleId, `consumer-lag-${level}`, threshold, 'of any consumer group and topic', [{
                    id: 'lag', returnData: true, period: 60, label: 'max SumOffsetLag over groups and topics',
                    expression: `SELECT MAX(SumOffsetLag) FROM SCHEMA("${NS}", "Cluster Name", "Consumer Group", Topic) WHERE "Cluster Name" = '${c}'`,
                }]);
            (props.consumerGroups ?? []).forEach((g, i) => lag(`ConsumerLag${level === 'warning' ? 'Warning' : 'Critical'}${i}`, ruleId, `consumer-lag-${level}-${g.group}-${g.topic}`, threshold, `of group ${g.group} on topic ${g.topic}`, [{
                    id: 'lag', returnData: true, metric: { namespace: NS, metricName: 'SumOffsetLag', dimensions: { 'Cluster Name': c, 'Consumer Group': g.group, Topic: g.topic }, stat: 'Maximum', period: 60 },
                }]));
        }
        this.alarms = alarms;
    }
}
exports.MskCloudWatchAlarms = MskCloudWatchAlarms;
