// Regenerates lib/imports/k8s.ts: the Kubernetes API classes the library creates (KubeStatefulSet,
// KubeConfigMap, ...), taken from cdk8s-plus-27's generated `lib/imports/k8s.js` (what `cdk8s
// import k8s` writes for Kubernetes 1.27) with only the classes listed in KINDS, the conversion
// functions (`toJson_*`) they reach, and `IntOrString` and `Quantity`; and from its
// `lib/imports/k8s.d.ts` the declarations of their props and of TYPES, with every interface,
// enum and type alias those reach (found with the TypeScript compiler API), copied unchanged
// with their JSDoc.
//
// Why: that file holds every Kubernetes 1.27 kind (2.5 MB of JavaScript, some 20 ms of CPU to
// load on Node 20), and the library creates ten of them. The props types are cdk8s-plus-27's
// own declarations, so the classes take exactly the props they took before; their `toJson()` is
// the same code, copied, so every manifest keeps its bytes. Nothing of the generated file names
// cdk8s-plus-27, so neither the built JavaScript nor its .d.ts needs it installed: it is a
// devDependency only (the source of this script), not a peer.
//
// Run `npm run import:k8s` after changing KINDS or cdk8s-plus-27's version; the output is
// committed. test/project/k8s-import.test.ts checks that the committed file is what this script
// writes from the installed cdk8s-plus-27, and that each class renders what cdk8s-plus-27's does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The Kubernetes kinds the library creates, by class name in cdk8s-plus-27's `k8s` module. */
export const KINDS = [
  'KubeClusterRole',
  'KubeClusterRoleBinding',
  'KubeConfigMap',
  'KubeDeployment',
  'KubeNetworkPolicy',
  'KubePodDisruptionBudget',
  'KubeService',
  'KubeServiceAccount',
  'KubeStatefulSet',
  'KubeStorageClass',
] as const;

/** The types modules of lib/ name beyond the props of KINDS (their declarations are copied too). */
export const TYPES = ['Container', 'EnvVar', 'NetworkPolicyIngressRule', 'NetworkPolicyPeer', 'Volume', 'VolumeMount'] as const;

/** The number-or-string classes of the module (jsii unions), copied as they are. */
const UNIONS = ['IntOrString', 'Quantity'] as const;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The installed cdk8s-plus-27's `lib/imports/k8s.js` (`code`), `lib/imports/k8s.d.ts` (`declarations`) and version. */
export function installedK8sModule(root = ROOT): { readonly code: string; readonly declarations: string; readonly version: string } {
  const dir = path.join(root, 'node_modules', 'cdk8s-plus-27');
  return {
    code: fs.readFileSync(path.join(dir, 'lib', 'imports', 'k8s.js'), 'utf8'),
    declarations: fs.readFileSync(path.join(dir, 'lib', 'imports', 'k8s.d.ts'), 'utf8'),
    version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version,
  };
}

/**
 * The declarations (interfaces, enums, type aliases) of `declarations` (cdk8s-plus-27's
 * `k8s.d.ts`) named in `roots` and every one they reach through a type reference or an `extends`
 * clause, each as its source text with its JSDoc, in the order of the file. The number-or-string
 * classes (UNIONS) are left to the caller; a root or reference to another class is refused.
 */
export function collectK8sDeclarations(declarations: string, roots: readonly string[], version: string): string[] {
  const file = ts.createSourceFile('k8s.d.ts', declarations, ts.ScriptTarget.Latest, true);
  const byName = new Map<string, ts.Statement>();
  // Names the file declares or imports otherwise: a reference to any other name is to a global type (`Date`).
  const others = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) byName.set(statement.name.text, statement);
    else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) others.add(statement.name.text);
    else if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) others.add(element.name.text);
      else if (bindings) others.add(bindings.name.text);
      if (statement.importClause?.name) others.add(statement.importClause.name.text);
    }
  }
  const unions: readonly string[] = UNIONS;
  const reached = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name) || unions.includes(name)) continue;
    const statement = byName.get(name);
    if (statement === undefined) {
      if (others.has(name) || roots.includes(name)) throw new Error(`import-k8s: ${name} of cdk8s-plus-27 ${version} is not an interface, enum or type alias of its k8s.d.ts; only those (and ${UNIONS.join(', ')}) are copied`);
      continue;
    }
    reached.add(name);
    const visit = (node: ts.Node): void => {
      if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) pending.push(node.typeName.text);
      else if (ts.isExpressionWithTypeArguments(node) && ts.isIdentifier(node.expression)) pending.push(node.expression.text);
      else if (ts.isTypeReferenceNode(node) || ts.isTypeQueryNode(node)) throw new Error(`import-k8s: ${name} names ${node.getText(file)}, which this script cannot copy`);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(statement, visit);
  }
  return [...byName].filter(([name]) => reached.has(name)).map(([, statement]) => declarations.slice(statement.getStart(file, true), statement.end));
}

