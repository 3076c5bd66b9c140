// The MON rules' shared check (lib/rules/checks/cluster-monitoring.ts) over hand-built documents:
// which documents are Kafka clusters and rule documents, how alerts, recording rules and alarms
// are read, and what a MON rule reports on each target (both sides of every threshold).
import { describe, expect, it } from 'vitest';
import type { SynthesizedDocument } from '../../../lib/contract/document';
import {
  alarmMetrics, alertsOf, allPrometheusAlerts, cloudWatchAlarmsFor, durationSeconds, isMonitoringRuleDocument, kafkaClusterOf,
  monitoredClusterOf, monitoringRule, prometheusAlertsFor, recordsOf, ruleDocumentLabel, ruleDocumentsFor, trailingComparison,
} from '../../../lib/rules/checks/cluster-monitoring';
import { RuleTarget } from '../../../lib/rules/rule';
import { MON_001_BROKER_DOWN } from '../../../lib/rules/mon-001-broker-down';
import { MON_002_CONSUMER_LAG_WARNING } from '../../../lib/rules/mon-002-consumer-lag-warning';
import { MON_004_DISK_USAGE_WARNING } from '../../../lib/rules/mon-004-disk-usage-warning';
import { MON_008_REQUEST_LATENCY } from '../../../lib/rules/mon-008-request-latency';
import { MON_011_CERTIFICATE_EXPIRY } from '../../../lib/rules/mon-011-certificate-expiry';
import { kubernetes, mskCluster, statefulSet, strimziKafka, terraform } from '../fixtures/cap-documents';
import { nodeStatefulSet } from '../fixtures/statefulset-documents';
import { ruleContext } from '../fixtures/rule-context';

interface AlertRule { alert?: unknown; record?: string; expr?: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }

/** A PrometheusRule of the cluster `cluster` (label kafka-iac.dev/cluster), one group of `rules`. */
const prometheusRule = (name: string, cluster: unknown, rules: readonly (AlertRule | null)[]) =>
  kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', name, { metadata: { labels: { 'kafka-iac.dev/cluster': cluster } }, spec: { groups: [{ name: 'kafka', rules }] } });
/** The terraform_data of MskPrometheusMonitoring (MSK open monitoring) for `cluster`. */
const rulesArtefact = (name: string, input: Record<string, unknown>) => terraform('terraform_data', name, { input: { kind: 'kafka-iac/prometheus-rules', metrics_backend: 'msk-open-monitoring', ...input } });
/** A CloudWatch alarm tagged for `rule` on broker `broker` of `cluster`. */
const alarm = (name: string, o: { rule?: string; cluster?: string; broker?: string; metric?: string; threshold?: number; op?: string } = {}) =>
  terraform('aws_cloudwatch_metric_alarm', name, {
    alarm_name: name, metric_name: o.metric ?? 'KafkaDataLogsDiskUsed', threshold: o.threshold ?? 70, comparison_operator: o.op ?? 'GreaterThanThreshold',
    dimensions: { 'Cluster Name': o.cluster ?? 'production-kafka', 'Broker ID': o.broker ?? '1' }, tags: { 'kafka-iac:rule': o.rule ?? 'MON-004' },
  });
const brokerAlarms = (o: { threshold?: number; op?: string } = {}) => ['1', '2', '3'].map((b) => alarm(`disk-${b}`, { broker: b, ...o }));
const diskAlert = (o: Partial<AlertRule> = {}): AlertRule => ({ alert: 'KafkaDiskUsageWarning', expr: 'kafka_disk_used_percent > 70', labels: { rule_id: 'MON-004', severity: 'warning' }, ...o });

