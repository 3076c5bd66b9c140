import { NOT_APPLICABLE, RuleLevel, RuleTarget, type Rule } from '../rule';

/** SEC-009: No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix `AmazonMSK_`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator. */
export const SEC_009_NO_SECRET_VALUES: Rule = {
  id: 'SEC-009',
  level: RuleLevel.ERROR,
  title: 'No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix \`AmazonMSK_\`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator.',
  explanation: 'TODO',
  remediation: 'TODO',
  targets: [RuleTarget.ANY],
  check() {
    return NOT_APPLICABLE;
  },
};
