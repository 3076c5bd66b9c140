import type { SynthesizedDocument } from '../document';
import { compliantWithNotes, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster } from '../msk-cluster-document';
import { targetOf } from '../rule-target';

/** SEC-002: TLS 1.2 or newer; TLS 1.0/1.1 are refused. */
export const SEC_002_TLS_VERSION: Rule = {
  id: 'SEC-002',
  level: RuleLevel.ERROR,
  title: 'TLS 1.2 or newer; TLS 1.0/1.1 are refused.',
  explanation: 'TLS 1.0 and 1.1 have known weaknesses and are deprecated (RFC 8996). A broker that still accepts them lets a downgrade attack pick the weak protocol. MSK\'s AWS-managed listeners accept TLS 1.2 or newer only, so there it holds by construction and is reported.',
  remediation: 'Strimzi: set ssl.enabled.protocols to TLSv1.3,TLSv1.2 (and ssl.protocol to TLSv1.3) in spec.kafka.config. StatefulSet: the same in server.properties. MSK: nothing to configure.',
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

/** MSK: compliant by construction (AWS-managed listeners accept TLS 1.2 or newer); reported, not configurable. */
function checkMsk(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  if (!asMskCluster(doc)) return NOT_APPLICABLE;
  return compliantWithNotes(['MSK listeners are AWS-managed and accept TLS 1.2 or newer only; nothing to configure.']);
}

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
