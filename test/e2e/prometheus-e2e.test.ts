import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderAlertmanagerYaml } from '../../lib/contract/alertmanager-config';
import { dashboardQueries } from '../../lib/contract/dashboards';
import { AlertReceiver, AlertRouting, SecretReference } from '../../lib/model/monitoring/alert-routing';
import { KafkaAlertName } from '../../lib/model/monitoring/kafka-alerts';
import { CLUSTER_LABEL, ENVIRONMENT_LABEL, MetricsBackendKind, REGION_LABEL, ROLE_LABEL, jmxExporterMetrics } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { dashboardsIn } from '../support/dashboard-queries';
import { LocalProcesses, freePort, getJson, prometheusArgs, until as waitUntil } from '../support/local-prometheus';
import { emptyQueries, exposition, panelFixtures, type FixtureSeries } from '../support/panel-fixtures';
import { filesEndingWith } from '../support/promtool';
import { exampleDist } from '../support/paths';

/**
 * End to end, on 127.0.0.1 only, against real servers: alert routing (Prometheus ->
 * Alertmanager -> webhook) and the dashboards' panel queries (Prometheus scraping the exporters'
 * catalogued metrics).
 *
 * Both setups live in this one file so that their servers start together, in one beforeAll:
 * Prometheus 2.42 hands the targets of its configuration (scrape targets and Alertmanagers) to
 * its scrape and notifier managers only on the first tick of its discovery manager, 5 s after it
 * starts (`updatert: 5 * time.Second` in discovery/manager.go, no flag), so no Prometheus scrapes
 * anything in its first 5 s. Started together, the two Prometheus servers wait out those 5 s
 * once instead of one file after the other. Each setup keeps its own servers, configuration and
 * rule files; every process and server is stopped in afterAll.
 */
const DEADLINE_MS = 40_000;
/** Scrape interval (and timeout) of both Prometheus servers; rules are evaluated every 200 ms. */
const SCRAPE = { scrape_interval: '500ms', evaluation_interval: '200ms' } as const;
const SCRAPE_TIMEOUT = '500ms';

/**
 * Alert routing. A real Prometheus (Debian `prometheus`) loads the rule files generated for the
 * staging example and scrapes a small exporter served by this test, which exposes the metrics of
 * a broken cluster (one broker whose target is down, one with under-replicated partitions and a
 * slow produce P99). A real Alertmanager (Debian `prometheus-alertmanager`) runs the
 * configuration rendered from an AlertRouting (the one writer), as the Prometheus Operator
 * generates it for an AlertmanagerConfig in `kafka`, with webhook receivers that point at a local
 * HTTP server of this test.
 *
 * The rule files are test copies with `for` removed, and Prometheus evaluates every 200 ms, so
 * the alerts fire as soon as the targets are scraped; the routing has a group wait and a group
 * interval of 1s. Everything else is as generated. The tests assert that the broker-down alert
 * arrives at the critical receiver with its runbook link and the bearer token from its Secret
 * file, that the slow-request warning arrives at the warning receiver, and that the
 * under-replicated partitions alert, firing in Prometheus, is inhibited in Alertmanager and never
 * notified.
 */
class AlertRoutingSetup {
  public static readonly ENV = 'staging';
  public static readonly CLUSTER = 'staging-kafka';
  public static readonly NAMESPACE = 'kafka';
  /**
   * Group wait and group interval of the routing under test: 1 s, longer than the skew between
   * the first scrapes of the two brokers' targets and the evaluation after them (at most one
   * scrape interval, 500 ms, and one evaluation interval, 200 ms). The broker-down alert thus
   * reaches Alertmanager before the under-replicated partitions group is due, however Prometheus
   * staggers the two targets, and the inhibition is what keeps that group silent.
   */
  public static readonly GROUP_WAIT_MS = 1_000;

