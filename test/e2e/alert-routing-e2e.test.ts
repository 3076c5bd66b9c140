import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderAlertmanagerYaml } from '../../lib/contract/alertmanager-config';
import { AlertReceiver, AlertRouting, SecretReference } from '../../lib/model/monitoring/alert-routing';
import { KafkaAlertName } from '../../lib/model/monitoring/kafka-alerts';
import { CLUSTER_LABEL, ENVIRONMENT_LABEL, REGION_LABEL, ROLE_LABEL, jmxExporterMetrics } from '../../lib/model/monitoring/metrics-backend';
import { PrometheusDuration } from '../../lib/model/monitoring/prometheus-duration';
import { LocalProcesses, freePort, getJson, prometheusArgs, until as waitUntil } from '../support/local-prometheus';
import { filesEndingWith } from '../support/promtool';
import { exampleDist } from '../support/paths';

/**
 * End to end, on 127.0.0.1 only: a real Prometheus (Debian `prometheus`) loads the rule files
 * generated for the staging example and scrapes a small exporter served by this test, which
 * exposes the metrics of a broken cluster (one broker whose target is down, one with
 * under-replicated partitions and a slow produce P99). A real Alertmanager (Debian
 * `prometheus-alertmanager`) runs the configuration rendered from an AlertRouting (the one
 * writer), as the Prometheus Operator generates it for an AlertmanagerConfig in `kafka`, with
 * webhook receivers that point at a local HTTP server of this test.
 *
 * The rule files are test copies with `for` removed, and Prometheus evaluates every second, so
 * the alerts fire within seconds; the routing has a group wait of 1s. Everything else is as
 * generated. The test asserts that the broker-down alert arrives at the critical receiver with
 * its runbook link and the bearer token from its Secret file, that the slow-request warning
 * arrives at the warning receiver, and that the under-replicated partitions alert, firing in
 * Prometheus, is inhibited in Alertmanager and never notified. Every process is stopped in
 * afterAll.
 */
const ENV = 'staging';
const CLUSTER = 'staging-kafka';
const NAMESPACE = 'kafka';
const DEADLINE_MS = 40_000;

interface Notification { readonly path: string; readonly authorization: string | undefined; readonly body: Record<string, any> }

const metrics = jmxExporterMetrics({ cluster: CLUSTER, environment: ENV, region: 'us-east-1', namespace: NAMESPACE }, { pvcClusterLabel: 'label_kafka_iac_dev_cluster', certificates: 'strimzi' });

const until = <T>(what: string, probe: () => Promise<T | undefined>, log: () => string) => waitUntil(what, probe, log, DEADLINE_MS);

