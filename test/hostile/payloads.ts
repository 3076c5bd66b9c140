/**
 * Injection payloads for the hostile-input tests (issue #13): spaces, quotes, newlines,
 * backslashes, command substitution, backticks, Terraform templates and JSON breakers.
 */
export const INJECTION_PAYLOADS: readonly string[] = [
  'tx --topic * --transactional-id tx',
  'a b',
  "it's",
  'say "hi"',
  'line\nbreak',
  'cr\rreturn',
  'tab\there',
  'back\\slash',
  'trailing\\',
  '$(touch pwned)',
  '`touch pwned`',
  '${HOME}',
  '${aws_iam_role.x.arn}',
  '%{ if true }x%{ endif }',
  '"}',
  "'; rm -rf / #",
  '#comment',
  '\\x20',
  '\\c',
  '*',
  'ünïcødé ✓',
];
