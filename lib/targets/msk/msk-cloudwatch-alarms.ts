import { checkMskClusterName, checkRunbookBaseUrl } from '../../model/grammar/names';
import { checkKmsKeyArn } from '../../model/grammar/arn';
import { terraformLiteral } from '../../contract/writers/terraform';
import { checkClientId, checkTopicName } from '../../model/grammar/names';
import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmMetricQuery } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { resolveThresholds, type KafkaAlertThresholds } from '../../model/monitoring/kafka-alert-thresholds';
import { linkRunbook, runbookUrlFrom } from '../../contract/monitoring-output-files';
import { alarmTopicKey } from './alarm-topic-key';
import { RULE_TAG } from '../../contract/vocabulary';
import { CapacityPlan } from '../../model/capacity/capacity-planner';
import { mskOpenMonitoringScalingMetrics, plannedBytesInPerSecond, resolveScalingThresholds, SCALING_RUNBOOK, scalingAlerts, ScalingTarget, type ScalingAlertOptions } from '../../model/monitoring/scaling-alerts';
import { AlertSeverity } from '../../model/monitoring/alert-severity';
import { kafkaAlerts } from '../../model/monitoring/kafka-alerts';
import { monitoredClusterIdentity, mskOpenMonitoringMetrics } from '../../model/monitoring/metrics-backend';
import type { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { addAlarmSubscriptions, type AlarmSubscription } from './alert-routing-subscriptions';

/**
 * Who the alarms notify, by severity: the SNS topics of the alarms are the routing. Critical
 * alarms (the RULES.md severity of their rule) go to the critical topic, warnings to the
 * warning topic; each topic's subscriptions are declared here.
 */
export interface MskAlarmNotifications {
  /**
   * The subscriptions of the critical topic: it pages (PagerDuty's CloudWatch integration over HTTPS, for example).
   * @default - none: subscribe to `.topic` outside this stack
   */
  readonly critical?: readonly AlarmSubscription[];
  /**
   * The subscriptions of the warning topic: it notifies (e-mail, or a Lambda that posts to Slack, for example).
   * @default - none: subscribe to `.warningTopic` outside this stack
   */
  readonly warning?: readonly AlarmSubscription[];
}
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { checkMonitoredBrokers } from './monitored-brokers';

/** A consumer group and topic whose lag gets its own alarms (MON-002/003). */
export interface MskConsumerGroupTopic {
  readonly group: string;
  readonly topic: string;
}

/** Props of `MskCloudWatchAlarms`: the cluster they watch and where they notify. */
export interface MskCloudWatchAlarmsProps {
  /** The MSK cluster name (the `Cluster Name` dimension). */
  readonly clusterName: string;
  /** Broker count; broker IDs are 1 to `brokers`. */
  readonly brokers: number;
  /**
   * Thresholds; every one defaults to RULES.md (the same props as the Prometheus alerts).
   * @default - the RULES.md defaults
   */
  readonly thresholds?: KafkaAlertThresholds;
  /**
   * Consumer groups and topics with their own lag alarms, besides the cluster-wide one.
   * @default - only the cluster-wide alarm over every group and topic (Metrics Insights)
   */
  readonly consumerGroups?: readonly MskConsumerGroupTopic[];
  /**
   * The KMS key that encrypts the SNS topic.
   * @default - a new customer-managed key with rotation on that CloudWatch may use
   */
  readonly topicKmsKeyArn?: string;
  /**
   * Where the runbooks live; alarm descriptions link `<base>/<slug>.md`.
   * @default 'runbooks'
   */
  readonly runbookBaseUrl?: string;
  /**
   * Scaling alarms (CAP-002, runbook scale-msk-brokers) per broker: CPU (`CpuUser` + `CpuSystem`)
   * above 70%, JVM heap after GC (`HeapMemoryAfterGC`) above 80%, more than 500 connections
   * (`ConnectionCount`), and bytes in of all brokers (`BytesInPerSec`) above 80% of the capacity plan.
   * @default - on, with the documents' thresholds
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
   */
  readonly scaling?: ScalingAlertOptions;
  /**
   * The subscriptions of the critical and the warning topic.
   * @default - both topics without subscriptions
   * @see https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html
   */
  readonly notifications?: MskAlarmNotifications;
}

const NS = 'AWS/Kafka';

/**
 * CloudWatch alarms for an MSK cluster with the meaning of the Prometheus alerts (MON-001 to
 * MON-009 and MON-012), notifying KMS-encrypted SNS topics by the severity of their rule:
 * critical alarms the critical topic (`.topic`, id `Topic`, named `<cluster>-alarms`), warnings
 * the warning topic (`.warningTopic`, `<cluster>-alarms-warning`), each with the subscriptions of
 * `notifications`. CloudWatch has no P99
 * request latency, so MON-008 uses the mean (`ProduceTotalTimeMsMean`,
 * `FetchConsumerTotalTimeMsMean`) and says so in the alarm description. MON-011 does not apply:
 * MSK broker certificates are AWS-managed. Every alarm is tagged `kafka-iac:rule`.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
 */
export class MskCloudWatchAlarms extends KafkaIacConstruct {
  /** The SNS topic the critical alarms notify (`Topic`): it pages. */
  public readonly topic: SnsTopic;
  /** The SNS topic the warning alarms notify (`WarningTopic`). */
  public readonly warningTopic: SnsTopic;
  /** The subscriptions of both topics, critical first. */
  public readonly subscriptions: readonly SnsTopicSubscription[];
  /** The key of the topic, when this construct created it. */
  public readonly topicKey?: KmsKey;
  /** Every alarm, by construct id. */
  public readonly alarms: ReadonlyMap<string, CloudwatchMetricAlarm>;
  /** The MSK cluster name (the `Cluster Name` dimension). */
  public readonly clusterName: string;

  public constructor(scope: Construct, id: string, props: MskCloudWatchAlarmsProps) {
    super(scope, id);
    KafkaIacError.required(props, { code: 'KIAC-PROP', path: this.path, prop: 'props', expected: 'the props of MskCloudWatchAlarms', fix: 'Pass { clusterName, brokers }.' });
    checkMonitoredBrokers(this.path, props.brokers);
    const t = resolveThresholds(this.path, props.thresholds);
    const c = props.clusterName;
    this.clusterName = c;
    checkMskClusterName(props.clusterName, { code: 'MON-001', path: this.path, prop: 'clusterName' });
    const runbook = runbookUrlFrom(checkRunbookBaseUrl(props.runbookBaseUrl ?? 'runbooks', { code: 'KIAC-PROP', path: this.path, prop: 'runbookBaseUrl' }));
    if (props.topicKmsKeyArn !== undefined) checkKmsKeyArn(props.topicKmsKeyArn, { code: 'KIAC-PROP', path: this.path, prop: 'topicKmsKeyArn' });
    let keyArn = props.topicKmsKeyArn;
    if (!keyArn) {
      this.topicKey = alarmTopicKey(this, `SNS topic of the CloudWatch alarms of MSK ${c}`);
      keyArn = this.topicKey.arn;
    }
    this.topic = new SnsTopic(this, 'Topic', { name: `${c}-alarms`, kmsMasterKeyId: keyArn });
    this.warningTopic = new SnsTopic(this, 'WarningTopic', { name: `${c}-alarms-warning`, kmsMasterKeyId: keyArn });
    // Each read of a resource attribute (`topic.arn`) makes a new cdktf token, which captures a full
    // stack trace: read each topic's ARN once for its subscriptions and every alarm's two actions.
    const criticalArn = this.topic.arn;
    const warningArn = this.warningTopic.arn;
    this.subscriptions = [
      ...addAlarmSubscriptions(this, 'Critical', criticalArn, props.notifications?.critical ?? [], this.path),
      ...addAlarmSubscriptions(this, 'Warning', warningArn, props.notifications?.warning ?? [], this.path),
    ];
    const severityOf = ruleSeverities(this.environment, props, this.path);
    const topicOf = (ruleId: string) => (severityOf(ruleId) === AlertSeverity.CRITICAL ? criticalArn : warningArn);

    const alarms = new Map<string, CloudwatchMetricAlarm>();
    const cluster = { 'Cluster Name': c };
    const broker = (b: number) => ({ 'Cluster Name': c, 'Broker ID': String(b) });
    const brokerIds = Array.from({ length: props.brokers }, (_, i) => i + 1);
    const periods = (d: { totalSeconds: number }) => Math.max(1, Math.ceil(d.totalSeconds / 60));
    const add: AddAlarm = (cid, ruleId, slug, a) => {
      const alarm = new CloudwatchMetricAlarm(this, cid, {
        alarmName: `${c}-${ruleId}-${a.name}`,
        alarmDescription: `${ruleId}: ${a.description} Runbook: ${runbook(slug)}`,
        comparisonOperator: a.comparison,
        threshold: a.threshold,
        evaluationPeriods: a.periods,
        datapointsToAlarm: a.periods,
        treatMissingData: a.missing ?? 'missing',
        ...(a.metric ? { namespace: NS, metricName: a.metric.name, dimensions: a.metric.dimensions, statistic: a.metric.statistic, period: 60 } : {}),
        ...(a.queries ? { metricQuery: a.queries } : {}),
        alarmActions: [topicOf(ruleId)],
        okActions: [topicOf(ruleId)],
        tags: { [RULE_TAG]: ruleId },
      });
      alarms.set(cid, alarm);
      linkRunbook(this.environment, slug, `${c}-${ruleId}-${a.name}`);
    };
    const sumOverBrokers = (metric: string): CloudwatchMetricAlarmMetricQuery[] => [
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
        description: `Client and replication bytes in + out of broker ${b} of MSK ${c} exceed ${Math.round(t.networkUtilisationWarning * 100)}% of ${t.brokerNetworkBytesPerSecond} bytes/s.`,
        // ReplicationBytesInPerSec/OutPerSec are PER_BROKER metrics (AWS MSK developer guide,
        // "Metrics for monitoring Standard brokers"): replication shares the broker's network.
        queries: [
          { id: 'bin', returnData: false, metric: { namespace: NS, metricName: 'BytesInPerSec', dimensions: broker(b), stat: 'Average', period: 60 } },
          { id: 'bout', returnData: false, metric: { namespace: NS, metricName: 'BytesOutPerSec', dimensions: broker(b), stat: 'Average', period: 60 } },
          { id: 'rin', returnData: false, metric: { namespace: NS, metricName: 'ReplicationBytesInPerSec', dimensions: broker(b), stat: 'Average', period: 60 } },
          { id: 'rout', returnData: false, metric: { namespace: NS, metricName: 'ReplicationBytesOutPerSec', dimensions: broker(b), stat: 'Average', period: 60 } },
          { id: 'utilisation', returnData: true, label: 'network utilisation', expression: `(FILL(bin, 0) + FILL(bout, 0) + FILL(rin, 0) + FILL(rout, 0)) / ${t.brokerNetworkBytesPerSecond}` },
        ],
      });
      for (const [req, metric] of [['produce', 'ProduceTotalTimeMsMean'], ['fetch', 'FetchConsumerTotalTimeMsMean']] as const) {
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
        // Sum, not Maximum: every node reports 0 or 1, so two active controllers read 1 as a Maximum.
        { id: 'controllers', returnData: false, metric: { namespace: NS, metricName: 'ActiveControllerCount', dimensions: cluster, stat: 'Sum', period: 60 } },
        { id: 'notone', returnData: true, label: 'active controllers != 1', expression: 'ABS(controllers - 1)' },
      ],
    });
    const lag = (cid: string, ruleId: 'MON-002' | 'MON-003', name: string, threshold: number, where: string, queries: CloudwatchMetricAlarmMetricQuery[]) => add(cid, ruleId, 'consumer-lag', {
      name, comparison: 'GreaterThanThreshold', threshold, periods: periods(t.consumerLagFor),
      description: `Consumer lag (SumOffsetLag) ${where} of MSK ${c} is above ${threshold} messages.`, queries,
    });
    for (const [ruleId, level, threshold] of [['MON-002', 'warning', t.consumerLagWarning], ['MON-003', 'critical', t.consumerLagCritical]] as const) {
      lag(`ConsumerLag${level === 'warning' ? 'Warning' : 'Critical'}`, ruleId, `consumer-lag-${level}`, threshold, 'of any consumer group and topic', [{
        id: 'lag', returnData: true, period: 60, label: 'max SumOffsetLag over groups and topics',
        expression: `SELECT MAX(SumOffsetLag) FROM SCHEMA("${NS}", "Cluster Name", "Consumer Group", Topic) WHERE "Cluster Name" = '${c}'`,
      }]);
      (props.consumerGroups ?? []).forEach((g, i) => {
        const group = terraformLiteral(checkClientId(g?.group, { code: 'MON-002', path: `${this.path}`, prop: `consumerGroups[${i}].group` }));
        const topic = checkTopicName(g?.topic, { code: 'MON-002', path: `${this.path}`, prop: `consumerGroups[${i}].topic` });
        lag(`ConsumerLag${level === 'warning' ? 'Warning' : 'Critical'}${i}`, ruleId, `consumer-lag-${level}-${group}-${topic}`, threshold, `of group ${group} on topic ${topic}`, [{
          id: 'lag', returnData: true, metric: { namespace: NS, metricName: 'SumOffsetLag', dimensions: { 'Cluster Name': c, 'Consumer Group': group, Topic: topic }, stat: 'Maximum', period: 60 },
        }]);
      });
    }
    addScalingAlarms(add, { env: this.environment, c, path: this.path, props, brokerIds, broker, periods });
    this.alarms = alarms;
  }
}

