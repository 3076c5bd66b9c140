import { describe, expect, it } from 'vitest';
import { escapeTerraformTemplates, prometheusRulesArtefactInput, ruleGroupsOfArtefactInput, unescapeTerraformTemplates } from '../../lib/contract/prometheus-rules-artefact';

describe('the rule groups of a Prometheus rules artefact', () => {
  const groups = [{ name: 'g', rules: [{ alert: 'A', expr: 'up == 0', for: 5, labels: { team: '${var.team}' }, annotations: { summary: 'x %{if y}z%{endif} {{ $labels.instance }}' } }] }];

  it('escapes every ${ and %{ of every string for Terraform, and reads them back as literal text', () => {
    const input = prometheusRulesArtefactInput('c', 'msk-open-monitoring', groups);
    expect(input.groups[0]).toEqual({ name: 'g', rules: [{ alert: 'A', expr: 'up == 0', for: 5, labels: { team: '$${var.team}' }, annotations: { summary: 'x %%{if y}z%%{endif} {{ $labels.instance }}' } }] });
    expect(ruleGroupsOfArtefactInput(input)).toEqual(groups);
  });

  it('leaves strings without a template, numbers and keys as they are, and copies instead of changing the value', () => {
    const value = { '${key}': ['plain', 3, true, null, '{{ x }}'] };
    expect(escapeTerraformTemplates(value)).toEqual(value);
    expect(escapeTerraformTemplates(value)).not.toBe(value);
    expect(unescapeTerraformTemplates({ a: ['$$${x}', '%%%{y}'] })).toEqual({ a: ['$${x}', '%%{y}'] });
  });
});
