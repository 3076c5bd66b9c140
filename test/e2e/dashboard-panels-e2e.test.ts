import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { dashboardQueries } from '../../lib/contract/dashboards';
import { CLUSTER_LABEL, ENVIRONMENT_LABEL, MetricsBackendKind, ROLE_LABEL } from '../../lib/model/monitoring/metrics-backend';
import { dashboardsIn } from '../support/dashboard-queries';
import { LocalProcesses, freePort, prometheusArgs, until } from '../support/local-prometheus';
import { emptyQueries, exposition, panelFixtures, type FixtureSeries } from '../support/panel-fixtures';
import { exampleDist } from '../support/paths';

/**
 * Every panel query of one Kubernetes example (staging, Strimzi) and one MSK example
 * (production, open monitoring) returns data from a real Prometheus (Debian `prometheus`) on
 * 127.0.0.1. Its fixture series are those of the metrics the target's exporters really emit
 * (the exporter metric catalogue of lib/model, through `panelFixtures`), served by one local
 * exporter per environment with the labels the panels select on; Prometheus scrapes them every
 * second and evaluates the environments' generated rule files (unchanged, their real range
 * windows) every second, so the SLO panels read real recording rules. rate() over the panels'
 * own [5m] windows has data once two scrapes have happened. A panel on a metric the catalogue
 * does not list for the backend gets no fixture series and stays empty: the negative case.
 */
const DEADLINE_MS = 30_000;

interface Env {
  readonly env: string;
  readonly cluster: string;
  readonly kind: MetricsBackendKind;
  /** The MSK examples run KRaft: their controllers are not scraped. */
  readonly controllersScraped: boolean;
}
const ENVS: readonly Env[] = [
  { env: 'staging', cluster: 'staging-kafka', kind: MetricsBackendKind.JMX_EXPORTER, controllersScraped: true },
  { env: 'production', cluster: 'production-kafka', kind: MetricsBackendKind.MSK_OPEN_MONITORING, controllersScraped: false },
];

/**
 * A panel on a metric no Strimzi exporter emits under this name (the JMX exporter rules name
 * the ReplicaManager's partition count nothing, and no dashboard reads it): it gets no series.
 */
const ABSENT = 'sum(kafka_server_replicamanager_partitioncount{kafka_cluster="staging-kafka",environment="staging",kafka_role="kafka"})';
const absentPanel = { uid: 'absent', panels: [{ targets: [{ expr: ABSENT }] }] };

describe('every dashboard panel query returns data from a real Prometheus scraping the exporters\' catalogued metrics, on 127.0.0.1', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-panels-'));
  const local = new LocalProcesses(dir);
  const queries = new Map<string, string[]>();
  const fixtures = new Map<string, FixtureSeries[]>();
  let base = '';

  beforeAll(async () => {
    const started = Date.now();
    const jobs = [];
    for (const e of ENVS) {
      const models = dashboardsIn(exampleDist(e.env)).map((d) => d.model);
      queries.set(e.env, [...new Set(models.flatMap((m) => dashboardQueries(m)))]);
      // The negative panel goes through the same fixture builder as the real ones.
      const series = panelFixtures(e.env === 'staging' ? [...models, absentPanel] : models, e.kind, { controllersScraped: e.controllersScraped });
      fixtures.set(e.env, series);
      const port = await local.serve(http.createServer((_req, res) => {
        res.setHeader('Content-Type', 'text/plain; version=0.0.4');
        // Counters grow by one a second, so rate() is above zero.
        res.end(exposition(series, Math.floor((Date.now() - started) / 1000) + 1));
      }));
      jobs.push({
        job_name: e.env, scrape_timeout: '500ms', honor_labels: true,
        static_configs: [{ targets: [`127.0.0.1:${port}`], labels: { [CLUSTER_LABEL]: e.cluster, [ENVIRONMENT_LABEL]: e.env, [ROLE_LABEL]: 'kafka' } }],
      });
    }
    const promPort = await freePort();
    base = `http://127.0.0.1:${promPort}`;
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ENVS.map((e) => path.join(exampleDist(e.env), 'prometheus', '*.rules.yml')),
      scrape_configs: jobs,
    }));
    local.start('/usr/bin/prometheus', prometheusArgs(path.join(dir, 'prometheus.yml'), path.join(dir, 'data'), promPort));
    await until('Prometheus ready', async () => ((await fetch(`${base}/-/ready`)).ok ? true : undefined), () => local.tail(), DEADLINE_MS);
  }, 60_000);

  afterAll(async () => {
    await local.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  it('serves only catalogued metrics: the panel on an uncatalogued metric got no fixture series', () => {
    expect(fixtures.get('staging')!.map((s) => s.name)).not.toContain('kafka_server_replicamanager_partitioncount');
    for (const e of ENVS) expect(fixtures.get(e.env)!.length).toBeGreaterThan(5);
  });

  it.each(ENVS.map((e) => e.env))('%s: every panel query returns a non-empty result', async (env) => {
    const all = queries.get(env)!;
    expect(all.length).toBeGreaterThan(20);
    let empty: string[] = all;
    // rate() needs two samples in its window, and the SLO recording rules a first evaluation.
    await until(`every ${env} panel to have data`, async () => {
      empty = await emptyQueries(base, all);
      return empty.length === 0 ? true : undefined;
    }, () => `${local.tail()}\nempty panels:\n${empty.join('\n')}`, DEADLINE_MS).catch(() => undefined);
    expect(empty).toEqual([]);
  });

  it('a panel on a metric absent from the fixtures is empty, so the check above can fail', async () => {
    // Wait until the staging panels have data (the scrapes have happened), then the absent one is still empty.
    await until('staging panels have data', async () => ((await emptyQueries(base, queries.get('staging')!)).length === 0 ? true : undefined), () => local.tail(), DEADLINE_MS);
    expect(await emptyQueries(base, [ABSENT])).toEqual([ABSENT]);
  });
});
