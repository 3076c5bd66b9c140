// The Alertmanager writers (lib/contract/alertmanager-config.ts): the plain alertmanager.yml
// (https://prometheus.io/docs/alerting/latest/configuration/: route, inhibit_rules, receivers,
// *_file credentials) and the spec of a Prometheus Operator AlertmanagerConfig
// (monitoring.coreos.com/v1alpha1), field by field; amtool check-config reads the plain file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALERTMANAGER_CONFIG_FILE, AlertmanagerConfigFile, alertmanagerConfigSpec, alertmanagerYamlValue, matcher, renderAlertmanagerYaml } from '../../lib/contract/alertmanager-config';
import { Environment } from '../../lib/model/environment';
import { AlertInhibition, AlertReceiver, AlertRouting, SecretReference } from '../../lib/model/monitoring/alert-routing';
import { amtoolCheckConfig } from '../support/alertmanager';

const routing = AlertRouting.bySeverity({
  receivers: [
    AlertReceiver.pagerDuty('pd', { routingKey: SecretReference.of('pd-secret', 'key') }),
    AlertReceiver.slack('slack', { apiUrl: SecretReference.of('slack-secret', 'url'), channel: '#kafka "x"', sendResolved: false }),
    AlertReceiver.webhook('hook', { url: 'https://alerts.example.com/kafka', bearerToken: SecretReference.of('hook-secret', 'token') }),
    AlertReceiver.email('mail', { to: 'oncall@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587', authUsername: 'am', authPassword: SecretReference.of('mail-secret', 'password') }),
  ],
  criticalReceiver: 'pd', warningReceiver: 'slack', defaultReceiver: 'mail',
  inhibitions: [AlertInhibition.whileFiring({ causes: ['A', 'B'], symptoms: ['C', 'D'], equal: ['cluster'] })],
});
const GROUP_BY = ['alertname', 'environment', 'kafka_cluster'];
/** One inhibit rule per cause and symptom, in that order. */
const PAIRS = [['A', 'C'], ['A', 'D'], ['B', 'C'], ['B', 'D']];

/** The receivers of the plain file, credentials read from `<dir>/<secret>/<key>`. */
function plainReceivers(dir: string, name: (r: string) => string) {
  return [
    { name: name('pd'), pagerduty_configs: [{ routing_key_file: `${dir}/pd-secret/key`, send_resolved: true }] },
    { name: name('slack'), slack_configs: [{ api_url_file: `${dir}/slack-secret/url`, channel: '#kafka "x"', send_resolved: false }] },
    { name: name('hook'), webhook_configs: [{ url: 'https://alerts.example.com/kafka', send_resolved: true, http_config: { authorization: { type: 'Bearer', credentials_file: `${dir}/hook-secret/token` } } }] },
    { name: name('mail'), email_configs: [{ to: 'oncall@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587', auth_username: 'am', auth_password_file: `${dir}/mail-secret/password`, require_tls: true, send_resolved: false }] },
  ];
}

describe('matcher', () => {
  it('quotes the value, escaping backslashes, quotes and line breaks as Alertmanager reads them', () => {
    expect(matcher('severity', 'critical')).toBe('severity="critical"');
    expect(matcher('x', 'a\\b"c\nd\\\\"')).toBe('x="a\\\\b\\"c\\nd\\\\\\\\\\""');
    // For these characters the quoting is JSON's (Alertmanager's matcher parser unquotes Go strings).
    for (const v of ['say "hi"', 'back\\slash', 'trailing\\', '"}', 'two\nlines\n\n', '\\"\\n']) expect(matcher('x', v)).toBe(`x=${JSON.stringify(v)}`);
  });
});

