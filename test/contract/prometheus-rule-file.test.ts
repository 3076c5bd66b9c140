// The Prometheus rule file writer (lib/contract/prometheus-rule-file.ts): each rule as Prometheus
// writes it (https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/ and
// recording_rules/: alert or record, expr, for, labels, annotations), groups in order, the file
// through the one YAML writer; `promtool check rules` reads the file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { monitoringGroups, renderGroups, renderRule, renderRuleFile, renderRuleFileOf } from '../../lib/contract/prometheus-rule-file';
import { EnvironmentProfile } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import type { AlertRule, RecordingRule, RuleGroup } from '../../lib/model/monitoring/alert-rule';
import { AlertSeverity } from '../../lib/model/monitoring/alert-severity';
import { mskOpenMonitoringMetrics } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { ServiceLevelObjective } from '../../lib/model/monitoring/service-level-objective';
import { checkRules } from '../support/promtool';

const runbookUrl = (slug: string) => `https://runbooks.example.com/${slug}`;
const alert: AlertRule = {
  alert: 'KafkaBrokerDown', ruleId: 'MON-001', severity: AlertSeverity.CRITICAL, expr: 'up{job="kafka"} == 0',
  for: PrometheusDuration.minutes(5), labels: { team: 'kafka' }, summary: 'Broker {{ $labels.instance }} is down',
  description: 'It said "no": it\'s gone #1', runbook: 'broker-down', scenarios: [],
};
const record: RecordingRule = { record: 'kafka:up:sum', expr: 'sum(up{job="kafka"})', labels: { team: 'kafka' } };

describe('renderRule', () => {
  it('writes an alert with its for, its labels with severity and rule ID, and its annotations with the runbook URL', () => {
    expect(renderRule(alert, runbookUrl)).toEqual({
      alert: 'KafkaBrokerDown', expr: 'up{job="kafka"} == 0', for: '5m',
      labels: { team: 'kafka', severity: 'critical', rule_id: 'MON-001' },
      annotations: { summary: 'Broker {{ $labels.instance }} is down', description: 'It said "no": it\'s gone #1', runbook_url: 'https://runbooks.example.com/broker-down' },
    });
  });

  it('leaves out a zero for, and the severity and rule ID labels override the alert\'s own', () => {
    const rule = renderRule({ ...alert, for: PrometheusDuration.seconds(0), labels: { severity: 'info', rule_id: 'X' } }, runbookUrl);
    expect(rule).not.toHaveProperty('for');
    expect(rule.labels).toEqual({ severity: 'critical', rule_id: 'MON-001' });
  });

  it('writes a recording rule with its labels, and without labels when it has none', () => {
    expect(renderRule(record, runbookUrl)).toEqual({ record: 'kafka:up:sum', expr: 'sum(up{job="kafka"})', labels: { team: 'kafka' } });
    expect(renderRule({ ...record, labels: {} }, runbookUrl)).toEqual({ record: 'kafka:up:sum', expr: 'sum(up{job="kafka"})' });
  });
});

describe('renderGroups', () => {
  it('writes each group with its recording rules before its alerts', () => {
    const groups: RuleGroup[] = [{ name: 'a', recordingRules: [record], alerts: [alert] }, { name: 'b', recordingRules: [], alerts: [] }];
    expect(renderGroups(groups, runbookUrl)).toEqual([
      { name: 'a', rules: [renderRule(record, runbookUrl), renderRule(alert, runbookUrl)] },
      { name: 'b', rules: [] },
    ]);
  });
});

describe('renderRuleFile and renderRuleFileOf', () => {
  it('writes a rule file that reads back as the groups, and that promtool accepts', () => {
    const groups: RuleGroup[] = [{ name: 'kafka', recordingRules: [record], alerts: [alert, { ...alert, alert: 'KafkaLong', summary: `x ${'word '.repeat(40)}end` }] }];
    const text = renderRuleFile(groups, runbookUrl);
    expect(parse(text)).toEqual({ groups: renderGroups(groups, runbookUrl) });
    // lineWidth 0: no expression or annotation folded over lines.
    expect(text).toContain(`summary: x ${'word '.repeat(40)}end\n`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-rules-unit-'));
    try {
      fs.writeFileSync(path.join(dir, 'kafka.rules.yml'), text);
      const r = checkRules([path.join(dir, 'kafka.rules.yml')]);
      expect(r.ok, r.output).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts the keys of groups read back from a synthesized document (sorted) in the order people read rules in', () => {
    const sorted = [{
      // evaluation_delay (Cortex and Mimir rule groups) sorts before interval; the ordered keys still come first.
      evaluation_delay: '30s', interval: '1m', name: 'g', partial_response_strategy: 'warn',
      rules: [
        // A key the writer does not know, before annotations (an edited document): it stays after the known keys.
        { aaa_note: 'n', annotations: { summary: 's' }, expr: 'up == 0', for: '5m', keep_firing_for: '1m', labels: { severity: 'critical' }, alert: 'A', extra: 1 },
        { expr: 'sum(up)', record: 'r' },
      ],
      // A key sorted after rules (Grafana Mimir's federated rule groups, docs "Federated rule groups"): rules still come last.
      source_tenants: ['a'],
    }, { name: 'no-rules' }];
    const text = renderRuleFileOf(sorted);
    expect(parse(text)).toEqual({ groups: sorted });
    expect(text).toBe([
      'groups:',
      '  - name: g',
      '    interval: 1m',
      '    evaluation_delay: 30s',
      '    partial_response_strategy: warn',
      '    source_tenants:',
      '      - a',
      '    rules:',
      '      - alert: A',
      '        expr: up == 0',
      '        for: 5m',
      '        keep_firing_for: 1m',
      '        labels:',
      '          severity: critical',
      '        annotations:',
      '          summary: s',
      '        aaa_note: n',
      '        extra: 1',
      '      - record: r',
      '        expr: sum(up)',
      '  - name: no-rules',
      '',
    ].join('\n'));
  });
});

describe('monitoringGroups', () => {
  const identity = { cluster: 'orders', environment: 'production', region: 'us-east-1', namespace: 'kafka' };
  const metrics = mskOpenMonitoringMetrics(identity);

  it('puts the MON alerts in a group named after the cluster and backend, then one group per SLO', () => {
    const slos = ServiceLevelObjective.defaultsFor(EnvironmentProfile.PRODUCTION);
    const groups = monitoringGroups(identity, metrics, [alert], slos);
    expect(groups[0]).toEqual({ name: `kafka-orders-${metrics.kind}`, recordingRules: [], alerts: [alert] });
    expect(groups.slice(1)).toEqual(slos.flatMap((s) => s.ruleGroups(identity, metrics)));
    expect(groups.length).toBeGreaterThan(slos.length);
  });

  it('refuses two SLOs of one name on a cluster', () => {
    const [slo] = ServiceLevelObjective.defaultsFor(EnvironmentProfile.PRODUCTION);
    expect(() => monitoringGroups(identity, metrics, [], [slo!, slo!])).toThrow(KafkaIacError);
    expect(() => monitoringGroups(identity, metrics, [], [slo!, slo!])).toThrow(`SLO-001 [cluster orders] SLO '${slo!.name}' is declared twice`);
  });
});
