// MON-001: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskStack, warnings, mskWithOpenMonitoring, violations, strimziChart } from './fixtures/mon-rules';
import { Testing } from 'cdktf';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { JsonPatch } from 'cdk8s';

import { MON_001_BROKER_DOWN } from '../../lib/rules/mon-001-broker-down';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('MON rules on MSK', () => {
    it('passes the MON rules that apply to MSK when the CloudWatch alarms exist', () => {
      const { stack } = mskStack(true);
      Testing.synth(stack, true);
      expect(warnings(stack.complianceReport)).toEqual([]);
      expect(stack.complianceReport.entries.filter((e) => e.status === 'compliant').map((e) => e.ruleId))
        .toEqual(['MON-001', 'MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-012']);
    });
  });

  describe('MON rules on MSK open monitoring (the rule groups in the stack)', () => {
    const artefactOf = (m: MskPrometheusMonitoring) => `terraform_data.${m.rulesArtefact.friendlyUniqueId}`;

    it('stops synthesis with MON-001 when an addOverride turns the broker-down alerts of the artefact into something else', () => {
      const { stack, prometheus } = mskWithOpenMonitoring(true);
      const input = JSON.parse(Testing.synth(stack)).resource.terraform_data[prometheus!.rulesArtefact.friendlyUniqueId].input;
      // (cdktf appends an overriding list to the original one, so alerts are changed in place, not removed)
      input.groups[0].rules.forEach((x: any, i: number) => {
        if (x.labels.rule_id === 'MON-001') prometheus!.rulesArtefact.addOverride(`input.groups.0.rules.${i}.labels.rule_id`, 'custom');
      });
      expect(violations(() => Testing.synth(stack, true))).toEqual([
        `MON-001 [production/Kafka] the open-monitoring rule groups of orders-msk (${artefactOf(prometheus!)}) have no alert with rule_id MON-001`,
      ]);
    });
  });
});

describe('Strimzi', () => {
  describe('MON rules on Strimzi', () => {
    it('passes MON-001 to MON-012 when the cluster has its generated PrometheusRule', () => {
      const { app, chart } = strimziChart(true);
      app.synth();
      expect(warnings(chart.complianceReport)).toEqual([]);
      expect(chart.complianceReport.entries.filter((e) => e.status === 'compliant').map((e) => e.ruleId))
        .toEqual(['MON-001', 'MON-002', 'MON-003', 'MON-004', 'MON-005', 'MON-006', 'MON-007', 'MON-008', 'MON-009', 'MON-011', 'MON-012']);
    });

    it('stops synthesis with every MON rule against the Kafka when the cluster has no monitoring', () => {
      const { app } = strimziChart(false);
      const w = violations(() => app.synth());
      expect(w).toHaveLength(11);
      expect(w[0]).toBe('MON-001 [kafka/Kafka] no PrometheusRule labelled kafka-iac.dev/cluster=orders has an alert with rule_id MON-001');
    });

    it('stops synthesis with MON-001 when a JSON patch lengthens the for of the broker-down alert', () => {
      const { app, monitoring } = strimziChart(true);
      monitoring!.resource.addJsonPatch(JsonPatch.replace('/spec/groups/0/rules/0/for', '10m'));
      expect(violations(() => app.synth())).toEqual(['MON-001 [kafka/Kafka] alert KafkaNodeDown in PrometheusRule orders-kafka-alerts has for 10m']);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(MON_001_BROKER_DOWN, 'MON-001', ['msk', 'strimzi', 'statefulset']);
});
