import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeYaml, writtenYamlValue } from '../../lib/contract/yaml-writer';
import { SecretScanner } from '../../lib/rules/readers/secret-scanner';

// Strings a YAML writer must quote or escape to keep them strings (YAML 1.2 core schema:
// booleans, null, numbers, indicators, comments, mapping and sequence markers, line breaks).
const AWKWARD = ['true', 'null', '~', '1.0', '0x1F', '1e3', '- item', 'a: b', 'x #y', '#c', '*alias', '&anchor', '!tag',
  '%dir', '@at', '`tick', '"dq"', "'sq'", ' leading', 'trailing ', 'two\nlines', 'tab\there', '{{ $labels.pod }}',
  '${var.password}', '$(cat /x)', 'sum(rate(x[5m])) > 0', 'ünïcödé', '', ':', '?', '|', '>'];

// The `yaml` package as the writer loads it (CommonJS, the same module object), to see whether a
// value was written by the hand-written path or left to `yaml`.
const yamlModule = createRequire(import.meta.url)('yaml') as typeof import('yaml');
const asYaml = (value: unknown, lineWidth?: number) => stringify(value, { aliasDuplicateObjects: false, ...(lineWidth === undefined ? {} : { lineWidth }) });

/** The text `writeYaml` writes and whether it asked `yaml` to write it. */
function write(value: unknown, lineWidth?: number): { text: string; byYaml: boolean } {
  const spy = vi.spyOn(yamlModule, 'stringify');
  try {
    const text = writeYaml(value, lineWidth === undefined ? {} : { lineWidth });
    return { text, byYaml: spy.mock.calls.length > 0 };
  } finally {
    spy.mockRestore();
  }
}

