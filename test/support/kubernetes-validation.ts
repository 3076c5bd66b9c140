import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { ROOT, TEST_OUT } from './paths';

/**
 * Validation of core Kubernetes objects against `kubernetes-models`, plus a check that rejects
 * unknown field names.
 *
 * kubernetes-models 5.x ships its OpenAPI schemas only as compiled ajv validators
 * (`_schemas/*.js`), which accept unknown fields, and as TypeScript declarations generated from
 * the same schemas (`<group>/<version>/<Kind>.d.ts`, one interface per definition, with the
 * schema's `properties` as interface members and `additionalProperties` as index signatures).
 * The unknown-field check walks an object against those declarations with the TypeScript
 * type checker: a key that is neither a member nor allowed by an index signature is rejected.
 */

/**
 * API groups whose objects are validated: the built-in Kubernetes APIs (`kubernetes-models`)
 * and the Prometheus Operator's (`@kubernetes-models/prometheus-operator`: PodMonitor,
 * PrometheusRule). Strimzi resources are validated against their CRDs elsewhere.
 */
export const CORE_API_GROUPS: readonly string[] = [
  '', 'apps', 'batch', 'policy', 'networking.k8s.io', 'storage.k8s.io', 'rbac.authorization.k8s.io', 'autoscaling',
  'monitoring.coreos.com',
];

/** The model package of an API group. */
function modelPackage(group: string): string {
  return group === 'monitoring.coreos.com' ? '@kubernetes-models/prometheus-operator' : 'kubernetes-models';
}

/** One Kubernetes object read from a manifest file. */
export interface ManifestObject {
  readonly file: string;
  readonly index: number;
  readonly body: Record<string, any>;
}

/** Every object in the `*.k8s.yaml` files of a folder. */
export function manifestObjects(dir: string): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.k8s.yaml')).sort()) {
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).forEach((d, index) => {
      const body = d.toJS();
      if (body && typeof body === 'object') out.push({ file, index, body });
    });
  }
  return out;
}

/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
export function apiGroupOfVersion(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** Whether kubernetes-models validates this object (a built-in API group). */
export function isCoreObject(body: Readonly<Record<string, any>>): boolean {
  return typeof body.apiVersion === 'string' && CORE_API_GROUPS.includes(apiGroupOfVersion(body.apiVersion));
}

function modulePath(apiVersion: string, kind: string): string {
  const group = apiGroupOfVersion(apiVersion);
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  return group === '' ? `kubernetes-models/v1/${kind}` : `${modelPackage(group)}/${group}/${version}/${kind}`;
}

/**
 * `kubernetes-models` validation: constructs the model class for the apiVersion and kind and
 * calls `.validate()`. Returns the error message, or undefined when valid.
 */
export async function validateWithModel(body: Readonly<Record<string, any>>): Promise<string | undefined> {
  let mod: Record<string, any>;
  try {
    mod = await import(modulePath(body.apiVersion, body.kind));
  } catch (e) {
    return `no kubernetes-models class for ${body.apiVersion} ${body.kind}: ${(e as Error).message}`;
  }
  const Model = mod[body.kind];
  if (typeof Model !== 'function') return `no kubernetes-models class for ${body.apiVersion} ${body.kind}`;
  try {
    new Model(body).validate();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * The compiler options of the declarations' program. `lib` is the ES2022 library without the DOM
 * (the default for an ES2022 target adds lib.dom.d.ts and its companions, three quarters of the
 * text parsed): the kubernetes-models and Prometheus Operator declarations use no DOM type (a
 * program over all 602 of their kinds has no error in any file with either `lib`).
 */
const DECLARATION_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'], strict: true, noEmit: true, skipLibCheck: true, types: [], baseUrl: ROOT,
};

let cachedHost: ts.CompilerHost | undefined;

/**
 * The compiler host of the declarations' programs: the files under node_modules and TypeScript's
 * own libraries (which do not change while the tests run) are parsed once per test process and
 * shared by every program built after, as TypeScript's language service shares them; each
 * program still has its own type checker. The generated shapes file is read afresh.
 */
function declarationHost(): ts.CompilerHost {
  if (cachedHost) return cachedHost;
  const host = ts.createCompilerHost(DECLARATION_OPTIONS);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!fileName.includes('/node_modules/')) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(fileName);
  };
  cachedHost = host;
  return host;
}

