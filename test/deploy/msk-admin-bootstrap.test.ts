import { Testing } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { AccessModel } from '../../lib/model/access/access-model';
import { AclOperation, AclResourceType } from '../../lib/model/access/acl';
import { renderAclLines } from '../../lib/contract/admin-command-lines';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { AclEnforcement } from '../../lib/targets/msk/acl-enforcement';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { mskStack } from '../support/msk-stack';
import { sampleModel } from '../support/access-fixtures';

function synth(stack: Parameters<typeof Testing.synth>[0]): any {
  return JSON.parse(Testing.synth(stack, true));
}

/*
 * Facts (AWS MSK documentation, "Apache Kafka ACLs",
 * https://docs.aws.amazon.com/msk/latest/developerguide/msk-acls.html): MSK runs Kafka's
 * authorizer, "no one other than super users" may access a resource without ACLs unless
 * allow.everyone.if.no.acl.found is true, and MSK does not support super.users (AWS re:Post
 * "how to create a super user on MSK"). CreateAcls needs Alter on the cluster, which no SCRAM
 * principal holds on a new cluster. IAM clients are authorized by IAM policy instead:
 * kafka-cluster:AlterCluster is "equivalent to Apache Kafka's ALTER CLUSTER ACL"
 * (https://docs.aws.amazon.com/msk/latest/developerguide/kafka-actions.html).
 */
describe('MSK admin bootstrap on a new cluster that enforces ACLs', () => {
  it('the admin script logs in with IAM, and the SCRAM admin gets an IAM policy that can write ACLs', () => {
    const { stack, environment, cluster } = mskStack();
    expect(cluster.aclEnforcement).toBe(AclEnforcement.ENFORCED);
    new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster, roleNames: { 'kafka-admin': 'platform-admin' } });
    const out = synth(stack);
    const script = environment.outputFiles.get('kafka-admin/apply.sh')!();
    expect(script).toContain('sasl.mechanism=AWS_MSK_IAM');
    expect(script).not.toContain('SCRAM-SHA-512');
    expect(script).not.toContain('ADMIN_PASSWORD');
    const policy = Object.values<any>(out.resource.aws_iam_policy).find((p) => p.tags['kafka-iac:principal'] === 'kafka-admin');
    const actions = JSON.parse(policy.policy).Statement.flatMap((s: any) => s.Action);
    expect(actions).toContain('kafka-cluster:AlterCluster');
    expect(Object.values<any>(out.resource.aws_iam_role_policy_attachment)).toEqual([expect.objectContaining({ role: 'platform-admin' })]);
  });

  it('refuses ACL enforcement on a cluster without IAM, where no principal could create the first ACL', () => {
    const { stack, environment, cluster } = mskStack({ cluster: { authentication: [ClientAuthentication.scramSha512()] } });
    expect(() => new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster })).toThrow(/SEC-004.*OPEN_UNTIL_ACLS_EXIST/s);
  });

  it('keeps the SCRAM login in phase 1 (allow.everyone.if.no.acl.found=true), when anyone may create ACLs', () => {
    const { stack, environment, cluster } = mskStack({ cluster: { authentication: [ClientAuthentication.scramSha512()], aclEnforcement: AclEnforcement.OPEN_UNTIL_ACLS_EXIST } });
    new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
    expect(environment.outputFiles.get('kafka-admin/apply.sh')!()).toContain('sasl.mechanism=SCRAM-SHA-512');
  });

  it('leaves ClusterAction out of the admin cluster grant (an ACL on it blocks MSK brokers)', () => {
    // AWS re:Post, "how to create a super user on MSK": "on resource type 'cluster' add ACLs for
    // all operations except CLUSTER_ACTIONS (to avoid blocking brokers, don't set ACLs on CLUSTER_ACTIONS)".
    const { environment } = mskStack();
    const model = new AccessModel({ environment });
    const admin = model.addAdmin('kafka-admin', { authentication: ClientAuthentication.scramSha512() });
    const cluster = admin.acls.filter((e) => e.resource.type === AclResourceType.CLUSTER);
    expect(cluster.flatMap((e) => e.operations)).not.toContain(AclOperation.CLUSTER_ACTION);
    expect(cluster.flatMap((e) => e.operations)).not.toContain(AclOperation.ALL);
    expect(cluster.flatMap((e) => e.operations)).toContain(AclOperation.ALTER);
    const lines = renderAclLines(model).split('\n').filter((l) => l.includes('--cluster'));
    expect(lines.join('\n')).not.toMatch(/--operation (All|ClusterAction)/);
  });
});
