import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { MetricSelector } from '../../lib/model/monitoring/metric-selector';
import { promqlMatchers } from '../../lib/contract/writers/promql';
import { promtool } from '../support/promtool';
import { INJECTION_PAYLOADS } from './payloads';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-promql-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('PromQL label values are escaped (issue #13: PromQL injection)', () => {
  it('keeps x",kafka_cluster!=" one label value in the selector', () => {
    expect(new MetricSelector('up', { kafka_cluster: 'x",kafka_cluster!="' }).toString()).toBe('up{kafka_cluster="x\\",kafka_cluster!=\\""}');
    expect(promqlMatchers({ a: 'line\nbreak' })).toBe('{a="line\\x0abreak"}');
  });

  it('selects exactly the series whose label holds each payload (promtool test rules)', () => {
    const payloads = [...INJECTION_PAYLOADS, 'x",kafka_cluster!="', ''];
    const groups = [{
      name: 'hostile',
      rules: payloads.map((p, i) => ({ alert: `Down${i}`, expr: `${new MetricSelector('kafka_up', { kafka_cluster: p }).toString()} == 0` })),
    }];
    fs.writeFileSync(path.join(work, 'rules.yml'), stringify({ groups }));
    const series = payloads.map((p) => ({ series: new MetricSelector('kafka_up', { kafka_cluster: p }).series(), values: '0x2' }));
    series.push({ series: new MetricSelector('kafka_up', { kafka_cluster: 'innocent' }).series(), values: '0x2' });
    const tests = [{
      interval: '1m',
      input_series: series,
      alert_rule_test: payloads.map((p, i) => ({
        eval_time: '1m', alertname: `Down${i}`,
        // An empty label value is an absent label in Prometheus: the series written without it.
        exp_alerts: [{ exp_labels: p === '' ? {} : { kafka_cluster: p } }],
      })),
    }];
    fs.writeFileSync(path.join(work, 'rules.test.yml'), stringify({ rule_files: ['rules.yml'], evaluation_interval: '1m', tests }));
    const check = promtool(['check', 'rules', 'rules.yml'], work);
    expect(check.output).toContain('SUCCESS');
    const result = promtool(['test', 'rules', 'rules.test.yml'], work);
    expect(result.ok, result.output).toBe(true);
  });
});
