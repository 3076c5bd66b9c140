"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.asMskCluster = asMskCluster;
exports.asMskConfiguration = asMskConfiguration;
exports.block = block;
exports.hasBlock = hasBlock;
exports.list = list;
exports.literalNumber = literalNumber;
exports.literalBoolean = literalBoolean;
exports.serverPropertiesOf = serverPropertiesOf;
exports.brokerCountOf = brokerCountOf;
exports.authenticationOf = authenticationOf;
exports.configurationOf = configurationOf;
exports.clustersUsing = clustersUsing;
const broker_config_1 = require("../../model/broker-config");
/**
 * Reading MSK Terraform documents for the rules. cdktf writes a nested block as an object;
 * an `addOverride` or a hand-written file may write it as a list of one. Both read the same.
 * Plain functions over plain JSON: no cdktf types.
 */
/** The `aws_msk_cluster` document, or undefined for any other document. */
function asMskCluster(doc) {
    return doc.source === 'terraform' && doc.type === 'aws_msk_cluster' ? doc : undefined;
}
/** The `aws_msk_configuration` document, or undefined for any other document. */
function asMskConfiguration(doc) {
    return doc.source === 'terraform' && doc.type === 'aws_msk_configuration' ? doc : undefined;
}
/** A nested block (`{...}` or `[{...}]`), or an empty object when absent. */
function block(value) {
    const v = Array.isArray(value) ? value[0] : value;
    return v !== null && typeof v === 'object' ? v : {};
}
/** Whether a nested block is present at all. */
function hasBlock(value) {
    const v = Array.isArray(value) ? value[0] : value;
    return v !== null && typeof v === 'object';
}
/** A list attribute, or an empty list when absent. */
function list(value) {
    if (value === undefined || value === null)
        return [];
    return Array.isArray(value) ? value : [value];
}
/** A number written literally (or as a numeric string); undefined for an expression or absence. */
function literalNumber(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
        return Number(value);
    return undefined;
}
/** `true`, `false`, or undefined when absent or not a literal boolean. */
function literalBoolean(value) {
    if (value === true || value === 'true')
        return true;
    if (value === false || value === 'false')
        return false;
    return undefined;
}
/** The broker properties of an `aws_msk_configuration`. */
function serverPropertiesOf(configuration) {
    const text = configuration.body.server_properties;
    return typeof text === 'string' ? (0, broker_config_1.parsePropertiesText)(text) : {};
}
/** The brokers of a cluster, when written literally. */
function brokerCountOf(cluster) {
    return literalNumber(cluster.body.number_of_broker_nodes);
}
/** The client authentication modes a cluster enables. */
function authenticationOf(cluster) {
    const auth = block(cluster.body.client_authentication);
    const sasl = block(auth.sasl);
    return {
        scram: literalBoolean(sasl.scram) === true,
        iam: literalBoolean(sasl.iam) === true,
        mutualTls: list(block(auth.tls).certificate_authority_arns).length > 0,
    };
}
/**
 * The `aws_msk_configuration` a cluster uses. A cluster without one runs MSK's defaults
 * (which set `unclean.leader.election.enable` and `allow.everyone.if.no.acl.found` to true);
 * a configuration outside the stack cannot be checked. Both are reported as a problem.
 */
function configurationOf(cluster, index) {
    const info = block(cluster.body.configuration_info);
    if (info.arn === undefined) {
        return {
            problem: {
                found: 'configuration_info is not set, so the cluster runs the MSK default configuration',
                expected: 'an aws_msk_configuration in this stack that sets the rule\'s broker properties',
                fix: 'Create the cluster with MskCluster, which writes the configuration, or set configuration_info to one.',
            },
        };
    }
    const configuration = index.resolve(info.arn);
    if (!configuration || configuration.type !== 'aws_msk_configuration') {
        return {
            problem: {
                found: `configuration_info.arn is '${info.arn}', not an aws_msk_configuration of this stack, so its properties cannot be checked`,
                expected: 'a reference to an aws_msk_configuration in this stack',
                fix: 'Manage the configuration in this stack (MskCluster does), or suppress the rule with a reason that names where it is checked.',
            },
        };
    }
    return { configuration };
}
/** The clusters (in this stack) that use a configuration. */
function clustersUsing(configuration, index) {
    return index.terraform('aws_msk_cluster').filter((c) => index.resolve(block(c.body.configuration_info).arn)?.address === configuration.address);
}
