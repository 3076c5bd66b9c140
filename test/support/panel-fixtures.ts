import { dashboardQueries } from '../../lib/contract/dashboards';
import { emittedMetric, type ScrapedExporters } from '../../lib/model/monitoring/exporter-metric-catalogue';
import type { MetricsBackendKind } from '../../lib/model/monitoring/metrics-backend';
import { getJson } from './local-prometheus';

/** One fixture series: a metric name and its labels. */
export interface FixtureSeries {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Labels every fixture series carries, so that joins `on (namespace, persistentvolumeclaim)` find their other side. */
const JOIN_LABELS: Record<string, string> = { persistentvolumeclaim: 'data-fixture-0', pod: 'fixture-0' };

/**
 * The fixture series that make the panels of `dashboards` return data: for every vector
 * selector of every panel query whose metric the backend's exporters really emit (the exporter
 * metric catalogue, `emittedMetric`), one series with the labels the selector matches on
 * (equality matchers, and the first alternative of a `=~` matcher). A selector on a metric
 * the catalogue does not list for the backend gets no series, so its panel stays empty.
 * Recording rules (names with `:`) and `up` (Prometheus's own) are not served. Series that the
 * selectors of several panels share are served once.
 */
export function panelFixtures(dashboards: readonly Record<string, any>[], kind: MetricsBackendKind, scraped: ScrapedExporters): FixtureSeries[] {
  const out = new Map<string, FixtureSeries>();
  for (const model of dashboards) {
    for (const q of dashboardQueries(model)) {
      for (const m of q.matchAll(/([a-zA-Z_][a-zA-Z0-9_:]*)\{([^}]*)\}/g)) {
        const name = m[1];
        if (name.includes(':') || name === 'up') continue;
        const labels: Record<string, string> = { ...JOIN_LABELS };
        const regexes: Record<string, string> = {};
        for (const l of m[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)\s*"((?:[^"\\]|\\.)*)"/g)) {
          if (l[2] === '=') labels[l[1]] = l[3];
          else if (l[2] === '=~') regexes[l[1]] = l[3].split('|')[0];
        }
        for (const [k, v] of Object.entries(regexes)) if (!(k in labels)) labels[k] = v;
        if (!emittedMetric(kind, scraped, name, labels.name)) continue;
        const s = { name, labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => v !== '').sort()) };
        out.set(JSON.stringify(s), s);
      }
    }
  }
  return [...out.values()];
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** The series in the Prometheus text exposition format (0.0.4), every value `value`. */
export function exposition(series: readonly FixtureSeries[], value: number): string {
  return `${series.map((s) => `${s.name}{${Object.entries(s.labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}} ${value}`).join('\n')}\n`;
}

/** The queries that return an empty result from the Prometheus at `base` (`/api/v1/query`, instant). */
export async function emptyQueries(base: string, queries: readonly string[]): Promise<string[]> {
  const results = await Promise.all(queries.map(async (q) => {
    const r = await getJson(`${base}/api/v1/query?query=${encodeURIComponent(q)}`);
    if (r.status !== 'success') throw new Error(`query failed: ${q}: ${r.error}`);
    return r.data.result.length > 0 ? undefined : q;
  }));
  return results.filter((q): q is string => q !== undefined);
}
