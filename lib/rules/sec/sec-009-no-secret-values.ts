import { SecretScanner } from '../../security/secret-scanner';
import { Findings, RuleLevel, RuleTarget, type Rule } from '../rule';

/** SEC-009: No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix `AmazonMSK_`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator. */
export const SEC_009_NO_SECRET_VALUES: Rule = {
  id: 'SEC-009',
  level: RuleLevel.ERROR,
  title: 'No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix \`AmazonMSK_\`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator.',
  explanation: 'Synthesized files end up in Git, CI logs, Terraform plans and GitOps controllers, where anyone with read access sees them. A password, private key or keystore password written there is leaked for good. Every document is scanned, in every environment (development too): secret-like keys with literal values, PEM private keys, JAAS password literals, properties lines, environment variables, variable defaults and Kubernetes Secrets with data. References (secretKeyRef, ${...} config providers and Terraform expressions, Secrets Manager ARNs) pass. SecretScanner applies the same checks to every output file.',
  remediation: 'Reference the secret instead: a Kubernetes Secret made by the operator or an external secret store (secretKeyRef, a mounted Secret read through ${dir:...}), or an AWS Secrets Manager secret fed through an ephemeral variable (MskScramUser).',
  targets: [RuleTarget.ANY],
  check(doc) {
    const f = new Findings();
    for (const s of SecretScanner.scanValue(doc.body, doc.source === 'terraform' ? doc.address : `${doc.kind}/${doc.name}`)) {
      f.add({
        found: `${s.location} holds ${s.what}`,
        expected: 'a reference to a secret (secretKeyRef, ${...} provider or expression, Secrets Manager ARN), never its value',
        fix: 'Move the value into a Kubernetes Secret or AWS Secrets Manager and reference it; rotate the leaked credential.',
      });
    }
    return f.outcome();
  },
};
