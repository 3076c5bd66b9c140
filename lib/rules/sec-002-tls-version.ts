import type { KubernetesDocument } from '../contract/document';
import { shown, Findings, compliantWithNotes, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskClusterCheck, nodePropertiesCheck, strimziKafkaCheck, type NodePropertiesFiles } from './checks/target-checks';
import { strimziConfigOf, forbiddenConfigFindings } from './readers/strimzi-documents';

/** SEC-002: TLS 1.2 or newer; TLS 1.0/1.1 are refused. */
export const SEC_002_TLS_VERSION: Rule = defineRule({
  id: 'SEC-002',
  title: 'TLS 1.2 or newer; TLS 1.0/1.1 are refused.',
  explanation: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996). A broker that still accepts them lets a downgrade attack pick the weak protocol. MSK\'s AWS-managed listeners accept TLS 1.2 or newer only, so there it holds by construction and is reported.',
  remediation: 'Strimzi: set ssl.enabled.protocols to TLSv1.3,TLSv1.2 (and ssl.protocol to TLSv1.3) in spec.kafka.config. StatefulSet: the same in server.properties. MSK: nothing to configure.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: nodePropertiesCheck(checkStatefulSet) },
});

/** MSK: compliant by construction (AWS-managed listeners accept TLS 1.2 or newer); reported, not configurable. */
function checkMsk(): RuleOutcome {
  return compliantWithNotes(['MSK listeners are AWS-managed and accept TLS 1.2 or newer only; nothing to configure.']);
}

/**
 * Strimzi: `ssl.enabled.protocols` in `spec.kafka.config` (an allowed exception) lists only
 * TLSv1.2/TLSv1.3, and `ssl.protocol` is one of them; the same for a listener's custom
 * `listenerConfig`. Other `ssl.` keys, which Strimzi drops, are refused here.
 */
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
  const config = strimziConfigOf(kafka);
  const f = new Findings();
  const modern = ['TLSv1.2', 'TLSv1.3'];
  const enabled = config['ssl.enabled.protocols'];
  const protocols = (enabled ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  f.expect(protocols.length > 0 && protocols.every((p) => modern.includes(p)), {
    found: `spec.kafka.config ssl.enabled.protocols is ${enabled === undefined ? 'not set' : `'${enabled}'`}`,
    expected: "'TLSv1.3,TLSv1.2', written out (TLS 1.0 and 1.1 refused)",
    fix: "Set ssl.enabled.protocols: 'TLSv1.3,TLSv1.2' in spec.kafka.config.",
  });
  const protocol = config['ssl.protocol'];
  f.expect(protocol === undefined || modern.includes(protocol), {
    found: `spec.kafka.config ssl.protocol is '${protocol}'`,
    expected: "'TLSv1.3' or 'TLSv1.2'",
    fix: "Set ssl.protocol: 'TLSv1.3'.",
  });
  for (const l of (kafka.body.spec?.kafka?.listeners ?? []) as any[]) {
    const custom = l?.authentication?.listenerConfig?.['ssl.enabled.protocols'];
    f.expect(custom === undefined || String(custom).split(',').every((p) => modern.includes(p.trim())), {
      found: `listener ${shown(l?.name)} listenerConfig ssl.enabled.protocols is '${custom}'`,
      expected: 'only TLSv1.2 and TLSv1.3',
      fix: 'Remove the listener override or list only TLSv1.3,TLSv1.2.',
    });
  }
  forbiddenConfigFindings(kafka, 'SEC-002', f);
  return f.outcome();
}

/**
 * StatefulSet: every Kafka properties file writes out ssl.enabled.protocols with only TLSv1.2
 * and TLSv1.3 (also per listener, `listener.name.<l>.ssl.enabled.protocols`), and ssl.protocol,
 * when set, is one of them.
 */
function checkStatefulSet({ files }: NodePropertiesFiles): RuleOutcome {
  const modern = ['TLSv1.2', 'TLSv1.3'];
  const f = new Findings();
  for (const { properties, where } of files) {
    const enabled = properties['ssl.enabled.protocols'];
    const protocols = (enabled ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    f.expect(protocols.length > 0 && protocols.every((p) => modern.includes(p)), {
      found: `${where} ssl.enabled.protocols is ${shown(enabled)}`,
      expected: "'TLSv1.3,TLSv1.2', written out (TLS 1.0 and 1.1 refused)",
      fix: 'Set ssl.enabled.protocols=TLSv1.3,TLSv1.2.',
    });
    for (const key of Object.keys(properties).filter((k) => /^listener\.name\.[^.]+\.ssl\.enabled\.protocols$/.test(k))) {
      f.expect(properties[key].split(',').every((p) => modern.includes(p.trim())), {
        found: `${where} ${key} is ${shown(properties[key])}`,
        expected: 'only TLSv1.2 and TLSv1.3',
        fix: `Remove ${key} or list only TLSv1.3,TLSv1.2.`,
      });
    }
    for (const key of Object.keys(properties).filter((k) => k === 'ssl.protocol' || /^listener\.name\.[^.]+\.ssl\.protocol$/.test(k))) {
      f.expect(modern.includes(properties[key]), {
        found: `${where} ${key} is ${shown(properties[key])}`,
        expected: "'TLSv1.3' or 'TLSv1.2'",
        fix: `Set ${key}=TLSv1.3.`,
      });
    }
  }
  return f.outcome();
}
