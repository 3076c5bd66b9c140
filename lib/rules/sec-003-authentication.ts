import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { checkListenerProtocolAuthenticates, checkListenerAuthentication, checkMskAuthenticationModes, checkNoSaslPlain, saslMechanismsOf } from '../model/rule-checks';
import { mskClusterCheck, nodeListenersCheck, strimziKafkaCheck } from './checks/target-checks';
import { authenticationOf, block, encryptionInTransitOf, hasBlock } from './readers/msk-cluster-document';
import { forbiddenConfigFindings } from './readers/strimzi-documents';
import { listenersOf, listenerSetting, type ListenerOfProperties, type NodeProperties } from './readers/statefulset-documents';

/** SEC-003: Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused. */
export const SEC_003_AUTHENTICATION: Rule = defineRule({
  id: 'SEC-003',
  title: 'Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused.',
  explanation: 'A listener that does not authenticate lets anyone who can reach it read and write every topic that ACLs do not cover, and makes ACLs meaningless because every client is ANONYMOUS. SASL/PLAIN sends passwords that the broker stores in clear text in its configuration. SCRAM-SHA-512, mutual TLS, IAM and OAuth bearer avoid both.',
  remediation: 'MSK: set client_authentication with unauthenticated = false and SCRAM, IAM or mutual TLS (ACM PCA) on (MskCluster authentication), and client_broker = "TLS" (the plaintext listener authenticates no one). Strimzi: set authentication (scram-sha-512, tls, or custom for OAuth) on every listener. StatefulSet: on every listener (client, inter-broker and controller listeners alike) use SASL_SSL with sasl.enabled.mechanisms=SCRAM-SHA-512 or SSL with ssl.client.auth=required, never PLAINTEXT; the controller listener is SSL with client certificates. Never enable PLAIN, in any sasl.enabled.mechanisms or sasl.mechanism.* setting.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: nodeListenersCheck(checkStatefulSetListener, checkStatefulSetMechanisms) },
});

/**
 * MSK: the listener set a cluster opens authenticates every client.
 * - `client_authentication` with `unauthenticated = false` written out and at least one of
 *   SCRAM, IAM or mutual TLS on. (MSK has no SASL/PLAIN.)
 * - `client_broker` is TLS (or left to MSK's default, TLS): `PLAINTEXT` or `TLS_PLAINTEXT` opens
 *   the plaintext listener on port 9092, which authenticates no one. MSK serves SCRAM (9096), IAM
 *   (9098) and mutual TLS (9094) only over TLS, and a SASL cluster with `TLS_PLAINTEXT` must
 *   turn `unauthenticated` on (AWS: MSK port information; `AWS::MSK::Cluster ClientAuthentication`, Sasl).
 */
