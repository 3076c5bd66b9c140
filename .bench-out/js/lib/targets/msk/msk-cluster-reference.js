"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskClusterReference = void 0;
exports.bootstrapServersCommand = bootstrapServersCommand;
const client_authentication_1 = require("../../model/client-authentication");
const environment_1 = require("../../model/environment");
/**
 * The shell command that prints the IAM bootstrap brokers of an MskCluster from its stack's
 * Terraform outputs (the default cdktf output folder).
 */
function bootstrapServersCommand(cluster) {
    const output = cluster.bootstrapOutputs.get(client_authentication_1.AuthenticationMechanism.IAM);
    return output ? `$(terraform -chdir=cdktf.out/stacks/${environment_1.Environment.of(cluster).name} output -raw ${output.friendlyUniqueId})` : undefined;
}
const policies = new WeakSet();
/**
 * A cluster MSK Replicator reads from or writes to. Built by its static factories:
 * `fromCluster` for an `MskCluster` of the same stack (the target, usually), `fromAttributes`
 * for anything else, and `MskReplicationSource.referenceFrom` for the source cluster of
 * another stack (its ARN and subnets come in as Terraform variables fed from that stack's
 * outputs, so the DR stack never reads the primary region's state).
 */
class MskClusterReference {
    /**
     * A cluster of this app. Its attributes are Terraform references of its own stack: use it for
     * a cluster in the replicator's stack. (Used across stacks, cdktf would turn them into a
     * `terraform_remote_state` of the other stack; `MskReplicationSource.referenceFrom` avoids that.)
     */
    static fromCluster(cluster) {
        return new MskClusterReference({
            clusterArn: cluster.clusterArn,
            clusterName: cluster.clusterName,
            region: environment_1.Environment.of(cluster).region,
            subnetIds: cluster.network.subnetIds,
            securityGroupIds: [cluster.network.securityGroupId],
            vpcId: cluster.network.vpcId,
            iamAuthentication: cluster.authentication.some((a) => a.mechanism === client_authentication_1.AuthenticationMechanism.IAM),
            multiVpcIam: cluster.multiVpcConnectivity.iam,
            replicatorClusterPolicy: policies.has(cluster),
            bootstrapServers: bootstrapServersCommand(cluster),
        }, cluster.node.path);
    }
    /** A cluster described by its attributes (created elsewhere, or in another stack). */
    static fromAttributes(attrs) {
        return new MskClusterReference(attrs, `cluster ${attrs.clusterName}`);
    }
    /** @internal Records that `MskReplicationSource` wrote the replicator cluster policy of a cluster. */
    static markReplicatorClusterPolicy(cluster) {
        policies.add(cluster);
    }
    clusterArn;
    clusterName;
    region;
    subnetIds;
    securityGroupIds;
    vpcId;
    iamAuthentication;
    multiVpcIam;
    replicatorClusterPolicy;
    bootstrapServers;
    /** Where the reference came from, for error messages: a construct path or `cluster <name>`. */
    description;
    constructor(attrs, description) {
        this.clusterArn = attrs.clusterArn;
        this.clusterName = attrs.clusterName;
        this.region = attrs.region;
        this.subnetIds = attrs.subnetIds;
        this.securityGroupIds = attrs.securityGroupIds ?? [];
        this.vpcId = attrs.vpcId;
        this.iamAuthentication = attrs.iamAuthentication;
        this.multiVpcIam = attrs.multiVpcIam ?? false;
        this.replicatorClusterPolicy = attrs.replicatorClusterPolicy ?? false;
        this.bootstrapServers = attrs.bootstrapServers;
        this.description = description;
    }
}
exports.MskClusterReference = MskClusterReference;
