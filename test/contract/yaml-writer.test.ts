import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
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
