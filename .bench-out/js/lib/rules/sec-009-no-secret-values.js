"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEC_009_NO_SECRET_VALUES = void 0;
exports.secretValueViolationsInOutputFile = secretValueViolationsInOutputFile;
const secret_scanner_1 = require("./readers/secret-scanner");
const rule_1 = require("./rule");
/** SEC-009: No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix `AmazonMSK_`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator. */
exports.SEC_009_NO_SECRET_VALUES = {
    id: 'SEC-009',
    level: rule_1.RuleLevel.ERROR,
    title: 'No secret value (password, private key, keystore password) appears in any synthesized file. Secrets are references: AWS Secrets Manager secrets (MSK SCRAM: name prefix \`AmazonMSK_\`, encrypted with a customer-managed key) or Kubernetes Secrets created by the operator.',
    explanation: 'Synthesized files end up in Git, CI logs, Terraform plans and GitOps controllers, where anyone with read access sees them. A password, private key or keystore password written there is leaked for good. Every document is scanned, in every environment (development too): secret-like keys with literal values, PEM private keys, JAAS password literals, properties lines, environment variables, variable defaults and Kubernetes Secrets with data. References (secretKeyRef, ${...} config providers and Terraform expressions, Secrets Manager ARNs) pass. SecretScanner applies the same checks to every output file.',
    remediation: 'Reference the secret instead: a Kubernetes Secret made by the operator or an external secret store (secretKeyRef, a mounted Secret read through ${dir:...}), or an AWS Secrets Manager secret fed through an ephemeral variable (MskScramUser).',
    targets: [rule_1.RuleTarget.ANY],
    check(doc) {
        const f = new rule_1.Findings();
        for (const s of secret_scanner_1.SecretScanner.scanValue(doc.body, doc.source === 'terraform' ? doc.address : `${doc.kind}/${doc.name}`)) {
            f.add({ found: `${s.location} holds ${s.what}`, expected: EXPECTED, fix: FIX });
        }
        return f.outcome();
    },
};
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
function secretValueViolationsInOutputFile(file, relativePath, text, source = `the construct that adds ${relativePath}`) {
    return secret_scanner_1.SecretScanner.scanContent(text, relativePath).map((s) => `${exports.SEC_009_NO_SECRET_VALUES.id} [${file}] ${s.location} holds ${s.what}; expected ${EXPECTED}. Render a reference in ${source} instead: ${FIX}`);
}
