// MON-006: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { mskWithOpenMonitoring, locateRule, violations, strimziChart } from './fixtures/mon-rules';
import { Testing } from 'cdktf';
import { Environment, outputRenderContext } from '../../lib/model/environment';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { JsonPatch } from 'cdk8s';

import { MON_006_UNDER_REPLICATED_PARTITIONS } from '../../lib/rules/mon-006-under-replicated-partitions';
import { itDescribesItself } from './fixtures/metadata';
describe('MSK', () => {
  describe('MON rules on MSK open monitoring (the rule groups in the stack)', () => {
    const artefactOf = (m: MskPrometheusMonitoring) => `terraform_data.${m.rulesArtefact.friendlyUniqueId}`;

    it('checks what the rule files say: an addOverride on the artefact changes the rule file and stops synthesis', () => {
      const { stack, prometheus } = mskWithOpenMonitoring(true);
      const json = JSON.parse(Testing.synth(stack));
      const input = json.resource.terraform_data[prometheus!.rulesArtefact.friendlyUniqueId].input;
      expect([input.kind, input.cluster, input.metrics_backend]).toEqual(['kafka-iac/prometheus-rules', 'orders-msk', 'msk-open-monitoring']);
      const { g, r, rule } = locateRule(input.groups, 'KafkaUnderReplicatedPartitions');
      expect(rule.expr).toMatch(/ > 0$/);
      prometheus!.rulesArtefact.addOverride(`input.groups.${g}.rules.${r}.expr`, rule.expr.replace(/> 0$/, '> 5'));
      const file = Environment.of(stack).outputFiles.get('prometheus/kafka-orders-msk-msk-open-monitoring.rules.yml')!(outputRenderContext());
      expect(file).toContain(rule.expr.replace(/> 0$/, '> 5'));
      expect(file).not.toContain(`${rule.expr}\n`);
      expect(violations(() => Testing.synth(stack, true))).toEqual([`MON-006 [production/Kafka] alert KafkaUnderReplicatedPartitions in ${artefactOf(prometheus!)} fires at > 5`]);
    });
  });
});

describe('Strimzi', () => {
  describe('MON rules on Strimzi', () => {

    it('stops synthesis with MON-006 when a JSON patch weakens the under-replicated threshold', () => {
      const { app, monitoring } = strimziChart(true);
      const groups = (monitoring!.resource.toJson() as any).spec.groups;
      const i = groups[0].rules.findIndex((r: any) => r.alert === 'KafkaUnderReplicatedPartitions');
      monitoring!.resource.addJsonPatch(JsonPatch.replace(`/spec/groups/0/rules/${i}/expr`, groups[0].rules[i].expr.replace(/> 0$/, '> 5')));
      expect(violations(() => app.synth())).toEqual(['MON-006 [kafka/Kafka] alert KafkaUnderReplicatedPartitions in PrometheusRule orders-kafka-alerts fires at > 5']);
    });
  });
});

describe('the rule', () => {
  itDescribesItself(MON_006_UNDER_REPLICATED_PARTITIONS, 'MON-006', ['msk', 'strimzi', 'statefulset']);
});
