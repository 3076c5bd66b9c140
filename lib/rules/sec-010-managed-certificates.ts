import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, shown, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { kafkaNodeCheck, mskClusterCheck, strimziKafkaCheck, type KafkaNodeStatefulSet } from './checks/target-checks';
import { block, hasBlock, list } from './readers/msk-cluster-document';
import { podSpecOf, kafkaContainerOf, volumeOfPath, secretNamesOfVolume, certificateForSecret } from './readers/statefulset-documents';

/** SEC-010: Certificates come from a CA that the operator, cert-manager or ACM PCA manages, with renewal; MON-011 alerts before one expires. */
export const SEC_010_MANAGED_CERTIFICATES: Rule = defineRule({
  id: 'SEC-010',
  title: 'Certificates come from a CA that the operator, cert-manager or ACM PCA manages, with renewal; MON-011 alerts before one expires.',
  explanation: 'Certificates that someone makes by hand expire unnoticed and take the cluster or its clients down, and their private keys tend to be copied around. A managed CA issues and renews them automatically, and MON-011 warns before any expires.',
  remediation: 'MSK: broker certificates are AWS-managed; for mutual TLS, issue client certificates from an ACM Private CA and list it in client_authentication.tls.certificate_authority_arns. Strimzi: let the operator manage the cluster and clients CAs (or cert-manager with renewal). StatefulSet: cert-manager Certificates with renewBefore set.',
  severity: Severity.ERROR,
  targets: { msk: mskClusterCheck(checkMsk), strimzi: strimziKafkaCheck(checkStrimzi), statefulset: kafkaNodeCheck(checkStatefulSet) },
});

/**
 * MSK: broker certificates are AWS-managed. With mutual TLS, client certificates come from
 * ACM Private CA: every `certificate_authority_arns` entry is an ACM PCA ARN or an
 * `aws_acmpca_certificate_authority` of this stack.
 */
function checkMsk(cluster: TerraformDocument, ctx: RuleContext): RuleOutcome {
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
    // Stryker disable next-line ConditionalExpression: RegExp.test of a non-string tests its String(), which never starts with arn:aws
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
function checkStrimzi(kafka: KubernetesDocument): RuleOutcome {
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

/**
 * StatefulSet: every keystore a Kafka node uses (`ssl.keystore.location`, also per listener)
 * is mounted from a Secret that a cert-manager Certificate in the output writes, signed by a
 * named issuer and renewed before it expires (`renewBefore` or `renewBeforePercentage`).
 */
function checkStatefulSet(config: KafkaNodeStatefulSet, ctx: RuleContext): RuleOutcome {
  const { sts } = config;
  const props = config.node.properties;
  const pod = podSpecOf(sts);
  const container = kafkaContainerOf(pod);
  const keys = Object.keys(props).filter((k) => k === 'ssl.keystore.location' || /^listener\.name\.[^.]+\.ssl\.keystore\.location$/.test(k));
  const f = new Findings();
  f.expect(keys.length > 0, {
    found: `${config.node.where} of ConfigMap ${config.configMap.name} sets no ssl.keystore.location`,
    expected: 'a keystore issued by cert-manager',
    fix: 'Set ssl.keystore.location to the keystore of a cert-manager Certificate Secret.',
  });
  for (const key of keys) {
    const location = props[key];
    const source = volumeOfPath(pod, container, location);
    const secrets = secretNamesOfVolume(source?.volume);
    if (secrets.length === 0) {
      f.add({
        found: `${key} ${location} is ${source ? `on volume ${shown(source.name)}, which is not a Secret` : 'not on a mounted volume'}`,
        expected: 'a keystore from the Secret of a cert-manager Certificate',
        fix: 'Mount the Secret of a cert-manager Certificate (keystores.pkcs12) at the keystore directory.',
      });
      continue;
    }
    for (const secret of secrets) {
      const certificate = certificateForSecret(ctx.index, secret, sts.namespace);
      if (!certificate) {
        f.add({
          found: `${key} ${location} comes from Secret ${shown(secret)}, which no cert-manager Certificate in the output writes`,
          expected: 'a Certificate that cert-manager issues and renews',
          fix: 'Issue the keystore with a cert-manager Certificate (KafkaStatefulSetCluster does), or suppress SEC-010 with a reason that names who renews it.',
        });
        continue;
      }
      const spec = certificate.body.spec ?? {};
      f.expect(typeof spec.issuerRef?.name === 'string' && spec.issuerRef.name !== '', {
        found: `Certificate ${certificate.name} issuerRef.name is ${shown(spec.issuerRef?.name)}`,
        expected: 'a named cert-manager issuer (CA, Vault or AWS Private CA)',
        fix: 'Set issuerRef to your issuer (certificateIssuer on the KafkaStatefulSetCluster).',
      });
      f.expect(spec.renewBefore !== undefined || spec.renewBeforePercentage !== undefined, {
        found: `Certificate ${certificate.name} sets neither renewBefore nor renewBeforePercentage`,
        expected: 'an explicit renewal window longer than the MON-011 warning (30 days)',
        fix: "Set renewBefore: '1080h' with duration: '2160h'.",
      });
    }
  }
  return f.outcome();
}
