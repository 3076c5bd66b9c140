import { compareEnglish } from '../english-order';

/** Typed runbook content: what the alert means, the first checks, and the remediation. */
export interface Runbook {
  /** File name without `.md`: `broker-down`. */
  readonly slug: string;
  readonly title: string;
  /** The rules whose alerts link here. */
  readonly ruleIds: readonly string[];
  /**
   * The runbooks its text sends the reader to (`see disk-full`): an environment that writes this
   * runbook writes them too, whether or not an alert of its own links to them.
   * @default - none
   */
  readonly related?: readonly string[];
  /** What the alert means and what it costs if ignored. */
  readonly meaning: string;
  /** The first things to check, in order. */
  readonly firstChecks: readonly string[];
  /** How to fix it. */
  readonly remediation: readonly string[];
}

/** A link from a runbook to the dashboard panel of one of its alerts, for one cluster. */
export interface RunbookDashboardLink {
  /** The runbook's slug (the alert's `runbook`). */
  readonly runbook: string;
  readonly alert: string;
  readonly cluster: string;
  /** The dashboard's title. */
  readonly dashboard: string;
  /** The panel's title. */
  readonly panel: string;
  /** `<grafana>/d/<uid>?viewPanel=<id>`, or root-relative without a Grafana URL. */
  readonly url: string;
}

/** `[`, `]` and `\` of Markdown link text, escaped. */
function linkText(s: string): string {
  return s.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** The runbook as Markdown, with a Dashboards section when any of its alerts has a panel. */
export function renderRunbook(r: Runbook, alerts: readonly string[], dashboards: readonly RunbookDashboardLink[] = []): string {
  const links = [...dashboards].sort((a, b) => compareEnglish(`${a.cluster} ${a.alert}`, `${b.cluster} ${b.alert}`));
  const relative = links.some((l) => l.url.startsWith('/'));
  return [
    `# ${r.title}`, '',
    `Rules: ${r.ruleIds.join(', ')}. Alerts: ${alerts.length ? alerts.map((a) => `\`${a}\``).join(', ') : '-'}.`, '',
    '## What it means', '', r.meaning, '',
    '## First checks', '', ...r.firstChecks.map((c, i) => `${i + 1}. ${c}`), '',
    '## Remediation', '', ...r.remediation.map((c) => `- ${c}`), '',
    ...(links.length > 0
      ? [
        '## Dashboards', '',
        ...(relative ? ['Links without a host are paths on your Grafana (set `grafanaUrl` on the dashboards to write full links).', ''] : []),
        ...links.map((l) => `- \`${l.alert}\` on \`${l.cluster}\`: [${linkText(`${l.dashboard}: ${l.panel}`)}](${l.url})`), '',
      ]
      : []),
  ].join('\n');
}
