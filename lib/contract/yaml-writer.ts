import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * The one YAML writer of the files the library writes itself (Prometheus rule files, promtool
 * tests, scrape configs, the JMX exporter configuration, kustomization.yaml). The text is exactly
 * what the `yaml` package writes (`stringify` with `aliasDuplicateObjects: false` and the given
 * `lineWidth`), which quotes and escapes every scalar for YAML.
 *
 * The library's files are plain data: maps, lists, one-line strings, integers and booleans. Those
 * are written here directly (`blockYaml`), with `yaml`'s own rules for when a string is plain,
 * single-quoted or double-quoted, without loading the package (about 70 modules) or building its
 * node tree. Any other value (multi-line or control-character strings, fractions, null, strings a
 * line width would fold, keys longer than 1,024 characters, class instances) is written by `yaml`
 * itself, loaded on first use. `test/contract/yaml-writer.test.ts` checks the two agree.
 *
 * It remembers the value behind each text it wrote, so that a reader of the library's own output
 * (SEC-009 scanning a file before it is written) gets the value back without parsing the text:
 * the text parses to the same value. Text the library did not write here is parsed as before.
 * The values must not be changed after they are written. At most `REMEMBERED` texts are kept,
 * oldest forgotten first.
 */
export function writeYaml(value: unknown, options: { readonly lineWidth?: number } = {}): string {
  const lineWidth = options.lineWidth ?? DEFAULT_LINE_WIDTH;
  // Every value is written out in full, never as an anchor and alias (`aliasDuplicateObjects`,
  // https://eemeli.org/yaml/#createnode-options): the files are read by promtool, kubectl and
  // people, and tracking every object to find duplicates took most of the writer's time.
  const text = blockYaml(value, lineWidth) ?? yamlPackage().stringify(value, { aliasDuplicateObjects: false, lineWidth });
  written.delete(text);
  written.set(text, value);
  if (written.size > REMEMBERED) written.delete(written.keys().next().value!);
  return text;
}

/**
 * The value `writeYaml` wrote as exactly this text (one YAML document), or `undefined` when the
 * text did not come from it (or was forgotten): then parse it.
 */
export function writtenYamlValue(text: string): { readonly value: unknown } | undefined {
  return written.has(text) ? { value: written.get(text) } : undefined;
}

/** Every YAML document in `text`, parsed by the `yaml` package (loaded on first use). */
export function parseYamlDocuments(text: string): Yaml.Document.Parsed[] {
  return yamlPackage().parseAllDocuments(text) as Yaml.Document.Parsed[];
}

const REMEMBERED = 2048;
const written = new Map<string, unknown>();

/** `yaml`'s default `lineWidth` and `minContentWidth` (https://eemeli.org/yaml/#tostring-options). */
const DEFAULT_LINE_WIDTH = 80;
const MIN_CONTENT_WIDTH = 20;

let loaded: typeof Yaml | undefined;
/** The `yaml` package, loaded on first use (`import.meta.url` is this file; the CommonJS build replaces it). */
function yamlPackage(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}

/** Thrown inside `blockYaml` for a value it leaves to the `yaml` package. */
const UNSUPPORTED = Symbol('leave to yaml');

/**
 * The block-style YAML `yaml`'s `stringify` writes for a non-empty map or list of plain data
 * (two-space indent, list items indented under their key), or `undefined` for anything else.
 */
function blockYaml(value: unknown, lineWidth: number): string | undefined {
  if (!isNonEmptyCollection(value)) return undefined;
  try {
    return `${collection(value, '', lineWidth)}\n`;
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
}

/** A map: an object whose prototype is Object's or none (not a list, a Date or a class instance). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isNonEmptyCollection(value: unknown): value is readonly unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return value.length > 0;
  return isPlainObject(value) && Object.keys(value).some((k) => value[k] !== undefined);
}

/** A non-empty map or list whose lines start at `indent`; the first line without it. */
function collection(value: readonly unknown[] | Record<string, unknown>, indent: string, lineWidth: number): string {
  const inner = `${indent}  `;
  const lines: string[] = [];
  if (Array.isArray(value)) {
    // An undefined item (`yaml` writes it as null) is refused by `inline`, like every value it does not write.
    for (const item of value) {
      lines.push(`- ${isNonEmptyCollection(item) ? collection(item, inner, lineWidth) : inline(item, inner.length, lineWidth)}`);
    }
  } else {
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map)) {
      const v = map[key];
      if (v === undefined) continue; // `yaml` leaves out undefined values (keepUndefined: false)
      const k = scalarString(key, 0, 0, true);
      lines.push(isNonEmptyCollection(v) ? `${k}:\n${inner}${collection(v, inner, lineWidth)}` : `${k}: ${inline(v, inner.length, lineWidth)}`);
    }
  }
  return lines.join(`\n${indent}`);
}

/** A scalar or an empty collection, on the line of its key or `- `. */
function inline(value: unknown, indentLength: number, lineWidth: number): string {
  if (typeof value === 'string') return scalarString(value, indentLength, lineWidth, false);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value); // (a safe integer is a number)
  if (Array.isArray(value)) return '[]'; // empty: non-empty lists are written as blocks
  if (isPlainObject(value)) return '{}';
  throw UNSUPPORTED;
}

// `yaml`'s rules (node_modules/yaml/dist/stringify/stringifyString.js, plainString and quotedString):
// control characters and unpaired surrogates force double quotes; a string that starts with an
// indicator, holds ': ' or ' #', or ends in a space or ':' is quoted; so is a plain string that
// the core schema would read as another type (null, a boolean, a number; schema/core/*.js `test`).
// The strings that reach NOT_PLAIN and DOCUMENT_MARKER hold no line break (those are left to
// `yaml`), so `yaml`'s alternatives for '\n' are left out here. A string starting with '%' (a
// directive to a YAML 1.1 reader) is quoted by NOT_PLAIN, exactly as `yaml` quotes it; only '---'
// and '...' at the start (which `yaml` quotes as a top-level key but not deeper) are left to it.
// eslint-disable-next-line no-control-regex -- control characters are matched on purpose: `yaml` double-quotes them
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;
const OTHER_TYPES = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/**
 * A one-line string as `yaml` writes it: plain when it reads back as the same string, else in
 * double quotes (JSON's escaping), or single quotes when it holds a `"` and no `'`.
 */
function scalarString(value: string, indentLength: number, lineWidth: number, key: boolean): string {
  if (value.includes('\n') || CONTROL.test(value) || DOCUMENT_MARKER.test(value)) throw UNSUPPORTED;
  let text = value;
  if (NOT_PLAIN.test(value) || OTHER_TYPES.some((re) => re.test(value))) {
    text = value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
  }
  if (key) {
    if (text.length > 1024) throw UNSUPPORTED; // `yaml` writes keys over 1,024 characters as `? key` (stringifyPair.js)
  } else if (lineWidth > 0) {
    // foldFlowLines (stringify/foldFlowLines.js) leaves a scalar alone when it is this short.
    const minContentWidth = lineWidth < MIN_CONTENT_WIDTH ? 0 : MIN_CONTENT_WIDTH;
    if (text.length > Math.max(1 + minContentWidth, 1 + lineWidth - indentLength)) throw UNSUPPORTED;
  }
  return text;
}