  public readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-e2e-'));
  public readonly local = new LocalProcesses(this.dir);
  public readonly notifications: Notification[] = [];
  public readonly tokens = { pager: 'e2e-pager-token', team: 'e2e-team-token' };
  public readonly metrics = jmxExporterMetrics(
    { cluster: AlertRoutingSetup.CLUSTER, environment: AlertRoutingSetup.ENV, region: 'us-east-1', namespace: AlertRoutingSetup.NAMESPACE },
    { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'strimzi' },
  );
  public promPort = 0;
  public amPort = 0;

  public async start(): Promise<void> {
    const { ENV, CLUSTER, NAMESPACE, GROUP_WAIT_MS } = AlertRoutingSetup;
    const { dir, local, metrics } = this;
    // The exporter of the broken cluster, and the webhook that records what Alertmanager sends.
    const exporter = http.createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/plain; version=0.0.4');
      res.end([
        `# TYPE ${metrics.underReplicated.name} gauge`,
        `${metrics.underReplicated.name} 3`,
        `# TYPE ${metrics.requestP99.name} gauge`,
        `${metrics.requestP99.name}{quantile="${metrics.requestP99.matchers.quantile}",request="Produce"} 250`,
        '',
      ].join('\n'));
    });
    const webhook = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => { body += d; });
      req.on('end', () => {
        this.notifications.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(body) });
        res.end('ok');
      });
    });
    const exporterPort = await local.serve(exporter);
    const hookPort = await local.serve(webhook);
    const downPort = await freePort(); // nothing listens here: the broker whose target is down
    this.promPort = await freePort();
    this.amPort = await freePort();

    // The routing under test: webhooks to this test, credentials from Secret files.
    const routing = AlertRouting.bySeverity({
      receivers: [
        AlertReceiver.webhook('pager', { url: `http://127.0.0.1:${hookPort}/critical`, bearerToken: SecretReference.of('e2e-pager', 'token') }),
        AlertReceiver.webhook('team', { url: `http://127.0.0.1:${hookPort}/warning`, bearerToken: SecretReference.of('e2e-team', 'token') }),
      ],
      criticalReceiver: 'pager', warningReceiver: 'team',
      groupWait: PrometheusDuration.milliseconds(GROUP_WAIT_MS), groupInterval: PrometheusDuration.milliseconds(GROUP_WAIT_MS),
    });
    const secrets = path.join(dir, 'secrets');
    for (const [name, token] of [['e2e-pager', this.tokens.pager], ['e2e-team', this.tokens.team]]) {
      fs.mkdirSync(path.join(secrets, name), { recursive: true });
      fs.writeFileSync(path.join(secrets, name, 'token'), token);
    }
    fs.writeFileSync(path.join(dir, 'alertmanager.yml'), renderAlertmanagerYaml(routing, { secretsDir: secrets, operator: { namespace: NAMESPACE, name: 'kafka-alert-routing' } }));

    // The environment's generated rule files, copied with `for` removed.
    const rules = path.join(dir, 'rules');
    fs.mkdirSync(rules);
    for (const file of filesEndingWith(path.join(exampleDist(ENV), 'prometheus'), '.rules.yml').filter((f) => !f.includes(`${path.sep}tests${path.sep}`))) {
      const doc = parse(fs.readFileSync(file, 'utf8'));
      for (const g of doc.groups) for (const r of g.rules) delete r.for;
      fs.writeFileSync(path.join(rules, path.basename(file)), stringify(doc));
    }
    const target = (port: number, pod: string) => ({
      targets: [`127.0.0.1:${port}`],
      labels: { [CLUSTER_LABEL]: CLUSTER, [ENVIRONMENT_LABEL]: ENV, [REGION_LABEL]: 'us-east-1', [ROLE_LABEL]: 'kafka', [metrics.nodeLabel]: pod },
    });
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), stringify({
      global: SCRAPE,
      alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${this.amPort}`] }] }] },
      rule_files: [path.join(rules, '*.rules.yml')],
      scrape_configs: [{ job_name: 'kafka', scrape_timeout: SCRAPE_TIMEOUT, static_configs: [target(downPort, metrics.nodeExample(0)), target(exporterPort, metrics.nodeExample(1))] }],
    }));

    // Both servers start at once; readiness is polled.
    local.start('/usr/bin/prometheus-alertmanager', [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${path.join(dir, 'am-data')}`,
      `--web.listen-address=127.0.0.1:${this.amPort}`, '--cluster.listen-address=', '--log.level=warn',
    ]);
    local.start('/usr/bin/prometheus', prometheusArgs(path.join(dir, 'prometheus.yml'), path.join(dir, 'prom-data'), this.promPort));
    await Promise.all([
      this.until('Alertmanager ready', async () => ((await fetch(`http://127.0.0.1:${this.amPort}/-/ready`)).ok ? true : undefined)),
      this.until('Prometheus ready', async () => ((await fetch(`http://127.0.0.1:${this.promPort}/-/ready`)).ok ? true : undefined)),
    ]);
  }

  /** Polls every 50 ms (the probes are local and cheap) until `probe` returns a value. */
  public until<T>(what: string, probe: () => Promise<T | undefined>, log: () => string = () => this.local.tail()): Promise<T> {
    return waitUntil(what, probe, log, DEADLINE_MS, 50);
  }

  /** The notifications that carry an alert named `alertname`. */
  public received(alertname: string): Notification[] {
    return this.notifications.filter((n) => n.body.alerts.some((a: any) => a.labels.alertname === alertname));
  }

  public async stop(): Promise<void> {
    await this.local.stopAll();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Notification { readonly path: string; readonly authorization: string | undefined; readonly body: Record<string, any> }

interface PanelEnv {
  readonly env: string;
  readonly cluster: string;
  readonly kind: MetricsBackendKind;
  /** The MSK examples run KRaft: their controllers are not scraped. */
  readonly controllersScraped: boolean;
}

/**
 * Dashboard panels. Every panel query of one Kubernetes example (staging, Strimzi) and one MSK
 * example (production, open monitoring) returns data from a real Prometheus (Debian
 * `prometheus`) on 127.0.0.1. Its fixture series are those of the metrics the target's exporters
 * really emit (the exporter metric catalogue of lib/model, through `panelFixtures`), served by one
 * local exporter per environment with the labels the panels select on; Prometheus scrapes them
 * every 500 ms and evaluates the environments' generated rule files (unchanged, their real range
 * windows) every 200 ms, so the SLO panels read real recording rules. rate() over the panels' own
 * [5m] windows has data once two scrapes have happened. A panel on a metric the catalogue does not
 * list for the backend gets no fixture series and stays empty: the negative case.
 */
class PanelSetup {
  public static readonly ENVS: readonly PanelEnv[] = [
    { env: 'staging', cluster: 'staging-kafka', kind: MetricsBackendKind.JMX_EXPORTER, controllersScraped: true },
    { env: 'production', cluster: 'production-kafka', kind: MetricsBackendKind.MSK_OPEN_MONITORING, controllersScraped: false },
  ];
  /**
   * A panel on a metric no Strimzi exporter emits under this name (the JMX exporter rules name
   * the ReplicaManager's partition count nothing, and no dashboard reads it): it gets no series.
   */
  public static readonly ABSENT = 'sum(kafka_server_replicamanager_partitioncount{kafka_cluster="staging-kafka",environment="staging",kafka_role="kafka"})';

  public readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-panels-'));
  public readonly local = new LocalProcesses(this.dir);
  public readonly queries = new Map<string, string[]>();
  public readonly fixtures = new Map<string, FixtureSeries[]>();
  public base = '';

  public async start(): Promise<void> {
    const { dir, local } = this;
    const absentPanel = { uid: 'absent', panels: [{ targets: [{ expr: PanelSetup.ABSENT }] }] };
    const started = Date.now();
    const jobs = [];
    for (const e of PanelSetup.ENVS) {
      const models = dashboardsIn(exampleDist(e.env)).map((d) => d.model);
      this.queries.set(e.env, [...new Set(models.flatMap((m) => dashboardQueries(m)))]);
      // The negative panel goes through the same fixture builder as the real ones.
      const series = panelFixtures(e.env === 'staging' ? [...models, absentPanel] : models, e.kind, { controllersScraped: e.controllersScraped });
      this.fixtures.set(e.env, series);
      const port = await local.serve(http.createServer((_req, res) => {
        res.setHeader('Content-Type', 'text/plain; version=0.0.4');
        // Counters grow by one a second, measured to the millisecond, so rate() between two scrapes is above zero.
        res.end(exposition(series, (Date.now() - started) / 1000 + 1));
      }));
      jobs.push({
        job_name: e.env, scrape_timeout: SCRAPE_TIMEOUT, honor_labels: true,
        static_configs: [{ targets: [`127.0.0.1:${port}`], labels: { [CLUSTER_LABEL]: e.cluster, [ENVIRONMENT_LABEL]: e.env, [ROLE_LABEL]: 'kafka' } }],
      });
    }
    const promPort = await freePort();
    this.base = `http://127.0.0.1:${promPort}`;
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), stringify({
      global: SCRAPE,
      rule_files: PanelSetup.ENVS.map((e) => path.join(exampleDist(e.env), 'prometheus', '*.rules.yml')),
      scrape_configs: jobs,
    }));
    local.start('/usr/bin/prometheus', prometheusArgs(path.join(dir, 'prometheus.yml'), path.join(dir, 'data'), promPort));
    await waitUntil('Prometheus ready', async () => ((await fetch(`${this.base}/-/ready`)).ok ? true : undefined), () => local.tail(), DEADLINE_MS, 50);
  }

  public async stop(): Promise<void> {
    await this.local.stopAll();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

const routing = new AlertRoutingSetup();
const panels = new PanelSetup();

// Every server of both setups starts here, together (see the top of the file).
beforeAll(async () => {
  await Promise.all([routing.start(), panels.start()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([routing.stop(), panels.stop()]);
}, 20_000);

describe('alert routing end to end: Prometheus -> Alertmanager -> webhook, on 127.0.0.1', () => {
  const { ENV, CLUSTER, NAMESPACE, GROUP_WAIT_MS } = AlertRoutingSetup;
  const { metrics, tokens, notifications } = routing;
  const tail = () => routing.local.tail();

  it('delivers the broker-down alert to the critical receiver, with its runbook link and the bearer token of its Secret', async () => {
    const n = await routing.until(`${KafkaAlertName.NODE_DOWN} at the webhook`, async () => routing.received(KafkaAlertName.NODE_DOWN)[0], () => `${tail()}\nnotifications: ${JSON.stringify(notifications.map((x) => [x.path, x.body.receiver]))}`);
    expect(n.path).toBe('/critical');
    expect(n.body.receiver).toBe(`${NAMESPACE}/kafka-alert-routing/pager`);
    expect(n.authorization).toBe(`Bearer ${tokens.pager}`);
    const alert = n.body.alerts.find((a: any) => a.labels.alertname === KafkaAlertName.NODE_DOWN);
    expect(alert.labels).toMatchObject({ severity: 'critical', [CLUSTER_LABEL]: CLUSTER, [ENVIRONMENT_LABEL]: ENV, namespace: NAMESPACE, [metrics.nodeLabel]: metrics.nodeExample(0) });
    expect(alert.annotations.runbook_url).toBe('runbooks/broker-down.md');
  });

  it('delivers the slow-request warning to the warning receiver', async () => {
    const n = await routing.until(`${KafkaAlertName.REQUEST_LATENCY_HIGH} at the webhook`, async () => routing.received(KafkaAlertName.REQUEST_LATENCY_HIGH)[0]);
    expect(n.path).toBe('/warning');
    expect(n.body.receiver).toBe(`${NAMESPACE}/kafka-alert-routing/team`);
    expect(n.authorization).toBe(`Bearer ${tokens.team}`);
  });

  it('inhibits the under-replicated partitions alert while the broker is down: firing in Prometheus, suppressed in Alertmanager, never notified', async () => {
    await routing.until(`${KafkaAlertName.UNDER_REPLICATED_PARTITIONS} firing in Prometheus`, async () => {
      const r = await getJson(`http://127.0.0.1:${routing.promPort}/api/v1/alerts`);
      return r.data.alerts.some((a: any) => a.labels.alertname === KafkaAlertName.UNDER_REPLICATED_PARTITIONS && a.state === 'firing') ? true : undefined;
    });
    const inAlertmanager = await routing.until(`${KafkaAlertName.UNDER_REPLICATED_PARTITIONS} in Alertmanager`, async () => {
      const alerts = await getJson(`http://127.0.0.1:${routing.amPort}/api/v2/alerts?filter=${encodeURIComponent(`alertname="${KafkaAlertName.UNDER_REPLICATED_PARTITIONS}"`)}`);
      return alerts.length > 0 && alerts[0].status.state === 'suppressed' ? alerts[0] : undefined;
    });
    expect(inAlertmanager.status.inhibitedBy.length).toBeGreaterThan(0);
    // The broker-down notification has gone out; the inhibited alert is in no notification. Its
    // group (grouped by alertname) would have been notified a group wait after Alertmanager
    // received it (`updatedAt`, Alertmanager's clock, the same machine): wait that, and 2 s more.
    await routing.until('the broker-down notification', async () => routing.received(KafkaAlertName.NODE_DOWN)[0]);
    const wouldHaveBeenNotified = Date.parse(inAlertmanager.updatedAt) + GROUP_WAIT_MS;
    expect(Number.isFinite(wouldHaveBeenNotified)).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, wouldHaveBeenNotified + 2_000 - Date.now())));
    expect(routing.received(KafkaAlertName.UNDER_REPLICATED_PARTITIONS)).toEqual([]);
  });
});

