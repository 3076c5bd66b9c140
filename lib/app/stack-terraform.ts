import { DefaultTokenResolver, StringConcat, TerraformElement, TerraformOutput, TerraformStack, Tokenization } from 'cdktf';

/** The resolver cdktf resolves a stack with (`cdktf/lib/_tokens.js`). */
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * The Terraform JSON of a stack, as cdktf 0.21's `TerraformStack.toTerraform()` renders it,
 * without its last pass. cdktf resolves each element's block (`resolve(stack, e.toTerraform())`),
 * merges the blocks and the stack's overrides, then resolves the whole merged document once more.
 * The blocks are resolved already: resolving a value walks it and resolves every token in it,
 * and the value a token gives is resolved in turn, so what comes out holds no token, and resolving
 * it again gives an equal copy (the MSK quick start's 57 resources: about a third of
 * `toTerraform`'s time). What can still hold a token or an undefined value after the merge is
 * resolved as cdktf does it: the `//` metadata (its `cloud: undefined`) and each top-level
 * section a stack override (`stack.addOverride`) reaches, with the override in it. A top-level
 * key that is itself a token sends the whole document through the last pass, as in cdktf.
 * `test/app/stack-terraform.test.ts` compares it with cdktf's own `toTerraform()`.
 */
export function stackTerraform(stack: TerraformStack): Record<string, any> {
  // cdktf keeps these private; they are what its toTerraform() reads.
  const { rawOverrides, cdktfVersion } = stack as unknown as { rawOverrides?: Record<string, any>; cdktfVersion?: string };
  // A cdktf whose stack no longer keeps its overrides there renders with its own toTerraform().
  if (typeof rawOverrides !== 'object' || rawOverrides === null) return TerraformStack.prototype.toTerraform.call(stack);
  const tf: Record<string, any> = {};
  const metadata: Record<string, any> = {
    version: cdktfVersion,
    stackName: stack.node.id,
    backend: 'local', // overwritten by backend implementations if used
    cloud: undefined, // overwritten by cloud and remote backend implementations
    ...(Object.keys(rawOverrides).length > 0 ? { overrides: { stack: Object.keys(rawOverrides) } } : {}),
  };
  const resolve = (obj: unknown) => Tokenization.resolve(obj, { scope: stack, preparing: false, resolver: RESOLVER });
  const elements = terraformElements(stack);
  for (const e of elements) deepMerge(metadata, resolve(e.toMetadata()));
  const outputs: Record<string, any> = {};
  for (const item of elements) {
    if (!TerraformOutput.isTerraformOutput(item)) continue;
    deepMerge(outputs, item.node.path.split('/').reduceRight<Record<string, any>>(
      (inner, part) => (Object.keys(inner).length === 0 ? { [part]: item.friendlyUniqueId } : { [part]: inner }), {}));
  }
  tf['//'] = { metadata, outputs };
  for (const e of elements) deepMerge(tf, resolve(e.toTerraform()));
  deepMerge(tf, rawOverrides);
  if (Object.keys(tf).some((key) => key.includes('TfToken['))) return resolve(tf);
  for (const key of ['//', ...Object.keys(rawOverrides)]) {
    if (!(key in tf)) continue;
    const value = resolve(tf[key]);
    if (value === undefined) delete tf[key];
    else tf[key] = value;
  }
  return tf;
}

/** The Terraform elements of a stack in construct order, not those of a nested stack (cdktf's `terraformElements`). */
function terraformElements(node: { node: { children: readonly any[] } }, into: TerraformElement[] = []): TerraformElement[] {
  if (TerraformElement.isTerraformElement(node)) into.push(node);
  for (const child of node.node.children) {
    if (TerraformStack.isStack(child)) continue;
    terraformElements(child, into);
  }
  return into;
}

/**
 * cdktf's `deepMerge` (cdktf/lib/util.js, not exported): objects merge, arrays concatenate,
 * undefined deletes, a token replaces. (cdktf's also throws when `target` is a token; no target
 * here can be one: a token from an override replaces the value, it is never merged into.)
 */
function deepMerge(target: any, source: any): any {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      if (typeof target[key] !== 'object') target[key] = {};
      if (Tokenization.isResolvable(value)) {
        target[key] = value;
        continue;
      }
      deepMerge(target[key], value);
    } else if (Array.isArray(value)) {
      target[key] = Array.isArray(target[key]) ? [...target[key], ...value] : value;
    } else if (value === undefined) {
      delete target[key];
    } else {
      target[key] = value;
    }
  }
  return target;
}
