import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RuleRegistry } from '../../lib/rules/registry';
import { RULES_DOC, rulesMarkdown } from '../../scripts/rules-doc';

describe('docs/rules.md, the rule catalogue', () => {
  const current = fs.readFileSync(RULES_DOC, 'utf8');

  it('is what npm run docs:rules generates from the registry (run it when this fails)', () => {
    expect(current === rulesMarkdown(), 'docs/rules.md is stale: run npm run docs:rules').toBe(true);
  });

  it('has a row and a section with the explanation and remediation of every registered rule', () => {
    for (const rule of RuleRegistry.all()) {
      expect(current).toContain(`| [${rule.id}](#${rule.id.toLowerCase()}) |`);
      expect(current).toContain(`\n### ${rule.id}\n`);
      expect(current).toContain(rule.explanation);
      expect(current).toContain(rule.remediation);
    }
  });

  it('gives HA-001 its relaxed development severity and SEC-001 an error everywhere', () => {
    expect(current).toMatch(/\| \[HA-001\]\(#ha-001\) \| [^\n]*\| warning \| error \| error \| MSK, Strimzi, StatefulSet \|/);
    expect(current).toMatch(/\| \[SEC-001\]\(#sec-001\) \| [^\n]*\| error \| error \| error \|/);
  });

  it('goes stale when a rule changes (the check can fail)', () => {
    const rule = RuleRegistry.get('HA-001')! as { title: string };
    const original = rule.title;
    try {
      (rule as any).title = `${original} (changed)`;
      expect(rulesMarkdown()).not.toBe(current);
    } finally {
      (rule as any).title = original;
    }
  });
});
