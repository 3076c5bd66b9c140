import { WrittenValues } from './written-values';

/**
 * The JSON writer of generated documents (Grafana dashboards, CloudWatch dashboard bodies, the
 * rules report and its SARIF view): two spaces, keys in the order they were built, a final
 * newline. `JSON.stringify` escapes every string for JSON; a writer for Terraform puts its
 * result through `terraformLiteral` as well.
 *
 * It remembers the value behind each text it wrote, so that SEC-009, scanning a file before it
 * is written, reads the value instead of parsing the text the library just wrote
 * (`writtenJsonValue`), when the value is plain JSON data (objects, arrays, strings, numbers,
 * booleans, null: what the text parses back to, key for key). Whether it is is found when the
 * text is read back, not when it is written: SEC-009 reads the report and the dashboards back,
 * never the SARIF log (a `.sarif` file is scanned as text). A value with anything else in it (a
 * `toJSON` method, a Date, a Map, a class instance, undefined) is not given back: its text is
 * parsed as before. The values must not be changed after they are written. A text is remembered
 * until it is read once, and at most `REMEMBERED` texts are kept, oldest forgotten first.
 * @see https://www.rfc-editor.org/rfc/rfc8259#section-7
 */
export function writeJson(value: unknown): string {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  written.remember(text, value);
  return text;
}

/**
 * The value `writeJson` wrote as exactly this text, when it is plain JSON data, or `undefined`
 * when it is not, or `writeJson` did not write the text (or forgot it): then parse the text. Each
 * text is handed out once.
 */
export function writtenJsonValue(text: string): { readonly value: unknown } | undefined {
  const own = written.valueOf(text);
  return own && isPlainJson(own.value) ? own : undefined;
}

/** The same value on one line (a CloudWatch dashboard body, whose size AWS limits). */
export function writeCompactJson(value: unknown): string {
  return JSON.stringify(value);
}

const REMEMBERED = 64;
const written = new WrittenValues(REMEMBERED, true);

/**
 * Whether `value` is plain JSON data: what `JSON.parse(JSON.stringify(value))` gives back with the
 * same keys, in the same order, and the same strings. Finite numbers only; no undefined, no
 * object other than a plain object (prototype `Object.prototype` or null) or an array without
 * holes, no `toJSON`.
 */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !isPlainJson(value[i])) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = value as Record<string, unknown>;
  if ('toJSON' in obj) return false;
  for (const key of Object.keys(obj)) {
    if (!isPlainJson(obj[key])) return false;
  }
  return true;
}
