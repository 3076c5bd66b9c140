import { checkRunbookBaseUrl } from '../../model/grammar/names';
import { checkSnsTopicArn } from '../../model/grammar/arn';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Construct } from 'constructs';
import { Environment } from '../../model/environment';
import { KafkaIacError } from '../../model/errors';
import { runbookUrlFrom, RUNBOOK_DIR } from '../../contract/monitoring-output-files';
import { renderRunbook, type Runbook } from '../../model/monitoring/runbook';
import { MSK_REPLICATOR_DIMENSION, MSK_REPLICATOR_LAG_METRIC, MSK_REPLICATOR_FAILURE_METRIC, MSK_REPLICATOR_LATENCY_METRIC } from '../../contract/msk-replicator-markers';
import { alarmTopicKey } from './alarm-topic-key';
import { RULE_TAG } from '../../contract/vocabulary';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** Props of `MskReplicatorAlarms`: the replicator they watch and where they notify. */
export interface MskReplicatorAlarmsProps {
  /** The replicator name (the `ReplicatorName` dimension); create the alarms in the replicator's (target) region. */
  readonly replicatorName: string;
  /**
   * The declared RPO in seconds: ReplicationLatency above it fires MON-010.
   * @see DR-003
   */
  readonly rpoSeconds: number;
  /**
   * The source's produce rate on the replicated topics, in messages per second: MessageLag above
   * `messagesPerSecond × rpoSeconds` (the records of one RPO) fires MON-010. Give this or
   * `maxMessageLag`.
   * @default - from maxMessageLag
   */
  readonly messagesPerSecond?: number;
  /**
   * The MessageLag threshold, in messages, when the produce rate is not known.
   * @default - messagesPerSecond × rpoSeconds
   */
  readonly maxMessageLag?: number;
  /**
   * An SNS topic to notify (for example the `.topic` of the target cluster's MskCloudWatchAlarms).
   * @default - a new topic encrypted with a new customer-managed key with rotation on
   */
  readonly alarmTopicArn?: string;
  /**
   * Where the runbooks live; alarm descriptions link `<base>/msk-replicator-behind-rpo.md`.
   * @default 'runbooks'
   */
  readonly runbookBaseUrl?: string;
}

/** The runbook the replicator alarms link to: how to check, fail over, check offsets and fail back. */
export const MSK_REPLICATOR_RUNBOOK: Runbook = {
  slug: 'msk-replicator-behind-rpo',
  title: 'MSK Replicator behind the RPO',
  ruleIds: ['MON-010', 'DR-003'],
  meaning: 'MSK Replicator copies records to the DR cluster more slowly than the declared RPO allows (ReplicationLatency above the RPO), or has more unread source records than one RPO of traffic (MessageLag): a failover now loses more data than promised. The metrics are in the target (DR) region, namespace AWS/Kafka, dimension ReplicatorName.',
  firstChecks: [
    'Replicator state and errors, in the target region: `aws kafka describe-replicator --replicator-arn <arn> --region <dr-region>` (ReplicatorState RUNNING, StateInfo).',
    'The ReplicatorFailure, AuthError and ThrottleTime metrics of the replicator; per-topic ReplicationLatency (dimensions ReplicatorName, Topic) to find the slow topic.',
    'The source cluster: is it healthy and reachable (multi-VPC connection ACTIVE, `aws kafka list-client-vpc-connections --cluster-arn <source-arn>`)? A regional outage shows as MessageLag growing while ReplicationLatency stops.',
    'AuthError or a topic whose ReplicationLatency drops to 0 while the source still gets records: the service execution role lacks a right on that topic (a topic added to the pairing but not redeployed).',
  ],
  remediation: [
    'Throughput: add partitions on the source topics (the replicator parallelises by partition) or raise the target cluster\'s capacity; a replicator may replicate at most 750 topics.',
    'Fail over (planned or not): stop producers on the primary if it is reachable; wait until MessageLag is 0 for the topics (or accept the loss within the RPO); check the consumer group offsets on the target with `kafka-consumer-groups.sh --bootstrap-server <dr-iam-bootstrap> --command-config iam.properties --describe --group <group>` (with identical names they are the source offsets translated by the replicator); then point producers and consumers at the DR bootstrap brokers (the same topic names).',
    'Fail back: create a replicator from the DR cluster to the primary (identical names filter records that came from there), wait until its MessageLag is 0, check the offsets on the primary the same way, switch the clients back, then delete the reverse replicator.',
    'Never delete and recreate the replicator to "unstick" it during an incident: a new replicator starts at its starting position and translates offsets again.',
  ],
};

