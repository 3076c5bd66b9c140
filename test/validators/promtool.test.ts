import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { KafkaApp } from '../../lib/app/kafka-app';
import { Environment } from '../../lib/model/environment';
import { KafkaPrometheusMonitoring, KubernetesKafkaTarget } from '../../lib/targets/kubernetes/kafka-prometheus-monitoring';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { TEST_OUT } from '../support/paths';
import { checkRules, filesEndingWith, testRules, type PromtoolResult } from '../support/promtool';

const OUT = path.join(TEST_OUT, 'promtool');

/** Every backend and option once: Strimzi with MirrorMaker 2 (staging SLOs), the StatefulSet (development SLOs), MSK (staging SLOs). */
function buildAll(): string {
  fs.rmSync(OUT, { recursive: true, force: true });
  const app = new KafkaApp({ terraformOutdir: path.join(OUT, 'cdktf.out'), distDir: path.join(OUT, 'dist') });
  const staging = Environment.staging({ name: 'staging', region: 'eu-west-1' });
  new KafkaPrometheusMonitoring(app.chart(staging, 'strimzi'), 'Monitoring', { clusterName: 'orders', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6, replicationRpo: PrometheusDuration.minutes(5) });
  new MskPrometheusMonitoring(app.stack(staging), 'Monitoring', { clusterName: 'payments-msk', brokers: 3 });
  const development = Environment.development({ name: 'development', region: 'eu-west-1' });
  new KafkaPrometheusMonitoring(app.chart(development, 'statefulset'), 'Monitoring', { clusterName: 'sandbox', target: KubernetesKafkaTarget.STATEFULSET, expectedNodes: 1 });
  app.synth();
  return path.join(OUT, 'dist');
}

describe('promtool over the generated rules', () => {
  let dist: string;
  beforeAll(() => { dist = buildAll(); });

  it('passes promtool check rules for every generated rule file', () => {
    const files = filesEndingWith(dist, '.rules.yml');
    expect(files.length).toBeGreaterThanOrEqual(3 + 4 * 3);
    const r = checkRules(files);
    expect(r.ok, r.output).toBe(true);
  });

  it('passes promtool test rules for every generated unit test, one per alert', async () => {
    const files = filesEndingWith(dist, '.test.yml');
    // Strimzi: 14 MON alerts (KafkaCertificateExpiryMetricsAbsent among them) + 3 MON-010 (behind the RPO, source connector down, checkpoint connector down) + 2 SLOs × 6; MSK (KRaft when no cluster is in the stack: no KafkaOfflinePartitions): 11 MON alerts + 2 × 6; StatefulSet: 14 + 2 × 6;
    // plus the scaling alerts (CPU, memory, connections; no capacity plan, so no throughput alert) on each, and a failed rebalance on Strimzi.
    expect(files).toHaveLength(29 + 23 + 26 + (4 + 3 + 3));
    const r = await testRules(files);
    expect(r.ok, r.output.split('\n').filter((l) => l.trim()).slice(0, 60).join('\n')).toBe(true);
    expect(r.output.match(/SUCCESS/g)).toHaveLength(files.length);
    expect(files.filter((f) => !r.passed.has(f))).toEqual([]);
  });

  it('fails promtool test rules when an expectation is wrong (the tests can fail)', async () => {
    const original = path.join(dist, 'staging', 'prometheus', 'tests', 'orders', 'KafkaUnderReplicatedPartitions.test.yml');
    const wrong = path.join(path.dirname(original), 'wrong-expectation.test.yml');
    const text = fs.readFileSync(original, 'utf8');
    expect(text).toContain('severity: critical');
    fs.writeFileSync(wrong, text.replace('severity: critical', 'severity: warning'));
    try {
      const r = await testRules([wrong]);
      expect(r.ok).toBe(false);
      expect(r.output).toContain('FAILED');
      expect(r.passed.has(wrong)).toBe(false);
    } finally {
      fs.rmSync(wrong);
    }
  });

  /**
   * Runs the unit test of `alert` (staging, cluster orders) against a changed copy of its rule
   * file; both copies are removed afterwards.
   */
  async function testAgainstChangedRules(ruleFile: string, alert: string, change: (rules: string) => string): Promise<PromtoolResult> {
    const dir = path.join(dist, 'staging', 'prometheus');
    const text = fs.readFileSync(path.join(dir, ruleFile), 'utf8');
    const changed = change(text);
    expect(changed).not.toBe(text);
    const weakened = path.join(dir, 'weakened.rules.yml');
    fs.writeFileSync(weakened, changed);
    const test = path.join(dir, 'tests', 'orders', 'weakened.test.yml');
    fs.writeFileSync(test, fs.readFileSync(path.join(dir, 'tests', 'orders', `${alert}.test.yml`), 'utf8').replace(`../../${ruleFile}`, '../../weakened.rules.yml'));
    try {
      return await testRules([test]);
    } finally {
      fs.rmSync(weakened);
      fs.rmSync(test);
    }
  }

  it('fails promtool test rules when a threshold is weakened in the rule file', async () => {
    const r = await testAgainstChangedRules('kafka-orders-jmx-exporter.rules.yml', 'KafkaConsumerLagWarning', (t) => t.replace(') > 10000', ') > 20000'));
    expect(r.ok).toBe(false);
  });

  it('fails the steady-burn scenario when the Ticket3d alert loses its short window (the scenario sees a bad slice in its 3d window)', async () => {
    // 95% over 7d: Ticket3d burns at 0.2333x × 0.05; the steady scenario holds one bad 1h12m
    // slice in its 3d window (1/61 above the threshold) and none in the 6h window.
    const steady = fs.readFileSync(path.join(dist, 'staging', 'prometheus', 'tests', 'orders', 'KafkaSLOConsumerLagBurnRateTicket3d.test.yml'), 'utf8').split('\n  - name: ').find((t) => t.includes('burns steadily'));
    expect(steady).toContain('1 bad in the 62 slices the check sees');
    const ticket = /(kafka_slo:sli_error:ratio_rate3d\{[^}]*\} > \([^)]*\)) and kafka_slo:sli_error:ratio_rate6h\{[^}]*\} > \([^)]*\)/;
    const r = await testAgainstChangedRules('kafka-slo-consumer-lag-orders.rules.yml', 'KafkaSLOConsumerLagBurnRateTicket3d', (t) => t.replace(ticket, '$1'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/burns steadily[\s\S]*alertname: KafkaSLOConsumerLagBurnRateTicket3d/);
  });

  it('fails the check before the for when the alert loses its for (the pending check runs in the firing scenario)', async () => {
    const r = await testAgainstChangedRules('kafka-orders-jmx-exporter.rules.yml', 'KafkaUnderReplicatedPartitions',
      (t) => t.replace(/(- alert: KafkaUnderReplicatedPartitions\n\s+expr: [^\n]*\n)\s+for: 5m\n/, '$1'));
    expect(r.ok).toBe(false);
    // Only the check at 4m (pending before the 5m for) fails: the alert still fires at 6m.
    expect(r.output).toMatch(/alertname: KafkaUnderReplicatedPartitions, time: 4m,\s+exp:\[\],/);
    expect(r.output).not.toMatch(/time: 6m/);
  });

  it('fails the quiet check of a burn-rate outage when the threshold is lowered (the quiet check runs in the firing outage)', async () => {
    // 95% over 7d: Page1h burns at 3.36x × 0.05 = 0.168; the outage is checked quiet after 10
    // bad 1m slices (10/61 = 0.164 over 1h) and firing after 11. At 2.8x (0.14) it fires at 10.
    const r = await testAgainstChangedRules('kafka-slo-consumer-lag-orders.rules.yml', 'KafkaSLOConsumerLagBurnRatePage1h', (t) => t.replaceAll('(3.36 * 0.05)', '(2.8 * 0.05)'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/alertname: KafkaSLOConsumerLagBurnRatePage1h, time: 1h11m,\s+exp:\[\],/);
    expect(r.output).not.toMatch(/time: 1h12m/);
  });
});

