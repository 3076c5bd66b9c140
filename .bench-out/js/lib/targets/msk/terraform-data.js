"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TerraformDataResource = void 0;
exports.synthesizedInput = synthesizedInput;
const cdktf_1 = require("cdktf");
/**
 * A `terraform_data` resource whose `input` holds an artefact the rules read (ACL lines, client
 * properties, Prometheus rule groups). A plain TerraformResource, not cdktf's `DataResource`,
 * which runs `terraform version` at every synthesis to pick the built-in provider.
 */
class TerraformDataResource extends cdktf_1.TerraformResource {
    input;
    constructor(scope, id, input) {
        super(scope, id, { terraformResourceType: 'terraform_data' });
        this.input = input;
    }
    synthesizeAttributes() {
        return { input: this.input };
    }
}
exports.TerraformDataResource = TerraformDataResource;
/**
 * The `input` of a terraform_data as it will be written (after any addOverride). The stack's
 * JSON comes from the synthesis context, rendered once for every output file, not once per file.
 */
function synthesizedInput(stack, resource, context) {
    const json = (context ? context.terraformJson(stack) : stack.toTerraform());
    const body = json.resource?.terraform_data?.[resource.friendlyUniqueId] ?? {};
    return (body.input ?? {});
}
