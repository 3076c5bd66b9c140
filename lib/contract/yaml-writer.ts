import { WrittenValues } from './writers/written-values';
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
 *
 * The same hand-written path writes the Kubernetes manifests with cdk8s' options instead
 * (`writeManifestYaml`: YAML 1.1, no line width, literal blocks for multi-line strings).
 */
export function writeYaml(value: unknown, options: { readonly lineWidth?: number } = {}): string {
  const lineWidth = options.lineWidth ?? DEFAULT_LINE_WIDTH;
  // Every value is written out in full, never as an anchor and alias (`aliasDuplicateObjects`,
  // https://eemeli.org/yaml/#createnode-options): the files are read by promtool, kubectl and
  // people, and tracking every object to find duplicates took most of the writer's time.
  const text = blockYaml(value, { lineWidth, otherTypes: CORE_1_2 }) ?? yamlPackage().stringify(value, { aliasDuplicateObjects: false, lineWidth });
  written.remember(text, value);
  return text;
}

/**
 * The value `writeYaml` wrote as exactly this text (one YAML document), or `undefined` when the
 * text did not come from it (or was forgotten): then parse it.
 */
export function writtenYamlValue(text: string): { readonly value: unknown } | undefined {
  return written.valueOf(text);
}

/**
 * One Kubernetes manifest as cdk8s writes it (`Yaml.stringify` in cdk8s/lib/yaml.js: its own copy
 * of `yaml`, `stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' })`), for a
 * document of plain data: maps, lists, strings (multi-line ones as literal blocks), integers and
 * booleans, with no object in it twice (`yaml` writes those as an anchor and an alias). Undefined
 * for anything else: then cdk8s writes it. The strings that the YAML 1.1 schema would read as
 * something else (`yes`, `on`, `0777`, `1_000`, `2024-01-01`, `1:30`) are quoted, as `yaml` quotes
 * them for version 1.1. `test/contract/manifest-yaml.test.ts` checks the text is cdk8s' own.
 */
export function writeManifestYaml(doc: unknown): string | undefined {
  return blockYaml(doc, { lineWidth: 0, otherTypes: YAML_1_1, keepUndefined: true, distinct: new Set(), blockStrings: true });
}

/** Every YAML document in `text`, parsed by the `yaml` package (loaded on first use). */
export function parseYamlDocuments(text: string): Yaml.Document.Parsed[] {
  return yamlPackage().parseAllDocuments(text) as Yaml.Document.Parsed[];
}

const REMEMBERED = 2048;
const written = new WrittenValues(REMEMBERED, false);

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

/** The options of `yaml`'s `stringify` that the text depends on, as the hand-written path follows them. */
interface Style {
  /** `lineWidth`: 0 or less folds nothing. */
  readonly lineWidth: number;
  /** The plain strings the schema of the YAML version reads as another type (`version`: CORE_1_2 or YAML_1_1). */
  readonly otherTypes: readonly RegExp[];
  /** `keepUndefined: true`: an undefined map value is written (as null), so it is left to `yaml`. */
  readonly keepUndefined?: boolean;
  /** `aliasDuplicateObjects: true` (`yaml`'s default): the objects seen so far; one seen twice is left to `yaml`. */
  readonly distinct?: Set<object>;
  /** Multi-line strings are written as literal blocks (`|`), as `yaml` writes them; else they are left to `yaml`. */
  readonly blockStrings?: boolean;
}

/**
 * The block-style YAML `yaml`'s `stringify` writes for a non-empty map or list of plain data
 * (two-space indent, list items indented under their key), or `undefined` for anything else.
 */
function blockYaml(value: unknown, style: Style): string | undefined {
  if (!isNonEmptyCollection(value, style)) return undefined;
  const out = { text: '' };
  try {
    collection(value, '', style, out);
  } catch (e) {
    if (e === UNSUPPORTED) return undefined;
    throw e;
  }
  return `${out.text}\n`;
}

/** Under `aliasDuplicateObjects`, the second sight of an object is left to `yaml` (which writes an alias). */
function once(value: object, style: Style): void {
  if (!style.distinct) return;
  if (style.distinct.has(value)) throw UNSUPPORTED;
  style.distinct.add(value);
}