describe('kafkaClusterOf', () => {
  it('reads the MSK cluster by its cluster_name, the Strimzi Kafka and a StatefulSet of the StatefulSet target', () => {
    const msk = mskCluster();
    expect(kafkaClusterOf(msk)).toEqual({ target: RuleTarget.MSK, name: 'production-kafka', doc: msk });
    const kafka = strimziKafka();
    expect(kafkaClusterOf(kafka)).toEqual({ target: RuleTarget.STRIMZI, name: 'main', doc: kafka });
    const labelled = nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3, 'orders');
    expect(kafkaClusterOf(labelled)).toEqual({ target: RuleTarget.STATEFULSET, name: 'orders', doc: labelled });
  });
  it("names a StatefulSet without the cluster label by its own name", () => {
    const sts = statefulSet();
    expect(kafkaClusterOf(sts)).toEqual({ target: RuleTarget.STATEFULSET, name: 'kafka', doc: sts });
  });
  it('is undefined for any other document', () => {
    for (const doc of [
      terraform('aws_msk_configuration', 'c', {}),
      kubernetes('example.com/v1', 'Kafka', 'main', {}),
      kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'brokers', {}),
      kubernetes('apps/v1', 'StatefulSet', 'zookeeper', { metadata: { labels: {} } }),
      kubernetes('apps/v1', 'Deployment', 'kafka', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset' } } }),
    ]) expect(kafkaClusterOf(doc), doc.path).toBeUndefined();
  });
});

describe('rule documents', () => {
  const labelled = prometheusRule('orders-kafka-alerts', 'orders', []);
  const artefact = rulesArtefact('prom', { cluster: 'production-kafka', groups: [] });
  it('a PrometheusRule monitors the cluster of its kafka-iac.dev/cluster label, an MSK rules artefact its input.cluster', () => {
    expect(monitoredClusterOf(labelled)).toBe('orders');
    expect(isMonitoringRuleDocument(labelled)).toBe(true);
    expect(monitoredClusterOf(artefact)).toBe('production-kafka');
    expect(isMonitoringRuleDocument(artefact)).toBe(true);
  });
  it('an artefact without a cluster name monitors the cluster named "" (no cluster matches it)', () => {
    expect(monitoredClusterOf(rulesArtefact('prom', { cluster: 7 }))).toBe('');
  });
  it('other documents monitor nothing: an unlabelled PrometheusRule, a label that is not text, another kind or terraform_data', () => {
    for (const doc of [
      prometheusRule('unlabelled', undefined, []),
      prometheusRule('numeric', 7, []),
      kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', 'no-labels', { spec: { groups: [] } }),
      { ...prometheusRule('no-metadata', 'orders', []), body: { spec: { groups: [] } } },
      kubernetes('v1', 'ConfigMap', 'alerts', { metadata: { labels: { 'kafka-iac.dev/cluster': 'orders' } } }),
      terraform('terraform_data', 'admin', { input: { kind: 'kafka-iac/kafka-admin', cluster: 'production-kafka' } }),
      terraform('terraform_data', 'plain', { input: 'text' }),
      terraform('aws_s3_object', 'rules', { input: { kind: 'kafka-iac/prometheus-rules', cluster: 'production-kafka' } }),
    ]) {
      expect(monitoredClusterOf(doc), doc.path).toBeUndefined();
      expect(isMonitoringRuleDocument(doc), doc.path).toBe(false);
    }
  });
  it('labels a rule document as the findings name it', () => {
    expect(ruleDocumentLabel(labelled)).toBe('PrometheusRule orders-kafka-alerts');
    expect(ruleDocumentLabel(artefact)).toBe('terraform_data.prom');
  });
  it('finds the rule documents of a cluster, Kubernetes and MSK, and only those', () => {
    const other = prometheusRule('payments-kafka-alerts', 'payments', []);
    const index = ruleContext([labelled, other, artefact, mskCluster()]).index;
    expect(ruleDocumentsFor(index, 'orders')).toEqual([labelled]);
    expect(ruleDocumentsFor(index, 'production-kafka')).toEqual([artefact]);
    expect(ruleDocumentsFor(index, 'inventory')).toEqual([]);
  });
});