describe('alert routing end to end: Prometheus -> Alertmanager -> webhook, on 127.0.0.1', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-e2e-'));
  const local = new LocalProcesses(dir);
  const notifications: Notification[] = [];
  let promPort = 0;
  let amPort = 0;
  const tokens = { pager: 'e2e-pager-token', team: 'e2e-team-token' };

  const start = (cmd: string, args: string[]) => local.start(cmd, args);
  const tail = () => local.tail();

  beforeAll(async () => {
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
        notifications.push({ path: req.url ?? '', authorization: req.headers.authorization, body: JSON.parse(body) });
        res.end('ok');
      });
    });
    const exporterPort = await local.serve(exporter);
    const hookPort = await local.serve(webhook);
    const downPort = await freePort(); // nothing listens here: the broker whose target is down
    promPort = await freePort();
    amPort = await freePort();

    // The routing under test: webhooks to this test, credentials from Secret files.
    const routing = AlertRouting.bySeverity({
      receivers: [
        AlertReceiver.webhook('pager', { url: `http://127.0.0.1:${hookPort}/critical`, bearerToken: SecretReference.of('e2e-pager', 'token') }),
        AlertReceiver.webhook('team', { url: `http://127.0.0.1:${hookPort}/warning`, bearerToken: SecretReference.of('e2e-team', 'token') }),
      ],
      criticalReceiver: 'pager', warningReceiver: 'team',
      groupWait: PrometheusDuration.seconds(1), groupInterval: PrometheusDuration.seconds(1),
    });
    const secrets = path.join(dir, 'secrets');
    for (const [name, token] of [['e2e-pager', tokens.pager], ['e2e-team', tokens.team]]) {
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
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      alerting: { alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${amPort}`] }] }] },
      rule_files: [path.join(rules, '*.rules.yml')],
      scrape_configs: [{ job_name: 'kafka', scrape_timeout: '500ms', static_configs: [target(downPort, metrics.nodeExample(0)), target(exporterPort, metrics.nodeExample(1))] }],
    }));

    start('/usr/bin/prometheus-alertmanager', [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`, `--storage.path=${path.join(dir, 'am-data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=', '--log.level=warn',
    ]);
    start('/usr/bin/prometheus', prometheusArgs(path.join(dir, 'prometheus.yml'), path.join(dir, 'prom-data'), promPort));
    await until('Alertmanager ready', async () => ((await fetch(`http://127.0.0.1:${amPort}/-/ready`)).ok ? true : undefined), tail);
    await until('Prometheus ready', async () => ((await fetch(`http://127.0.0.1:${promPort}/-/ready`)).ok ? true : undefined), tail);
  }, 60_000);

  afterAll(async () => {
    await local.stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 20_000);

  const received = (alertname: string) => notifications.filter((n) => n.body.alerts.some((a: any) => a.labels.alertname === alertname));

  it('delivers the broker-down alert to the critical receiver, with its runbook link and the bearer token of its Secret', async () => {
    const n = await until(`${KafkaAlertName.NODE_DOWN} at the webhook`, async () => received(KafkaAlertName.NODE_DOWN)[0], () => `${tail()}\nnotifications: ${JSON.stringify(notifications.map((x) => [x.path, x.body.receiver]))}`);
    expect(n.path).toBe('/critical');
    expect(n.body.receiver).toBe(`${NAMESPACE}/kafka-alert-routing/pager`);
    expect(n.authorization).toBe(`Bearer ${tokens.pager}`);
    const alert = n.body.alerts.find((a: any) => a.labels.alertname === KafkaAlertName.NODE_DOWN);
    expect(alert.labels).toMatchObject({ severity: 'critical', [CLUSTER_LABEL]: CLUSTER, [ENVIRONMENT_LABEL]: ENV, namespace: NAMESPACE, [metrics.nodeLabel]: metrics.nodeExample(0) });
    expect(alert.annotations.runbook_url).toBe('runbooks/broker-down.md');
  });

  it('delivers the slow-request warning to the warning receiver', async () => {
    const n = await until(`${KafkaAlertName.REQUEST_LATENCY_HIGH} at the webhook`, async () => received(KafkaAlertName.REQUEST_LATENCY_HIGH)[0], tail);
    expect(n.path).toBe('/warning');
    expect(n.body.receiver).toBe(`${NAMESPACE}/kafka-alert-routing/team`);
    expect(n.authorization).toBe(`Bearer ${tokens.team}`);
  });

  it('inhibits the under-replicated partitions alert while the broker is down: firing in Prometheus, suppressed in Alertmanager, never notified', async () => {
    await until(`${KafkaAlertName.UNDER_REPLICATED_PARTITIONS} firing in Prometheus`, async () => {
      const r = await getJson(`http://127.0.0.1:${promPort}/api/v1/alerts`);
      return r.data.alerts.some((a: any) => a.labels.alertname === KafkaAlertName.UNDER_REPLICATED_PARTITIONS && a.state === 'firing') ? true : undefined;
    }, tail);
    const inAlertmanager = await until(`${KafkaAlertName.UNDER_REPLICATED_PARTITIONS} in Alertmanager`, async () => {
      const alerts = await getJson(`http://127.0.0.1:${amPort}/api/v2/alerts?filter=${encodeURIComponent(`alertname="${KafkaAlertName.UNDER_REPLICATED_PARTITIONS}"`)}`);
      return alerts.length > 0 && alerts[0].status.state === 'suppressed' ? alerts[0] : undefined;
    }, tail);
    expect(inAlertmanager.status.inhibitedBy.length).toBeGreaterThan(0);
    // The broker-down notification has gone out (its group waited 1s); the inhibited alert is in no notification.
    await until('the broker-down notification', async () => received(KafkaAlertName.NODE_DOWN)[0], tail);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(received(KafkaAlertName.UNDER_REPLICATED_PARTITIONS)).toEqual([]);
  });
});
