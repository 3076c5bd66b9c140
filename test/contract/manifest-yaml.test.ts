import * as fs from 'node:fs';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { writeManifestYaml, writeYaml } from '../../lib/contract/yaml-writer';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';

// The oracle is cdk8s itself: `Yaml.stringify` (cdk8s/lib/yaml.js) writes each manifest with its
// own copy of `yaml`, `stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' })`.
const cdk8s = (doc: unknown) => Yaml.stringify(doc);

/** Writes `doc` by hand, checks cdk8s writes the same text, and returns it. */
function byHand(doc: unknown): string {
  const text = writeManifestYaml(doc);
  expect(text, JSON.stringify(doc)).toBeDefined();
  expect(text).toBe(cdk8s(doc));
  return text!;
}

// Strings the YAML 1.1 schema reads as another type (schema/yaml-1.1 of `yaml`), and near misses
// it leaves plain (`<<`, the merge key, is written plain by `yaml`).
const YAML_1_1_TYPED = ['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'False',
  '0b101', '-0b1_0', '0777', '+0_7', '1_000', '0x_1F', '1_0.5', '1e3', '1.5e+3', '._5', '190:20:30', '-1:30', '1:30.5', '2024-01-01', '2024-1-1t1:02:03Z',
  '2024-01-01 10:00:00 +01:00', '~', 'null', '', '.inf', '.NaN', '0x1F'];
const YAML_1_1_PLAIN = ['yess', 'onn', 'offf', 'ya', '0b2', '0778x', '1__x', '1:60', '2024-01', '2024-01-01x', '<<', '<<<', 'Y!', 'nO', 'oN', 'x:1', '0o17'];

describe('writeManifestYaml writes a manifest as cdk8s does', () => {
  it('quotes the strings YAML 1.1 reads as something else, as a value, a key and a list item, and leaves the others plain', () => {
    for (const s of YAML_1_1_TYPED) {
      const text = byHand({ value: s, nested: { [s]: [s] } });
      expect(text).not.toContain(`value: ${s}\n`);
    }
    for (const s of YAML_1_1_PLAIN) expect(byHand({ value: s, nested: { [s]: [s] } })).toBe(`value: ${s}\nnested:\n  ${s}:\n    - ${s}\n`);
  });

  it('writes a string the same each time it meets it, by the schema of each writer (strings are remembered per schema)', () => {
    // 'yes' and 'on' are booleans in YAML 1.1 (manifests, as cdk8s writes them) and strings in
    // the 1.2 core schema (writeYaml, as the yaml package writes it); '---x' is left to yaml by
    // both, a control character too. Written alternately, each writer keeps its own answer.
    for (let round = 0; round < 2; round++) {
      for (const s of ['yes', 'on', 'plain', 'a: b']) {
        expect(byHand({ value: s, list: [s, s] })).toBe(cdk8s({ value: s, list: [s, s] }));
        expect(writeYaml({ value: s, list: [s, s] })).toBe(stringify({ value: s, list: [s, s] }));
      }
      expect(byHand({ value: 'yes' })).toBe('value: "yes"\n');
      expect(writeYaml({ value: 'yes' })).toBe('value: yes\n');
      for (const s of ['---x', 'bell\u0007']) {
        expect(writeManifestYaml({ value: s })).toBeUndefined();
        expect(writeYaml({ value: s })).toBe(stringify({ value: s }));
      }
    }
  });

  it('writes multi-line strings as literal blocks, with the chomping and indentation indicators yaml gives them', () => {
    expect(byHand({ script: 'set -e\necho hi' })).toBe('script: |-\n  set -e\n  echo hi\n');
    expect(byHand({ data: { 'config.json': '{\n  "a": 1\n}\n' } })).toBe('data:\n  config.json: |\n    {\n      "a": 1\n    }\n');
    expect(byHand({ list: ['  indented\nnext', 'a\n\n\nb'] })).toBe('list:\n  - |2-\n      indented\n    next\n  - |-\n    a\n\n\n    b\n');
    for (const s of ['\nleading newline', '\n\n  leading both\nx', 'x\n  \ny', 'ends in spaces  \n', 'tab\tinside\nx', 'a:\n- b', '# not a comment\nx', '---\nx', 'x\n...', '%x\ny']) byHand({ k: s, l: [s] });
  });

  it('leaves to cdk8s what yaml writes otherwise: duplicate objects (an alias), undefined (null), control characters, null, fractions, `|+`', () => {
    const shared = { app: 'kafka' };
    const undefinedValue: Record<string, unknown> = { a: 1, b: undefined };
    for (const doc of [{ a: shared, b: shared }, undefinedValue, { a: [1, undefined] }, { a: 'bell\u0007\nx' },
      { a: null }, { a: 0.5 }, { a: 'two final\n\n' }, { a: 'last line blank\n  ' }, { 'multi\nline key': 1 }, { a: new Date(0) }]) {
      expect(writeManifestYaml(doc), JSON.stringify(doc)).toBeUndefined();
    }
    // The same empty array twice is a duplicate object too.
    const emptyTwice: unknown[] = [];
    expect(writeManifestYaml({ a: emptyTwice, b: emptyTwice })).toBeUndefined();
    expect(cdk8s({ a: shared, b: shared })).toMatch(/&a1[\s\S]*\*a1/);
    expect(cdk8s(undefinedValue)).toBe('a: 1\nb: null\n');
    expect(byHand({ a: { app: 'kafka' }, b: { app: 'kafka' } })).toBe('a:\n  app: kafka\nb:\n  app: kafka\n');
  });

  // Strings of the characters that matter to YAML, multi-line ones included.
  const text = fc.oneof(
    fc.constantFrom(...YAML_1_1_TYPED, ...YAML_1_1_PLAIN, 'a: b', '- x', '#x', '"q"', "'s'", ' lead', 'trail ', '---', '...', '\n', 'x\n', '\n\n'),
    fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', '"', "'", '\n', '\t', '{', '1', '0', '.', '_', 'y', 'e', 'ü', '\u0007'), maxLength: 16 }),
    fc.string({ maxLength: 60 }),
  );
  const manifest = fc.letrec((tie) => ({
    data: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), tie('list'), tie('map')),
    list: fc.array(tie('data'), { maxLength: 4 }),
    map: fc.dictionary(text, tie('data'), { maxKeys: 4 }),
  })).map; // a manifest is a map

  it('for any data: the text cdk8s writes, or undefined (then cdk8s writes it)', () => {
    let written = 0;
    fc.assert(fc.property(manifest, (doc) => {
      const ours = writeManifestYaml(doc);
      if (ours !== undefined) {
        written++;
        expect(ours).toBe(cdk8s(doc));
      }
    }), { numRuns: 3000 });
    expect(written).toBeGreaterThan(1000);
  });

  it('writes every manifest of the example environments itself, byte for byte as cdk8s wrote them', () => {
    let documents = 0;
    for (const env of EXAMPLE_ENVIRONMENTS) {
      const dir = exampleDist(env);
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml'))) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        const docs = parseAllDocuments(text, { version: '1.1' }).map((d) => d.toJSON() as unknown);
        expect(docs.map((d) => byHand(d)).join('---\n'), `${env}/${file}`).toBe(text);
        documents += docs.length;
      }
    }
    expect(documents).toBeGreaterThan(100);
  });
});