function checkMsk(cluster: TerraformDocument): RuleOutcome {
  const auth = block(cluster.body.client_authentication);
  const modes = authenticationOf(cluster);
  const clientBroker = encryptionInTransitOf(cluster).client_broker;
  const f = new Findings();
  // Absent or null (Terraform's unset) leaves MSK's default, TLS: SEC-001 asks for it written out.
  f.expect(clientBroker === undefined || clientBroker === null || clientBroker === 'TLS', {
    found: `encryption_info.encryption_in_transit.client_broker is ${shown(clientBroker)}, which opens the plaintext listener (port 9092): it authenticates no one`,
    expected: "'TLS': MSK authenticates clients (SCRAM, IAM, mutual TLS) only on its TLS listeners",
    fix: 'Set client_broker = "TLS" (MskCluster writes it), or remove the override that changes it.',
  });
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
  f.refused('no client authentication mode is on (sasl.scram, sasl.iam and tls are all off)', checkMskAuthenticationModes(modes));
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

/** The properties that enable SASL mechanisms on a node: `sasl.enabled.mechanisms` and each `listener.name.<l>.sasl.enabled.mechanisms`. */
const ENABLED_MECHANISMS_KEY = /^(?:listener\.name\.[^.]+\.)?sasl\.enabled\.mechanisms$/;

/** The mechanisms a node itself uses as a client of other nodes (brokers to brokers, nodes to controllers). */
const CLIENT_MECHANISM_KEYS: readonly string[] = ['sasl.mechanism.inter.broker.protocol', 'sasl.mechanism.controller.protocol'];

/**
 * StatefulSet: in every Kafka properties file, every listener a node serves or uses authenticates
 * (client listeners, the inter-broker listener and the controller listener alike):
 * - a PLAINTEXT listener, or one whose protocol is not mapped, authenticates no one;
 * - each SSL listener requires client certificates (`ssl.client.auth=required`);
 * - each SASL listener (SASL_SSL or SASL_PLAINTEXT) enables only SCRAM-SHA-512 or OAUTHBEARER;
 * - the controller listener is SSL with client certificates, because SCRAM cannot authenticate
 *   controllers (KAFKA-15513: SCRAM credentials live in the metadata log the controllers serve).
 */
function checkStatefulSetListener(l: ListenerOfProperties, { properties, where }: NodeProperties, f: Findings): void {
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
  } else if (isSasl(l)) {
    const raw = listenerSetting(properties, l.name, 'sasl.enabled.mechanisms');
    // Stryker disable next-line StringLiteral: an absent list read as '' leaves no mechanism, which fails the same check with the same message (it shows raw)
    const mechanisms = saslMechanismsOf(raw ?? 'GSSAPI');
    f.refused(`${where} listener ${l.name} sasl.enabled.mechanisms is ${shown(raw)}, which enables SASL/PLAIN`, checkNoSaslPlain(mechanisms));
    f.expect(mechanisms.length > 0 && mechanisms.every((m) => m === 'SCRAM-SHA-512' || m === 'OAUTHBEARER'), {
      found: `${where} listener ${l.name} sasl.enabled.mechanisms is ${raw === undefined ? "not set (Kafka's default is GSSAPI)" : shown(raw)}`,
      expected: "'SCRAM-SHA-512' (or OAUTHBEARER)",
      fix: `Set listener.name.${l.name.toLowerCase()}.sasl.enabled.mechanisms=SCRAM-SHA-512.`,
    });
  } else if (!l.controller) {
    // The controller listener's own finding above already names what it must be.
    f.refused(`${where} listener ${l.name} security protocol is ${shown(l.protocol)}, which authenticates no one`, checkListenerProtocolAuthenticates(l.protocol, l.name));
  }
}

/** A SASL listener (SASL_SSL or SASL_PLAINTEXT): it reads `sasl.enabled.mechanisms`. */
function isSasl(l: ListenerOfProperties): boolean {
  return l.protocol === 'SASL_SSL' || l.protocol === 'SASL_PLAINTEXT';
}

/**
 * StatefulSet: SASL/PLAIN is refused wherever it can be set: `sasl.enabled.mechanisms`, every
 * `listener.name.<l>.sasl.enabled.mechanisms` (even of a listener that is not served), and the
 * mechanisms a node uses towards other nodes (`sasl.mechanism.inter.broker.protocol`,
 * `sasl.mechanism.controller.protocol`). A key a SASL listener reads was checked with that
 * listener (`checkStatefulSetListener`), so its PLAIN is reported there, once.
 */
function checkStatefulSetMechanisms({ properties, where }: NodeProperties, f: Findings): void {
  const read = new Set(listenersOf(properties).filter(isSasl).map((l) => {
    const own = `listener.name.${l.name.toLowerCase()}.sasl.enabled.mechanisms`;
    return properties[own] === undefined ? 'sasl.enabled.mechanisms' : own;
  }));
  for (const key of Object.keys(properties).filter((k) => ENABLED_MECHANISMS_KEY.test(k) && !read.has(k))) {
    f.refused(`${where} ${key} is ${shown(properties[key])}, which enables SASL/PLAIN`, checkNoSaslPlain(saslMechanismsOf(properties[key])));
  }
  for (const key of CLIENT_MECHANISM_KEYS.filter((k) => properties[k] !== undefined)) {
    f.refused(`${where} ${key} is ${shown(properties[key])}, so the node signs in to other nodes with SASL/PLAIN`, checkNoSaslPlain(saslMechanismsOf(properties[key])));
  }
}
