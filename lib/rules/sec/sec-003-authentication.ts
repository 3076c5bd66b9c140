import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, authenticationOf, block, hasBlock } from '../msk-cluster-document';
import { targetOf } from '../rule-target';

/** SEC-003: Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener `authentication.type: custom`). Unauthenticated access is refused. SASL/PLAIN is refused. */
export const SEC_003_AUTHENTICATION: Rule = {
  id: 'SEC-003',
  level: RuleLevel.ERROR,
  title: 'Every client listener authenticates: SASL/SCRAM-SHA-512, mutual TLS, IAM (MSK) or OAuth bearer (on Strimzi 1.2 through listener \`authentication.type: custom\`). Unauthenticated access is refused. SASL/PLAIN is refused.',
  explanation: 'A listener that does not authenticate lets anyone who can reach it read and write every topic that ACLs do not cover, and makes ACLs meaningless because every client is ANONYMOUS. SASL/PLAIN sends passwords that the broker stores in clear text in its configuration. SCRAM-SHA-512, mutual TLS, IAM and OAuth bearer avoid both.',
  remediation: 'MSK: set client_authentication with unauthenticated = false and SCRAM, IAM or mutual TLS (ACM PCA) on (MskCluster authentication). Strimzi: set authentication (scram-sha-512, tls, or custom for OAuth) on every listener. StatefulSet: set sasl.enabled.mechanisms=SCRAM-SHA-512 or ssl.client.auth=required on every client listener. Never enable PLAIN.',
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

/**
 * MSK: `client_authentication` with `unauthenticated = false` written out and at least one of
 * SCRAM, IAM or mutual TLS on. (MSK has no SASL/PLAIN.)
 */
function checkMsk(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
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

/** STRIMZI: TODO(owner of the STRIMZI target) */
function checkStrimzi(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