/**
 * The severity of each rule ID, as the Prometheus alert definitions of MSK open monitoring
 * declare it (kafkaAlerts, scalingAlerts): critical when one alert of the rule is critical.
 */
function ruleSeverities(env: Environment, props: MskCloudWatchAlarmsProps, path: string): (ruleId: string) => AlertSeverity {
  const identity = monitoredClusterIdentity(env, props.clusterName);
  const definitions = [
    ...kafkaAlerts({ identity, metrics: mskOpenMonitoringMetrics(identity), thresholds: resolveThresholds(path, props.thresholds), expectedNodes: props.brokers }),
    ...scalingAlerts({ identity, metrics: mskOpenMonitoringScalingMetrics(identity), target: ScalingTarget.MSK, thresholds: resolveScalingThresholds(path, props.scaling?.thresholds), plannedBytesInPerSecond: undefined }),
  ];
  // Each rule's severity, worked out once for every alarm of the rule (two reads per alarm).
  const severities = new Map<string, AlertSeverity>();
  for (const a of definitions) {
    if (severities.get(a.ruleId) !== AlertSeverity.CRITICAL) severities.set(a.ruleId, a.severity === AlertSeverity.CRITICAL ? AlertSeverity.CRITICAL : AlertSeverity.WARNING);
  }
  return (ruleId) => {
    const severity = severities.get(ruleId);
    if (severity === undefined) {
      throw KafkaIacError.invalidProp({ code: ruleId, path, prop: 'alarm rule', found: ruleId, expected: 'a rule with a Prometheus alert definition (kafkaAlerts, scalingAlerts), whose severity routes the alarm', fix: 'Define the alert of this rule in lib/model/monitoring before adding its CloudWatch alarm.' });
    }
    return severity;
  };
}

