// The runbook catalogue (lib/model/monitoring/kafka-runbooks.ts, scaling-runbooks.ts): a runbook
// whose text sends the reader to another ("see disk-full") names it in `related`, so that every
// environment that writes the one writes the other (lib/contract/monitoring-output-files.ts).
import { describe, expect, it } from 'vitest';
import { KAFKA_RUNBOOKS } from '../../../lib/model/monitoring/kafka-runbooks';
import { SCALING_RUNBOOKS } from '../../../lib/model/monitoring/scaling-runbooks';
import type { Runbook } from '../../../lib/model/monitoring/runbook';

const CATALOGUE: readonly Runbook[] = [...KAFKA_RUNBOOKS, ...SCALING_RUNBOOKS];

/** The other runbooks of the catalogue whose slug appears as a word in a runbook's text. */
function mentioned(r: Runbook, catalogue: readonly Runbook[]): string[] {
  const text = [r.title, r.meaning, ...r.firstChecks, ...r.remediation].join('\n');
  return catalogue.filter((o) => o.slug !== r.slug && new RegExp(`(^|[^a-z0-9-])${o.slug}($|[^a-z0-9-])`).test(text)).map((o) => o.slug).sort();
}

describe('the runbook catalogue', () => {
  it('has unique slugs, and each related slug is a runbook of it', () => {
    const slugs = CATALOGUE.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const r of CATALOGUE) for (const related of r.related ?? []) expect(slugs, `${r.slug} -> ${related}`).toContain(related);
  });

  it('lists in related every runbook a runbook\'s text sends the reader to, and no other', () => {
    const related = Object.fromEntries(CATALOGUE.map((r) => [r.slug, [...(r.related ?? [])].sort()]));
    const inText = Object.fromEntries(CATALOGUE.map((r) => [r.slug, mentioned(r, CATALOGUE)]));
    expect(related).toEqual(inText);
    expect(inText['scale-strimzi-brokers']).toEqual(['rebalance-failed']);
  });

  it('finds a mention that related leaves out (the check can fail)', () => {
    const probe: Runbook = { slug: 'probe', title: 'Probe', ruleIds: [], meaning: 'If it persists, see broker-down.', firstChecks: [], remediation: ['Then disk-full.'] };
    expect(mentioned(probe, [...CATALOGUE, probe])).toEqual(['broker-down', 'disk-full']);
  });
});