/** A map: an object whose prototype is Object's or none (not a list, a Date or a class instance). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isNonEmptyCollection(value: unknown, style: Style): value is readonly unknown[] | Record<string, unknown> {
  if (Array.isArray(value)) return value.length > 0;
  if (!isPlainObject(value)) return false;
  // With keepUndefined an undefined value is a pair too (left to `yaml` by `collection`).
  for (const k of Object.keys(value)) {
    if (style.keepUndefined || value[k] !== undefined) return true;
  }
  return false;
}

/**
 * Appends a non-empty map or list whose lines start at `indent` to `out.text`; the first line
 * without the indent. The whole document is one text, appended to from the first line to the
 * last (not a text per map and list, joined into the one around it).
 */
function collection(value: readonly unknown[] | Record<string, unknown>, indent: string, style: Style, out: { text: string }): void {
  once(value, style);
  const inner = `${indent}  `;
  const newline = `\n${indent}`;
  let first = true;
  if (Array.isArray(value)) {
    // An undefined item (`yaml` writes it as null) is refused by `inline`, like every value it does not write.
    for (const item of value) {
      out.text += first ? '- ' : `${newline}- `;
      first = false;
      if (isNonEmptyCollection(item, style)) collection(item, inner, style, out);
      else out.text += inline(item, inner, style);
    }
    return;
  }
  const map = value as Record<string, unknown>;
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (v === undefined) {
      if (style.keepUndefined) throw UNSUPPORTED; // `yaml` writes `key: null`
      continue; // `yaml` leaves out undefined values (keepUndefined: false)
    }
    const k = scalarString(key, '', style, true);
    out.text += first ? k : newline + k;
    first = false;
    if (isNonEmptyCollection(v, style)) {
      out.text += `:\n${inner}`;
      collection(v, inner, style, out);
    } else {
      out.text += `: ${inline(v, inner, style)}`;
    }
  }
}

/** A scalar or an empty collection, on the line of its key or `- ` (`indent`: the indent of its own lines). */
function inline(value: unknown, indent: string, style: Style): string {
  if (typeof value === 'string') return scalarString(value, indent, style, false);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value); // (a safe integer is a number)
  // Empty: non-empty collections are written as blocks.
  if (Array.isArray(value) || isPlainObject(value)) {
    once(value, style);
    return Array.isArray(value) ? '[]' : '{}';
  }
  throw UNSUPPORTED;
}

// `yaml`'s rules (node_modules/yaml/dist/stringify/stringifyString.js, plainString and quotedString):
// control characters and unpaired surrogates force double quotes; a string that starts with an
// indicator, holds ': ' or ' #', or ends in a space or ':' is quoted; so is a plain string that
// the schema of the YAML version would read as another type (null, a boolean, a number; the `test`
// of each default tag of the schema, schema/core/*.js and schema/yaml-1.1/*.js).
// The strings that reach NOT_PLAIN and DOCUMENT_MARKER hold no line break (multi-line strings are
// literal blocks or left to `yaml`), so `yaml`'s alternatives for '\n' are left out here. A string
// starting with '%' (a directive to a YAML 1.1 reader) is quoted by NOT_PLAIN, exactly as `yaml`
// quotes it; only '---' and '...' at the start (which `yaml` quotes as a top-level key but not
// deeper) are left to it.
// eslint-disable-next-line no-control-regex -- control characters are matched on purpose: `yaml` double-quotes them
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;
/** The YAML 1.2 core schema (`yaml`'s default, `version: '1.2'`). */
const CORE_1_2 = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** The YAML 1.1 schema (`version: '1.1'`, as cdk8s writes): more booleans, `_` in numbers, binary, old octal, sexagesimal, timestamps. */
const YAML_1_1 = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];

/**
 * A string as `yaml` writes it: a one-line string plain when it reads back as the same string,
 * else in double quotes (JSON's escaping), or single quotes when it holds a `"` and no `'`; a
 * multi-line one as a literal block (`literalBlock`). `indent` is the indent of its own lines.
 */