/** Finds unknown field names by walking objects against the kubernetes-models declarations. */
export class UnknownFieldChecker {
  /** Builds one TypeScript program over the declarations of the given kinds (compiled once). */
  public static forKinds(kinds: readonly { readonly apiVersion: string; readonly kind: string }[]): UnknownFieldChecker {
    const unique = [...new Map(kinds.map((k) => [`${k.apiVersion}|${k.kind}`, k])).values()];
    const dir = path.join(TEST_OUT, 'kubernetes-shapes');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `shapes-${process.pid}-${Date.now()}.ts`);
    const lines = unique.map((k, i) => `import type { I${k.kind} as T${i} } from '${modulePath(k.apiVersion, k.kind)}';`);
    lines.push('export interface Shapes {');
    unique.forEach((k, i) => lines.push(`  '${k.apiVersion}|${k.kind}': T${i};`));
    lines.push('}', '');
    fs.writeFileSync(file, lines.join('\n'));
    const program = ts.createProgram([file], DECLARATION_OPTIONS, declarationHost());
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(file)!;
    const diagnostics = ts.getPreEmitDiagnostics(program, source);
    fs.rmSync(file, { force: true });
    if (diagnostics.length > 0) {
      throw new Error(`kubernetes-models declarations did not load: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
    }
    const shapes = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Shapes')!;
    const shapesType = checker.getTypeAtLocation(shapes);
    const types = new Map<string, ts.Type>();
    for (const k of unique) {
      const prop = checker.getPropertyOfType(shapesType, `${k.apiVersion}|${k.kind}`)!;
      types.set(`${k.apiVersion}|${k.kind}`, checker.getTypeOfSymbol(prop));
    }
    return new UnknownFieldChecker(checker, types);
  }

  private constructor(private readonly checker: ts.TypeChecker, private readonly types: ReadonlyMap<string, ts.Type>) {}

  /** The paths of fields the schema does not define (`spec.maxUnavalable`). */
  public unknownFields(body: Readonly<Record<string, any>>): string[] {
    const type = this.types.get(`${body.apiVersion}|${body.kind}`);
    if (!type) throw new Error(`no declaration loaded for ${body.apiVersion} ${body.kind}`);
    const out: string[] = [];
    this.walk(body, type, '', out);
    return out;
  }

  private walk(value: unknown, declared: ts.Type, at: string, out: string[]): void {
    if (value === null || typeof value !== 'object') return; // scalar types are kubernetes-models' job
    const type = this.checker.getNonNullableType(declared);
    const members = type.isUnion() ? type.types : [type];
    if (Array.isArray(value)) {
      const element = members.map((t) => t.getNumberIndexType()).find((t) => t !== undefined);
      if (element) value.forEach((v, i) => this.walk(v, element, `${at}[${i}]`, out));
      return;
    }
    const objects = members.filter((t) => (t.flags & ts.TypeFlags.Object) !== 0);
    if (objects.length === 0) return;
    const index = objects.map((t) => t.getStringIndexType()).find((t) => t !== undefined);
    // A type without any member or index signature is apiextensions' JSON (`IJSON {}`): any
    // value, not an object without fields (AlertmanagerConfig's child routes are typed so).
    if (!index && objects.every((t) => this.checker.getPropertiesOfType(t).length === 0)) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const here = at === '' ? key : `${at}.${key}`;
      const prop = objects.map((t) => this.checker.getPropertyOfType(t, key)).find((p) => p !== undefined);
      if (prop) this.walk(child, this.checker.getTypeOfSymbol(prop), here, out);
      else if (index) this.walk(child, index, here, out);
      else out.push(here);
    }
  }
}
