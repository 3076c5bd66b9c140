import { createRequire } from 'node:module';

/** Where `require` resolves the provider from: this file (`import.meta.url`; the CommonJS build replaces it). */
let load: NodeJS.Require | undefined;

/**
 * A class of an AWS provider submodule (`@cdktf/provider-aws/lib/<submodule>`), loaded when a
 * construct first makes one instead of when the library loads. Each submodule is a generated file
 * of 15 to 220 kB that Node reads and compiles when it is required: the constructs an app may not
 * use (the replicator, SCRAM users, dashboards, alarm subscriptions, IAM access policies, transit
 * gateway routes) take their classes from here, so that the README quick start does not load
 * their 16 submodules (about 7 ms of CPU). The class is the provider's own (`instanceof`,
 * `Testing.toHaveResource` and escape hatches see no difference).
 *
 * `pick` names the class in the module, typed by the submodule's own declarations
 * (`typeof import('@cdktf/provider-aws/lib/iam-policy')`), so that tsc checks the path and the name.
 */
export function awsProviderClass<M, C>(submodule: string, pick: (module: M) => C): () => C {
  let loaded: C | undefined;
  return () => {
    if (loaded === undefined) {
      load ??= createRequire(import.meta.url);
      loaded = pick(load(`@cdktf/provider-aws/lib/${submodule}`) as M);
    }
    return loaded;
  };
}

/*
 * The classes loaded on first use, one loader per class for every construct that makes one.
 * `test/targets/msk/aws-provider-classes.test.ts` loads each and checks it is the provider's class.
 */
export const CloudwatchDashboardClass = awsProviderClass('cloudwatch-dashboard', (m: typeof import('@cdktf/provider-aws/lib/cloudwatch-dashboard')) => m.CloudwatchDashboard);
export const DataAwsAvailabilityZonesClass = awsProviderClass('data-aws-availability-zones', (m: typeof import('@cdktf/provider-aws/lib/data-aws-availability-zones')) => m.DataAwsAvailabilityZones);
export const Ec2TransitGatewayVpcAttachmentClass = awsProviderClass('ec2-transit-gateway-vpc-attachment', (m: typeof import('@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment')) => m.Ec2TransitGatewayVpcAttachment);
export const IamPolicyClass = awsProviderClass('iam-policy', (m: typeof import('@cdktf/provider-aws/lib/iam-policy')) => m.IamPolicy);
export const IamRoleClass = awsProviderClass('iam-role', (m: typeof import('@cdktf/provider-aws/lib/iam-role')) => m.IamRole);
export const IamRolePolicyAttachmentClass = awsProviderClass('iam-role-policy-attachment', (m: typeof import('@cdktf/provider-aws/lib/iam-role-policy-attachment')) => m.IamRolePolicyAttachment);
export const LambdaPermissionClass = awsProviderClass('lambda-permission', (m: typeof import('@cdktf/provider-aws/lib/lambda-permission')) => m.LambdaPermission);
export const MskClusterPolicyClass = awsProviderClass('msk-cluster-policy', (m: typeof import('@cdktf/provider-aws/lib/msk-cluster-policy')) => m.MskClusterPolicy);
export const MskReplicatorResourceClass = awsProviderClass('msk-replicator', (m: typeof import('@cdktf/provider-aws/lib/msk-replicator')) => m.MskReplicator);
export const MskSingleScramSecretAssociationClass = awsProviderClass('msk-single-scram-secret-association', (m: typeof import('@cdktf/provider-aws/lib/msk-single-scram-secret-association')) => m.MskSingleScramSecretAssociation);
export const RouteClass = awsProviderClass('route', (m: typeof import('@cdktf/provider-aws/lib/route')) => m.Route);
export const SecretsmanagerSecretClass = awsProviderClass('secretsmanager-secret', (m: typeof import('@cdktf/provider-aws/lib/secretsmanager-secret')) => m.SecretsmanagerSecret);
export const SecretsmanagerSecretPolicyClass = awsProviderClass('secretsmanager-secret-policy', (m: typeof import('@cdktf/provider-aws/lib/secretsmanager-secret-policy')) => m.SecretsmanagerSecretPolicy);
export const SecretsmanagerSecretVersionClass = awsProviderClass('secretsmanager-secret-version', (m: typeof import('@cdktf/provider-aws/lib/secretsmanager-secret-version')) => m.SecretsmanagerSecretVersion);
export const SnsTopicSubscriptionClass = awsProviderClass('sns-topic-subscription', (m: typeof import('@cdktf/provider-aws/lib/sns-topic-subscription')) => m.SnsTopicSubscription);
export const VpcSecurityGroupEgressRuleClass = awsProviderClass('vpc-security-group-egress-rule', (m: typeof import('@cdktf/provider-aws/lib/vpc-security-group-egress-rule')) => m.VpcSecurityGroupEgressRule);
