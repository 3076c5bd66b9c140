import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { all, mskStack, only, synthJson } from '../support/msk-stack';
import { exampleTerraform } from '../support/paths';

/*
 * AWS provider 5.100.0, aws_route_table: `route` "is processed in attribute-as-blocks mode. This
 * means that omitting this argument is interpreted as ignoring any existing routes. To remove all
 * managed routes an empty list should be specified", and "you cannot use a Route Table with
 * in-line routes in conjunction with any Route resources. Doing so will cause a conflict of rule
 * settings and will overwrite rules" (website/docs/r/route_table.html.markdown).
 * A subnet with no explicit association uses the VPC's main route table (Amazon VPC User Guide,
 * "Subnet route tables"), so every broker subnet is associated with the private table.
 */
describe('MSK networking: routes to the client networks survive the next apply', () => {
  it('the route table has no inline route argument, not even an empty list', () => {
    const json = synthJson(mskStack().stack);
    expect(Object.keys(only(json, 'aws_route_table'))).not.toContain('route');
  });

  it('every subnet has an explicit association with the private route table', () => {
    const json = synthJson(mskStack().stack);
    const subnets = Object.keys(json.resource.aws_subnet);
    const associations = all(json, 'aws_route_table_association');
    expect(associations.map((a) => a.subnet_id).sort()).toEqual(subnets.map((s) => `\${aws_subnet.${s}.id}`).sort());
    const table = Object.keys(json.resource.aws_route_table)[0];
    expect(new Set(associations.map((a) => a.route_table_id))).toEqual(new Set([`\${aws_route_table.${table}.id}`]));
  });

  it('attachToTransitGateway attaches the broker subnets and routes each client network after the attachment', () => {
    const { stack, network } = mskStack();
    network.attachToTransitGateway('Tgw', { transitGatewayId: 'tgw-0123456789abcdef0', destinationCidrBlocks: ['10.20.0.0/16', '10.30.8.0/24'] });
    const json = synthJson(stack);
    const attachment = only(json, 'aws_ec2_transit_gateway_vpc_attachment');
    expect(attachment.transit_gateway_id).toBe('tgw-0123456789abcdef0');
    expect(attachment.subnet_ids).toHaveLength(3);
    const [attachmentName] = Object.keys(json.resource.aws_ec2_transit_gateway_vpc_attachment);
    const table = Object.keys(json.resource.aws_route_table)[0];
    const routes = all(json, 'aws_route');
    expect(routes.map((r) => r.destination_cidr_block)).toEqual(['10.20.0.0/16', '10.30.8.0/24']);
    for (const r of routes) {
      expect(r).toMatchObject({ route_table_id: `\${aws_route_table.${table}.id}`, transit_gateway_id: 'tgw-0123456789abcdef0' });
      expect(r.depends_on).toEqual([`aws_ec2_transit_gateway_vpc_attachment.${attachmentName}`]);
    }
  });

  it('addRoute refuses a route with no target or two, and a destination that is not an IPv4 CIDR block', () => {
    const { network } = mskStack();
    expect(() => network.addRoute('R', { destinationCidrBlock: '10.20.0.0/16' })).toThrow(/KIAC-PROP \[production\/Network\/R\].*expected exactly one route target/);
    expect(() => network.addRoute('R', { destinationCidrBlock: '10.20.0.0/16', transitGatewayId: 'tgw-1', vpcPeeringConnectionId: 'pcx-1' })).toThrow(/exactly one route target/);
    expect(() => network.addRoute('R', { destinationCidrBlock: 'everywhere', vpcPeeringConnectionId: 'pcx-1' })).toThrow(/destinationCidrBlock is 'everywhere'; expected an IPv4 CIDR block/);
  });

  it('the production example routes its client networks through the transit gateway, and its route table has no inline routes', () => {
    const json = JSON.parse(fs.readFileSync(exampleTerraform('production'), 'utf8'));
    expect(Object.keys(only(json, 'aws_route_table'))).not.toContain('route');
    expect(all(json, 'aws_route').map((r) => r.destination_cidr_block)).toEqual(['10.20.0.0/16', '10.30.8.0/24']);
    expect(all(json, 'aws_route_table_association')).toHaveLength(3);
  });
});
