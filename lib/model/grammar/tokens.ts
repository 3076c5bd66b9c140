/**
 * Unresolved tokens of cdktf and cdk8s (`${TfToken[TOKEN.12]}`, `#{TfToken[...]}`, encoded
 * numbers). A grammar passes them through: their value is known only after synthesis, where the
 * rules read it. Recognised by shape, so the model imports no construct library.
 */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return /\$\{(Tf)?Token\[|#\{(Tf)?Token\[/.test(value);
  // cdktf encodes a number token as a double whose top 16 bits are 0xFDFF (0xFBFF for a number
  // list), the token's index in the mantissa (cdktf lib/tokens/private/encoding, extractTokenDouble).
  if (typeof value === 'number') {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    const top = view.getUint16(0);
    return top === 0xfdff || top === 0xfbff;
  }
  return false;
}
