import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALERT_DASHBOARD_PANELS, type AlertDashboardPanel } from '../../lib/contract/alert-dashboard-panels';
import { PROMETHEUS_DIR, RUNBOOK_DIR } from '../../lib/contract/monitoring-output-files';
import { CLUSTER_LABEL } from '../../lib/model/monitoring/metrics-backend';
import { dashboardsIn } from '../support/dashboard-queries';
import { EXAMPLE_ENVIRONMENTS, exampleDist, exampleTerraform } from '../support/paths';
import { KAFKA_RUNBOOKS } from '../../lib/model/monitoring/kafka-runbooks';
import { SCALING_RUNBOOKS } from '../../lib/model/monitoring/scaling-runbooks';

/**
 * Every example environment's runbooks link each alert to the panel of the dashboards that the
 * same environment writes: the links are read from the runbook Markdown, the panels from the
 * dashboard JSON of dist/<env>/grafana/ (MSK) or the sidecar ConfigMaps of *.k8s.yaml
 * (Kubernetes), not from the map the links were made from. The examples cover every target:
 * MSK (production, dr), Strimzi (staging, staging-dr), StatefulSet (development).
 *
 * The link form is Grafana's documented deep link to one panel, `<grafana>/d/<uid>?viewPanel=<id>`
 * (https://grafana.com/docs/grafana/v13.1/developer-resources/mcp/guides/generate-deeplinks-to-grafana/).
 */
interface Link { readonly alert: string; readonly cluster: string; readonly text: string; readonly url: string; readonly uid: string; readonly panel: number }

