// Unresolved cdktf/cdk8s tokens are recognised by shape (lib/model/grammar/tokens.ts).
import { describe, expect, it } from 'vitest';
import { Lazy } from 'cdktf';
import { isUnresolved } from '../../../lib/model/grammar/tokens';

describe('isUnresolved', () => {
  it('recognises the string tokens of cdktf and cdk8s, anywhere in a string', () => {
    for (const t of ['${TfToken[TOKEN.12]}', '${Token[TOKEN.3]}', '#{TfToken[TOKEN.4]}', '#{Token[X.5]}', 'arn:${TfToken[TOKEN.1]}/x']) expect(isUnresolved(t)).toBe(true);
  });
  it('does not take a template or a near miss for a token', () => {
    for (const t of ['${var.x}', '${Tf[TOKEN.1]}', '{TfToken[TOKEN.1]}', '$TfToken[TOKEN.1]', '#{TfTokens}', 'Token[1]', '']) expect(isUnresolved(t)).toBe(false);
  });
  it("recognises an encoded number token by cdktf's bit marker (0xFDFF, 0xFBFF for a number list) and no other number", () => {
    // cdktf encodes a number token as a double whose top 16 bits are 0xFDFF (0xFBFF for a number
    // list), the token's index in the mantissa (cdktf lib/tokens/private/encoding, extractTokenDouble).
    const withTop = (top: number, index: number): number => {
      const view = new DataView(new ArrayBuffer(8));
      view.setUint16(0, top);
      view.setUint32(4, index);
      return view.getFloat64(0);
    };
    expect(isUnresolved(Lazy.numberValue({ produce: () => 3 }))).toBe(true);
    expect(isUnresolved(withTop(0xfdff, 7))).toBe(true);
    expect(isUnresolved(withTop(0xfbff, 7))).toBe(true);
    expect(isUnresolved(withTop(0xfdfe, 7))).toBe(false);
    // An ordinary large negative number is not a token (an older check took anything below -1e288).
    expect(isUnresolved(-1.0000001e288)).toBe(false);
    expect(isUnresolved(-Infinity)).toBe(false);
    expect(isUnresolved(Number.NaN)).toBe(false);
    expect(isUnresolved(0)).toBe(false);
    expect(isUnresolved(3)).toBe(false);
  });
  it('is false for every other value', () => {
    for (const v of [undefined, null, true, {}, ['${TfToken[TOKEN.1]}']]) expect(isUnresolved(v)).toBe(false);
  });
});