describe('alerts and recording rules', () => {
  const rule = prometheusRule('orders-kafka-alerts', 'orders', [
    { alert: 'KafkaBrokerDown', expr: 'up == 0', for: '1m', labels: { rule_id: 'MON-001', severity: 'critical' }, annotations: { summary: 'down' } },
    { record: 'kafka:lag:sum', expr: 'sum(lag)', labels: { cluster: 'orders' } },
    { alert: 'KafkaBare' },
    { alert: 42, expr: 'not an alert' },
    null,
    { record: 'kafka:bare' },
  ]);
  rule.body.spec.groups.push(null, { name: 'late', rules: [{ alert: 'KafkaLate', expr: 'late > 1' }] });
  it('reads each alert with its expression, for, labels and annotations, and the document that holds it', () => {
    expect(alertsOf(rule)).toEqual([
      { alert: 'KafkaBrokerDown', expr: 'up == 0', for: '1m', labels: { rule_id: 'MON-001', severity: 'critical' }, annotations: { summary: 'down' }, document: rule },
      { alert: 'KafkaBare', expr: '', for: undefined, labels: {}, annotations: {}, document: rule },
      { alert: 'KafkaLate', expr: 'late > 1', for: undefined, labels: {}, annotations: {}, document: rule },
    ]);
  });
  it('gives a new list on every call, so a caller cannot change what the next rule reads', () => {
    const first = alertsOf(rule);
    first.pop();
    expect(alertsOf(rule).map((a) => a.alert)).toEqual(['KafkaBrokerDown', 'KafkaBare', 'KafkaLate']);
  });
  it('reads each recording rule with its expression and labels', () => {
    expect(recordsOf(rule)).toEqual([
      { record: 'kafka:lag:sum', expr: 'sum(lag)', labels: { cluster: 'orders' } },
      { record: 'kafka:bare', expr: '', labels: {} },
    ]);
  });
  it('reads the groups of an MSK rules artefact with its Terraform escapes undone', () => {
    const artefact = rulesArtefact('prom', {
      cluster: 'production-kafka',
      groups: [{ name: 'g', rules: [{ alert: 'KafkaLag', expr: 'sum by (group) (lag{topic=~"$${t}"}) > 10000', labels: { rule_id: 'MON-002' } }, { record: 'r', expr: 'x' }] }, null, 'text'],
    });
    expect(alertsOf(artefact).map((a) => [a.alert, a.expr])).toEqual([['KafkaLag', 'sum by (group) (lag{topic=~"${t}"}) > 10000']]);
    expect(recordsOf(artefact)).toEqual([{ record: 'r', expr: 'x', labels: {} }]);
  });
  it('reads no rule from groups that are missing or not a list, or a group whose rules are not a list', () => {
    for (const doc of [
      kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', 'empty', { metadata: { labels: { 'kafka-iac.dev/cluster': 'orders' } } }),
      kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', 'odd', { metadata: { labels: { 'kafka-iac.dev/cluster': 'orders' } }, spec: { groups: { rules: [] } } }),
      kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', 'norules', { metadata: { labels: { 'kafka-iac.dev/cluster': 'orders' } }, spec: { groups: [{ rules: { alert: 'x' } }] } }),
      rulesArtefact('prom', { cluster: 'production-kafka', groups: 'text' }),
    ]) {
      expect(alertsOf(doc), doc.path).toEqual([]);
      expect(recordsOf(doc), doc.path).toEqual([]);
    }
  });
  it('gathers the alerts of the rule documents of one cluster, and of every rule document', () => {
    const other = prometheusRule('payments-kafka-alerts', 'payments', [{ alert: 'PaymentsDown', expr: 'up == 0' }]);
    const unlabelled = prometheusRule('stray', undefined, [{ alert: 'Stray', expr: 'up == 0' }]);
    const artefact = rulesArtefact('prom', { cluster: 'production-kafka', groups: [{ name: 'g', rules: [{ alert: 'MskDown', expr: 'up == 0' }] }] });
    const index = ruleContext([rule, other, unlabelled, artefact]).index;
    expect(prometheusAlertsFor(index, 'payments').map((a) => a.alert)).toEqual(['PaymentsDown']);
    expect(prometheusAlertsFor(index, 'production-kafka').map((a) => a.alert)).toEqual(['MskDown']);
    expect(allPrometheusAlerts(index).map((a) => a.alert)).toEqual(['KafkaBrokerDown', 'KafkaBare', 'KafkaLate', 'PaymentsDown', 'MskDown']);
  });
});

