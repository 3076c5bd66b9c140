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
    const before = structuredClone(value);
    expect(escapeTerraformTemplates(value)).toEqual(value);
    // Nothing to escape: the value itself, unchanged (not a copy of it).
    expect(escapeTerraformTemplates(value)).toBe(value);
    expect(value).toEqual(before);
    expect(unescapeTerraformTemplates({ a: ['$$${x}', '%%%{y}'] })).toEqual({ a: ['$${x}', '%%{y}'] });
  });

  it('copies the lists and objects on the way to a changed string and shares the rest, leaving the value unchanged', () => {
    const untouched = { alert: 'B', expr: 'sum(x{a="b"}) > 0', labels: { severity: 'critical' } };
    const value = { groups: [{ name: 'g', rules: [untouched, { alert: 'A', labels: { team: '${var.team}' } }] }], other: { n: 1 } };
    const before = structuredClone(value);
    const escaped = escapeTerraformTemplates(value);
    expect(escaped).toEqual({ groups: [{ name: 'g', rules: [untouched, { alert: 'A', labels: { team: '$${var.team}' } }] }], other: { n: 1 } });
    expect(value).toEqual(before);
    expect(escaped).not.toBe(value);
    expect(escaped.groups).not.toBe(value.groups);
    expect(escaped.groups[0].rules[1]).not.toBe(value.groups[0].rules[1]);
    expect(escaped.groups[0].rules[0]).toBe(untouched);
    expect(escaped.other).toBe(value.other);
    // And back: the literal text again, in objects of their own.
    const read = unescapeTerraformTemplates(escaped);
    expect(read).toEqual(value);
    expect(read.groups[0].rules[1]).not.toBe(escaped.groups[0].rules[1]);
    expect(escaped.groups[0].rules[1].labels).toEqual({ team: '$${var.team}' });
  });
});
