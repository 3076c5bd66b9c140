// MON-004: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { terraform, run, mskCluster, storageTarget, storagePolicy } from './fixtures/cap-documents';
import { CAP_004_STORAGE_AUTOSCALING as RULE } from '../../lib/rules/cap-004-storage-autoscaling';
import { mskStack, violations } from './fixtures/mon-rules';
import { Testing } from 'cdktf';

import { MON_004_DISK_USAGE_WARNING } from '../../lib/rules/mon-004-disk-usage-warning';
import { itDescribesItself } from './fixtures/metadata';
import { kubernetes, strimziKafka } from './fixtures/cap-documents';
import { outcomeOf } from './fixtures/outcome';

describe('Strimzi: the Prometheus alert over the documents', () => {
  // RULES.md: MON-004, broker disk usage > 70%, warning.
  const alerts = (expr: string, severity: string) => kubernetes('monitoring.coreos.com/v1', 'PrometheusRule', 'main-kafka-alerts', {
    metadata: { labels: { 'kafka-iac.dev/cluster': 'main' } },
    spec: { groups: [{ name: 'kafka', rules: [{ alert: 'KafkaDiskUsageWarning', expr, labels: { rule_id: 'MON-004', severity } }] }] },
  });
  it('passes the alert at 70% with severity warning, and a stricter one', () => {
    expect(outcomeOf(MON_004_DISK_USAGE_WARNING, strimziKafka(), [alerts('disk_used_percent > 70', 'warning')])).toEqual({ status: 'compliant' });
    expect(outcomeOf(MON_004_DISK_USAGE_WARNING, strimziKafka(), [alerts('disk_used_percent > 65', 'warning')])).toEqual({ status: 'compliant' });
  });
  it('reports an alert above 70% and one of another severity, with the whole findings', () => {
    expect(outcomeOf(MON_004_DISK_USAGE_WARNING, strimziKafka(), [alerts('disk_used_percent > 71', 'critical')])).toEqual({
      status: 'non-compliant',
      findings: [
        { found: 'alert KafkaDiskUsageWarning in PrometheusRule main-kafka-alerts has severity critical', expected: "'warning'", fix: "Set the severity label back to 'warning'." },
        { found: 'alert KafkaDiskUsageWarning in PrometheusRule main-kafka-alerts fires at > 71', expected: '> 70 or stricter (RULES.md)', fix: 'Restore the threshold 70, or suppress MON-004 with the reason for the weaker one.' },
      ],
    });
  });
});

describe('MSK', () => {
  describe('CAP-004 MSK storage autoscaling (error)', () => {

    it('takes the MON-004 threshold from a KafkaDataLogsDiskUsed alarm in the stack', () => {
      const alarm = (name: string, cluster: string, threshold: number) => terraform('aws_cloudwatch_metric_alarm', name, {
        metric_name: 'KafkaDataLogsDiskUsed', threshold, dimensions: { 'Cluster Name': cluster, 'Broker ID': '1' },
      });
      const { entries } = run(RULE, [mskCluster(), storageTarget(), storagePolicy({ targetValue: 60 }), alarm('warn', 'production-kafka', 55), alarm('crit', 'production-kafka', 85)]);
      expect(entries[0].findings[0].expected).toContain('below the MON-004 disk warning (55%, from the KafkaDataLogsDiskUsed alarm)');
      // An alarm on another cluster does not lower this cluster's bar.
      expect(run(RULE, [mskCluster(), storageTarget(), storagePolicy({ targetValue: 60 }), alarm('other', 'other-kafka', 50)]).entries).toEqual([]);
    });
  });

  describe('MON rules on MSK', () => {

    it('stops synthesis with MON-004 for the cluster when there are no alarms', () => {
      const { stack } = mskStack(false);
      expect(violations(() => Testing.synth(stack, true))).toContain('MON-004 [production/Kafka] no CloudWatch alarm tagged kafka-iac:rule=MON-004 watches KafkaDataLogsDiskUsed of orders-msk');
    });

    it('stops synthesis with MON-004 when the alarms cover fewer brokers than the cluster has', () => {
      const { stack } = mskStack(true, { brokers: 2 });
      expect(violations(() => Testing.synth(stack, true))).toContain('MON-004 [production/Kafka] MON-004 alarms cover 2 of 3 brokers of orders-msk');
    });
  });
});

describe('the rule', () => {
  itDescribesItself(MON_004_DISK_USAGE_WARNING, 'MON-004', ['msk', 'strimzi', 'statefulset']);
});
