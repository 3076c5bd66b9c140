import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { STRIMZI_SCHEMAS } from './paths';

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
export interface StrimziSchemaError {
  readonly path: string;
  readonly message: string;
}

let compiled: Map<string, ValidateFunction> | undefined;

/** `kind@version` → validator, compiled on first use. */
export function strimziValidators(): ReadonlyMap<string, ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  for (const keyword of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-validations',
    'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource', 'example']) {
    ajv.addKeyword({ keyword, schemaType: ['boolean', 'string', 'array', 'object', 'number'] });
  }
  // Cached only when every schema compiled: a failed load throws again on the next call, with
  // its own error, instead of leaving a partial map whose misses read as unknown kinds.
  const validators = new Map<string, ValidateFunction>();
  for (const entry of strimziSchemaIndex()) {
    validators.set(`${entry.kind}@${entry.group}/${entry.version}`, ajv.compile(closeObjects(strimziSchema(entry.kind, entry.version))));
  }
  compiled = validators;
  return compiled;
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
  const validate = strimziValidators().get(`${obj.kind}@${obj.apiVersion}`);
  if (!validate) return [{ path: '', message: `no Strimzi 1.2 CRD serves ${obj.kind} ${obj.apiVersion}` }];
  if (validate(obj)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message: e.keyword === 'additionalProperties' ? `unknown field '${(e.params as any).additionalProperty}'` : e.message ?? e.keyword,
  }));
}

/** Adds `additionalProperties: false` to every object schema with properties that does not preserve unknown fields. */
function closeObjects(schema: any): any {
  if (Array.isArray(schema)) {
    schema.forEach(closeObjects);
    return schema;
  }
  if (schema === null || typeof schema !== 'object') return schema;
  for (const value of Object.values(schema)) closeObjects(value);
  const preserves = schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined && !preserves) {
    schema.additionalProperties = false;
  }
  return schema;
}
