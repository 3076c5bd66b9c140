/**
 * The one writer of shell for kafka-iac: every value that reaches a generated script goes
 * through `shellQuote` (a single-quoted word), and every list of tool arguments goes through
 * the argument-line format below, which a script reads as data and never word-splits or
 * evaluates.
 *
 * Argument-line format (the admin artefacts `acls.txt` and `topics.txt`): one tool call per
 * line; arguments are separated by spaces; inside an argument, `\` is written `\\`, and space,
 * `#` and every control character are written `\xHH`. A script reads a line with
 * `read -r -a words` and turns each word into one argument with `printf -v arg '%b'`, so a
 * name holding spaces, quotes, `$()`, backticks or newlines stays one argument. Names made of
 * letters, digits and `._-:*=,/` read exactly as written.
 */

/** A POSIX single-quoted shell word holding exactly `value`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `value` as one word of the argument-line format. */
export function encodeArgument(value: string): string {
  if (value === '') return '\\c'; // printf '%b' '\c' prints nothing: the empty argument
  // Most arguments (options, topic names, numbers) hold nothing to encode: written as they are.
  if (!NEEDS_ENCODING.test(value)) return value;
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    // Stryker disable next-line EqualityOperator: `code <= 0x20` is equivalent, 0x20 is the space handled first
    else if (ch === ' ' || ch === '#' || code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** A character `encodeArgument` writes as an escape: a backslash, a space, `#`, a control character or DEL. */
// eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to escape them
const NEEDS_ENCODING = /[\\ #\x00-\x1f\x7f]/;

/** One line of the argument-line format. */
export function encodeArgumentLine(args: readonly string[]): string {
  return args.map(encodeArgument).join(' ');
}

/**
 * The arguments a script passes to its tool for `line`, exactly as bash computes them:
 * `read -r -a` (split on runs of space, tab and newline) then `printf '%b'` on each word.
 * A comment line (its first word starts with `#`) or a blank line gives no call (undefined).
 */
export function decodeArgumentLine(line: string): string[] | undefined {
  // Stryker disable next-line Regex: splitting on single blanks is equivalent, the empty words are filtered out
  const words = line.split(/[ \t\n]+/).filter((w) => w !== '');
  if (words.length === 0 || words[0].startsWith('#')) return undefined;
  return words.map(printfB);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** bash's `printf '%b'` of one word. */
function printfB(word: string): string {
  // Without a backslash there is no escape: the word is printed as it is.
  if (!word.includes('\\')) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a trailing backslash taken as an escape is equivalent, with nothing after it no escape matches and it is kept as written
    if (c !== '\\' || i === word.length - 1) {
      out += c;
      continue;
    }
    const e = word[i + 1];
    if (e === 'c') return out;
    if (SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e];
      i++;
      continue;
    }
    const numeric = numericEscape(word, i + 1);
    if (numeric) {
      out += numeric.text;
      i = numeric.end - 1;
      continue;
    }
    out += c; // an unknown escape stays as written
  }
  return out;
}

/** `\0nnn`, `\nnn`, `\xHH`, `\uHHHH`, `\UHHHHHHHH` starting after the backslash at `at`. */
function numericEscape(word: string, at: number): { text: string; end: number } | undefined {
  const e = word[at];
  const take = (re: RegExp, from: number, max: number) => {
    let end = from;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: reading past the end is equivalent, the slice stops at the end and the loop at `max`
    while (end < word.length && end - from < max && re.test(word[end])) end++;
    return end;
  };
  if (/[0-7]/.test(e)) {
    const from = e === '0' ? at + 1 : at;
    const end = take(/[0-7]/, from, 3);
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent, a leading 0 changes no octal value (and '' parses as 0 after & 0xff)
    const digits = word.slice(e === '0' ? at : from, end);
    return { text: String.fromCharCode(parseInt(digits, 8) & 0xff), end };
  }
  const hex = { x: 2, u: 4, U: 8 }[e as 'x' | 'u' | 'U'];
  // Stryker disable next-line ConditionalExpression: equivalent, with no digit count `take` reads no digit and the next line returns undefined
  if (hex === undefined) return undefined;
  const end = take(/[0-9a-fA-F]/, at + 1, hex);
  if (end === at + 1) return undefined;
  const value = parseInt(word.slice(at + 1, end), 16);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, fromCodePoint gives the same character as fromCharCode for the two hex digits of \xHH
  if (e === 'x') return { text: String.fromCharCode(value), end };
  return { text: value <= 0x10ffff ? String.fromCodePoint(value) : '', end };
}

/**
 * The bash function `run TOOL FILE` that calls `TOOL` once per argument line of `FILE`, with
 * `--bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config"` first. It never
 * word-splits or evaluates the data: each word becomes one array element.
 */
export const RUN_ARGUMENT_LINES = [
  'run() {',
  '  local tool="$1" file="$2" line word arg',
  // Stryker disable next-line StringLiteral: equivalent in a script, the arrays are then globals (the other locals are needed and killed)
  '  local -a words args',
  '  while IFS= read -r line || [[ -n "$line" ]]; do',
  '    read -r -a words <<< "$line"',
  '    [[ ${#words[@]} -eq 0 || "${words[0]}" == "#"* ]] && continue',
  '    args=()',
  '    for word in "${words[@]}"; do printf -v arg \'%b\' "$word"; args+=("$arg"); done',
  '    "$tool" --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$config" "${args[@]}"',
  '  done < "$file"',
  '}',
].join('\n');

/** A `#` comment line holding `text`; line breaks and other control characters become spaces. */
export function shellComment(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  return `# ${text.replace(/[\x00-\x1f\x7f]/g, ' ')}`;
}

/**
 * A line that stops the script when the variable `name` holds a character that would change the
 * meaning of the properties file it is written into (a line break) or of the JAAS value it sits
 * in (a double quote or a backslash).
 */
export function refuseUnsafeCredential(name: string): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`not a shell variable name: ${name}`);
  return `case "\${${name}}" in *[\\"\\\\$'\\n'$'\\r']*) echo "${name} holds a quote, a backslash or a line break; refusing to write it into a properties file" >&2; exit 1;; esac`;
}

