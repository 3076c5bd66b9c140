import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';

/**
 * What the Strimzi and KEDA CRD schema validators share (strimzi-schemas.ts, keda-schemas.ts):
 * the ajv keywords of Kubernetes structural schemas, the closing of object schemas, and the
 * errors of one object as the tests report them.
 */

/** One schema error: where in the object, and what. */
export interface CrdSchemaError {
  readonly path: string;
  readonly message: string;
}

/**
 * Registers the `x-kubernetes-*` keywords and `example`, so that ajv's strict mode accepts them.
 * CEL rules (`x-kubernetes-validations`) are not evaluated by ajv.
 */
export function addKubernetesKeywords(ajv: Ajv): void {
  for (const keyword of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-kubernetes-validations',
    'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-embedded-resource',
    'x-kubernetes-group-version-kind', 'example']) {
    ajv.addKeyword({ keyword, schemaType: ['boolean', 'string', 'array', 'object', 'number'] });
  }
}

/**
 * Adds `additionalProperties: false` to every object schema with properties that does not
 * preserve unknown fields, so a misspelt field is rejected as the API server's structural
 * pruning would silently drop it.
 */
export function closeObjects(schema: any): any {
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

/**
 * Validates one object with the validator of its `kind@apiVersion`; an unknown kind or version
 * is an error (`no <served> CRD serves ...`).
 */
export function validateCrdObject(validators: ReadonlyMap<string, ValidateFunction>, served: string, obj: Readonly<Record<string, any>>): CrdSchemaError[] {
  const validate = validators.get(`${obj.kind}@${obj.apiVersion}`);
  if (!validate) return [{ path: '', message: `no ${served} CRD serves ${obj.kind} ${obj.apiVersion}` }];
  if (validate(obj)) return [];
  return (validate.errors ?? []).map((e) => ({
    path: e.instancePath || '/',
    message: e.keyword === 'additionalProperties' ? `unknown field '${(e.params as any).additionalProperty}'` : e.message ?? e.keyword,
  }));
}
