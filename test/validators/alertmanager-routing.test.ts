import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALERTMANAGER_CONFIG_FILE } from '../../lib/contract/alertmanager-config';
import { AlertSeverity } from '../../lib/model/monitoring/alert-severity';
import type { AlertRouting } from '../../lib/model/monitoring/alert-routing';
import { KafkaAlertName } from '../../lib/model/monitoring/kafka-alerts';
import { developmentAlertRouting, shopAlertRouting } from '../../stacks/shop-alert-routing';
import { amtoolCheckConfig, amtoolRoutesTest, inBatches, matcherLabelNames, routeMatcherLabels, ruleFileAlerts, type RuleFileAlert } from '../support/alertmanager';
import { exampleDist } from '../support/paths';
import { temporaryFolder } from '../support/temporary-folders';

/**
 * The real Alertmanager tools (Debian `prometheus-alertmanager`, amtool 0.25) over the routing
 * of each example: `amtool check-config` on `dist/<env>/alertmanager/alertmanager.yml`, and
 * `amtool config routes test` for every alert of the environment's generated rule files, with
 * the labels the rule gives it, expecting the receiver the routing declares for its severity.
 */
const operatorName = (receiver: string) => `kafka/kafka-alert-routing/${receiver}`;
const plainName = (receiver: string) => receiver;
/**
 * The Kubernetes examples' file is what the operator generates from their AlertmanagerConfig
 * `kafka-alert-routing` in `kafka` (receivers named `kafka/kafka-alert-routing/<receiver>`);
 * the MSK examples' file is a plain configuration for the Alertmanager of open monitoring.
 */
const EXAMPLES: readonly { readonly env: string; readonly routing: AlertRouting; readonly name: (receiver: string) => string }[] = [
  { env: 'staging', routing: shopAlertRouting({ slackChannel: '#kafka-staging-alerts' }), name: operatorName },
  { env: 'staging-dr', routing: shopAlertRouting({ slackChannel: '#kafka-staging-alerts' }), name: operatorName },
  { env: 'development', routing: developmentAlertRouting(), name: operatorName },
  { env: 'production', routing: shopAlertRouting({ slackChannel: '#kafka-production-alerts' }), name: plainName },
  { env: 'dr', routing: shopAlertRouting({ slackChannel: '#kafka-production-alerts' }), name: plainName },
];

