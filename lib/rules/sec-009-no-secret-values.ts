import type { SynthesizedDocument } from '../contract/document';
import { SecretScanner } from './readers/secret-scanner';
import { Findings, type Rule, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';

/** SEC-009: No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix `AmazonMSK_`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator. */
export const SEC_009_NO_SECRET_VALUES: Rule = defineRule({
  id: 'SEC-009',
  title: 'No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix `AmazonMSK_`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator.',
  explanation: 'Synthesized files end up in Git, CI logs, Terraform plans and GitOps controllers, where anyone with read access sees them. A password, private key or keystore password written there is leaked for good. Every document is scanned, in every environment (development too): secret-like keys with literal values, PEM private keys, JAAS password literals, properties lines, environment variables, variable defaults and Kubernetes Secrets with data. References (secretKeyRef, ${...} config providers and Terraform expressions, Secrets Manager ARNs) pass. SecretScanner applies the same checks to every output file.',
  remediation: 'Reference the secret instead: a Kubernetes Secret made by the operator or an external secret store (secretKeyRef, a mounted Secret read through ${dir:...}), or an AWS Secrets Manager secret fed through an ephemeral variable (MskScramUser).',
  severity: Severity.ERROR,
  targets: { any: checkDocument },
});

function checkDocument(doc: SynthesizedDocument): RuleOutcome {
  const f = new Findings();
  for (const s of SecretScanner.scanValue(doc.body, doc.source === 'terraform' ? doc.address : `${doc.kind}/${doc.name}`)) {
    f.add({ found: `${s.location} holds ${s.what}`, expected: EXPECTED, fix: FIX });
  }
  return f.outcome();
}

const EXPECTED = 'a reference to a secret (secretKeyRef, ${...} provider or expression, Secrets Manager ARN), never its value';
const FIX = 'Move the value into a Kubernetes Secret or AWS Secrets Manager and reference it; rotate the leaked credential.';

/**
 * SEC-009 on a file `KafkaApp.synth` is about to write under `dist/<env>/` (client properties,
 * kafka-admin artefacts, Prometheus rules and tests, runbooks, drills, reports): one violation
 * line per secret value in `text`, in the shape of every rule violation
 * (`SEC-009 [<file>] <where> holds <what>; expected ... <fix>`). The value is never repeated.
 * @param file the path the file will be written to, shown between the brackets
 * @param relativePath its path inside `dist/<env>/`, which picks the scanner (by extension) and starts each location
 * @param source what wrote the value, named in the fix (default: the construct that adds the file)
 */
export function secretValueViolationsInOutputFile(file: string, relativePath: string, text: string, source = `the construct that adds ${relativePath}`): string[] {
  return SecretScanner.scanContent(text, relativePath).map((s) =>
    `${SEC_009_NO_SECRET_VALUES.id} [${file}] ${s.location} holds ${s.what}; expected ${EXPECTED}. Render a reference in ${source} instead: ${FIX}`);
}
