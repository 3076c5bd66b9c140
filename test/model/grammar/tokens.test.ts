// Unresolved cdktf/cdk8s tokens are recognised by shape (lib/model/grammar/tokens.ts).
import { describe, expect, it } from 'vitest';
import { isUnresolved } from '../../../lib/model/grammar/tokens';

describe('isUnresolved', () => {
  it('recognises the string tokens of cdktf and cdk8s, anywhere in a string', () => {
    for (const t of ['${TfToken[TOKEN.12]}', '${Token[TOKEN.3]}', '#{TfToken[TOKEN.4]}', '#{Token[X.5]}', 'arn:${TfToken[TOKEN.1]}/x']) expect(isUnresolved(t)).toBe(true);
  });
  it('does not take a template or a near miss for a token', () => {
    for (const t of ['${var.x}', '${Tf[TOKEN.1]}', '{TfToken[TOKEN.1]}', '$TfToken[TOKEN.1]', '#{TfTokens}', 'Token[1]', '']) expect(isUnresolved(t)).toBe(false);
  });
  it('recognises an encoded number token (about -1.888e289) and no other number', () => {
    // cdktf's Tokenization encodes a number token as a double near -1.8881545897087626e+289.
    expect(isUnresolved(-1.8881545897087626e289)).toBe(true);
    expect(isUnresolved(-1.0000001e288)).toBe(true);
    expect(isUnresolved(-1e288)).toBe(false);
    expect(isUnresolved(-Infinity)).toBe(false);
    expect(isUnresolved(0)).toBe(false);
    expect(isUnresolved(3)).toBe(false);
  });
  it('is false for every other value', () => {
    for (const v of [undefined, null, true, {}, ['${TfToken[TOKEN.1]}']]) expect(isUnresolved(v)).toBe(false);
  });
});
