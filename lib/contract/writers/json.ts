/**
 * The JSON writer of generated documents (Grafana dashboards, CloudWatch dashboard bodies): two
 * spaces, keys in the order they were built, a final newline. `JSON.stringify` escapes every
 * string for JSON; a writer for Terraform puts its result through `terraformLiteral` as well.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-7
 */
export function writeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The same value on one line (a CloudWatch dashboard body, whose size AWS limits). */
export function writeCompactJson(value: unknown): string {
  return JSON.stringify(value);
}