describe('amtool over the alert routing of the examples', () => {
  for (const { env, routing, name } of EXAMPLES) {
    describe(env, () => {
      const config = path.join(exampleDist(env), ALERTMANAGER_CONFIG_FILE);
      const alerts = ruleFileAlerts(path.join(exampleDist(env), 'prometheus'));
      let results: { alert: RuleFileAlert; expected: string; ok: boolean; receivers: string }[];

      beforeAll(async () => {
        // amtool runs once for each different value of the labels the route tree's matchers read
        // (routeMatcherLabels), with the whole label set of the first alert that has it: the alerts
        // that share it reach the same receivers (Alertmanager's routing reads nothing else), and
        // each is checked against the receiver its own severity declares. About a tenth of the
        // amtool processes (one per alert before; 3.3 s of CPU over the examples).
        const read = routeMatcherLabels(config);
        const expectedOf = (alert: RuleFileAlert) => name(routing.receiverFor(alert.labels.severity as AlertSeverity));
        const labelsOf = (alert: RuleFileAlert): Record<string, string> => ({ ...alert.labels, alertname: alert.alert });
        const keyOf = (alert: RuleFileAlert) => JSON.stringify([expectedOf(alert), read.map((n) => labelsOf(alert)[n] ?? null)]);
        const first = new Map<string, RuleFileAlert>();
        for (const alert of alerts) if (!first.has(keyOf(alert))) first.set(keyOf(alert), alert);
        const tested = new Map(await inBatches([...first].map(([key, alert]) => async () => [key, await amtoolRoutesTest(config, labelsOf(alert), expectedOf(alert))] as const)));
        results = alerts.map((alert) => ({ alert, expected: expectedOf(alert), ...tested.get(keyOf(alert))! }));
      }, 120_000);

      it('passes amtool check-config', () => {
        const r = amtoolCheckConfig(config);
        expect(r.ok, r.output).toBe(true);
        expect(r.output).toMatch(/SUCCESS/);
      });

      it('has critical and warning alerts in its rule files, the broker-down and under-replicated ones among them', () => {
        const severities = new Set(alerts.map((a) => a.labels.severity));
        expect(severities).toEqual(new Set([AlertSeverity.CRITICAL, AlertSeverity.WARNING]));
        expect(alerts.map((a) => a.alert)).toEqual(expect.arrayContaining([KafkaAlertName.NODE_DOWN, KafkaAlertName.UNDER_REPLICATED_PARTITIONS]));
      });

      it('routes every alert of the rule files to the receiver declared for its severity (amtool config routes test)', () => {
        expect(alerts.length).toBeGreaterThan(0);
        // Every alert has the verdict of an amtool run over its routing labels (none left without one).
        expect(results.filter((r) => typeof r.ok !== 'boolean' || typeof r.receivers !== 'string').map((r) => r.alert.alert)).toEqual([]);
        const wrong = results.filter((r) => !r.ok).map((r) => `${r.alert.alert} (${r.alert.labels.severity}): ${r.receivers}, expected ${r.expected}`);
        expect(wrong).toEqual([]);
      });
    });
  }

  it('sends a critical alert that lacks the namespace label to the fallback, not to the pager: the operator matches on the namespace', async () => {
    const routing = EXAMPLES[0].routing;
    const config = path.join(exampleDist('staging'), ALERTMANAGER_CONFIG_FILE);
    const labels = { alertname: KafkaAlertName.NODE_DOWN, severity: 'critical', kafka_cluster: 'staging-kafka', environment: 'staging' };
    const withNamespace = await amtoolRoutesTest(config, { ...labels, namespace: 'kafka' });
    const without = await amtoolRoutesTest(config, labels);
    expect(withNamespace.receivers).toBe(operatorName(routing.receiverFor(AlertSeverity.CRITICAL)));
    expect(without.receivers).toBe(operatorName(routing.defaultReceiver));
    expect(without.receivers).not.toBe(withNamespace.receivers);
  });

  it('fails the verification when the expected receiver is not the one routed to', async () => {
    const config = path.join(exampleDist('staging'), ALERTMANAGER_CONFIG_FILE);
    const r = await amtoolRoutesTest(config, { alertname: KafkaAlertName.NODE_DOWN, severity: 'critical', namespace: 'kafka' }, operatorName('kafka-team'));
    expect(r.ok).toBe(false);
  });

  it('reads the label names of every matcher of the route tree (matchers, match, match_re, nested; quoted names) and refuses a route key it does not know', () => {
    const dir = temporaryFolder('route-labels');
    const file = path.join(dir, 'alertmanager.yml');
    fs.writeFileSync(file, stringify({ route: { receiver: 'x', routes: [{ receiver: 'y', matchers: ['alertname="KafkaNodeDown"', '{team=~"a|b", "odd name"!="v"}'], routes: [{ receiver: 'z', match: { env: 'prod' }, match_re: { region: 'us-.*' } }] }] } }));
    expect(routeMatcherLabels(file)).toEqual(['alertname', 'env', 'odd name', 'region', 'team']);
    expect(routeMatcherLabels(path.join(exampleDist('staging'), ALERTMANAGER_CONFIG_FILE))).toEqual(['namespace', 'severity']);
    fs.writeFileSync(file, stringify({ route: { receiver: 'x', routes: [{ receiver: 'y', matcher_set: 1 }] } }));
    expect(() => routeMatcherLabels(file)).toThrow("route.routes[0] has the key 'matcher_set'");
  });

  it('reads a matchers entry whole: every name, bare or quoted, any operator, quoted or bare values; a part it cannot read fails', () => {
    expect(matcherLabelNames('severity="critical"')).toEqual(['severity']);
    expect(matcherLabelNames('{ team =~ "a|b" , "odd name" != "v,}" , env=prod }')).toEqual(['team', 'odd name', 'env']);
    expect(matcherLabelNames('a!~"x\\"y", b=""')).toEqual(['a', 'b']);
    // A name the reader cannot take (a hyphen is not a bare label name) next to one it can: refused, not dropped.
    expect(() => matcherLabelNames('kafka-cluster="orders", severity="critical"')).toThrow('cannot read matcher');
    expect(() => matcherLabelNames('severity="critical", kafka-cluster="orders"')).toThrow('cannot read matcher');
    expect(() => matcherLabelNames('{severity="critical"')).toThrow('does not close');
    expect(() => matcherLabelNames('severity')).toThrow('cannot read matcher');
    expect(() => matcherLabelNames('{}')).toThrow('has no label name');
  });
});