/** Writes `value` and checks the text is `yaml`'s, parses back to `value`, and which path wrote it. */
function expectWritten(value: unknown, by: 'hand' | 'yaml', lineWidth?: number): string {
  const { text, byYaml } = write(value, lineWidth);
  expect(text).toBe(asYaml(value, lineWidth));
  expect(parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
  expect(byYaml ? 'yaml' : 'hand').toBe(by);
  return text;
}

/** `s` as a value in a map, as a key two levels deep and as a list item three levels deep. */
const places = (s: string) => ({ value: s, nested: { [s]: [s] } });

// Each string, with the form `yaml` gives it (plain, double- or single-quoted) in a map value, a
// key and a list item. Every alternative of NOT_PLAIN and of OTHER_TYPES has a string here that
// only it quotes, and a near miss (a character before or after) that stays plain.
const QUOTED: readonly (readonly [string, string])[] = [
  // starts with an indicator (NOT_PLAIN's first alternative)
  ['\tx', '"\\tx"'], [' x', '" x"'], [',x', '",x"'], ['[x', '"[x"'], [']x', '"]x"'], ['{x', '"{x"'], ['}x', '"}x"'], ['#x', '"#x"'],
  ['&x', '"&x"'], ['*x', '"*x"'], ['!x', '"!x"'], ['|x', '"|x"'], ['>x', '">x"'], ["'x", '"\'x"'], ['"x', '\'"x\''], ['%x', '"%x"'],
  ['%"x', '\'%"x\''], ['@x', '"@x"'], ['`x', '"`x"'],
  // '?' or '-' alone or before a space or tab
  ['?', '"?"'], ['-', '"-"'], ['? x', '"? x"'], ['- x', '"- x"'], ['?\tx', '"?\\tx"'], ['-\tx', '"-\\tx"'],
  // ': ' or ':\t', ' #' or '\t#' anywhere; ends in a space, a tab or ':'
  ['a: b', '"a: b"'], ['a:\tb', '"a:\\tb"'], ['a #b', '"a #b"'], ['a\t#b', '"a\\t#b"'], ['a ', '"a "'], ['a\t', '"a\\t"'], ['a:', '"a:"'],
  // read by the core schema as null, a boolean, an integer (octal, decimal, hex), .inf/.nan, a float
  ['', '""'], ['~', '"~"'], ['null', '"null"'], ['Null', '"Null"'], ['NULL', '"NULL"'],
  ['true', '"true"'], ['True', '"True"'], ['TRUE', '"TRUE"'], ['false', '"false"'], ['False', '"False"'], ['FALSE', '"FALSE"'],
  ['0o17', '"0o17"'], ['0o7', '"0o7"'], ['17', '"17"'], ['7', '"7"'], ['-17', '"-17"'], ['+17', '"+17"'], ['0x1F', '"0x1F"'], ['0xa', '"0xa"'], ['0xA9', '"0xA9"'],
  ['.inf', '".inf"'], ['-.Inf', '"-.Inf"'], ['+.INF', '"+.INF"'], ['.nan', '".nan"'], ['.NaN', '".NaN"'], ['.NAN', '".NAN"'],
  ['1e3', '"1e3"'], ['1E3', '"1E3"'], ['1e10', '"1e10"'], ['.25e3', '".25e3"'], ['1.25e3', '"1.25e3"'], ['-1e-3', '"-1e-3"'], ['+.5e+3', '"+.5e+3"'], ['1.e3', '"1.e3"'], ['12.5E10', '"12.5E10"'], ['9e12', '"9e12"'],
  ['.5', '".5"'], ['.25', '".25"'], ['+1.', '"+1."'], ['-1.5', '"-1.5"'], ['1.25', '"1.25"'], ['10.', '"10."'],
  // the quote that holds no quote of its kind; JSON's escaping in double quotes
  ['say "hi": x', '\'say "hi": x\''], ["it's: x", '"it\'s: x"'], ['"both\': x', '"\\"both\': x"'], ['\\x: y', '"\\\\x: y"'],
];
const PLAIN = [
  'a:b', ':x', 'a#b', 'a-b', '-x', '?x', 'x?', 'x-', 'a\tb', 'a b', 'x---', 'x...', 'ünïcödé', '$labels.pod', 'sum(rate(x[5m])) > 0',
  'xnull', 'nullx', 'nULL', 'nuLL', 'x~', '~x', 'xtrue', 'truex', 'tRUE', 'False!', 'x0o17', '0o17x', '0o8', '0o', 'x17', '17x', '1_000', '+-1', '+',
  'x0x1F', '0x1Fg', '0X1F', '0x', '0xg', 'x.inf', '.infx', '.Nan', '.nAn', '+.nan', 'inf', '.', '..',
  'x1e3', '1e3x', '1e', 'e3', '1e+', '1.2.3', '1.2e3.4', 'x.5', '.5x', '1..5', '.e3', '.ee3', '1.xe3', '1ex3', '+.', 'x1.5', '1.5x',
];

describe('the hand-written path of writeYaml, string by string', () => {
  it('quotes, in a value, a key and a list item, every string YAML would read as something else', () => {
    for (const [s, quoted] of QUOTED) {
      expect(expectWritten(places(s), 'hand')).toBe(`value: ${quoted}\nnested:\n  ${quoted}:\n    - ${quoted}\n`);
      expect(expectWritten({ [s]: 1 }, 'hand')).toBe(`${quoted}: 1\n`);
    }
  });

  it('writes plain, in a value, a key and a list item, the strings YAML reads back as themselves', () => {
    for (const s of PLAIN) {
      expect(expectWritten(places(s), 'hand')).toBe(`value: ${s}\nnested:\n  ${s}:\n    - ${s}\n`);
      expect(expectWritten({ [s]: 1 }, 'hand')).toBe(`${s}: 1\n`);
    }
  });

  it('writes integers, booleans, nested and empty collections and skips undefined map values', () => {
    const value = {
      int: 0, neg: -42, max: Number.MAX_SAFE_INTEGER, min: Number.MIN_SAFE_INTEGER, yes: true, no: false, skipped: undefined,
      list: [1, 'a', [2, [3]], { b: [] }, {}, []], map: { c: { d: {} }, e: { f: undefined } }, lists: [[], [[]], [{}]],
    };
    expect(expectWritten(value, 'hand')).toBe([
      'int: 0', 'neg: -42', 'max: 9007199254740991', 'min: -9007199254740991', 'yes: true', 'no: false',
      'list:', '  - 1', '  - a', '  - - 2', '    - - 3', '  - b: []', '  - {}', '  - []',
      'map:', '  c:', '    d: {}', '  e: {}', 'lists:', '  - []', '  - - []', '  - - {}', '',
    ].join('\n'));
    const bare = Object.create(null) as Record<string, unknown>;
    bare.a = 1;
    expect(expectWritten({ bare, empty: Object.create(null) as object }, 'hand')).toBe('bare:\n  a: 1\nempty: {}\n');
    expect(expectWritten(bare, 'hand')).toBe('a: 1\n');
    expect(expectWritten(['x', 1], 'hand')).toBe('- x\n- 1\n');
  });

  it('leaves to yaml what it does not write itself, with the same text as yaml', () => {
    for (const value of [
      undefined, {}, [], { a: undefined }, 'top', 1, null, { a: null }, { a: 1.5 }, { a: -0 }, { a: 2 ** 53 }, { a: -(2 ** 53) }, { a: NaN }, { a: 1n },
      { a: new Date(0) }, { a: new Map([['k', 1]]) }, [1, undefined], [[undefined]], { a: 'two\nlines' }, { 'two\nlines': 1 },
      { a: 'bell\u0007' }, { a: 'del\x7f' }, { a: 'next\x85' }, { a: 'lone\ud800' }, { a: 'nul\x00' }, { a: '---' }, { a: '---x' }, { '...x': 1 }, { a: '...' },
      { a: { b: '--- x' } },
    ]) {
      const { text, byYaml } = write(value);
      expect(text).toBe(asYaml(value));
      expect(byYaml).toBe(true);
    }
    // An object used twice is written out in full by `yaml` too, never as an anchor and an alias.
    const shared = { severity: 'critical' };
    const twice = write({ a: shared, b: shared, none: null });
    expect(twice).toEqual({ text: 'a:\n  severity: critical\nb:\n  severity: critical\nnone: null\n', byYaml: true });
    // Document markers: `yaml` quotes them as top-level keys, but not two levels down.
    expect(write({ '---x': 1, n: { '---x': '---x' } }).text).toBe('"---x": 1\nn:\n  ---x: ---x\n');
  });

  it('lets an error reading the value through, rather than trying again with yaml', () => {
    let reads = 0;
    const value = { outer: { get inner() { if (reads++ === 0) throw new Error('read failed'); return 1; } } };
    expect(() => writeYaml(value)).toThrow('read failed');
  });

  it('writes keys up to 1,024 characters itself, and leaves longer ones to yaml (`? key`)', () => {
    expectWritten({ ['k'.repeat(1024)]: 1 }, 'hand');
    expectWritten({ [`"${'k'.repeat(1019)}: `]: 1 }, 'hand'); // 1,024 characters once quoted
    expect(expectWritten({ ['k'.repeat(1025)]: 1 }, 'yaml')).toMatch(/^\? k+\n: 1\n$/);
    expectWritten({ [`"${'k'.repeat(1020)}: `]: 1 }, 'yaml');
    // A long value is never written as `? key`: only its line width counts.
    expectWritten({ k: 'v'.repeat(2000) }, 'hand', 0);
  });

  it('writes a string as long as the line width allows itself, and leaves a longer one to yaml, which folds it', () => {
    // foldFlowLines leaves a scalar alone up to max(1 + minContentWidth, 1 + lineWidth - indent) characters;
    // minContentWidth is 20, or 0 when the line width is below 20.
    const words = (n: number) => `${'w '.repeat(n).slice(0, n - 1)}w`; // n characters, with spaces to fold at
    for (const [lineWidth, indent, longest] of [[80, 2, 79], [80, 4, 77], [40, 2, 39], [30, 12, 21], [21, 2, 21], [20, 2, 21], [19, 2, 18], [10, 2, 9], [5, 4, 2]] as const) {
      // `s` as the value of a map `indent / 2` maps deep, and as a list item
      const nest = (s: string) => {
        let value: unknown = { k: s };
        for (let i = 2; i < indent; i += 2) value = { a: value };
        return value;
      };
      expectWritten(nest(words(longest)), 'hand', lineWidth);
      expectWritten(nest(words(longest + 1)), 'yaml', lineWidth);
      if (indent === 2) {
        expectWritten([words(longest)], 'hand', lineWidth);
        expectWritten([words(longest + 1)], 'yaml', lineWidth);
      }
      // Quotes count: '"w w' is written as `'"w w'`.
      if (longest >= 4) {
        expectWritten(nest(`"${words(longest - 3)}`), 'hand', lineWidth);
        expectWritten(nest(`"${words(longest - 2)}`), 'yaml', lineWidth);
      }
    }
    // No line width (0) or a negative one: nothing is folded.
    expectWritten({ k: 'w '.repeat(100) + 'w' }, 'hand', 0);
    expectWritten({ k: 'w '.repeat(100) + 'w' }, 'hand', -1);
  });
});

describe('writeYaml, the one YAML writer of the library\'s own files', () => {
  it('writes text that parses back to the value it wrote, for strings YAML has to quote', () => {
    const value = { groups: [{ name: 'g', rules: AWKWARD.map((s, i) => ({ alert: `A${i}`, expr: s, labels: { s }, for: i })) }], flag: false, none: null };
    const text = writeYaml(value, { lineWidth: 0 });
    expect(parse(text)).toEqual(value);
    expect(writtenYamlValue(text)?.value).toBe(value);
  });

  it('writes an object used twice out in full both times, never as an anchor and an alias', () => {
    const labels = { severity: 'critical', team: 'kafka' };
    const value = { rules: [{ alert: 'A', labels }, { alert: 'B', labels }] };
    const text = writeYaml(value, { lineWidth: 0 });
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text.match(/severity: critical/g)).toHaveLength(2);
    expect(parse(text)).toEqual(value);
  });

  // The writer writes plain data itself and leaves everything else to the `yaml` package; either
  // way the text is byte for byte what `yaml` writes (its stringify with the same options).
  const awkwardString = fc.oneof(
    fc.constantFrom(...AWKWARD, '"', "'", '"both\' quotes"', 'a:b', 'a :b', 'a# b', '-', '-x', '? x', '---', '...', '.5', '+1', '0o17', '.inf', 'NULL', 'False',
      'ends with colon:', 'x'.repeat(1100), 'word '.repeat(30), '\u0007 bell', '\x85 next line', '\ud800 lone', 'tab\tinside', 'line\n'),
    fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', '"', "'", '\n', '{', '1', '.', 'e', '\t', 'ü') , maxLength: 12 }),
    fc.string({ maxLength: 100 }),
  );
  // The library's files hold one-line strings, integers and booleans (written without `yaml`)...
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose: they are not the library's kind of data
  const oneLine = awkwardString.filter((x) => !/[\n\x00-\x1f\x7f-\x9f\ud800-\udfff]/.test(x));
  const fileData = (scalar: fc.Arbitrary<unknown>, key: fc.Arbitrary<string>) => fc.letrec((tie) => ({
    data: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
    list: fc.array(tie('data'), { maxLength: 4 }),
    map: fc.dictionary(key, fc.oneof(tie('data'), fc.constant(undefined)), { maxKeys: 4 }),
  })).data;
  // ...and anything else is left to `yaml`: multi-line strings, fractions, -0, null.
  const anyData = fileData(fc.oneof(awkwardString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0)), awkwardString);

  it('writes exactly what the yaml package writes, for the library\'s kind of data and any line width', () => {
    fc.assert(fc.property(fileData(fc.oneof(oneLine, fc.integer(), fc.boolean()), oneLine), fc.constantFrom(undefined, 0, 80, 40, 10), (value, lineWidth) => {
      expect(writeYaml(value, lineWidth === undefined ? {} : { lineWidth })).toBe(asYaml(value, lineWidth));
    }), { numRuns: 2000 });
  });

  it('writes exactly what the yaml package writes, for any data', () => {
    fc.assert(fc.property(anyData, fc.constantFrom(undefined, 0, 80), (value, lineWidth) => {
      expect(writeYaml(value, lineWidth === undefined ? {} : { lineWidth })).toBe(asYaml(value, lineWidth));
    }), { numRuns: 1000 });
  });

  it('writes a promtool test and a scrape configuration exactly as the yaml package does', () => {
    const promtool = {
      rule_files: ['../../kafka-production-kafka-msk-open-monitoring.rules.yml'],
      evaluation_interval: '1m',
      tests: [{
        name: 'KafkaDiskUsageWarning (MON-004): fires at 71 (usage > 70%) after 5m',
        interval: '1m',
        input_series: [{ series: 'up{kafka_cluster="production-kafka",instance="b-1:11002"}', values: '100000x8' }],
        alert_rule_test: [{ eval_time: '6m', alertname: 'KafkaDiskUsageWarning', exp_alerts: [] }, {
          eval_time: '6m', alertname: 'KafkaDiskUsageWarning',
          exp_alerts: [{ exp_labels: { severity: 'warning', rule_id: 'MON-004' }, exp_annotations: { summary: 'Volume {{ $labels.instance }}: more than 70% full' } }],
        }],
      }],
    };
    expect(writeYaml(promtool, { lineWidth: 0 })).toBe(asYaml(promtool, 0));
    const scrape = { scrape_configs: [{ job_name: 'production-kafka-msk-jmx', scrape_interval: '30s', file_sd_configs: [{ files: ['brokers-11001.json'] }], relabel_configs: [{ target_label: 'kafka_cluster', replacement: 'production-kafka' }] }] };
    expect(writeYaml(scrape)).toBe(asYaml(scrape));
    expect(writeYaml(scrape)).toContain('  - job_name: production-kafka-msk-jmx\n    scrape_interval: 30s\n');
  });

  it('does not claim text it did not write: that text is parsed', () => {
    expect(writtenYamlValue('groups: []\n# hand-written\n')).toBeUndefined();
  });

  it('gives SEC-009 the same findings as parsing the text does', () => {
    const value = { scrape_configs: [{ basic_auth: { username: 'u', password: 'hunter2-not-a-reference' }, key: '-----BEGIN PRIVATE KEY-----\nabc' }] };
    const text = writeYaml(value);
    const fromValue = SecretScanner.scanContent(text, 'prometheus/scrape.yml');
    // The same YAML with a trailing comment was not written by writeYaml, so it is parsed.
    const parsed = SecretScanner.scanContent(`${text}# end\n`, 'prometheus/scrape.yml');
    expect(fromValue.length).toBeGreaterThan(0);
    expect(fromValue).toEqual(parsed);
  });

  it('folds long strings at 80 columns by default, and not at all with lineWidth 0', () => {
    const value = { description: `${'word '.repeat(30)}end` };
    const folded = writeYaml(value);
    const unfolded = writeYaml(value, { lineWidth: 0 });
    expect(folded.split('\n').length).toBeGreaterThan(2);
    expect(Math.max(...folded.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(unfolded).toBe(`description: ${value.description}\n`);
    expect(parse(folded)).toEqual(value);
    expect(parse(unfolded)).toEqual(value);
  });

  it('remembers the last 2048 texts it wrote, a text written again counting as the newest', () => {
    const run = `${Date.now()}-${Math.random()}`;
    const write = (i: number | string) => writeYaml({ run, i });
    const first = write('first');
    const second = write('second');
    for (let i = 0; i < 2045; i++) write(i);
    // 2047 texts written: both remembered; writing the first again makes it the newest.
    expect(writtenYamlValue(second)?.value).toEqual({ run, i: 'second' });
    expect(write('first')).toBe(first);
    write(2045);
    // 2048 texts: all remembered.
    expect(writtenYamlValue(second)).toBeDefined();
    write(2046);
    // 2049: the oldest, the second, is forgotten; the first, written again, is not.
    expect(writtenYamlValue(second)).toBeUndefined();
    expect(writtenYamlValue(first)?.value).toEqual({ run, i: 'first' });
  });
});
