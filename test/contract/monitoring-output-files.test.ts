// The MSK rule files are rendered from the synthesized rules artefact (lib/contract/monitoring-output-files.ts):
// read once per synthesis for all the rule files of a cluster, afresh for each new synthesis and each direct call.
import { describe, expect, it } from 'vitest';
import { Environment, outputRenderContext } from '../../lib/model/environment';
import { addPrometheusFiles, linkRunbook, runbookUrlFrom } from '../../lib/contract/monitoring-output-files';
import { AlertSeverity } from '../../lib/model/monitoring/alert-severity';
import type { AlertRule } from '../../lib/model/monitoring/alert-rule';
import { KafkaIacError } from '../../lib/model/errors';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { locateRule, mskWithOpenMonitoring } from '../rules/fixtures/mon-rules';

describe('the rule files of MSK open monitoring', () => {
  it('each holds only its own group, read once per synthesis; a new synthesis and a direct call see a later addOverride', () => {
    const { stack, prometheus } = mskWithOpenMonitoring(true);
    const files = [...Environment.of(stack).outputFiles].filter(([rel]) => rel.startsWith('prometheus/') && rel.endsWith('.rules.yml'));
    expect(files.length).toBeGreaterThan(2);
    const synthesis = outputRenderContext();
    const once = new Map(files.map(([rel, render]) => [rel, render(synthesis)]));
    for (const [rel, render] of files) {
      const text = once.get(rel)!;
      // The file's own group, and no other: rendering it alone in a fresh synthesis gives the same text.
      expect(text, rel).toBe(render(outputRenderContext()));
      expect([...text.matchAll(/^ {2}- name: (.+)$/gm)].map((m) => `prometheus/${m[1]}.rules.yml`), rel).toEqual([rel]);
    }
    const [mon, monRender] = files.find(([rel]) => rel.endsWith('-msk-open-monitoring.rules.yml'))!;
    const input = (stack.toTerraform() as any).resource.terraform_data[prometheus!.rulesArtefact.friendlyUniqueId].input;
    const { g, r, rule } = locateRule(input.groups, 'KafkaUnderReplicatedPartitions');
    prometheus!.rulesArtefact.addOverride(`input.groups.${g}.rules.${r}.expr`, rule.expr.replace(/> 0$/, '> 5'));
    // The same synthesis renders what it rendered (its Terraform JSON is rendered once, too).
    expect(monRender(synthesis)).toBe(once.get(mon));
    expect(monRender(outputRenderContext())).toContain(rule.expr.replace(/> 0$/, '> 5'));
    expect(monRender()).toContain(rule.expr.replace(/> 0$/, '> 5'));
    expect(monRender()).not.toBe(once.get(mon));
  });
});

describe('the runbooks of an environment', () => {
  const alert = (name: string, runbook: string): AlertRule => ({
    alert: name, ruleId: 'MON-001', severity: AlertSeverity.CRITICAL, expr: 'up == 0', for: PrometheusDuration.minutes(1), labels: {},
    summary: 's', description: 'd', runbook, scenarios: [],
  });
  const runbooksOf = (env: Environment) => [...env.outputFiles.keys()].filter((f) => f.startsWith('runbooks/')).sort();

  it('are the linked ones and those their text sends the reader to, each listing its own alerts and alarms', () => {
    const env = Environment.staging({ name: 'staging', region: 'us-east-1' });
    addPrometheusFiles(env, 'Monitoring', 'c', [{ name: 'g', recordingRules: [], alerts: [alert('A', 'offline-partitions')] }], runbookUrlFrom('runbooks'));
    linkRunbook(env, 'consumer-lag', 'c-MON-002-lag');
    // offline-partitions sends the reader to broker-down and controller-problems; broker-down to disk-full.
    expect(runbooksOf(env)).toEqual(['runbooks/broker-down.md', 'runbooks/consumer-lag.md', 'runbooks/controller-problems.md', 'runbooks/disk-full.md', 'runbooks/offline-partitions.md']);
    const text = (rel: string) => env.outputFiles.get(rel)!(outputRenderContext());
    expect(text('runbooks/offline-partitions.md')).toContain('Alerts: `A`.');
    expect(text('runbooks/consumer-lag.md')).toContain('Alerts: `c-MON-002-lag`.');
    expect(text('runbooks/disk-full.md')).toContain('Alerts: -.');
  });

  it('refuse an alert whose runbook the catalogue does not have (its runbook_url would lead nowhere)', () => {
    const env = Environment.staging({ name: 'staging', region: 'us-east-1' });
    let error: unknown;
    try {
      addPrometheusFiles(env, 'Monitoring', 'c', [{ name: 'g', recordingRules: [], alerts: [alert('A', 'no-such-runbook')] }], runbookUrlFrom('runbooks'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KafkaIacError);
    expect((error as Error).message).toContain('KIAC-OUTPUT');
    expect((error as Error).message).toContain('no-such-runbook');
    expect((error as Error).message).toContain('broker-down');
    expect(() => linkRunbook(env, 'also-missing', 'alarm')).toThrow(/KIAC-OUTPUT.*also-missing/s);
    // Refused again, not remembered as linked: a second link to the same slug throws too.
    expect(() => linkRunbook(env, 'also-missing', 'alarm')).toThrow(/KIAC-OUTPUT.*also-missing/s);
    expect([...env.outputFiles.keys()].filter((f) => f.startsWith('runbooks/'))).toEqual([]);
  });
});
