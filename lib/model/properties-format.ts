/**
 * The one writer and reader of `.properties` files (server.properties, MSK
 * `server_properties`, client properties), with the semantics of `java.util.Properties`,
 * which Kafka uses to read them (`Utils.loadProps`: `Properties.load` of an ISO-8859-1 stream).
 *
 * Writing escapes what `Properties.load` would otherwise read differently: in keys the
 * separators (space, `=`, `:`) and `#`/`!`; in keys and values `\`, line breaks and other
 * control characters, a leading space of a value, and every character outside printable ASCII
 * (`\uXXXX`). A value holding a newline therefore stays one property.
 *
 * Reading follows `Properties.load`: natural lines end at `\n`, `\r` or `\r\n`; leading
 * whitespace is skipped; `#` or `!` starts a comment while the logical line is empty; a line ending in an odd number of
 * backslashes continues on the next one; the key ends at the first unescaped `=`, `:` or
 * whitespace; escapes `\uXXXX`, `\t`, `\n`, `\r`, `\f` are decoded and any other `\c` is `c`;
 * a later duplicate key wins. Rules read broker and client settings through `readProperties`,
 * so `allow\u002eeveryone.if.no.acl.found` is the key Kafka sees.
 */

/** A character that `escapeProperty` escapes in a key: outside printable ASCII, a space, `\`, `=`, `:`, `#` or `!`. */
const KEY_NEEDS_ESCAPE = /[^\x21-\x7e]|[\\=:#!]/;
/** A character that `escapeProperty` escapes in a value: outside printable ASCII, `\`, or a leading space. */
const VALUE_NEEDS_ESCAPE = /[^\x20-\x7e]|\\|^ /;

/** `value` escaped as java.util.Properties.store escapes a key (`isKey`) or a value. */
export function escapeProperty(value: string, isKey: boolean): string {
  // Most keys and values need no escape: returned as they are instead of rebuilt character by character.
  if (!(isKey ? KEY_NEEDS_ESCAPE : VALUE_NEEDS_ESCAPE).test(value)) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    const code = value.charCodeAt(i);
    if (c === '\\') out += '\\\\';
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\f') out += '\\f';
    else if (c === ' ' && (isKey || i === 0)) out += '\\ ';
    else if (isKey && (c === '=' || c === ':' || c === '#' || c === '!')) out += `\\${c}`;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0').toUpperCase()}`;
    else out += c;
  }
  return out;
}

/** A comment line: control characters (which would end it) become spaces, other text kept. */
export function propertiesComment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  return `# ${text.replace(/[\x00-\x1f\x7f]/g, ' ').replace(/[^\x00-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}`;
}

/** A `.properties` text: the comments, then `key=value` lines in the order given. */
export function writeProperties(entries: Iterable<readonly [string, string]>, comments: readonly string[] = []): string {
  const lines = comments.map(propertiesComment);
  for (const [k, v] of entries) lines.push(`${escapeProperty(k, true)}=${escapeProperty(v, false)}`);
  return lines.join('\n') + '\n';
}

/** `writeProperties` of a record, sorted by key (server.properties form). */
export function writeSortedProperties(props: Readonly<Record<string, string>>): string {
  return writeProperties(Object.keys(props).sort().map((k) => [k, props[k]] as const));
}

const WHITESPACE = new Set([' ', '\t', '\f']);

/**
 * The logical lines of a properties text, as `Properties.LineReader` (JDK 17) returns them: a
 * `#` or `!` is a comment only while the logical line is still empty (also right after a
 * continuation that added nothing), and an empty logical line is skipped.
 */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  const pieces = text.split(/(\r\n|\r|\n)/);
  let current = '';
  for (let k = 0; k < pieces.length; k += 2) {
    const raw = pieces[k];
    const terminator = pieces[k + 1];
    let i = 0;
    while (i < raw.length && WHITESPACE.has(raw[i])) i++;
    const line = raw.slice(i);
    if (current === '' && (line === '' || line[0] === '#' || line[0] === '!')) continue;
    let slashes = 0;
    for (let j = line.length - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) {
      out.push(current + line);
      current = '';
      continue;
    }
    // A continuation. At the end of the text (no line break after it, or a one-character
    // break that is the last character) LineReader returns the line without its backslash,
    // even when that leaves it empty.
    const last = terminator === undefined || (terminator.length === 1 && k + 2 === pieces.length - 1 && pieces[k + 2] === '');
    current += line.slice(0, -1);
    if (last) {
      out.push(current);
      current = '';
      if (terminator !== undefined) break;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** `Properties.loadConvert`: decodes escapes (a malformed `\u` is kept as written). */
function unescape(s: string): string {
  // Without a backslash there is nothing to decode.
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i === s.length - 1) {
      out += s[i];
      continue;
    }
    const c = s[++i];
    if (c === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        out += '\\u';
      }
    } else if (c === 't') out += '\t';
    else if (c === 'n') out += '\n';
    else if (c === 'r') out += '\r';
    else if (c === 'f') out += '\f';
    else out += c;
  }
  return out;
}

/** Reads a properties text as `java.util.Properties.load` does; a later duplicate key wins. */
export function readProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of logicalLines(text)) {
    let keyEnd = 0;
    let hasSep = false;
    let escaped = false;
    for (; keyEnd < line.length; keyEnd++) {
      const c = line[keyEnd];
      if (escaped) {
        escaped = false;
        continue;
      }
      if (c === '\\') {
        escaped = true;
        continue;
      }
      if (c === '=' || c === ':') {
        hasSep = true;
        break;
      }
      if (WHITESPACE.has(c)) break;
    }
    let valueStart = keyEnd + (hasSep ? 1 : 0);
    while (valueStart < line.length && WHITESPACE.has(line[valueStart])) valueStart++;
    if (!hasSep && valueStart < line.length && (line[valueStart] === '=' || line[valueStart] === ':')) {
      valueStart++;
      while (valueStart < line.length && WHITESPACE.has(line[valueStart])) valueStart++;
    }
    const key = unescape(line.slice(0, keyEnd));
    delete out[key]; // keep insertion order of the last occurrence
    out[key] = unescape(line.slice(valueStart));
  }
  return out;
}
