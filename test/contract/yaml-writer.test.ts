import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { writeYaml, writtenYamlValue } from '../../lib/contract/yaml-writer';
import { SecretScanner } from '../../lib/rules/readers/secret-scanner';

// Strings a YAML writer must quote or escape to keep them strings (YAML 1.2 core schema:
// booleans, null, numbers, indicators, comments, mapping and sequence markers, line breaks).
const AWKWARD = ['true', 'null', '~', '1.0', '0x1F', '1e3', '- item', 'a: b', 'x #y', '#c', '*alias', '&anchor', '!tag',
  '%dir', '@at', '`tick', '"dq"', "'sq'", ' leading', 'trailing ', 'two\nlines', 'tab\there', '{{ $labels.pod }}',
  '${var.password}', '$(cat /x)', 'sum(rate(x[5m])) > 0', 'ünïcödé', '', ':', '?', '|', '>'];

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
  const asYaml = (value: unknown, lineWidth?: number) => stringify(value, { aliasDuplicateObjects: false, ...(lineWidth === undefined ? {} : { lineWidth }) });
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
