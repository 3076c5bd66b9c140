import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { dashboardQueries } from '../../lib/contract/dashboards';
import { GRAFANA_DASHBOARD_LABEL } from '../../lib/contract/vocabulary';
import { EXPORTER_METRICS } from '../../lib/model/monitoring/exporter-metric-catalogue';
import { checkRules, type PromtoolResult } from './promtool';

/** A dashboard found in an environment's output: a JSON file in `grafana/` or a sidecar ConfigMap. */
export interface FoundDashboard {
  /** Where it was found (`grafana/x.json`, or `kafka.k8s.yaml ConfigMap x`). */
  readonly source: string;
  readonly model: Record<string, any>;
}

/** Every dashboard of a `dist/<env>/` folder. */
export function dashboardsIn(distDir: string): FoundDashboard[] {
  const out: FoundDashboard[] = [];
  const grafana = path.join(distDir, 'grafana');
  if (fs.existsSync(grafana)) {
    for (const f of fs.readdirSync(grafana).filter((n) => n.endsWith('.json')).sort()) {
      out.push({ source: `grafana/${f}`, model: JSON.parse(fs.readFileSync(path.join(grafana, f), 'utf8')) });
    }
  }
  for (const f of fs.readdirSync(distDir).filter((n) => n.endsWith('.k8s.yaml')).sort()) {
    for (const doc of parseAllDocuments(fs.readFileSync(path.join(distDir, f), 'utf8'))) {
      const o = doc.toJS() as Record<string, any> | null;
      if (o?.kind !== 'ConfigMap' || o.metadata?.labels?.[GRAFANA_DASHBOARD_LABEL] === undefined) continue;
      for (const [key, text] of Object.entries<string>(o.data ?? {})) out.push({ source: `${f} ConfigMap ${o.metadata.name} ${key}`, model: JSON.parse(text) });
    }
  }
  return out;
}

/**
 * `promtool check rules` on every panel query of the dashboards, in one process: each query
 * becomes a recording rule of one generated rule file (promtool 2.42 has no query-check verb;
 * a rule's `expr` is parsed by the same PromQL parser as a query).
 */
export function checkPanelQueries(dashboards: readonly FoundDashboard[], file: string): PromtoolResult & { readonly queries: number } {
  const groups = dashboards.map((d, i) => ({
    name: `dashboard-${i}-${d.model.uid}`,
    rules: dashboardQueries(d.model).map((expr, j) => ({ record: `dashboard_panel_query:${i}:${j}`, expr })),
  }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ groups }, null, 2));
  return { ...checkRules([file]), queries: groups.reduce((n, g) => n + g.rules.length, 0) };
}

/** Every vector selector of a PromQL expression: its metric name (or the catalogued names its `__name__` regex admits) and its `name` label values (MSK). */
export function promqlSelectors(expr: string): { name: string; nameLabels: string[] }[] {
  const out: { name: string; nameLabels: string[] }[] = [];
  for (const m of expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)?\{([^}]*)\}/g)) {
    const labels = m[2];
    const exact = /(?:^|,)\s*name="([^"]*)"/.exec(labels)?.[1];
    const regex = /(?:^|,)\s*name=~"([^"]*)"/.exec(labels)?.[1];
    const nameLabels = exact !== undefined ? [exact] : regex !== undefined ? regex.split('|') : [];
    const byName = /__name__=~"([^"]*)"/.exec(labels)?.[1];
    if (m[1]) out.push({ name: m[1], nameLabels });
    else if (byName) {
      const re = new RegExp(`^(?:${byName})$`);
      for (const c of EXPORTER_METRICS.filter((x) => re.test(x.name))) out.push({ name: c.name, nameLabels });
    }
  }
  return out;
}
