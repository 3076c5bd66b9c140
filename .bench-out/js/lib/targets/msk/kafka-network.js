"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaNetwork = void 0;
const data_aws_availability_zones_1 = require("@cdktf/provider-aws/lib/data-aws-availability-zones");
const default_security_group_1 = require("@cdktf/provider-aws/lib/default-security-group");
const route_table_1 = require("@cdktf/provider-aws/lib/route-table");
const route_table_association_1 = require("@cdktf/provider-aws/lib/route-table-association");
const security_group_1 = require("@cdktf/provider-aws/lib/security-group");
const subnet_1 = require("@cdktf/provider-aws/lib/subnet");
const vpc_1 = require("@cdktf/provider-aws/lib/vpc");
const cdktf_1 = require("cdktf");
const constructs_1 = require("constructs");
const errors_1 = require("../../model/errors");
const broker_ingress_1 = require("./broker-ingress");
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
/**
 * A VPC for MSK brokers: one private subnet per availability zone (no public IPs), a route
 * table with no route out of the VPC (no internet gateway, no NAT), the VPC's default security
 * group emptied, and a broker security group that admits only the listener ports of the
 * enabled authentication modes, only from the declared client networks, and the exporter
 * ports only from the declared Prometheus sources. It never admits `0.0.0.0/0`.
 *
 * The VPC is `.resource` (id `Resource`); the escape hatch is `resource.addOverride(...)`, and
 * the rules still check the result (SEC-007).
 * @see SEC-007
 * @see HA-006
 */
class KafkaNetwork extends constructs_1.Construct {
    /** Uses an existing VPC, subnets and security group. */
    static fromAttributes(scope, id, attrs) {
        return new ImportedKafkaNetwork(scope, id, attrs);
    }
    /** The VPC. */
    resource;
    subnets;
    securityGroup;
    routeTable;
    /** The ingress rules of the broker security group. */
    ingress;
    vpcId;
    subnetIds;
    securityGroupId;
    zoneCount;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        requireClients(path, props.clientNetworks);
        const cidr = props.cidrBlock ?? '10.40.0.0/16';
        const zones = props.availabilityZones;
        if (zones !== undefined)
            checkZones(path, zones);
        this.zoneCount = zones?.length ?? 3;
        const subnetCidrs = carveSubnets(path, cidr, this.zoneCount);
        this.resource = new vpc_1.Vpc(this, 'Resource', {
            cidrBlock: cidr, enableDnsSupport: true, enableDnsHostnames: true,
            tags: { Name: `${path.replace(/\//g, '-')}` },
        });
        new default_security_group_1.DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: this.resource.id, ingress: [], egress: [] });
        this.routeTable = new route_table_1.RouteTable(this, 'PrivateRouteTable', { vpcId: this.resource.id, route: [] });
        const available = zones === undefined
            ? new data_aws_availability_zones_1.DataAwsAvailabilityZones(this, 'AvailabilityZones', { state: 'available' })
            : undefined;
        this.subnets = subnetCidrs.map((subnetCidr, i) => {
            const subnet = new subnet_1.Subnet(this, `PrivateSubnet${i + 1}`, {
                vpcId: this.resource.id,
                cidrBlock: subnetCidr,
                availabilityZone: zones ? zones[i] : cdktf_1.Fn.element(available.names, i),
                mapPublicIpOnLaunch: false,
                tags: { Name: `${path.replace(/\//g, '-')}-private-${i + 1}` },
            });
            new route_table_association_1.RouteTableAssociation(this, `PrivateRouteTableAssociation${i + 1}`, { subnetId: subnet.id, routeTableId: this.routeTable.id });
            return subnet;
        });
        this.securityGroup = new security_group_1.SecurityGroup(this, 'BrokerSecurityGroup', {
            vpcId: this.resource.id,
            description: 'MSK brokers: listener ports from declared client networks only',
            revokeRulesOnDelete: true,
            // No inline rules and no egress: Terraform removes AWS's default allow-all egress rule.
        });
        this.ingress = new broker_ingress_1.BrokerIngress(this, 'BrokerIngress', {
            securityGroupId: this.securityGroup.id,
            clientNetworks: props.clientNetworks,
            prometheusSources: props.prometheusSources,
        });
        this.vpcId = this.resource.id;
        this.subnetIds = this.subnets.map((s) => s.id);
        this.securityGroupId = this.securityGroup.id;
    }
    allowListenerPort(port) {
        this.ingress.allowListenerPort(port);
    }
}
exports.KafkaNetwork = KafkaNetwork;
/** An existing network, as returned by `KafkaNetwork.fromAttributes`. */
class ImportedKafkaNetwork extends constructs_1.Construct {
    vpcId;
    subnetIds;
    securityGroupId;
    zoneCount;
    ingress;
    constructor(scope, id, attrs) {
        super(scope, id);
        const path = this.node.path;
        checkZones(path, attrs.subnetIds, 'subnetIds');
        this.vpcId = attrs.vpcId;
        this.subnetIds = [...attrs.subnetIds];
        this.securityGroupId = attrs.securityGroupId;
        this.zoneCount = attrs.subnetIds.length;
        if (attrs.clientNetworks !== undefined) {
            requireClients(path, attrs.clientNetworks);
            this.ingress = new broker_ingress_1.BrokerIngress(this, 'BrokerIngress', {
                securityGroupId: attrs.securityGroupId,
                clientNetworks: attrs.clientNetworks,
                prometheusSources: attrs.prometheusSources,
            });
        }
    }
    allowListenerPort(port) {
        this.ingress?.allowListenerPort(port);
    }
}
function requireClients(path, clients) {
    if (!Array.isArray(clients) || clients.length === 0) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-007', path, prop: 'clientNetworks', found: clients ?? [],
            expected: 'at least one declared client network (CIDR block or security group)',
            fix: "Set clientNetworks: [ClientNetwork.cidr('10.20.0.0/16')].",
        });
    }
}
function checkZones(path, list, prop = 'availabilityZones') {
    if (!Array.isArray(list) || list.length < 2 || list.length > 3) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'HA-006', path, prop, found: list,
            expected: '2 or 3 entries, one per availability zone (MSK accepts 2 or 3; HA-006 wants 3)',
            fix: `Give three, for example ['us-east-1a', 'us-east-1b', 'us-east-1c'].`,
        });
    }
    const literal = list.filter((z) => !cdktf_1.Token.isUnresolved(z));
    if (new Set(literal).size !== literal.length) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'HA-006', path, prop, found: list,
            expected: 'one entry per distinct availability zone', fix: 'Remove the duplicate.',
        });
    }
}
/** Splits an IPv4 CIDR into `count` consecutive subnets four bits longer. */
function carveSubnets(path, cidr, count) {
    const m = CIDR.exec(cidr);
    const prefix = m ? Number(m[5]) : NaN;
    const octets = m ? m.slice(1, 5).map(Number) : [];
    if (!m || octets.some((o) => o > 255) || prefix < 8 || prefix > 24) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'KIAC-PROP', path, prop: 'cidrBlock', found: cidr,
            expected: 'an IPv4 CIDR block from /8 to /24, such as 10.40.0.0/16',
            fix: "Set cidrBlock: '10.40.0.0/16'.",
        });
    }
    const base = (((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3]) >>> 0;
    const size = 2 ** (32 - prefix - 4);
    const network = base - (base % (2 ** (32 - prefix)));
    return Array.from({ length: count }, (_, i) => {
        const n = network + i * size;
        return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${prefix + 4}`;
    });
}
