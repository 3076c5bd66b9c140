import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { checkListenerAuthentication, checkNoSaslPlain } from '../model/rule-checks';
import { mskClusterCheck, nodePropertiesCheck, strimziKafkaCheck, type NodePropertiesFiles } from './checks/target-checks';
import { authenticationOf, block, hasBlock } from './readers/msk-cluster-document';
import { forbiddenConfigFindings } from './readers/strimzi-documents';
import { listenersOf, listenerSetting } from './readers/statefulset-documents';

/** SEC-003: Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused. */
export const SEC_003_AUTHENTICATION: Rule = defineRule({
  id: 'SEC-003',
  title: 'Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused.',
  explanation: 'A listener that does not authenticate lets anyone who can reach it read and write every topic that ACLs do not cover, and makes ACLs meaningless because every client is ANONYMOUS. SASL/PLAIN sends passwords that the broker stores in clear text in its configuration. SCRAM-SHA-512, mutual TLS, IAM and OAuth bearer avoid both.',
  remediation: 'MSK: set client_authentication with unauthenticated = false and SCRAM, IAM or mutual TLS (ACM PCA) on (MskCluster authentication). Strimzi: set authentication (scram-sha-512, tls, or custom for OAuth) on every listener. StatefulSet: set sasl.enabled.mechanisms=SCRAM-SHA-512 or ssl.client.auth=required on every client listener. Never enable PLAIN.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: nodePropertiesCheck(checkStatefulSet) },
});

/**
 * MSK: `client_authentication` with `unauthenticated = false` written out and at least one of
 * SCRAM, IAM or mutual TLS on. (MSK has no SASL/PLAIN.)
 */
function checkMsk(cluster: TerraformDocument): RuleOutcome {
  const auth = block(cluster.body.client_authentication);
  const modes = authenticationOf(cluster);
  const f = new Findings();
  f.expect(hasBlock(cluster.body.client_authentication), {
    found: 'client_authentication is not set',
    expected: 'a client_authentication block',
    fix: 'Set authentication on the MskCluster (SCRAM, IAM or mutual TLS).',
  });
  f.expect(auth.unauthenticated === false || auth.unauthenticated === 'false', {
    found: `client_authentication.unauthenticated is ${shown(auth.unauthenticated)}`,
    expected: 'false, written out',
    fix: 'Set unauthenticated = false (MskCluster writes it).',
  });
  f.expect(modes.scram || modes.iam || modes.mutualTls, {
    found: 'no client authentication mode is on (sasl.scram, sasl.iam and tls are all off)',
    expected: 'SCRAM, IAM or mutual TLS',
    fix: 'Set authentication: [ClientAuthentication.iam()] or .scramSha512() on the MskCluster.',
  });
  return f.outcome();
}

/**
 * Strimzi: every listener has `authentication`: `scram-sha-512`, `tls` (mutual TLS), or
 * `custom` with SASL OAUTHBEARER (never PLAIN). SASL keys that Strimzi drops are refused here.
 */
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
  const f = new Findings();
  for (const l of (kafka.body.spec?.kafka?.listeners ?? []) as any[]) {
    const auth = l?.authentication;
    const type = auth?.type;
    f.refused(`listener ${shown(l?.name)} (port ${l?.port}) authentication is ${auth === undefined ? 'not set' : `'${type}'`}`, checkListenerAuthentication(type, String(l?.name)));
    if (type !== 'custom') continue;
    // Stryker disable next-line StringLiteral: any stand-in for an absent mechanism list is neither OAUTHBEARER nor PLAIN, and the finding shows the raw value
    const mechanisms = String(auth.listenerConfig?.['sasl.enabled.mechanisms'] ?? '').toUpperCase().split(',').map((m) => m.trim());
    f.expect(auth.sasl === true && mechanisms.includes('OAUTHBEARER'), {
      found: `listener ${shown(l?.name)} custom authentication has sasl ${shown(auth.sasl)} and sasl.enabled.mechanisms ${shown(auth.listenerConfig?.['sasl.enabled.mechanisms'])}`,
      expected: "sasl: true with 'OAUTHBEARER'",
      fix: "Set sasl: true and listenerConfig['sasl.enabled.mechanisms']: 'OAUTHBEARER'.",
    });
    f.refused(`listener ${shown(l?.name)} enables SASL/PLAIN`, checkNoSaslPlain(mechanisms));
  }
  forbiddenConfigFindings(kafka, 'SEC-003', f);
  return f.outcome();
}

/**
 * StatefulSet: in every Kafka properties file, each SSL listener requires client certificates
 * (`ssl.client.auth=required`), each SASL_SSL listener enables only SCRAM-SHA-512 or
 * OAUTHBEARER (never PLAIN), and the controller listener is SSL with client certificates,
 * because SCRAM cannot authenticate controllers.
 */
function checkStatefulSet({ files }: NodePropertiesFiles): RuleOutcome {
  const f = new Findings();
  for (const { properties, where } of files) {
    for (const l of listenersOf(properties)) {
      if (l.controller) {
        f.expect(l.protocol === 'SSL', {
          found: `${where} controller listener ${l.name} security protocol is ${shown(l.protocol)}`,
          expected: "'SSL' with client certificates (SCRAM cannot authenticate controllers)",
          fix: `Map ${l.name}:SSL and set listener.name.${l.name.toLowerCase()}.ssl.client.auth=required.`,
        });
      }
      if (l.protocol === 'SSL') {
        const clientAuth = listenerSetting(properties, l.name, 'ssl.client.auth');
        f.expect(clientAuth === 'required', {
          found: `${where} SSL listener ${l.name} ssl.client.auth is ${shown(clientAuth)}`,
          expected: "'required': an SSL listener authenticates clients by certificate",
          fix: `Set listener.name.${l.name.toLowerCase()}.ssl.client.auth=required.`,
        });
      } else if (l.protocol === 'SASL_SSL') {
        const raw = listenerSetting(properties, l.name, 'sasl.enabled.mechanisms');
        // Stryker disable next-line StringLiteral,ConditionalExpression: an absent list read as '' leaves no mechanism, which fails the same check with the same message (it shows raw); an empty entry kept is neither SCRAM-SHA-512 nor OAUTHBEARER, so it fails it too
        const mechanisms = (raw ?? 'GSSAPI').toUpperCase().split(',').map((m) => m.trim()).filter((m) => m !== '');
        f.refused(`${where} listener ${l.name} sasl.enabled.mechanisms is ${shown(raw)}, which enables SASL/PLAIN`, checkNoSaslPlain(mechanisms));
        f.expect(mechanisms.length > 0 && mechanisms.every((m) => m === 'SCRAM-SHA-512' || m === 'OAUTHBEARER'), {
          found: `${where} listener ${l.name} sasl.enabled.mechanisms is ${raw === undefined ? "not set (Kafka's default is GSSAPI)" : shown(raw)}`,
          expected: "'SCRAM-SHA-512' (or OAUTHBEARER)",
          fix: `Set listener.name.${l.name.toLowerCase()}.sasl.enabled.mechanisms=SCRAM-SHA-512.`,
        });
      }
    }
  }
  return f.outcome();
}
