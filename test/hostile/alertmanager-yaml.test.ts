import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { alertmanagerYamlValue, matcher, renderAlertmanagerYaml } from '../../lib/contract/alertmanager-config';
import { KafkaIacError } from '../../lib/model/errors';
import { AlertReceiver, AlertRouting, SecretReference } from '../../lib/model/monitoring/alert-routing';
import { amtoolCheckConfig, amtoolRoutesTest } from '../support/alertmanager';
import { INJECTION_PAYLOADS } from './payloads';

/**
 * Hostile text in the routing: what reaches alertmanager.yml goes through the YAML writer and
 * reads back as the same value (amtool accepts the file); matcher values are quoted so that
 * amtool matches the exact text; what cannot be a value is refused at the model.
 */
describe('hostile input in the alert routing', () => {
  const singleLine = INJECTION_PAYLOADS.filter((p) => !/[\n\r\t]/.test(p));

  it('writes every single-line payload as a Slack channel that reads back unchanged, in a file amtool accepts', () => {
    const receivers = singleLine.map((p, i) => AlertReceiver.slack(`r${i}`, { apiUrl: SecretReference.of('slack', 'url'), channel: p }));
    const routing = AlertRouting.bySeverity({ receivers, criticalReceiver: 'r0', warningReceiver: 'r1' });
    const text = renderAlertmanagerYaml(routing);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(alertmanagerYamlValue(routing))));
    expect(parse(text).receivers.map((r: any) => r.slack_configs[0].channel)).toEqual(singleLine);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-am-hostile-'));
    try {
      fs.writeFileSync(path.join(dir, 'alertmanager.yml'), text);
      const r = amtoolCheckConfig(path.join(dir, 'alertmanager.yml'));
      expect(r.ok, r.output).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('quotes matcher values so that amtool matches the exact label value, quotes and backslashes included', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-am-matcher-'));
    try {
      const routing = AlertRouting.bySeverity({ receivers: [AlertReceiver.slack('team', { apiUrl: SecretReference.of('slack', 'url'), channel: '#c' })], criticalReceiver: 'team', warningReceiver: 'team' });
      fs.writeFileSync(path.join(dir, 'alertmanager.yml'), renderAlertmanagerYaml(routing));
      for (const value of ['say "hi"', 'back\\slash', 'trailing\\', '"}']) {
        expect(matcher('x', value)).toBe(`x=${JSON.stringify(value)}`);
        const r = await amtoolRoutesTest(path.join(dir, 'alertmanager.yml'), { severity: 'critical', cluster: value }, 'team');
        expect(r.ok, `${value}: ${r.receivers}`).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a channel with a line break and a receiver name that is a payload', () => {
    expect(() => AlertReceiver.slack('team', { apiUrl: SecretReference.of('slack', 'url'), channel: 'a\nb' })).toThrow(KafkaIacError);
    for (const p of INJECTION_PAYLOADS) {
      expect(() => AlertReceiver.slack(p, { apiUrl: SecretReference.of('slack', 'url'), channel: '#c' })).toThrow(KafkaIacError);
      expect(() => SecretReference.of(p, 'k')).toThrow(KafkaIacError);
    }
  });
});