const PLAIN_WORD = /^[A-Za-z0-9._/:=@%+,-]+$/;

/** `value` as one shell word: as written when it holds only plain characters, else single-quoted. */
export function shellWord(value: string): string {
  return PLAIN_WORD.test(value) ? value : shellQuote(value);
}

/**
 * `value` for the inside of a double-quoted shell string: as written when it holds only plain
 * characters, else the string is closed, the value single-quoted, and the string reopened.
 */
export function inDoubleQuotes(value: string): string {
  return PLAIN_WORD.test(value) ? value : `"${shellQuote(value)}"`;
}

/**
 * The bash function `argfile_word VALUE`, which prints VALUE as one double-quoted word of a
 * Java launcher argument file (`java @file`, JDK 9 and later: inside double quotes `\\` reads
 * as `\` and `\"` as `"`; one word per line). `printf` is a bash builtin, so VALUE never
 * appears in the argv of a process. The launcher expands the file before `main`, so
 * `/proc/<pid>/cmdline` shows only `@<file>`.
 * @see https://docs.oracle.com/en/java/javase/17/docs/specs/man/java.html#java-command-line-argument-files
 */
export const JAVA_ARGFILE_WORD = [
  'argfile_word() {',
  '  local v="${1//\\\\/\\\\\\\\}"',
  '  v="${v//\\"/\\\\\\"}"',
  '  printf \'"%s"\\n\' "$v"',
  '}',
].join('\n');

/**
 * A line that reads the Secret file `path` into the shell variable `name` (never exported):
 * `cat` sees only the path, so the value is in no process's argv or environment. POSIX sh.
 */
export function readSecretFile(name: string, path: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a shell variable name: ${name}`);
  return `${name}="$(cat ${shellWord(path)})"`;
}

/**
 * A POSIX sh line that stops the script when the variable `name` holds a line break: the value
 * is written as one line of an argument file.
 */
export function refuseLineBreak(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a shell variable name: ${name}`);
  return `case "\${${name}}" in *'\n'*|*"$(printf '\\r')"*) echo "${name} holds a line break; refusing to write it into an argument file" >&2; exit 1;; esac`;
}
