import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYamlDocuments, writtenYamlValue } from '../../contract/yaml-writer';
import { writtenJsonValue } from '../../contract/writers/json';

/** One secret value found: where, and what kind (the value itself is never repeated). */
export interface SecretFinding {
  /** `file:line` for text, `file#json.path` for structured files, or a path inside a document. */
  readonly location: string;
  /** What was found: `a password in key 'ssl.keystore.password'`, `a PEM private key`. */
  readonly what: string;
}

const PASSWORD_SUFFIX = /(password|passwd|passphrase|pwd)(wo)?$/;
const SECRET_KEYS = new Set([
  'secret', 'secretstring', 'secretstringwo', 'secretvalue', 'secretkey', 'secretaccesskey', 'awssecretaccesskey',
  'privatekey', 'privatekeypem', 'clientsecret', 'apikey', 'accesstoken', 'bearertoken', 'token',
]);
const PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/;
const JAAS_PASSWORD = /(?:^|[\s;])password\s*=\s*"([^"]*)"/g;
/**
 * The key of a key-value line (`key=value`, `key: value`, `export KEY=value`): the start of
 * `/^\s*(?:export\s+)?([A-Za-z0-9_.-]+)\s*[=:]\s*(.*?)\s*$/`, whose value is the rest of the
 * line without the white space around it, when that holds no line break (`.` matches none).
 * The value is cut only for a key that names a secret (`scanLine`).
 */
const KEY_VALUE_KEY = /^\s*(?:export\s+)?([A-Za-z0-9_.-]+)\s*[=:]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Whether a key names a secret value (`password`, `ssl.keystore.password`, `client_secret`). */
export function isSecretKeyName(key: string): boolean {
  // SEC-009 asks for every key of every document and output file: the same few hundred keys.
  let secret = SECRET_KEY_NAMES.get(key);
  // Stryker disable next-line ConditionalExpression: equivalent, naming the key again gives the same answer (the cache only saves work)
  if (secret === undefined) {
    const k = key.toLowerCase().replace(/[^a-z0-9]/g, '');
    secret = PASSWORD_SUFFIX.test(k) || SECRET_KEYS.has(k);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, clearing the remembered answers earlier, later or never changes no answer (it bounds memory only)
    if (SECRET_KEY_NAMES.size >= 10_000) SECRET_KEY_NAMES.clear();
    SECRET_KEY_NAMES.set(key, secret);
  }
  return secret;
}

const SECRET_KEY_NAMES = new Map<string, boolean>();

/**
 * Whether a value is a reference rather than a secret: empty, a Terraform or config-provider
 * expression (`${...}`), a shell substitution (`$(...)`), a CloudFormation dynamic reference,
 * or a Secrets Manager ARN.
 */
