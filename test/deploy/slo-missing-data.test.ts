import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderRuleFile } from '../../lib/contract/prometheus-rule-file';
import { jmxExporterMetrics } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { ServiceLevelIndicator } from '../../lib/model/monitoring/service-level-indicator';
import { ServiceLevelObjective } from '../../lib/model/monitoring/service-level-objective';
import { TEST_OUT } from '../support/paths';
import { checkRules, testRules } from '../support/promtool';

/*
 * Prometheus querying/operators: a comparison with `bool` returns 0 or 1 for each element of its
 * input, so an empty input (brokers or exporter down: no series) gives an empty output; and
 * avg_over_time averages the samples in the range only. An SLI recorded as `expr > bool t`
 * therefore records nothing during a full outage and the ratio stays at 0 (100% good). `or`
 * (logical set operator) adds the right side's elements that have no match on the left, so
 * `(...) or on() vector(1)` records a bad slice exactly when the indicator is missing.
 */
const OUT = path.join(TEST_OUT, 'slo-missing-data');
const id = { cluster: 'main', environment: 'production', region: 'us-east-1', namespace: 'kafka' };
const metrics = jmxExporterMetrics(id, { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'strimzi' });

describe('SLIs count missing data as bad', () => {
  const slo = new ServiceLevelObjective({
    id: 'SLO-001', name: 'message-delivery', indicator: ServiceLevelIndicator.produceLatencyP99(), objectivePercent: 99.9, period: PrometheusDuration.days(30),
  });
  const groups = slo.ruleGroups(id, metrics);
  const input = ServiceLevelIndicator.produceLatencyP99().resolve(metrics).testSeries;
  const sel = '{slo="message-delivery",kafka_cluster="main",environment="production"}';

  it('records a bad slice when the indicator has no sample, and the error ratio of a full outage is 1 (promtool)', async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const rules = path.join(OUT, 'slo.rules.yml');
    fs.writeFileSync(rules, renderRuleFile(groups, (slug) => `runbooks/${slug}.md`));
    expect(checkRules([rules]).ok).toBe(true);
    const labels = { slo: 'message-delivery', kafka_cluster: 'main', environment: 'production' };
    const test = path.join(OUT, 'slo-missing-data.test.yml');
    fs.writeFileSync(test, stringify({
      rule_files: [path.basename(rules)],
      evaluation_interval: '1m',
      tests: [{
        interval: '1m',
        // 20 minutes at 20 ms (good), then no sample at all for 40 minutes (the brokers are down).
        input_series: [{ series: input, values: `20x19 ${Array(40).fill('_').join(' ')}` }],
        promql_expr_test: [
          { expr: `kafka_slo:sli_error${sel}`, eval_time: '10m', exp_samples: [{ labels: `kafka_slo:sli_error${stringifyLabels(labels)}`, value: 0 }] },
          { expr: `kafka_slo:sli_error${sel}`, eval_time: '40m', exp_samples: [{ labels: `kafka_slo:sli_error${stringifyLabels(labels)}`, value: 1 }] },
          { expr: `kafka_slo:sli_error:ratio_rate30m${sel}`, eval_time: '59m', exp_samples: [{ labels: `kafka_slo:sli_error:ratio_rate30m${stringifyLabels(labels)}`, value: 1 }] },
        ],
      }],
    }));
    const r = await testRules([test]);
    expect(r.ok, r.output).toBe(true);
  });

  it('the recorded expression adds the bad slice only when the comparison is empty', () => {
    expect(groups[0].recordingRules[0].expr).toMatch(/^\(max\(.*\) > bool 100\) or on\(\) vector\(1\)$/);
    expect(groups[1].recordingRules[0].expr).toBe(groups[0].recordingRules[0].expr);
  });
});

function stringifyLabels(labels: Readonly<Record<string, string>>): string {
  return `{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
}