describe('promtool over MSK open-monitoring rules changed by an escape hatch', () => {
  it('renders the rule file from the synthesized artefact, so promtool fails the unit test of a weakened alert', async () => {
    const out = path.join(TEST_OUT, 'promtool-msk-override');
    fs.rmSync(out, { recursive: true, force: true });
    const app = new KafkaApp({ terraformOutdir: path.join(out, 'cdktf.out'), distDir: path.join(out, 'dist') });
    const staging = Environment.staging({ name: 'staging', region: 'eu-west-1' });
    const m = new MskPrometheusMonitoring(app.stack(staging), 'Monitoring', { clusterName: 'payments-msk', brokers: 3 });
    const [g, r] = [0, m.groups[0].alerts.findIndex((a) => a.alert === 'KafkaUnderReplicatedPartitions')];
    const expr = m.groups[0].alerts[r].expr;
    // (no aws_msk_cluster in this stack, so no MON rule applies; the change reaches the file unchecked)
    m.rulesArtefact.addOverride(`input.groups.${g}.rules.${r}.expr`, expr.replace(/> 0$/, '> 5'));
    app.synth();
    const dir = path.join(out, 'dist', 'staging', 'prometheus');
    const ruleFile = fs.readFileSync(path.join(dir, 'kafka-payments-msk-msk-open-monitoring.rules.yml'), 'utf8');
    expect(ruleFile).toContain(expr.replace(/> 0$/, '> 5'));
    expect(checkRules([path.join(dir, 'kafka-payments-msk-msk-open-monitoring.rules.yml')]).ok).toBe(true);
    const weakened = await testRules([path.join(dir, 'tests', 'payments-msk', 'KafkaUnderReplicatedPartitions.test.yml')]);
    expect(weakened.ok).toBe(false);
    expect(weakened.output).toContain('FAILED');
    const untouched = await testRules([path.join(dir, 'tests', 'payments-msk', 'KafkaUnderMinIsrPartitions.test.yml')]);
    expect(untouched.ok, untouched.output).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