const NS = 'AWS/Kafka';
const written = new WeakSet<Environment>();

/**
 * MON-010 for MSK Replicator: CloudWatch alarms in the target region (where the replicator's
 * metrics are) that fire when replication falls behind the declared RPO:
 * - `ReplicationLatency` (maximum, milliseconds, dimension ReplicatorName) above the RPO for one minute;
 * - `MessageLag` (messages the replicator has not read from the source) above one RPO of
 *   traffic for one minute, which also fires when the source is unreachable and latency stops;
 * - `ReplicatorFailure` (sum, count of the failures the replicator is experiencing) above 0 for
 *   one minute: a replicator that fails stops emitting latency and lag, so those alarms alone
 *   would keep their last state.
 * Both notify a KMS-encrypted SNS topic (`.topic`, or the one given), are tagged
 * `kafka-iac:rule=MON-010`, and link a runbook (`runbooks/msk-replicator-behind-rpo.md`) on
 * failing over, checking offsets and failing back. Missing data keeps the alarm state.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-replicator-metrics-ref.html
 */
export class MskReplicatorAlarms extends KafkaIacConstruct {
  /** The ReplicationLatency alarm. */
  public readonly latencyAlarm: CloudwatchMetricAlarm;
  /** The MessageLag alarm. */
  public readonly messageLagAlarm: CloudwatchMetricAlarm;
  /** The ReplicatorFailure alarm. */
  public readonly failureAlarm: CloudwatchMetricAlarm;
  /** The SNS topic, when this construct created it. */
  public readonly topic?: SnsTopic;
  /** The key of that topic. */
  public readonly topicKey?: KmsKey;
  /** The MessageLag threshold, in messages. */
  public readonly maxMessageLag: number;
  /** The replicator name (the `ReplicatorName` dimension). */
  public readonly replicatorName: string;
  /** The declared RPO in seconds (the ReplicationLatency threshold ÷ 1000). */
  public readonly rpoSeconds: number;

