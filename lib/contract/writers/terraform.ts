import { isUnresolved } from '../../model/grammar/tokens';

/**
 * The Terraform string writer: a literal that reaches `cdk.tf.json` has `${` written `$${` and
 * `%{` written `%%{`, so Terraform reads it as text and never evaluates it. An unresolved cdktf
 * token (`${TfToken[...]}`) is passed through: it is the library's own reference.
 * @see https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
 */
export function terraformLiteral(value: string): string {
  if (isUnresolved(value)) return value;
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** The text Terraform reads from a string written with `terraformLiteral`. */
export function terraformText(value: string): string {
  return value.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
}