/** The text of lib/imports/k8s.ts for cdk8s-plus-27's `k8s.js` (`code`) and `k8s.d.ts` (`declarations`) of `version`. */
export function generateK8sSubset(code: string, declarations: string, version: string, kinds: readonly string[] = KINDS, typeRoots: readonly string[] = TYPES): string {
  const functions = new Map<string, string>();
  for (const m of code.matchAll(/^function (toJson_\w+)\(obj\) \{\n([\s\S]*?)^\}$/gm)) functions.set(m[1]!, m[2]!);

  const classes = kinds.map((kind) => {
    const block = new RegExp(`^class ${kind} extends cdk8s_1\\.ApiObject \\{\\n([\\s\\S]*?)^\\}$`, 'm').exec(code);
    if (!block) throw new Error(`import-k8s: no class ${kind} in cdk8s-plus-27 ${version}`);
    const constructor = /constructor\(scope, id, props( = \{\})?\)/.exec(block[1]!);
    if (!constructor) throw new Error(`import-k8s: no constructor of ${kind}`);
    const gvk = new RegExp(`^${kind}\\.GVK = \\{\\n    apiVersion: '([^']+)',\\n    kind: '([^']+)',\\n\\};$`, 'm').exec(code);
    if (!gvk) throw new Error(`import-k8s: no GVK of ${kind}`);
    return { kind, optional: constructor[1] !== undefined, apiVersion: gvk[1]!, apiKind: gvk[2]! };
  });

  // Every conversion function the classes reach, in the order of the source file.
  const reached = new Set<string>();
  const pending = kinds.map((kind) => `toJson_${kind}Props`);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (reached.has(name)) continue;
    const body = functions.get(name);
    if (body === undefined) throw new Error(`import-k8s: no function ${name} in cdk8s-plus-27 ${version}`);
    reached.add(name);
    for (const m of body.matchAll(/\btoJson_\w+/g)) pending.push(m[0]);
  }
  const ordered = [...functions.keys()].filter((name) => reached.has(name));

  for (const union of UNIONS) {
    const expected = `class ${union} {\n    constructor(value) {\n        this.value = value;\n    }\n    static fromString(value) {\n        return new ${union}(value);\n    }\n    static fromNumber(value) {\n        return new ${union}(value);\n    }\n}`;
    if (!code.includes(expected)) throw new Error(`import-k8s: ${union} of cdk8s-plus-27 ${version} is not the class this script copies`);
    const declared = `export declare class ${union} {\n    readonly value: string | number;\n    static fromString(value: string): ${union};\n    static fromNumber(value: number): ${union};\n    private constructor();\n}`;
    if (!declarations.includes(declared)) throw new Error(`import-k8s: the declaration of ${union} of cdk8s-plus-27 ${version} is not the class this script writes`);
  }
  const types = collectK8sDeclarations(declarations, [...kinds.map((kind) => `${kind}Props`), ...typeRoots], version);

  const out: string[] = [
    `// Generated by scripts/import-k8s.ts from cdk8s-plus-27 ${version} (lib/imports/k8s.js and lib/imports/k8s.d.ts,`,
    '// generated by cdk8s). Do not edit. The classes the library creates, their conversion functions and',
    '// the number-or-string unions; then the declarations of their props and of the types the library',
    '// names, with every declaration those reach, as cdk8s-plus-27 declares them.',
    '/* eslint-disable */',
    "import { ApiObject, type GroupVersionKind } from 'cdk8s';",
    "import type { Construct } from 'constructs';",
    '',
  ];
  for (const c of classes) {
    const props = `props: ${c.kind}Props${c.optional ? ' = {}' : ''}`;
    out.push(
      `/** cdk8s-plus-27's \`${c.kind}\`: "${c.apiVersion}" "${c.apiKind}". */`,
      `export class ${c.kind} extends ApiObject {`,
      `  public static readonly GVK: GroupVersionKind = { apiVersion: '${c.apiVersion}', kind: '${c.apiKind}' };`,
      '',
      `  public static manifest(${props}): any {`,
      `    return { ...${c.kind}.GVK, ...toJson_${c.kind}Props(props) };`,
      '  }',
      '',
      `  public constructor(scope: Construct, id: string, ${props}) {`,
      `    super(scope, id, { ...${c.kind}.GVK, ...props });`,
      '  }',
      '',
      '  public override toJson(): any {',
      '    const resolved = super.toJson();',
      `    return { ...${c.kind}.GVK, ...toJson_${c.kind}Props(resolved) };`,
      '  }',
      '}',
      '',
    );
  }
  for (const union of UNIONS) {
    out.push(
      `/** cdk8s-plus-27's \`${union}\`: a number or a string. */`,
      `export class ${union} {`,
      `  public static fromString(value: string): ${union} {`,
      `    return new ${union}(value);`,
      '  }',
      '',
      `  public static fromNumber(value: number): ${union} {`,
      `    return new ${union}(value);`,
      '  }',
      '',
      '  private constructor(public readonly value: string | number) {}',
      '}',
      '',
    );
  }
  // The JavaScript as it is, with its parameters typed `any` for the strict compiler.
  const typed = (body: string) => body.replaceAll('map(y =>', 'map((y: any) =>').replaceAll('reduce((r, i) =>', 'reduce((r: any, i: [string, any]) =>');
  for (const name of ordered) out.push(`function ${name}(obj: any): any {`, typed(functions.get(name)!).replace(/\n$/, ''), '}');
  out.push('', ...types);
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { code, declarations, version } = installedK8sModule();
  const target = path.join(ROOT, 'lib', 'imports', 'k8s.ts');
  fs.writeFileSync(target, generateK8sSubset(code, declarations, version));
  console.log(`import-k8s: wrote lib/imports/k8s.ts (${fs.readFileSync(target, 'utf8').split('\n').length} lines) from cdk8s-plus-27 ${version}`);
}
