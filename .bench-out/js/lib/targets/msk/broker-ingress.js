"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BrokerIngress = void 0;
const vpc_security_group_ingress_rule_1 = require("@cdktf/provider-aws/lib/vpc-security-group-ingress-rule");
const constructs_1 = require("constructs");
const client_network_1 = require("../../model/client-network");
const errors_1 = require("../../model/errors");
const msk_ports_1 = require("../../contract/msk-ports");
/**
 * The ingress rules of a broker security group, one `aws_vpc_security_group_ingress_rule`
 * per (source, port): listener ports only from the declared client networks, exporter ports
 * only from the declared Prometheus sources. Nothing from `0.0.0.0/0` (ClientNetwork refuses it).
 *
 * Construct ids are `Listener<port>-<n>` and `Exporter<port>-<n>`, where `n` is the position of
 * the source in its list: append new sources at the end to keep existing rules in place.
 * @see SEC-007
 */
class BrokerIngress extends constructs_1.Construct {
    props;
    listenerPorts = new Set();
    /** Every rule created, listener and exporter rules alike. */
    rules = [];
    constructor(scope, id, props) {
        super(scope, id);
        for (const list of [props.clientNetworks, props.prometheusSources ?? []]) {
            for (const n of list)
                checkAwsSource(this.node.path, n);
        }
        this.props = props;
        (props.prometheusSources ?? []).forEach((source, i) => {
            for (const port of msk_ports_1.MSK_EXPORTER_PORTS)
                this.rules.push(this.rule(`Exporter${port}-${i}`, port, source, `Prometheus scrape (${source.description})`));
        });
    }
    /**
     * Opens `port` to every declared client network; a port already open is skipped.
     * @returns the rules created by this call
     */
    allowListenerPort(port) {
        if (this.listenerPorts.has(port))
            return [];
        this.listenerPorts.add(port);
        const created = this.props.clientNetworks.map((n, i) => this.rule(`Listener${port}-${i}`, port, n, `Kafka clients (${n.description})`));
        this.rules.push(...created);
        return created;
    }
    rule(id, port, source, description) {
        return new vpc_security_group_ingress_rule_1.VpcSecurityGroupIngressRule(this, id, {
            securityGroupId: this.props.securityGroupId,
            ipProtocol: 'tcp',
            fromPort: port,
            toPort: port,
            description,
            ...(source.kind === client_network_1.ClientNetworkKind.CIDR ? { cidrIpv4: source.value } : { referencedSecurityGroupId: source.value }),
        });
    }
}
exports.BrokerIngress = BrokerIngress;
function checkAwsSource(path, n) {
    if (n.kind === client_network_1.ClientNetworkKind.KUBERNETES_PEER) {
        throw errors_1.KafkaIacError.invalidProp({
            code: 'SEC-007', path, prop: 'clientNetworks', found: n.description,
            expected: 'a CIDR block or a security group (a Kubernetes peer has no meaning in an AWS security group)',
            fix: "Use ClientNetwork.cidr('10.20.0.0/16') or ClientNetwork.securityGroup('sg-...').",
        });
    }
}
