/**
 * A PromQL double-quoted string literal holding exactly `value` (label values in matchers).
 * PromQL strings take Go's escapes: `\\` and `"` are escaped, line breaks and other control
 * characters are written `\xHH`, so a value such as `x",kafka_cluster!="` stays one label value.
 * @see https://prometheus.io/docs/prometheus/latest/querying/basics/#string-literals
 */
export function promqlString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `{a="x",b="y"}`: exact matchers, each value through `promqlString`. */
export function promqlMatchers(matchers: Readonly<Record<string, string>>): string {
  return `{${Object.entries(matchers).map(([k, v]) => `${k}=${promqlString(v)}`).join(',')}}`;
}