/** One alarm as the constructor's `add` takes it. */
interface AlarmSpec {
  readonly name: string; readonly description: string; readonly comparison: string; readonly threshold: number; readonly periods: number;
  readonly metric?: { readonly name: string; readonly dimensions: Record<string, string>; readonly statistic: string };
  readonly queries?: CloudwatchMetricAlarmMetricQuery[]; readonly missing?: string;
}

type AddAlarm = (cid: string, ruleId: string, slug: string, a: AlarmSpec) => void;

interface ScalingAlarmContext {
  readonly env: Environment;
  readonly c: string;
  readonly path: string;
  readonly props: MskCloudWatchAlarmsProps;
  readonly brokerIds: readonly number[];
  readonly broker: (b: number) => Record<string, string>;
  readonly periods: (d: { totalSeconds: number }) => number;
}

/** The scaling triggers of the design documents (CAP-002), per broker and for the cluster's throughput. */
function addScalingAlarms(add: AddAlarm, { env, c, path, props, brokerIds, broker, periods }: ScalingAlarmContext): void {
  // Scaling triggers of the design documents (CAP-002); DEFAULT-level metrics only.
  const st = resolveScalingThresholds(path, props.scaling?.thresholds);
  const scale = SCALING_RUNBOOK[ScalingTarget.MSK];
  const scalePeriods = periods(st.for);
  for (const b of brokerIds) {
    add(`ScalingCpu${b}`, 'CAP-002', scale, {
      name: `broker-${b}-cpu-scaling`, comparison: 'GreaterThanThreshold', threshold: st.cpuPercent, periods: scalePeriods,
      description: `CPU of broker ${b} of MSK ${c} (CpuUser + CpuSystem) is above ${st.cpuPercent}%: add brokers or move to a larger instance type.`,
      queries: [
        { id: 'user', returnData: false, metric: { namespace: NS, metricName: 'CpuUser', dimensions: broker(b), stat: 'Average', period: 60 } },
        { id: 'system', returnData: false, metric: { namespace: NS, metricName: 'CpuSystem', dimensions: broker(b), stat: 'Average', period: 60 } },
        { id: 'cpu', returnData: true, label: 'CPU in use (user + system), percent', expression: 'FILL(user, 0) + FILL(system, 0)' },
      ],
    });
    add(`ScalingMemory${b}`, 'CAP-002', scale, {
      name: `broker-${b}-memory-scaling`, comparison: 'GreaterThanThreshold', threshold: st.memoryPercent, periods: scalePeriods,
      description: `JVM heap in use after garbage collection on broker ${b} of MSK ${c} (HeapMemoryAfterGC) is above ${st.memoryPercent}%: move to a larger instance type or add brokers. CloudWatch reports broker memory as bytes, not a share, so this alarm uses the heap percentage; the host memory alert is in the Prometheus rules (open monitoring).`,
      metric: { name: 'HeapMemoryAfterGC', dimensions: broker(b), statistic: 'Maximum' },
    });
    add(`ScalingConnections${b}`, 'CAP-002', scale, {
      name: `broker-${b}-connections-scaling`, comparison: 'GreaterThanThreshold', threshold: st.connectionsPerBroker, periods: scalePeriods,
      description: `Broker ${b} of MSK ${c} holds more than ${st.connectionsPerBroker} connections (ConnectionCount): check for a client that leaks connections, then add brokers.`,
      metric: { name: 'ConnectionCount', dimensions: broker(b), statistic: 'Maximum' },
    });
  }
  const planned = plannedBytesInPerSecond(props.scaling?.capacityPlans ?? CapacityPlan.attachedTo(env));
  if (planned !== undefined) {
    const limit = Math.round(planned * st.throughputShareOfPlan);
    add('ScalingThroughput', 'CAP-002', scale, {
      name: 'throughput-scaling', comparison: 'GreaterThanThreshold', threshold: limit, periods: scalePeriods,
      description: `Client bytes in of all brokers of MSK ${c} (BytesInPerSec) exceed ${Math.round(st.throughputShareOfPlan * 100)}% of the capacity plan's ${Math.round(planned)} bytes/s: re-plan capacity and add brokers.`,
      queries: [
        ...brokerIds.map((b) => ({ id: `m${b}`, returnData: false, metric: { namespace: NS, metricName: 'BytesInPerSec', dimensions: broker(b), stat: 'Average', period: 60 } })),
        { id: 'total', returnData: true, label: 'BytesInPerSec (all brokers)', expression: `SUM([${brokerIds.map((b) => `FILL(m${b}, 0)`).join(', ')}])` },
      ],
    });
  }
}