export function isSecretReference(value: string): boolean {
  const v = value.trim().replace(/^["']|["';]+$/g, '').trim();
  if (v === '') return true;
  if (/^\$\$?\{.*\}$/s.test(v)) return true;
  if (/^\$\(.*\)$/s.test(v)) return true;
  if (/^\{\{resolve:/.test(v)) return true;
  if (/^arn:aws[a-z-]*:secretsmanager:/.test(v)) return true;
  return false;
}

/**
 * Finds secret values (SEC-009): passwords and other secrets under secret-like key names, PEM
 * private keys, JAAS `password="..."` literals, `*password=` lines inside embedded properties
 * text, `{ name: *_PASSWORD, value: ... }` environment variables, Terraform variable defaults
 * of secret-like variables, and Kubernetes `Secret` objects that carry data. References
 * (`secretKeyRef`, `${...}`, Secrets Manager ARNs) are not secret values.
 */
export class SecretScanner {
  /** Scans a structured value (a synthesized document, parsed JSON or YAML). */
  public static scanValue(value: unknown, location = '$'): SecretFinding[] {
    const out: SecretFinding[] = [];
    walk(value, new ValuePath(location), undefined, out);
    return out;
  }

  /** Scans free text (properties, scripts, Markdown) line by line. */
  public static scanText(text: string, location: string): SecretFinding[] {
    const out: SecretFinding[] = [];
    const lines = text.split(/\r?\n/);
    // A PEM header is within one line, so the line that holds it is reported.
    lines.forEach((line, i) => scanLine(line, location, i + 1, out));
    return out;
  }

  /** Scans one file: JSON and YAML structurally, everything else as text. */
  public static scanFile(file: string): SecretFinding[] {
    return SecretScanner.scanContent(fs.readFileSync(file, 'utf8'), file);
  }

  /**
   * Scans the content of a file before it is written, by its name's extension: JSON and YAML
   * structurally (content that does not parse is scanned as text), everything else as text.
   * Locations start with `name`: `name:line` for text, `name#json.path` for JSON,
   * `name#<document index>.path` for YAML.
   */
  public static scanContent(text: string, name: string): SecretFinding[] {
    const ext = path.extname(name).toLowerCase();
    if (ext === '.json') {
      // The library's own JSON (the report, dashboards) is scanned as the value it wrote, without parsing it back.
      const own = writtenJsonValue(text);
      // Stryker disable next-line ConditionalExpression: equivalent, the text writeJson wrote parses back to the value it wrote (the shortcut only saves the parse)
      if (own) return SecretScanner.scanValue(own.value, `${name}#`);
      try {
        return SecretScanner.scanValue(JSON.parse(text), `${name}#`);
      } catch {
        // Not JSON: scanned as text, below.
      }
    }
    if (ext === '.yaml' || ext === '.yml') {
      // The library's own YAML is scanned as the value it wrote, without parsing it back.
      const own = writtenYamlValue(text);
      // Stryker disable next-line ConditionalExpression: equivalent, the text writeYaml wrote parses back to the value it wrote (the shortcut only saves the parse)
      if (own) return SecretScanner.scanValue(own.value, `${name}#0`);
      const docs = parseYamlDocuments(text);
      if (docs.some((d) => d.errors.length > 0)) return SecretScanner.scanText(text, name);
      const out: SecretFinding[] = [];
      docs.forEach((d, i) => out.push(...SecretScanner.scanValue(d.toJS(), `${name}#${i}`)));
      return out;
    }
    // Any other file, and JSON that does not parse.
    return SecretScanner.scanText(text, name);
  }

  /** Every file under `dir`, recursively (skipping `.terraform` provider folders). */
  public static filesUnder(dir: string): string[] {
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.terraform') out.push(...SecretScanner.filesUnder(full));
      } else if (entry.isFile()) {
        out.push(full);
      }
    }
    return out.sort();
  }

  /** Scans every file under `dir`. */
  public static scanDirectory(dir: string): SecretFinding[] {
    return SecretScanner.filesUnder(dir).flatMap((f) => SecretScanner.scanFile(f));
  }
}

/**
 * Where the walk is inside a structured value: the root location and the keys and indexes below
 * it. The text (`root.key[0].child`) is built only for a finding; a document of thousands of
 * values and no secret builds none (SEC-009 walks every synthesized document).
 */
class ValuePath {
  private readonly segments: (string | number)[] = [];

  public constructor(private readonly root: string) {}

  public push(segment: string | number): void {
    this.segments.push(segment);
  }

  public pop(): void {
    this.segments.pop();
  }

  /** `root.key[0].child`, with `suffix` appended (`.value`, `:3`). */
  public text(suffix = ''): string {
    let s = this.root;
    for (const segment of this.segments) s += typeof segment === 'number' ? `[${segment}]` : `.${segment}`;
    return s + suffix;
  }
}

function walk(value: unknown, at: ValuePath, parentKey: string | undefined, out: SecretFinding[]): void {
  if (typeof value === 'string') {
    scanString(value, at, out);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      walk(value[i], at, parentKey, out);
      at.pop();
    }
    return;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, a number or boolean has no key to walk, so it would give no finding either
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (obj.kind === 'Secret' && typeof obj.apiVersion === 'string') {
    for (const field of ['data', 'stringData']) {
      const data = obj[field];
      if (data && typeof data === 'object' && Object.keys(data).length > 0) {
        out.push({ location: at.text(`.${field}`), what: `a Kubernetes Secret with ${field} (${Object.keys(data).join(', ')}); let the operator or an external secret store create it` });
      }
    }
  }
  if (typeof obj.name === 'string' && typeof obj.value === 'string' && isSecretKeyName(obj.name) && !isSecretReference(obj.value)) {
    out.push({ location: at.text('.value'), what: `a literal value for environment variable '${obj.name}'` });
  }
  for (const key of Object.keys(obj)) {
    const child = obj[key];
    at.push(key);
    // Strimzi `passwordSecret: { secretName, password }`: `password` names a key of the Secret, not a password.
    const secretKeyName = key === 'password' && typeof obj.secretName === 'string';
    if (typeof child === 'string' && isSecretKeyName(key) && !isSecretReference(child) && !secretKeyName) {
      out.push({ location: at.text(), what: `a secret value in key '${key}'` });
    } else if (key === 'default' && typeof child === 'string' && parentKey !== undefined && isSecretKeyName(parentKey) && !isSecretReference(child)) {
      out.push({ location: at.text(), what: `a default value for secret variable '${parentKey}'` });
    } else {
      walk(child, at, key, out);
    }
    at.pop();
  }
}

/** Whether a text holds a PEM private key header (the literal test first: most values hold none). */
function hasPemPrivateKey(text: string): boolean {
  return text.includes('PRIVATE KEY-----') && PEM_PRIVATE_KEY.test(text);
}

function scanString(value: string, at: ValuePath, out: SecretFinding[]): void {
  if (hasPemPrivateKey(value)) out.push({ location: at.text(), what: 'a PEM private key' });
  // A value of one line keeps its location; the lines of a longer one are numbered.
  if (!value.includes('\n')) {
    scanLine(value, at, undefined, out, false);
    return;
  }
  const lines = value.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) scanLine(lines[i], at, i + 1, out, false);
}

/**
 * One line of text: `location` (or, for a line of a structured value, the value's path) and the
 * line number, when there is one, name the line in a finding.
 */
function scanLine(line: string, location: string | ValuePath, lineNumber: number | undefined, out: SecretFinding[], pem = true): void {
  if (pem && hasPemPrivateKey(line)) out.push({ location: lineLocation(location, lineNumber), what: 'a PEM private key' });
  // A JAAS password and a key-value line both need an '=' or a ':' (JAAS_PASSWORD, KEY_VALUE_KEY).
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the shortcut only saves the two regular expressions, which need an '=' or a ':'
  if (!line.includes('=') && !line.includes(':')) return;
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, the shortcut only saves JAAS_PASSWORD, which needs the word
  if (line.includes('password')) {
    for (const m of line.matchAll(JAAS_PASSWORD)) {
      if (!isSecretReference(m[1])) out.push({ location: lineLocation(location, lineNumber), what: 'a literal JAAS password' });
    }
  }
  const m = KEY_VALUE_KEY.exec(line);
  if (!m || !isSecretKeyName(m[1])) return;
  const value = line.slice(m[0].length).trim();
  if (!LINE_BREAK.test(value) && !isSecretReference(value)) {
    out.push({ location: lineLocation(location, lineNumber), what: `a secret value in key '${m[1]}'` });
  }
}

/** `location:line`, or the location alone for a value of one line. */
function lineLocation(location: string | ValuePath, lineNumber: number | undefined): string {
  const suffix = lineNumber === undefined ? '' : `:${lineNumber}`;
  return typeof location === 'string' ? location + suffix : location.text(suffix);
}
