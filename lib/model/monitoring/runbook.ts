/** Typed runbook content: what the alert means, the first checks, and the remediation. */
export interface Runbook {
  /** File name without `.md`: `broker-down`. */
  readonly slug: string;
  readonly title: string;
  /** The rules whose alerts link here. */
  readonly ruleIds: readonly string[];
  /** What the alert means and what it costs if ignored. */
  readonly meaning: string;
  /** The first things to check, in order. */
  readonly firstChecks: readonly string[];
  /** How to fix it. */
  readonly remediation: readonly string[];
}

/** The runbook as Markdown. */
export function renderRunbook(r: Runbook, alerts: readonly string[]): string {
  return [
    `# ${r.title}`, '',
    `Rules: ${r.ruleIds.join(', ')}. Alerts: ${alerts.length ? alerts.map((a) => `\`${a}\``).join(', ') : '-'}.`, '',
    '## What it means', '', r.meaning, '',
    '## First checks', '', ...r.firstChecks.map((c, i) => `${i + 1}. ${c}`), '',
    '## Remediation', '', ...r.remediation.map((c) => `- ${c}`), '',
  ].join('\n');
}