describe('alertmanagerYamlValue, the plain configuration', () => {
  it('routes by severity under the default receiver, inhibits each symptom per cause, and reads credentials from files', () => {
    expect(alertmanagerYamlValue(routing)).toEqual({
      route: {
        receiver: 'mail', group_by: GROUP_BY, group_wait: '30s', group_interval: '5m', repeat_interval: '4h',
        routes: [
          { receiver: 'pd', matchers: ['severity="critical"'], repeat_interval: '1h' },
          { receiver: 'slack', matchers: ['severity="warning"'], repeat_interval: '4h' },
        ],
      },
      inhibit_rules: PAIRS.map(([c, s]) => ({ source_matchers: [`alertname="${c}"`], target_matchers: [`alertname="${s}"`], equal: ['cluster'] })),
      receivers: plainReceivers('/etc/alertmanager/secrets', (r) => r),
    });
  });

  it('writes what the operator generates from an AlertmanagerConfig: receivers under its namespace and name, everything limited to its namespace', () => {
    const value = alertmanagerYamlValue(routing, { secretsDir: '/run/secrets//', operator: { namespace: 'kafka', name: 'routing' } });
    const name = (r: string) => `kafka/routing/${r}`;
    expect(value).toEqual({
      route: {
        receiver: name('mail'),
        routes: [{
          receiver: name('mail'), group_by: GROUP_BY, group_wait: '30s', group_interval: '5m', repeat_interval: '4h',
          routes: [
            { receiver: name('pd'), matchers: ['severity="critical"'], repeat_interval: '1h' },
            { receiver: name('slack'), matchers: ['severity="warning"'], repeat_interval: '4h' },
          ],
          matchers: ['namespace="kafka"'],
          continue: true,
        }],
      },
      inhibit_rules: PAIRS.map(([c, s]) => ({ source_matchers: [`alertname="${c}"`, 'namespace="kafka"'], target_matchers: [`alertname="${s}"`, 'namespace="kafka"'], equal: ['cluster'] })),
      receivers: plainReceivers('/run/secrets', name),
    });
  });

  it('is written by the YAML writer as text that reads back as the value, and amtool accepts it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-am-unit-'));
    try {
      for (const options of [{}, { operator: { namespace: 'kafka', name: 'routing' } }]) {
        const text = renderAlertmanagerYaml(routing, options);
        expect(parse(text)).toEqual(alertmanagerYamlValue(routing, options));
        // lineWidth 0: no value is folded over lines.
        expect(text).toContain("channel: '#kafka \"x\"'");
        fs.writeFileSync(path.join(dir, 'alertmanager.yml'), text);
        const r = amtoolCheckConfig(path.join(dir, 'alertmanager.yml'));
        expect(r.ok, r.output).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not fold a long value over lines', () => {
    const long = AlertRouting.bySeverity({
      receivers: [AlertReceiver.slack('slack', { apiUrl: SecretReference.of('s', 'u'), channel: `#${'word '.repeat(40)}end` })],
      criticalReceiver: 'slack', warningReceiver: 'slack',
    });
    expect(renderAlertmanagerYaml(long)).toContain(`channel: "#${'word '.repeat(40)}end"`);
  });
});

describe('alertmanagerConfigSpec, the AlertmanagerConfig of the Prometheus Operator', () => {
  it('writes the same routing in the operator\'s fields: equality matchers, Secret references for credentials', () => {
    const eq = (name: string, value: string) => ({ name, value, matchType: '=' });
    const secret = (name: string, key: string) => ({ name, key });
    expect(alertmanagerConfigSpec(routing)).toEqual({
      route: {
        receiver: 'mail', groupBy: GROUP_BY, groupWait: '30s', groupInterval: '5m', repeatInterval: '4h',
        routes: [
          { receiver: 'pd', matchers: [eq('severity', 'critical')], repeatInterval: '1h' },
          { receiver: 'slack', matchers: [eq('severity', 'warning')], repeatInterval: '4h' },
        ],
      },
      receivers: [
        { name: 'pd', pagerdutyConfigs: [{ routingKey: secret('pd-secret', 'key'), sendResolved: true }] },
        { name: 'slack', slackConfigs: [{ apiURL: secret('slack-secret', 'url'), channel: '#kafka "x"', sendResolved: false }] },
        { name: 'hook', webhookConfigs: [{ url: 'https://alerts.example.com/kafka', sendResolved: true, httpConfig: { authorization: { type: 'Bearer', credentials: secret('hook-secret', 'token') } } }] },
        { name: 'mail', emailConfigs: [{ to: 'oncall@example.com', from: 'am@example.com', smarthost: 'smtp.example.com:587', authUsername: 'am', authPassword: secret('mail-secret', 'password'), requireTLS: true, sendResolved: false }] },
      ],
      inhibitRules: PAIRS.map(([c, s]) => ({ sourceMatch: [eq('alertname', c!)], targetMatch: [eq('alertname', s!)], equal: ['cluster'] })),
    });
  });
});

describe('AlertmanagerConfigFile', () => {
  it('adds alertmanager/alertmanager.yml to the environment\'s output files', () => {
    const environment = Environment.production({ name: 'production', region: 'us-east-1' });
    expect(ALERTMANAGER_CONFIG_FILE).toBe('alertmanager/alertmanager.yml');
    expect(AlertmanagerConfigFile.addTo(environment, routing, { secretsDir: '/s' })).toBe(ALERTMANAGER_CONFIG_FILE);
    const render = environment.outputFiles.get(ALERTMANAGER_CONFIG_FILE);
    expect(render).toBeDefined();
    expect(parse(render!())).toEqual(alertmanagerYamlValue(routing, { secretsDir: '/s' }));
  });
});
