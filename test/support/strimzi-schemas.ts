import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { _, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { addKubernetesKeywords, closeObjects, validateCrdObject, type CrdSchemaError } from './crd-schemas';
import { ROOT, STRIMZI_SCHEMAS, TEST_OUT } from './paths';

/**
 * The Strimzi 1.2 CRD schemas (`openAPIV3Schema`), committed in schemas/strimzi/ (generated from
 * the CRDs by `npm run import:strimzi`), compiled once per test process with ajv:
 * - the `x-kubernetes-*` keywords and `example` are registered, so ajv's strict mode accepts them;
 * - `strictTypes: false`, for int-or-string (`anyOf: [integer, string]`);
 * - ajv-formats for `format`;
 * - `additionalProperties: false` on every object with declared properties that does not
 *   preserve unknown fields, so a misspelt field (`deleteClam`) is rejected as the API server's
 *   structural pruning would silently drop it.
 * CEL rules (`x-kubernetes-validations`) are not evaluated by ajv.
 */
export type StrimziSchemaError = CrdSchemaError;

let compiled: Map<string, ValidateFunction> | undefined;

/**
 * `kind@version` → validator, compiled on first use in a test process.
 *
 * The validators' code, as ajv generates it (`code.source`, ajv's standalone export), is kept in
 * .test-out/cache/strimzi-validators-<key>.cjs, where <key> is a SHA-256 of every schema file,
 * this file and crd-schemas.ts (the ajv options, keywords and `closeObjects`) and the versions of ajv and ajv-formats: a
 * worker that finds it loads the compiled validators (the Kafka CRD alone took about half a
 * second of CPU to compile, in each of the two workers), and any change to one of those inputs
 * compiles them again. Loaded or just compiled, each validator is the code ajv generated from
 * these schemas with these options.
 */
export function strimziValidators(): ReadonlyMap<string, ValidateFunction> {
  if (compiled) return compiled;
  const entries = strimziSchemaIndex();
  const keys = entries.map((entry) => `${entry.kind}@${entry.group}/${entry.version}`);
  const file = path.join(TEST_OUT, 'cache', `strimzi-validators-${cacheKey(entries)}.cjs`);
  if (!fs.existsSync(file)) writeValidatorsModule(file, entries, keys);
  const module: Record<string, ValidateFunction> = createRequire(import.meta.url)(file);
  // Cached only when every schema compiled: a failed load throws again on the next call, with
  // its own error, instead of leaving a partial map whose misses read as unknown kinds.
  const validators = new Map<string, ValidateFunction>();
  for (const key of keys) {
    if (typeof module[key] !== 'function') throw new Error(`${file} has no validator for ${key}`);
    validators.set(key, module[key]);
  }
  compiled = validators;
  return compiled;
}

/** Compiles every schema and writes the validators' code as one CommonJS module (written whole, then renamed into place). */
function writeValidatorsModule(file: string, entries: readonly StrimziSchemaEntry[], keys: readonly string[]): void {
  const ajv = new Ajv({
    allErrors: true, strict: true, strictTypes: false, strictTuples: false,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv);
  addKubernetesKeywords(ajv);
  entries.forEach((entry, i) => ajv.addSchema(closeObjects(strimziSchema(entry.kind, entry.version)), keys[i]));
  const code = standaloneCode(ajv, Object.fromEntries(keys.map((key) => [key, key])));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The validators of earlier schemas or options (not this key, which another worker may be loading).
  for (const old of fs.readdirSync(path.dirname(file)).filter((f) => /^strimzi-validators-[0-9a-f]+\.cjs$/.test(f) && f !== path.basename(file))) {
    fs.rmSync(path.join(path.dirname(file), old), { force: true });
  }
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, code);
  fs.renameSync(partial, file);
}

/** A SHA-256 of everything the compiled validators depend on. */
function cacheKey(entries: readonly StrimziSchemaEntry[]): string {
  const hash = createHash('sha256');
  const version = (pkg: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  hash.update(`ajv ${version('ajv')} ajv-formats ${version('ajv-formats')}\n`);
  hash.update(fs.readFileSync(fileURLToPath(import.meta.url)));
  hash.update(fs.readFileSync(fileURLToPath(new URL('./crd-schemas.ts', import.meta.url))));
  hash.update(fs.readFileSync(path.join(STRIMZI_SCHEMAS, 'index.json')));
  for (const entry of entries) hash.update(fs.readFileSync(path.join(STRIMZI_SCHEMAS, entry.file)));
  return hash.digest('hex').slice(0, 16);
}

/** One served version of one Strimzi CRD, as listed in schemas/strimzi/index.json. */
export interface StrimziSchemaEntry {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly file: string;
  /** The CRD file of the Strimzi release it was generated from. */
  readonly crd: string;
}

/** Every schema in schemas/strimzi/. */
export function strimziSchemaIndex(): readonly StrimziSchemaEntry[] {
  return JSON.parse(fs.readFileSync(path.join(STRIMZI_SCHEMAS, 'index.json'), 'utf8'));
}

/** A fresh copy of the `openAPIV3Schema` of one kind and version (e.g. `KafkaUser`, `v1`). */
export function strimziSchema(kind: string, version: string): any {
  const entry = strimziSchemaIndex().find((e) => e.kind === kind && e.version === version);
  if (!entry) throw new Error(`no Strimzi schema for ${kind} ${version} in ${STRIMZI_SCHEMAS}; run npm run import:strimzi`);
  return JSON.parse(fs.readFileSync(path.join(STRIMZI_SCHEMAS, entry.file), 'utf8'));
}

/**
 * Validates one custom resource against the schema of its kind and apiVersion. Returns the
 * errors (empty when valid); an unknown kind or version is an error too.
 */
export function validateStrimziObject(obj: Readonly<Record<string, any>>): StrimziSchemaError[] {
  return validateCrdObject(strimziValidators(), 'Strimzi 1.2', obj);
}
