// The MSK rule files are rendered from the synthesized rules artefact (lib/contract/monitoring-output-files.ts):
// read once per synthesis for all the rule files of a cluster, afresh for each new synthesis and each direct call.
import { describe, expect, it } from 'vitest';
import { Environment, outputRenderContext } from '../../lib/model/environment';
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
