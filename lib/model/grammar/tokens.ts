/**
 * Unresolved tokens of cdktf and cdk8s (`${TfToken[TOKEN.12]}`, `#{TfToken[...]}`, encoded
 * numbers). A grammar passes them through: their value is known only after synthesis, where the
 * rules read it. Recognised by shape, so the model imports no construct library.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return /\$\{(Tf)?Token\[|#\{(Tf)?Token\[/.test(value);
  // cdktf encodes a number token as a double near -1.8881545897087626e+289.
  // Stryker disable next-line ConditionalExpression: `typeof value === 'number'` -> true is equivalent: Number.isFinite is false for every non-number
  if (typeof value === 'number') return value < -1e288 && Number.isFinite(value);
  return false;
}
