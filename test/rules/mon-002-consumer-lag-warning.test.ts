// MON-002: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskWithOpenMonitoring, violations, strimziChart } from './fixtures/mon-rules';
import { Testing } from 'cdktf';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';

import { MON_002_CONSUMER_LAG_WARNING } from '../../lib/rules/mon-002-consumer-lag-warning';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('MON rules on MSK open monitoring (the rule groups in the stack)', () => {
    const artefactOf = (m: MskPrometheusMonitoring) => `terraform_data.${m.rulesArtefact.friendlyUniqueId}`;

    it('stops synthesis with MON-002 and MON-004 when MskPrometheusMonitoring weakens thresholds through props, and the CloudWatch alarms keep theirs', () => {
      const { stack, prometheus } = mskWithOpenMonitoring(true, { thresholds: { consumerLagWarning: 50_000, diskUsageWarningPercent: 84 } });
      expect(violations(() => Testing.synth(stack, true))).toEqual([
        `MON-002 [production/Kafka] alert KafkaConsumerLagWarning in ${artefactOf(prometheus!)} fires at > 50000`,
        `MON-004 [production/Kafka] alert KafkaDiskUsageWarning in ${artefactOf(prometheus!)} fires at > 84`,
      ]);
    });

    it('accepts the weaker thresholds once a suppression gives the reason', () => {
      const { stack } = mskWithOpenMonitoring(true, { thresholds: { consumerLagWarning: 50_000 } });
      const reason = 'Batch consumers of this cluster lag by up to 40,000 messages between nightly runs by design.';
      RuleSuppressions.add(stack, [{ id: 'MON-002', reason, acknowledgeWholeScope: true }]);
      Testing.synth(stack, true);
      expect(stack.complianceReport.entries.filter((e) => e.ruleId === 'MON-002').map((e) => [e.status, e.path, e.suppression?.reason])).toEqual([['suppressed', 'production/Kafka', reason]]);
    });

    it('holds the CloudWatch alarms to their thresholds per rule too (an escape hatch on one alarm of each rule)', () => {
      for (const id of ['MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-012']) {
        const { stack, alarms } = mskWithOpenMonitoring(true);
        const alarm = [...alarms!.alarms.values()].find((a) => a.tagsInput?.['kafka-iac:rule'] === id)!;
        const weaker = Number(alarm.thresholdInput) + (id === 'MON-007' ? 0.15 : 1000);
        alarm.addOverride('threshold', weaker);
        expect(violations(() => Testing.synth(stack, true)), id).toEqual([`${id} [production/Kafka] alarm ${alarm.alarmNameInput} has threshold ${weaker} (${alarm.comparisonOperatorInput})`]);
      }
    });
  });
});

describe('Strimzi', () => {
  describe('MON rules on Strimzi', () => {

    it('stops synthesis with MON-002 when the lag threshold is weakened through props, until a suppression gives the reason', () => {
      const weakened = strimziChart(true, { thresholds: { consumerLagWarning: 50_000 } });
      expect(violations(() => weakened.app.synth())).toEqual(['MON-002 [kafka/Kafka] alert KafkaConsumerLagWarning in PrometheusRule orders-kafka-alerts fires at > 50000']);

      const suppressed = strimziChart(true, { thresholds: { consumerLagWarning: 50_000 } });
      const reason = 'Batch consumers of this cluster lag by up to 40,000 messages between nightly runs by design.';
      RuleSuppressions.add(suppressed.chart, [{ id: 'MON-002', reason, acknowledgeWholeScope: true }]);
      suppressed.app.synth();
      expect(suppressed.chart.complianceReport.entries.filter((e) => e.ruleId === 'MON-002').map((e) => [e.status, e.suppression?.reason]))
        .toEqual([['suppressed', reason]]);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(MON_002_CONSUMER_LAG_WARNING, 'MON-002', ['msk', 'strimzi', 'statefulset']);
});