function scalarString(value: string, indent: string, style: Style, key: boolean): string {
  if (value.includes('\n')) {
    if (CONTROL.test(value)) throw UNSUPPORTED;
    if (key) throw UNSUPPORTED; // `yaml` double-quotes it
    return literalBlock(value, indent, style);
  }
  const text = oneLineScalar(value, style.otherTypes);
  if (text === undefined) throw UNSUPPORTED;
  if (key) {
    if (text.length > 1024) throw UNSUPPORTED; // `yaml` writes keys over 1,024 characters as `? key` (stringifyPair.js)
  } else if (style.lineWidth > 0) {
    // foldFlowLines (stringify/foldFlowLines.js) leaves a scalar alone when it is this short.
    const minContentWidth = style.lineWidth < MIN_CONTENT_WIDTH ? 0 : MIN_CONTENT_WIDTH;
    if (text.length > Math.max(1 + minContentWidth, 1 + style.lineWidth - indent.length)) throw UNSUPPORTED;
  }
  return text;
}

/**
 * A one-line string as written (plain, or quoted), or undefined when it is left to `yaml`
 * (control characters, a document marker at the start); remembered per schema, since the answer
 * depends on the string and the schema alone and a manifest repeats most of its strings (labels,
 * cluster names, ACL operations, topic names in several objects).
 */
function oneLineScalar(value: string, otherTypes: readonly RegExp[]): string | undefined {
  const written = ONE_LINE_SCALARS.get(otherTypes)!;
  let text = written.get(value);
  // Stryker disable next-line ConditionalExpression: equivalent, writing the string again gives the same text (the cache only saves work)
  if (text === undefined && !written.has(value)) {
    text = writeOneLineScalar(value, otherTypes);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, clearing the remembered texts earlier, later or never changes no text (it bounds memory only)
    if (written.size >= 10_000) written.clear();
    written.set(value, text);
  }
  return text;
}

/** The strings written so far, per schema (the two schemas are the two constants above). */
const ONE_LINE_SCALARS = new Map<readonly RegExp[], Map<string, string | undefined>>([[CORE_1_2, new Map()], [YAML_1_1, new Map()]]);

function writeOneLineScalar(value: string, otherTypes: readonly RegExp[]): string | undefined {
  if (CONTROL.test(value) || DOCUMENT_MARKER.test(value)) return undefined;
  if (NOT_PLAIN.test(value) || otherTypes.some((re) => re.test(value))) {
    return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
  }
  return value;
}

/** `yaml`'s blockEndNewlines (stringifyString.js). */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/**
 * A multi-line string (no control characters) in a map value or a list item as `yaml`'s
 * `blockString` writes it when no line is longer than the line width: `|` with the chomping
 * indicator (`-` without a final line break, none with one) and an indentation indicator when the
 * first line starts with a space. Left to `yaml`: trailing spaces or tabs on the last line (it
 * double-quotes those), more than one final line break (`|+`, which also changes what follows),
 * and lines over the line width (folded, `>`).
 */
function literalBlock(text: string, indent: string, style: Style): string {
  if (!style.blockStrings || /\n[\t ]+$/.test(text) || lineLengthOverLimit(text, style.lineWidth, indent.length)) throw UNSUPPORTED;
  let value = text;
  let endStart = value.length;
  while (endStart > 0 && (value[endStart - 1] === '\n' || value[endStart - 1] === '\t' || value[endStart - 1] === ' ')) endStart--;
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  if (endNlPos !== -1 && (value === end || endNlPos !== end.length - 1)) throw UNSUPPORTED; // keep: `|+`
  const chomp = endNlPos === -1 ? '-' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNlPos = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  // The indent is never empty here (the value of a map or an item of a list): `yaml`'s indentation indicator is 2.
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** `yaml`'s lineLengthOverLimit (stringifyString.js): whether a line is longer than the line width allows. */
function lineLengthOverLimit(str: string, lineWidth: number, indentLength: number): boolean {
  if (!lineWidth || lineWidth < 0) return false;
  const limit = lineWidth - indentLength;
  if (str.length <= limit) return false;
  for (let i = 0, start = 0; i < str.length; ++i) {
    if (str[i] === '\n') {
      if (i - start > limit) return true;
      start = i + 1;
      if (str.length - start <= limit) return false;
    }
  }
  return true;
}