describe('every dashboard panel query returns data from a real Prometheus scraping the exporters\' catalogued metrics, on 127.0.0.1', () => {
  const { ENVS, ABSENT } = PanelSetup;
  const until = <T>(what: string, probe: () => Promise<T | undefined>, log: () => string) => waitUntil(what, probe, log, DEADLINE_MS);

  it('serves only catalogued metrics: the panel on an uncatalogued metric got no fixture series', () => {
    expect(panels.fixtures.get('staging')!.map((s) => s.name)).not.toContain('kafka_server_replicamanager_partitioncount');
    for (const e of ENVS) expect(panels.fixtures.get(e.env)!.length).toBeGreaterThan(5);
  });

  it.each(ENVS.map((e) => e.env))('%s: every panel query returns a non-empty result', async (env) => {
    const all = panels.queries.get(env)!;
    expect(all.length).toBeGreaterThan(20);
    let empty: string[] = all;
    // rate() needs two samples in its window, and the SLO recording rules a first evaluation.
    await until(`every ${env} panel to have data`, async () => {
      empty = await emptyQueries(panels.base, all);
      return empty.length === 0 ? true : undefined;
    }, () => `${panels.local.tail()}\nempty panels:\n${empty.join('\n')}`).catch(() => undefined);
    expect(empty).toEqual([]);
  });

  it('a panel on a metric absent from the fixtures is empty, so the check above can fail', async () => {
    // Wait until the staging panels have data (the scrapes have happened), then the absent one is still empty.
    await until('staging panels have data', async () => ((await emptyQueries(panels.base, panels.queries.get('staging')!)).length === 0 ? true : undefined), () => panels.local.tail());
    expect(await emptyQueries(panels.base, [ABSENT])).toEqual([ABSENT]);
  });
});