  public constructor(scope: Construct, id: string, props: MskReplicatorAlarmsProps) {
    super(scope, id);
    if (!Number.isInteger(props.rpoSeconds) || props.rpoSeconds < 1) {
      throw KafkaIacError.invalidProp({
        code: 'DR-003', path: this.path, prop: 'rpoSeconds', found: props.rpoSeconds,
        expected: 'the declared RPO, a whole number of seconds of at least 1', fix: 'Pass the RPO of the DR pairing (pairing.rpo.seconds).',
      });
    }
    const rate = props.messagesPerSecond;
    if (rate !== undefined && (!(rate > 0) || !Number.isFinite(rate))) {
      throw KafkaIacError.invalidProp({
        code: 'MON-010', path: this.path, prop: 'messagesPerSecond', found: rate,
        expected: 'a positive produce rate of the replicated topics', fix: 'Give the planned rate, for example messagesPerSecond: 2000.',
      });
    }
    const maxLag = props.maxMessageLag ?? (rate !== undefined ? Math.ceil(rate * props.rpoSeconds) : undefined);
    if (maxLag === undefined || !Number.isInteger(maxLag) || maxLag < 1) {
      throw KafkaIacError.invalidProp({
        code: 'MON-010', path: this.path, prop: 'maxMessageLag', found: props.maxMessageLag,
        expected: 'a MessageLag threshold: messagesPerSecond (threshold = messages produced in one RPO) or maxMessageLag, a whole number of at least 1',
        fix: 'Set messagesPerSecond: <planned produce rate>, or maxMessageLag.',
      });
    }
    this.maxMessageLag = maxLag;
    this.replicatorName = props.replicatorName;
    this.rpoSeconds = props.rpoSeconds;

    if (props.alarmTopicArn !== undefined) checkSnsTopicArn(props.alarmTopicArn, { code: 'MON-010', path: this.path, prop: 'alarmTopicArn' });
    let topicArn = props.alarmTopicArn;
    if (!topicArn) {
      this.topicKey = alarmTopicKey(this, `SNS topic of the CloudWatch alarms of MSK Replicator ${props.replicatorName}`);
      this.topic = new SnsTopic(this, 'Topic', { name: `${props.replicatorName}-alarms`, kmsMasterKeyId: this.topicKey.arn });
      topicArn = this.topic.arn;
    }

    const runbook = runbookUrlFrom(checkRunbookBaseUrl(props.runbookBaseUrl ?? RUNBOOK_DIR, { code: 'KIAC-PROP', path: this.path, prop: 'runbookBaseUrl' }))(MSK_REPLICATOR_RUNBOOK.slug);
    const rpoMs = props.rpoSeconds * 1000;
    const alarm = (cid: string, name: string, metric: string, threshold: number, description: string, statistic = 'Maximum') => {
      const alarmName = `${props.replicatorName}-MON-010-${name}`;
      alarmNames(this.environment).push(alarmName);
      return new CloudwatchMetricAlarm(this, cid, {
        alarmName,
        alarmDescription: `MON-010: ${description} Runbook: ${runbook}`,
        namespace: NS,
        metricName: metric,
        dimensions: { [MSK_REPLICATOR_DIMENSION]: props.replicatorName },
        statistic,
        period: 60,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparisonOperator: 'GreaterThanThreshold',
        threshold,
        treatMissingData: 'missing',
        alarmActions: [topicArn!],
        okActions: [topicArn!],
        tags: { [RULE_TAG]: 'MON-010' },
      });
    };
    this.latencyAlarm = alarm('ReplicationLatency', 'replication-latency', MSK_REPLICATOR_LATENCY_METRIC, rpoMs,
      `MSK Replicator ${props.replicatorName} replication latency is above the declared RPO of ${props.rpoSeconds} s (${rpoMs} ms): a failover now loses more data than promised.`);
    this.messageLagAlarm = alarm('MessageLag', 'message-lag', MSK_REPLICATOR_LAG_METRIC, maxLag,
      `MSK Replicator ${props.replicatorName} has more than ${maxLag} source messages it has not read (${rate !== undefined ? `${rate} msg/s × RPO ${props.rpoSeconds} s` : 'the declared threshold'}): it is behind the RPO or cannot reach the source.`);
    this.failureAlarm = alarm('ReplicatorFailure', 'replicator-failure', MSK_REPLICATOR_FAILURE_METRIC, 0,
      `MSK Replicator ${props.replicatorName} reports failures (ReplicatorFailure above 0): it may have stopped replicating, and its latency and lag metrics then stop too.`, 'Sum');

    if (!written.has(this.environment)) {
      written.add(this.environment);
      this.environment.addOutputFile(`${RUNBOOK_DIR}/${MSK_REPLICATOR_RUNBOOK.slug}.md`, () => renderRunbook(MSK_REPLICATOR_RUNBOOK, alarmNamesOf(this.environment)));
    }
  }
}

const names = new WeakMap<Environment, string[]>();
function alarmNames(env: Environment): string[] {
  let list = names.get(env);
  if (!list) {
    list = [];
    names.set(env, list);
  }
  return list;
}
function alarmNamesOf(env: Environment): string[] {
  return [...alarmNames(env)].sort();
}
