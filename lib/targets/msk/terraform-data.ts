import { TerraformResource, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { OutputRenderContext } from '../../model/environment';
import { checkedConstructId } from '../../contract/construct-id';

/**
 * A `terraform_data` resource whose `input` holds an artefact the rules read (ACL lines, client
 * properties, Prometheus rule groups). A plain TerraformResource, not cdktf's `DataResource`,
 * which runs `terraform version` at every synthesis to pick the built-in provider.
 */
export class TerraformDataResource extends TerraformResource {
  public constructor(scope: Construct, id: string, private readonly input: Record<string, unknown>) {
    super(scope, checkedConstructId(scope, id), { terraformResourceType: 'terraform_data' });
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return { input: this.input };
  }
}

/**
 * The `input` of a terraform_data as it will be written (after any addOverride). The stack's
 * JSON comes from the synthesis context, rendered once for every output file, not once per file.
 */
export function synthesizedInput(stack: TerraformStack, resource: TerraformResource, context?: OutputRenderContext): Record<string, any> {
  const json = (context ? context.terraformJson(stack) : stack.toTerraform()) as { resource?: Record<string, Record<string, any>> };
  const body = json.resource?.terraform_data?.[resource.friendlyUniqueId] ?? {};
  return (body.input ?? {}) as Record<string, any>;
}
