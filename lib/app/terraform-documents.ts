import type { TerraformStack } from 'cdktf';
import type { TerraformDocument } from '../contract/document';

/**
 * The resource and data blocks of a stack exactly as `cdk.tf.json` will hold them: after
 * `addOverride`, with tokens resolved. Computed once per call.
 */
export function terraformDocuments(stack: TerraformStack): TerraformDocument[] {
  const json = stack.toTerraform() as Record<string, any>;
  const docs: TerraformDocument[] = [];
  for (const [block, prefix] of [['resource', ''], ['data', 'data.']] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(json[block] ?? {})) {
      for (const [name, body] of Object.entries<Record<string, any>>(byName)) {
        docs.push({
          source: 'terraform', type: `${prefix}${type}`, name, address: `${prefix}${type}.${name}`,
          path: body?.['//']?.metadata?.path ?? `${stack.node.path}/${name}`, body,
        });
      }
    }
  }
  return docs;
}
