import { checkListenerTls } from '../model/rule-checks';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { mskClusterCheck, nodeListenersCheck, strimziKafkaCheck } from './checks/target-checks';
import { encryptionInTransitOf } from './readers/msk-cluster-document';
import { forbiddenConfigFindings } from './readers/strimzi-documents';
import { hasBrokerRole, type ListenerOfProperties, type NodeProperties } from './readers/statefulset-documents';

/** SEC-001: Encryption in transit: client↔broker is TLS only (no plaintext listener), and broker↔broker traffic is encrypted. */
export const SEC_001_ENCRYPTION_IN_TRANSIT: Rule = defineRule({
  id: 'SEC-001',
  title: 'Encryption in transit: client↔broker is TLS only (no plaintext listener), and broker↔broker traffic is encrypted.',
  explanation: 'Kafka carries business data, credentials (SASL) and ACL changes. A plaintext listener exposes them to anyone on the network path, and a plaintext broker-to-broker link exposes every replicated record. TLS on every listener, for clients, brokers and controllers, closes both.',
  remediation: 'MSK: write encryption_in_transit client_broker = "TLS" and in_cluster = true. Strimzi: set tls: true on every listener. StatefulSet: use only SSL or SASL_SSL listeners for clients, brokers and controllers.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: nodeListenersCheck(checkStatefulSetListener, checkStatefulSetInterBroker) },
});

/** MSK: `encryption_in_transit` with `client_broker = "TLS"` and `in_cluster = true`, both written out. */
function checkMsk(cluster: TerraformDocument): RuleOutcome {
  const transit = encryptionInTransitOf(cluster);
  const f = new Findings();
  f.expect(transit.client_broker === 'TLS', {
    found: `encryption_info.encryption_in_transit.client_broker is ${shown(transit.client_broker)}`,
    expected: "'TLS', written out (TLS_PLAINTEXT and PLAINTEXT open a plaintext listener)",
    fix: 'Set client_broker = "TLS" (MskCluster writes it).',
  });
  f.expect(transit.in_cluster === true || transit.in_cluster === 'true', {
    found: `encryption_info.encryption_in_transit.in_cluster is ${shown(transit.in_cluster)}`,
    expected: 'true, written out',
    fix: 'Set in_cluster = true (MskCluster writes it).',
  });
  return f.outcome();
}

/**
 * Strimzi: every listener has `tls: true`. Strimzi's own replication and controller listeners
 * (9090, 9091) always use mutual TLS. Listener keys that Strimzi drops are refused here.
 */
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
  const listeners: any[] = kafka.body.spec?.kafka?.listeners ?? [];
  const f = new Findings();
  for (const l of listeners) {
    f.refused(`listener ${shown(l?.name)} (port ${l?.port}) has tls ${shown(l?.tls)}`, checkListenerTls(l?.tls));
  }
  forbiddenConfigFindings(kafka, 'SEC-001', f);
  return f.outcome();
}

/**
 * StatefulSet: in every Kafka properties file (brokers, controllers, combined nodes), each
 * listener (`listeners`, `controller.listener.names`, `inter.broker.listener.name`) maps to SSL
 * or SASL_SSL.
 */
function checkStatefulSetListener(l: ListenerOfProperties, { where }: NodeProperties, f: Findings): void {
  f.expect(l.protocol === 'SSL' || l.protocol === 'SASL_SSL', {
    found: `${where} listener ${l.name} security protocol is ${shown(l.protocol)}`,
    expected: "'SSL' or 'SASL_SSL': plaintext listeners are refused",
    fix: `Map ${l.name} to SSL or SASL_SSL in listener.security.protocol.map.`,
  });
}

/** StatefulSet: a broker names its inter-broker listener (Kafka's default is PLAINTEXT). */
function checkStatefulSetInterBroker({ properties, where }: NodeProperties, f: Findings): void {
  if (!hasBrokerRole(properties)) return;
  f.expect(properties['inter.broker.listener.name'] !== undefined || ['SSL', 'SASL_SSL'].includes(properties['security.inter.broker.protocol'] ?? ''), {
    found: `${where} sets neither inter.broker.listener.name nor an encrypted security.inter.broker.protocol, so brokers replicate over PLAINTEXT`,
    expected: 'broker-to-broker traffic on an SSL or SASL_SSL listener',
    fix: 'Set inter.broker.listener.name=REPLICATION (a SASL_SSL listener).',
  });
}