describe('trailingComparison and durationSeconds', () => {
  it('reads the comparison an alert expression ends with, every operator, with or without spaces', () => {
    expect(trailingComparison('lag > 10000')).toEqual({ op: '>', value: 10000 });
    expect(trailingComparison('days_left<30')).toEqual({ op: '<', value: 30 });
    expect(trailingComparison('x >= 1e3 ')).toEqual({ op: '>=', value: 1000 });
    expect(trailingComparison('ratio <= 0.5')).toEqual({ op: '<=', value: 0.5 });
    expect(trailingComparison('up == 0')).toEqual({ op: '==', value: 0 });
    expect(trailingComparison('count != -1')).toEqual({ op: '!=', value: -1 });
  });
  it('reads no comparison where the expression does not end with one', () => {
    expect(trailingComparison('absent(up)')).toBeUndefined();
    expect(trailingComparison('lag > 10000 unless on(group) paused')).toBeUndefined();
    expect(trailingComparison('lag > threshold')).toBeUndefined();
    expect(trailingComparison('lag > 100x')).toBeUndefined();
  });
  it('reads a Prometheus duration in seconds: 0 when absent, NaN when not a duration', () => {
    expect(durationSeconds('5m')).toBe(300);
    expect(durationSeconds('500ms')).toBe(0.5);
    expect(durationSeconds(undefined)).toBe(0);
    expect(durationSeconds('')).toBe(0);
    expect(durationSeconds('5 minutes')).toBeNaN();
  });
});

describe('CloudWatch alarms', () => {
  it('finds the alarms tagged with the rule ID that watch the cluster by dimension, metric query or Metrics Insights query', () => {
    const byDimension = alarm('by-dimension');
    const byQuery = terraform('aws_cloudwatch_metric_alarm', 'by-query', {
      tags: { 'kafka-iac:rule': 'MON-004' },
      metric_query: [{ id: 'm1', metric: { metric_name: 'KafkaDataLogsDiskUsed', dimensions: { 'Cluster Name': 'production-kafka', 'Broker ID': '2' } } }],
    });
    const byInsights = terraform('aws_cloudwatch_metric_alarm', 'by-insights', {
      tags: { 'kafka-iac:rule': 'MON-004' },
      metric_query: [{ id: 'q1', expression: `SELECT MAX(KafkaDataLogsDiskUsed) FROM "AWS/Kafka" WHERE "Cluster Name" = 'production-kafka'` }],
    });
    const otherRule = alarm('other-rule', { rule: 'MON-005' });
    const otherCluster = alarm('other-cluster', { cluster: 'payments' });
    const untagged = terraform('aws_cloudwatch_metric_alarm', 'untagged', { metric_name: 'KafkaDataLogsDiskUsed', dimensions: { 'Cluster Name': 'production-kafka' } });
    const otherInsights = terraform('aws_cloudwatch_metric_alarm', 'other-insights', {
      tags: { 'kafka-iac:rule': 'MON-004' }, metric_query: [{ id: 'q1', expression: `SELECT MAX(KafkaDataLogsDiskUsed) FROM "AWS/Kafka" WHERE "Cluster Name" = 'payments'` }, { id: 'q2', expression: 7 }],
    });
    const index = ruleContext([byDimension, byQuery, byInsights, otherRule, otherCluster, untagged, otherInsights]).index;
    expect(cloudWatchAlarmsFor(index, 'production-kafka', 'MON-004').map((a) => a.name)).toEqual(['by-dimension', 'by-query', 'by-insights']);
  });
  it('reads the metrics an alarm watches: its metric_name, each query metric and each SELECT', () => {
    expect(alarmMetrics(alarm('a'))).toEqual(['KafkaDataLogsDiskUsed']);
    expect(alarmMetrics(terraform('aws_cloudwatch_metric_alarm', 'q', {
      metric_query: [{ metric: { metric_name: 'BytesInPerSec' } }, { expression: 'SELECT AVG(BytesOutPerSec) FROM "AWS/Kafka"' }, { expression: 'm1 + m2' }, { id: 'bare' }],
    }))).toEqual(['BytesInPerSec', 'BytesOutPerSec']);
  });
});

