"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.terraformDocuments = terraformDocuments;
/**
 * The resource and data blocks of a stack exactly as `cdk.tf.json` will hold them: after
 * `addOverride`, with tokens resolved. Computed once per call.
 */
function terraformDocuments(stack) {
    const json = stack.toTerraform();
    const docs = [];
    for (const [block, prefix] of [['resource', ''], ['data', 'data.']]) {
        for (const [type, byName] of Object.entries(json[block] ?? {})) {
            for (const [name, body] of Object.entries(byName)) {
                docs.push({
                    source: 'terraform', type: `${prefix}${type}`, name, address: `${prefix}${type}.${name}`,
                    path: body?.['//']?.metadata?.path ?? `${stack.node.path}/${name}`, body,
                });
            }
        }
    }
    return docs;
}
