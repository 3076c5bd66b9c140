import type { SynthesizedDocument } from '../document';
import { Findings, shown, NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule, type RuleContext, type RuleOutcome } from '../rule';
import { asMskCluster, block, hasBlock, list } from '../msk-cluster-document';
import { targetOf } from '../rule-target';
import { asStrimziKafka } from '../strimzi-documents';

/** SEC-010: Certificates come from a CA that the operator, cert-manager or ACM PCA manages, with renewal; MON-011 alerts before one expires. */
export const SEC_010_MANAGED_CERTIFICATES: Rule = {
  id: 'SEC-010',
  level: RuleLevel.ERROR,
  title: 'Certificates come from a CA that the operator, cert-manager or ACM PCA manages, with renewal; MON-011 alerts before one expires.',
  explanation: 'Certificates that someone makes by hand expire unnoticed and take the cluster or its clients down, and their private keys tend to be copied around. A managed CA issues and renews them automatically, and MON-011 warns before any expires.',
  remediation: 'MSK: broker certificates are AWS-managed; for mutual TLS, issue client certificates from an ACM Private CA and list it in client_authentication.tls.certificate_authority_arns. Strimzi: let the operator manage the cluster and clients CAs (or cert-manager with renewal). StatefulSet: cert-manager Certificates with renewBefore set.',
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
 * MSK: broker certificates are AWS-managed. With mutual TLS, client certificates come from
 * ACM Private CA: every `certificate_authority_arns` entry is an ACM PCA ARN or an
 * `aws_acmpca_certificate_authority` of this stack.
 */
function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  const cluster = asMskCluster(doc);
  if (!cluster) return NOT_APPLICABLE;
  const auth = block(cluster.body.client_authentication);
  const notes = ['MSK broker certificates are AWS-managed and renewed by AWS.'];
  const f = new Findings();
  if (!hasBlock(auth.tls)) return f.outcome([...notes, 'No mutual TLS: no client certificates to manage.']);
  const arns = list(block(auth.tls).certificate_authority_arns);
  f.expect(arns.length > 0, {
    found: 'client_authentication.tls has no certificate_authority_arns',
    expected: 'at least one ACM Private CA that issues (and renews) the client certificates',
    fix: "Use ClientAuthentication.mutualTls(['arn:aws:acm-pca:...']).",
  });
  for (const arn of arns) {
    const managed = ctx.index.resolve(arn)?.type === 'aws_acmpca_certificate_authority' || (typeof arn === 'string' && /^arn:aws[a-z-]*:acm-pca:/.test(arn));
    f.expect(managed, {
      found: `certificate authority ${shown(arn)} is not an ACM Private CA`,
      expected: 'an ACM PCA ARN (arn:aws:acm-pca:...)',
      fix: 'Issue client certificates from an ACM Private CA.',
    });
  }
  return f.outcome(notes);
}

/**
 * Strimzi: the cluster and clients CAs are generated and renewed by the operator
 * (`generateCertificateAuthority` not false), and no listener uses a custom certificate
 * (`configuration.brokerCertChainAndKey`), whose renewal nothing here manages.
 */
function checkStrimzi(doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  const kafka = asStrimziKafka(doc);
  if (!kafka) return NOT_APPLICABLE;
  const spec = kafka.body.spec ?? {};
  const f = new Findings();
  for (const ca of ['clusterCa', 'clientsCa']) {
    f.expect(spec[ca]?.generateCertificateAuthority !== false, {
      found: `spec.${ca}.generateCertificateAuthority is false (a CA you supply and renew by hand)`,
      expected: 'true or absent: the operator generates and renews the CA',
      fix: `Remove spec.${ca}.generateCertificateAuthority, or suppress SEC-010 with a reason that names who renews the CA.`,
    });
  }
  for (const l of (spec.kafka?.listeners ?? []) as any[]) {
    f.expect(l?.configuration?.brokerCertChainAndKey === undefined, {
      found: `listener ${shown(l?.name)} uses a custom certificate (configuration.brokerCertChainAndKey secret ${shown(l?.configuration?.brokerCertChainAndKey?.secretName)})`,
      expected: 'the operator-managed cluster CA certificate, renewed by the operator',
      fix: 'Remove brokerCertChainAndKey, or issue the Secret with cert-manager and suppress SEC-010 with that reason.',
    });
  }
  return f.outcome([]);
}

/** STATEFULSET: TODO(owner of the STATEFULSET target) */
function checkStatefulSet(_doc: SynthesizedDocument, _ctx: RuleContext): RuleOutcome {
  return NOT_APPLICABLE;
}