describe('monitoringRule', () => {
  const msk = mskCluster();
  const kafka = strimziKafka();
  const kafkaAlerts = (rules: readonly AlertRule[]) => prometheusRule('main-kafka-alerts', 'main', rules);

  it('applies to the targets whose monitoring the rule names', () => {
    expect(MON_004_DISK_USAGE_WARNING.targets).toEqual([RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET]);
    expect(MON_011_CERTIFICATE_EXPIRY.targets).toEqual([RuleTarget.STRIMZI, RuleTarget.STATEFULSET]);
    expect(MON_011_CERTIFICATE_EXPIRY.check(msk, ruleContext([msk]))).toEqual({ status: 'not-applicable' });
    const cloudWatchOnly = monitoringRule({ id: 'TEST-401', title: 't', explanation: 'e', cloudWatch: { metrics: ['CpuIdle'] } });
    expect(cloudWatchOnly.targets).toEqual([RuleTarget.MSK]);
    expect(cloudWatchOnly.check(kafka, ruleContext([kafka]))).toEqual({ status: 'not-applicable' });
    expect(cloudWatchOnly.remediation).toBe('Add the monitoring for the cluster (KafkaPrometheusMonitoring on Kubernetes; MskCloudWatchAlarms and MskPrometheusMonitoring on MSK) and keep the RULES.md threshold, or suppress the rule with a written reason.');
    expect(cloudWatchOnly.level).toBe('error');
  });
  it('is not applicable to a document that is not a Kafka cluster', () => {
    const docs: SynthesizedDocument[] = [kubernetes('kafka.strimzi.io/v1', 'KafkaNodePool', 'brokers', {}), kafkaAlerts([diskAlert()]), alarm('a')];
    for (const doc of docs) expect(MON_004_DISK_USAGE_WARNING.check(doc, ruleContext(docs)), doc.path).toEqual({ status: 'not-applicable' });
  });

  describe('MSK: the CloudWatch alarms', () => {
    const check = (docs: SynthesizedDocument[], rule = MON_004_DISK_USAGE_WARNING) => rule.check(msk, ruleContext([msk, ...docs]));
    it('passes a cluster with an alarm per broker at the threshold', () => {
      expect(check(brokerAlarms())).toEqual({ status: 'compliant' });
    });
    it('reports a cluster without an alarm on the metrics, with the whole finding', () => {
      expect(check([alarm('cpu', { metric: 'CpuIdle' })])).toEqual({
        status: 'non-compliant',
        findings: [{
          found: 'no CloudWatch alarm tagged kafka-iac:rule=MON-004 watches KafkaDataLogsDiskUsed of production-kafka',
          expected: 'the MON-004 alarm for cluster production-kafka',
          fix: "Add new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: 'production-kafka', brokers: ... }).",
        }],
      });
    });
    it('reports per-broker alarms that cover fewer brokers than the cluster has, not one that covers them all', () => {
      expect(check(brokerAlarms().slice(0, 2))).toEqual({
        status: 'non-compliant',
        findings: [{ found: 'MON-004 alarms cover 2 of 3 brokers of production-kafka', expected: 'an alarm per broker', fix: 'Set brokers on MskCloudWatchAlarms to number_of_broker_nodes.' }],
      });
      // Two alarms on the same broker cover one broker.
      expect(check([alarm('x', { broker: '1' }), alarm('y', { broker: '1' }), alarm('z', { broker: '2' })])).toMatchObject({ findings: [{ found: 'MON-004 alarms cover 2 of 3 brokers of production-kafka' }] });
      // Broker dimensions in metric queries count too.
      const queried = ['1', '2', '3'].map((b) => terraform('aws_cloudwatch_metric_alarm', `q${b}`, {
        alarm_name: `q${b}`, tags: { 'kafka-iac:rule': 'MON-004' }, threshold: 70, comparison_operator: 'GreaterThanThreshold',
        metric_query: [{ id: 'm', metric: { metric_name: 'KafkaDataLogsDiskUsed', dimensions: { 'Cluster Name': 'production-kafka', 'Broker ID': b } } }],
      }));
      expect(check(queried)).toEqual({ status: 'compliant' });
    });
    it('counts only the alarms that name a broker', () => {
      const clusterWide = terraform('aws_cloudwatch_metric_alarm', 'cluster-wide', { ...alarm('cluster-wide').body, dimensions: { 'Cluster Name': 'production-kafka' } });
      const insights = terraform('aws_cloudwatch_metric_alarm', 'insights', {
        alarm_name: 'insights', tags: { 'kafka-iac:rule': 'MON-004' }, threshold: 70, comparison_operator: 'GreaterThanThreshold',
        metric_query: [{ id: 'q', expression: `SELECT MAX(KafkaDataLogsDiskUsed) FROM "AWS/Kafka" WHERE "Cluster Name" = 'production-kafka'` }],
      });
      expect(check([...brokerAlarms().slice(0, 2), clusterWide, insights])).toEqual({
        status: 'non-compliant',
        findings: [{ found: 'MON-004 alarms cover 2 of 3 brokers of production-kafka', expected: 'an alarm per broker', fix: 'Set brokers on MskCloudWatchAlarms to number_of_broker_nodes.' }],
      });
    });
    it('names every metric of the rule when no alarm watches one, and takes an alarm whose metric math reads one of them', () => {
      expect(check([], MON_008_REQUEST_LATENCY)).toMatchObject({
        findings: [{ found: 'no CloudWatch alarm tagged kafka-iac:rule=MON-008 watches ProduceTotalTimeMsMean or FetchConsumerTotalTimeMsMean of production-kafka' }],
      });
      const math = ['1', '2', '3'].map((b) => terraform('aws_cloudwatch_metric_alarm', `latency-${b}`, {
        alarm_name: `latency-${b}`, tags: { 'kafka-iac:rule': 'MON-008' }, threshold: 100, comparison_operator: 'GreaterThanThreshold',
        metric_query: [
          { id: 'p', metric: { metric_name: 'ProduceTotalTimeMsMean', dimensions: { 'Cluster Name': 'production-kafka', 'Broker ID': b } } },
          { id: 'r', metric: { metric_name: 'RequestHandlerAvgIdlePercent', dimensions: { 'Cluster Name': 'production-kafka', 'Broker ID': b } } },
        ],
      }));
      expect(check(math, MON_008_REQUEST_LATENCY)).toEqual({ status: 'compliant' });
    });
    it('does not count brokers for a rule whose alarm is per cluster', () => {
      expect(check([alarm('lag', { rule: 'MON-002', metric: 'SumOffsetLag', threshold: 10000 })], MON_002_CONSUMER_LAG_WARNING)).toEqual({ status: 'compliant' });
    });
    it('reports a weaker threshold on both comparison directions, and passes the threshold itself and a stricter one', () => {
      expect(check(brokerAlarms({ threshold: 69 }))).toEqual({ status: 'compliant' });
      const weaker = check([...brokerAlarms().slice(0, 2), alarm('disk-3', { broker: '3', threshold: 71 })]);
      expect(weaker).toEqual({
        status: 'non-compliant',
        findings: [{ found: 'alarm disk-3 has threshold 71 (GreaterThanThreshold)', expected: '70 or stricter (RULES.md)', fix: 'Restore the threshold 70, or suppress MON-004 with the reason for the weaker one.' }],
      });
      expect(check(brokerAlarms({ threshold: 70, op: 'LessThanThreshold' }))).toEqual({ status: 'compliant' });
      expect(check(brokerAlarms({ threshold: 71, op: 'LessThanThreshold' }))).toEqual({ status: 'compliant' });
      expect(check(brokerAlarms({ threshold: 69, op: 'LessThanOrEqualToThreshold' }))).toMatchObject({ findings: [{ found: 'alarm disk-1 has threshold 69 (LessThanOrEqualToThreshold)' }, {}, {}] });
      expect(check(brokerAlarms({ threshold: 71, op: 'GreaterThanOrEqualToThreshold' }))).toMatchObject({ status: 'non-compliant' });
    });
    it('takes no side on an operator that is neither Greater nor Less', () => {
      expect(check(brokerAlarms({ threshold: 1000, op: 'AnomalyBand' }))).toEqual({ status: 'compliant' });
      expect(check(brokerAlarms({ threshold: 1, op: 'AnomalyBand' }))).toEqual({ status: 'compliant' });
    });
    it('checks no threshold for a rule without one', () => {
      const cpu = ['1', '2', '3'].map((b) => alarm(`cpu-${b}`, { rule: 'MON-001', metric: 'CpuIdle', broker: b, threshold: 1, op: 'LessThanThreshold' }));
      expect(check(cpu, MON_001_BROKER_DOWN)).toEqual({ status: 'compliant' });
    });

    describe('with open monitoring (an MSK rules artefact for the cluster)', () => {
      const artefact = (rules: readonly AlertRule[]) => rulesArtefact('prom', { cluster: 'production-kafka', groups: [{ name: 'kafka', rules }] });
      it('holds its alerts to the Prometheus thresholds too', () => {
        expect(check([...brokerAlarms(), artefact([diskAlert()])])).toEqual({ status: 'compliant' });
        expect(check([...brokerAlarms(), artefact([diskAlert({ expr: 'kafka_disk_used_percent > 80' })])])).toMatchObject({
          findings: [{ found: 'alert KafkaDiskUsageWarning in terraform_data.prom fires at > 80' }],
        });
      });
      it('names every rule document of the cluster when none has the alert', () => {
        const second = rulesArtefact('prom_extra', { cluster: 'production-kafka', groups: [] });
        expect(check([...brokerAlarms(), artefact([]), second])).toMatchObject({
          findings: [{ found: 'the open-monitoring rule groups of production-kafka (terraform_data.prom, terraform_data.prom_extra) have no alert with rule_id MON-004' }],
        });
      });
      it('reports an artefact that lost the alert, naming the artefact and the addOverride to remove', () => {
        expect(check([...brokerAlarms(), artefact([])])).toEqual({
          status: 'non-compliant',
          findings: [{
            found: 'the open-monitoring rule groups of production-kafka (terraform_data.prom) have no alert with rule_id MON-004',
            expected: 'the MON-004 alert for cluster production-kafka',
            fix: 'Remove the addOverride that dropped the MON-004 alert from the MskPrometheusMonitoring rules artefact.',
          }],
        });
      });
      it('asks nothing of Prometheus for a rule without Prometheus monitoring', () => {
        const cloudWatchOnly = monitoringRule({ id: 'TEST-402', title: 't', explanation: 'e', cloudWatch: { metrics: ['CpuIdle'] } });
        expect(check([alarm('cpu', { rule: 'TEST-402', metric: 'CpuIdle' }), artefact([])], cloudWatchOnly)).toEqual({ status: 'compliant' });
      });
    });
  });

  describe('Kubernetes: the Prometheus alerts', () => {
    const check = (rules: readonly AlertRule[], rule = MON_004_DISK_USAGE_WARNING) => rule.check(kafka, ruleContext([kafka, kafkaAlerts(rules)]));
    it('passes a cluster with its alert at the threshold, whatever the other alerts', () => {
      expect(check([diskAlert(), { alert: 'Other', expr: 'x > 1000', labels: { rule_id: 'MON-005', severity: 'critical' } }])).toEqual({ status: 'compliant' });
    });
    it('reports a cluster whose PrometheusRule has no alert with the rule ID, with the whole finding', () => {
      expect(check([{ ...diskAlert(), labels: { rule_id: 'MON-005', severity: 'warning' } }])).toEqual({
        status: 'non-compliant',
        findings: [{
          found: 'no PrometheusRule labelled kafka-iac.dev/cluster=main has an alert with rule_id MON-004',
          expected: 'the MON-004 alert for cluster main',
          fix: "Add new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'main', ... }).",
        }],
      });
    });
    it('reports an alert of another severity, or none', () => {
      expect(check([diskAlert({ labels: { rule_id: 'MON-004', severity: 'info' } })])).toEqual({
        status: 'non-compliant',
        findings: [{ found: 'alert KafkaDiskUsageWarning in PrometheusRule main-kafka-alerts has severity info', expected: "'warning'", fix: "Set the severity label back to 'warning'." }],
      });
      expect(check([diskAlert({ labels: { rule_id: 'MON-004' } })])).toMatchObject({ findings: [{ found: 'alert KafkaDiskUsageWarning in PrometheusRule main-kafka-alerts has severity not set' }] });
    });
    it('reports an alert that selects pods by a name pattern', () => {
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent{pod=~"main-kafka-.*"} > 70' })])).toEqual({
        status: 'non-compliant',
        findings: [{
          found: 'alert KafkaDiskUsageWarning in PrometheusRule main-kafka-alerts selects pods by a name pattern (kafka_disk_used_percent{pod=~"main-kafka-.*"} > 70)',
          expected: 'selection by labels (node-pool pods have other names)',
          fix: 'Select by the kafka_cluster and kafka_role labels.',
        }],
      });
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent{pod="main-kafka-0"} > 70' })])).toEqual({ status: 'compliant' });
    });
    it('reports a for longer than the rule allows, and passes the limit itself, a shorter one and none', () => {
      const down = (f?: string): AlertRule => ({ alert: 'KafkaBrokerDown', expr: 'up == 0', ...(f === undefined ? {} : { for: f }), labels: { rule_id: 'MON-001', severity: 'critical' } });
      expect(check([down('1m')], MON_001_BROKER_DOWN)).toEqual({ status: 'compliant' });
      expect(check([down('30s')], MON_001_BROKER_DOWN)).toEqual({ status: 'compliant' });
      expect(check([down()], MON_001_BROKER_DOWN)).toEqual({ status: 'compliant' });
      // A rule without a limit on for takes any.
      expect(check([diskAlert({ for: '10m' })])).toEqual({ status: 'compliant' });
      expect(check([down('61s')], MON_001_BROKER_DOWN)).toEqual({
        status: 'non-compliant',
        findings: [{ found: 'alert KafkaBrokerDown in PrometheusRule main-kafka-alerts has for 61s', expected: 'at most 1m', fix: 'Set for to 1m or less.' }],
      });
    });
    it('reports a weaker threshold on both comparison directions, and passes the threshold itself and a stricter one', () => {
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent > 69' })])).toEqual({ status: 'compliant' });
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent > 71' })])).toEqual({
        status: 'non-compliant',
        findings: [{
          found: 'alert KafkaDiskUsageWarning in PrometheusRule main-kafka-alerts fires at > 71',
          expected: '> 70 or stricter (RULES.md)',
          fix: 'Restore the threshold 70, or suppress MON-004 with the reason for the weaker one.',
        }],
      });
      const expiry = (days: number): AlertRule => ({ alert: 'KafkaCertificateExpiry', expr: `days_left < ${days}`, labels: { rule_id: 'MON-011', severity: 'warning' } });
      expect(check([expiry(30)], MON_011_CERTIFICATE_EXPIRY)).toEqual({ status: 'compliant' });
      expect(check([expiry(31)], MON_011_CERTIFICATE_EXPIRY)).toEqual({ status: 'compliant' });
      expect(check([expiry(29)], MON_011_CERTIFICATE_EXPIRY)).toMatchObject({
        findings: [{ found: 'alert KafkaCertificateExpiry in PrometheusRule main-kafka-alerts fires at < 29', expected: '< 30 or stricter (RULES.md)' }],
      });
    });
    it('compares only > and <: an alert ending with another comparison, or none, is not held to the threshold', () => {
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent >= 90' })])).toEqual({ status: 'compliant' });
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent >= 50' })])).toEqual({ status: 'compliant' });
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent == 99' })])).toEqual({ status: 'compliant' });
      expect(check([diskAlert({ expr: 'kafka_disk_used_percent > 90 unless on() maintenance' })])).toEqual({ status: 'compliant' });
    });
    it('holds a StatefulSet cluster to the same alerts, matched by its cluster label', () => {
      const sts = nodeStatefulSet('kafka-brokers', 'kafka-brokers', 3, 'orders');
      const alerts = prometheusRule('orders-kafka-alerts', 'orders', [diskAlert()]);
      expect(MON_004_DISK_USAGE_WARNING.check(sts, ruleContext([sts, alerts]))).toEqual({ status: 'compliant' });
      expect(MON_004_DISK_USAGE_WARNING.check(sts, ruleContext([sts, kafkaAlerts([diskAlert()])]))).toMatchObject({
        findings: [{ found: 'no PrometheusRule labelled kafka-iac.dev/cluster=orders has an alert with rule_id MON-004' }],
      });
    });
  });
});
