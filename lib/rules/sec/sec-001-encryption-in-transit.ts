import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, block } from '../msk-cluster-document';
import { targetOf } from '../rule-target';
import { asStrimziKafka, forbiddenConfigFindings } from '../strimzi-documents';

/** SEC-001: Encryption in transit: client↔broker is TLS only (no plaintext listener), and broker↔broker traffic is encrypted. */
export const SEC_001_ENCRYPTION_IN_TRANSIT: Rule = {
  id: 'SEC-001',
  level: RuleLevel.ERROR,
  title: 'Encryption in transit: client↔broker is TLS only (no plaintext listener), and broker↔broker traffic is encrypted.',
  explanation: 'Kafka carries business data, credentials (SASL) and ACL changes. A plaintext listener exposes them to anyone on the network path, and a plaintext broker-to-broker link exposes every replicated record. TLS on every listener, for clients, brokers and controllers, closes both.',
  remediation: 'MSK: write encryption_in_transit client_broker = "TLS" and in_cluster = true. Strimzi: set tls: true on every listener. StatefulSet: use only SSL or SASL_SSL listeners for clients, brokers and controllers.',
  targets: [RuleTarget.MSK, RuleTarget.STRIMZI, RuleTarget.STATEFULSET],
  check(doc, ctx) {
    switch (targetOf(doc)) {
      case RuleTarget.MSK: return checkMsk(doc, ctx);
      case RuleTarget.STRIMZI: return checkStrimzi(doc, ctx);
      case RuleTarget.STATEFULSET: return checkStatefulSet(doc, ctx);
      default: return NOT_APPLICABLE;
    }
  },
};

/** MSK: `encryption_in_transit` with `client_broker = "TLS"` and `in_cluster = true`, both written out. */
function checkMsk(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
  const transit = block(block(cluster.body.encryption_info).encryption_in_transit);
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
function checkStrimzi(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const kafka = asStrimziKafka(doc);
  if (!kafka) return NOT_APPLICABLE;
  const listeners: any[] = kafka.body.spec?.kafka?.listeners ?? [];
  const f = new Findings();
  for (const l of listeners) {
    f.expect(l?.tls === true, {
      found: `listener ${shown(l?.name)} (port ${l?.port}) has tls ${shown(l?.tls)}`,
      expected: 'true: plaintext listeners are refused',
      fix: `Set tls: true on listener ${l?.name}.`,
    });
  }
  forbiddenConfigFindings(kafka, 'SEC-001', f);
  return f.outcome();
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
