// The Terraform string writer, character by character (the hostile suite proves the same with
// terraform itself: test/hostile/terraform-strings.test.ts).
// Escapes per https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences
import { describe, expect, it } from 'vitest';
import { terraformLiteral, terraformText } from '../../../lib/contract/writers/terraform';

describe('terraformLiteral', () => {
  it('writes every ${ as $${ and every %{ as %%{', () => {
    expect(terraformLiteral('a${b}c%{d}')).toBe('a$${b}c%%{d}');
    expect(terraformLiteral('${x}${y}%{if a}%{endif}')).toBe('$${x}$${y}%%{if a}%%{endif}');
  });
  it('leaves $, %, { and } that start no template sequence as written', () => {
    expect(terraformLiteral('a$b%c{d}$ {%')).toBe('a$b%c{d}$ {%');
    expect(terraformLiteral('')).toBe('');
  });
  it("passes an unresolved cdktf token through: it is the library's own reference", () => {
    expect(terraformLiteral('${TfToken[TOKEN.12]}')).toBe('${TfToken[TOKEN.12]}');
    expect(terraformLiteral('arn:${TfToken[TOKEN.3]}/%{x}')).toBe('arn:${TfToken[TOKEN.3]}/%{x}');
  });
});

describe('terraformText', () => {
  it('reads $${ back as ${ and %%{ back as %{, every occurrence', () => {
    expect(terraformText('a$${b}c%%{d}$${e}%%{f}')).toBe('a${b}c%{d}${e}%{f}');
  });
  it('leaves a lone $ or % as written', () => {
    expect(terraformText('$$ %% ${x} %{y}')).toBe('$$ %% ${x} %{y}');
  });
  it('undoes terraformLiteral', () => {
    for (const s of ['${a}', '%{b}', '$${c}', '%%{d}', 'x$${y}%{z}${', 'plain']) expect(terraformText(terraformLiteral(s))).toBe(s);
  });
});