const LINK = /^- `([A-Za-z0-9_:]+)` on `([^`]+)`: \[(.+)\]\((\S*?)\/d\/([A-Za-z0-9_-]+)\?viewPanel=(\d+)\)$/gm;

function runbookLinks(dist: string, slug: string): Link[] {
  const file = path.join(dist, RUNBOOK_DIR, `${slug}.md`);
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(LINK)].map((m) => ({ alert: m[1]!, cluster: m[2]!, text: m[3]!, url: `${m[4]}/d/${m[5]}?viewPanel=${m[6]}`, uid: m[5]!, panel: Number(m[6]) }));
}

/** The alerting rules of the environment's plain rule files: name, cluster label, runbook_url. */
function alertsOf(dist: string): { alert: string; cluster: string; runbookUrl: string; labels: Record<string, string> }[] {
  const dir = path.join(dist, PROMETHEUS_DIR);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.rules.yml')).sort().flatMap((f) => {
    const doc = parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { groups: { rules: Record<string, any>[] }[] };
    return doc.groups.flatMap((g) => g.rules).filter((r) => r.alert).map((r) => ({ alert: r.alert, cluster: r.labels[CLUSTER_LABEL], runbookUrl: r.annotations.runbook_url, labels: r.labels }));
  });
}

/** The slug of a runbook_url (`<base>/<slug>.md`). */
const slugOf = (url: string) => /([a-z0-9-]+)\.md$/.exec(url)?.[1];

describe.each(EXAMPLE_ENVIRONMENTS)('%s: runbooks link each alert to a panel of this environment\'s dashboards', (env) => {
  const dist = exampleDist(env);
  const dashboards = dashboardsIn(dist);
  const panels = new Map(dashboards.flatMap((d) => {
    const flat = (ps: any[]): any[] => ps.flatMap((p) => [p, ...flat(p.panels ?? [])]);
    return flat(d.model.panels ?? []).map((p) => [`${d.model.uid} ${p.id}`, { title: p.title as string, dashboard: d.model.title as string }] as const);
  }));
  const alerts = alertsOf(dist);
  const slugs = [...new Set(alerts.map((a) => slugOf(a.runbookUrl)!))];
  const links = slugs.flatMap((s) => runbookLinks(dist, s).map((l) => ({ ...l, slug: s })));

  it('has dashboards, alerts and links to check', () => {
    expect(dashboards.length).toBeGreaterThanOrEqual(2);
    expect(alerts.length).toBeGreaterThan(10);
    expect(links.length).toBeGreaterThan(8);
  });

  it('points every link at a uid and panel id that exist in the dashboards it writes, naming that dashboard and panel', () => {
    for (const l of links) {
      const p = panels.get(`${l.uid} ${l.panel}`);
      expect(p, `${l.slug}: ${l.url}`).toBeDefined();
      expect(l.text.startsWith(`${p!.dashboard}: ${p!.title}`), l.text).toBe(true);
    }
  });

  it('links every alert that has a panel, in the runbook its runbook_url annotation names', () => {
    const missing = alerts.filter((a) => {
      const entry = (ALERT_DASHBOARD_PANELS as Readonly<Record<string, AlertDashboardPanel | undefined>>)[a.alert];
      if (entry?.dashboard === undefined) return false;
      return !runbookLinks(dist, slugOf(a.runbookUrl)!).some((l) => l.alert === a.alert && l.cluster === a.cluster);
    }).map((a) => `${a.alert} (${a.cluster}) -> ${a.runbookUrl}`);
    expect(missing).toEqual([]);
    // The annotation names a runbook this environment writes.
    for (const a of alerts) expect(fs.existsSync(path.join(dist, RUNBOOK_DIR, `${slugOf(a.runbookUrl)}.md`)), a.runbookUrl).toBe(true);
  });

  it('links every SLO alert to its SLO\'s row of the SLO dashboard: burn-rate alerts to the burn rates, budget alerts to the budget left', () => {
    // Rows are expanded, so a row's panels follow it in the dashboard's top-level panel list.
    const rowOf = (uid: string, id: number): string | undefined => {
      const list: any[] = dashboards.find((d) => d.model.uid === uid)!.model.panels;
      const at = list.findIndex((p) => p.id === id);
      return list.slice(0, at).reverse().find((p) => p.type === 'row')?.title;
    };
    const slo = alerts.filter((a) => a.labels.slo !== undefined);
    expect(slo.length).toBeGreaterThanOrEqual(6);
    for (const a of slo) {
      const slug = slugOf(a.runbookUrl)!;
      expect(['slo-burn-rate', 'slo-error-budget']).toContain(slug);
      const link = runbookLinks(dist, slug).find((l) => l.alert === a.alert && l.cluster === a.cluster);
      expect(link, `${a.alert} (${a.cluster}) in ${slug}`).toBeDefined();
      expect(link!.text).toMatch(/: SLOs: /);
      expect(link!.text.endsWith(slug === 'slo-burn-rate' ? 'Burn rate per window' : 'Error budget remaining'), link!.text).toBe(true);
      expect(rowOf(link!.uid, link!.panel)?.startsWith(`${a.labels.rule_id} ${a.labels.slo}:`), `${a.alert}: row of ${link!.url}`).toBe(true);
    }
  });

  it('links only alerts of this environment, each to a dashboard of its own cluster', () => {
    for (const l of links) {
      expect(alerts.some((a) => a.alert === l.alert && a.cluster === l.cluster), `${l.alert} ${l.cluster}`).toBe(true);
      expect(dashboards.find((d) => d.model.uid === l.uid)!.model.tags).toContain(l.cluster);
    }
  });
});

/** Each CloudWatch alarm of an MSK environment with the runbook slug its description names (`Runbook: <base>/<slug>.md`); none elsewhere. */
function alarmRunbooks(env: string): { alert: string; slug: string }[] {
  const file = exampleTerraform(env);
  if (!fs.existsSync(file)) return [];
  const alarms = Object.values(JSON.parse(fs.readFileSync(file, 'utf8')).resource?.aws_cloudwatch_metric_alarm ?? {}) as { alarm_name: string; alarm_description?: string }[];
  return alarms.flatMap((a) => [...(a.alarm_description ?? '').matchAll(/Runbook: \S*?([a-z0-9-]+)\.md/g)].map((m) => ({ alert: a.alarm_name, slug: m[1]! })));
}

/** The alerts a written runbook lists (`Rules: … Alerts: `a`, `b`.`, or `-`). */
function listedAlerts(dist: string, slug: string): string[] {
  const line = /^Rules: .*\. Alerts: (.*)\.$/m.exec(fs.readFileSync(path.join(dist, RUNBOOK_DIR, `${slug}.md`), 'utf8'));
  expect(line, slug).not.toBeNull();
  return line![1] === '-' ? [] : line![1]!.split(', ').map((a) => a.replace(/^`|`$/g, ''));
}

const CATALOGUE = new Map([...KAFKA_RUNBOOKS, ...SCALING_RUNBOOKS].map((r) => [r.slug, r]));

describe.each(EXAMPLE_ENVIRONMENTS)('%s: writes the runbooks its alerts and alarms link to, with those they send the reader to, and no other', (env) => {
  const dist = exampleDist(env);
  const links = [...alertsOf(dist).map((a) => ({ alert: a.alert, slug: slugOf(a.runbookUrl)! })), ...alarmRunbooks(env)];

  it('has one runbook per linked slug and per related one', () => {
    const expected = new Set(links.map((l) => l.slug));
    for (const slug of expected) for (const related of CATALOGUE.get(slug)?.related ?? []) expected.add(related);
    const written = fs.readdirSync(path.join(dist, RUNBOOK_DIR)).map((f) => f.replace(/\.md$/, ''));
    expect(expected.size).toBeGreaterThan(8);
    expect(written.sort()).toEqual([...expected].sort());
  });

  it('lists in each runbook exactly the alerts and alarms that link to it', () => {
    const written = fs.readdirSync(path.join(dist, RUNBOOK_DIR)).map((f) => f.replace(/\.md$/, ''));
    for (const slug of written) {
      const expected = [...new Set(links.filter((l) => l.slug === slug).map((l) => l.alert))].sort();
      expect(listedAlerts(dist, slug), slug).toEqual(expected);
    }
  });
});

describe('the Grafana URL of the links', () => {
  it('is the grafanaUrl the example sets (production on MSK, staging-dr on Strimzi with a sub-path), and root-relative elsewhere', () => {
    const first = (env: string, slug: string) => runbookLinks(exampleDist(env), slug)[0]!.url;
    expect(first('production', 'broker-down')).toMatch(/^https:\/\/grafana\.shop\.example\.com\/d\/kafka-production-production-kafka-ops\?viewPanel=\d+$/);
    expect(first('staging-dr', 'mirrormaker2-replication-lag')).toMatch(/^https:\/\/ops\.shop\.example\.com\/grafana\/d\/kafka-staging-dr-staging-dr-kafka-dr\?viewPanel=\d+$/);
    expect(first('staging', 'broker-down')).toMatch(/^\/d\/kafka-staging-staging-kafka-ops\?viewPanel=\d+$/);
    expect(fs.readFileSync(path.join(exampleDist('staging'), RUNBOOK_DIR, 'broker-down.md'), 'utf8')).toContain('paths on your Grafana');
  });
});
