import { describe, expect, it } from 'vitest';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { EnvironmentProfile, outputRenderContext, type OutputRenderContext } from '../../../lib/model/environment';
import { AccessModel } from '../../../lib/model/access/access-model';
import { MskAccess } from '../../../lib/targets/msk/msk-access';
import { mskStack, synthJson } from '../../support/msk-stack';
import { iam, sampleModel } from '../../support/access-fixtures';


describe('MskAccess', () => {
  it('writes one aws_iam_policy per IAM principal with ARNs derived from the cluster ARN', () => {
    const { stack, environment, cluster } = mskStack();
    new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster, roleNames: { checkout: 'checkout-task' } });
    const out = synthJson(stack);
    const policies = out.resource.aws_iam_policy;
    expect(Object.keys(policies)).toHaveLength(3);
    const billing = Object.values<any>(policies).find((p) => p.tags['kafka-iac:principal'] === 'billing');
    const doc = JSON.parse(billing.policy);
    const topicPrefix = Object.keys(out.locals).find((k) => k.includes('TopicArnPrefix'));
    const groupPrefix = Object.keys(out.locals).find((k) => k.includes('GroupArnPrefix'));
    expect(out.locals[topicPrefix!]).toMatch(/^\$\{replace\(aws_msk_cluster\.\w+\.arn, ":cluster\/", ":topic\/"\)\}$/);
    expect(doc.Statement).toEqual([
      { Sid: 'AllowCluster', Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: [expect.stringMatching(/^\$\{aws_msk_cluster\.\w+\.arn\}$/)] },
      { Sid: 'Allowtopicorders', Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: [`\${local.${topicPrefix}}/orders`] },
      { Sid: 'Allowgroupbilling', Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: [`\${local.${groupPrefix}}/billing`] },
      { Sid: 'AllowtopicauditPrefix', Effect: 'Allow', Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'], Resource: [`\${local.${topicPrefix}}/audit.*`] },
      { Sid: 'Allowgroupbillingaudit', Effect: 'Allow', Action: ['kafka-cluster:AlterGroup', 'kafka-cluster:DescribeGroup'], Resource: [`\${local.${groupPrefix}}/billing-audit`] },
    ]);
    const attachments = Object.values<any>(out.resource.aws_iam_role_policy_attachment);
    expect(attachments).toEqual([expect.objectContaining({ role: 'checkout-task', policy_arn: expect.stringMatching(/^\$\{aws_iam_policy\.Access_checkout_\w+\.arn\}$/) })]);
  });

  it('creates an MskScramUser per SCRAM principal and the ACL lines in a terraform_data, files rendered from it', () => {
    const { stack, environment, cluster } = mskStack();
    new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
    const out = synthJson(stack);
    expect(Object.values<any>(out.resource.aws_secretsmanager_secret).map((s) => s.name).sort())
      .toEqual(['AmazonMSK_production-kafka_billing', 'AmazonMSK_production-kafka_checkout', 'AmazonMSK_production-kafka_kafka-admin']);
    // The cluster enforces ACLs: only the admin gets an IAM policy, for the admin script's IAM login (test/deploy/msk-admin-bootstrap.test.ts).
    expect(Object.values<any>(out.resource.aws_iam_policy).map((p) => p.tags['kafka-iac:principal'])).toEqual(['kafka-admin']);
    const artefact = Object.values<any>(out.resource.terraform_data).find((d) => d.input.kind === 'kafka-iac/kafka-admin');
    expect(artefact.input.acls).toContain('--add --allow-principal User:billing --operation Read --group billing --resource-pattern-type literal');
    expect(artefact.input.acls).toContain('--add --allow-principal User:billing --operation Read --operation Describe --topic audit. --resource-pattern-type prefixed');
    expect(artefact.input.topics).toContain('--create --if-not-exists --topic order-state --partitions 6 --replication-factor 3 --config min.insync.replicas=2 --config cleanup.policy=compact');
    const files = environment.outputFiles;
    expect(files.get('kafka-admin/acls.txt')!()).toBe(artefact.input.acls);
    const script = files.get('kafka-admin/apply.sh')!();
    expect(script).toContain('sasl.mechanism=AWS_MSK_IAM');
    expect(script).toContain('production-kafka-kafka-admin');
    const published = Object.values<any>(out.resource.terraform_data).find((d) => d.input.kind === 'kafka-iac/client-properties');
    // Terraform would read ${env:...} as an interpolation: the document holds it escaped as $${...}.
    expect(published.input.principals.checkout.properties).toContain('password="$${env:KAFKA_SCRAM_PASSWORD}"');
    const checkout = files.get('clients/checkout.properties')!();
    expect(checkout).toContain('sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="checkout" password="${env:KAFKA_SCRAM_PASSWORD}";');
    expect(checkout).toContain('AmazonMSK_production-kafka_checkout');
  });

  it('reuses SCRAM users that already exist', async () => {
    const { stack, environment, cluster } = mskStack();
    const { MskScramUser } = await import('../../../lib/targets/msk/msk-scram-user');
    const existing = new MskScramUser(stack, 'Checkout', { cluster, userName: 'checkout' });
    const access = new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster, scramUsers: [existing] });
    expect(access.scramUsers.get('checkout')).toBe(existing);
    expect(Object.keys(synthJson(stack).resource.aws_secretsmanager_secret)).toHaveLength(3);
  });

  it('publishes IAM client properties with the MSK IAM callback handler', () => {
    const { stack, environment, cluster } = mskStack();
    new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
    synthJson(stack);
    const text = environment.outputFiles.get('clients/checkout.properties')!();
    expect(text).toContain('sasl.mechanism=AWS_MSK_IAM');
    expect(text).toContain('sasl.client.callback.handler.class=software.amazon.msk.auth.iam.IAMClientCallbackHandler');
    expect(text).toContain('acks=all');
    expect(text).toContain('enable.idempotence=true');
  });

  it('renders the client files of one synthesis from one reading of the artefact, and a later synthesis or a direct call sees a change', () => {
    const { stack, environment, cluster } = mskStack();
    const access = new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
    const file = (name: string, context?: OutputRenderContext) => environment.outputFiles.get(`clients/${name}.properties`)!(context);
    const synthesis = outputRenderContext();
    expect(file('checkout', synthesis)).toContain('username="checkout"');
    expect(file('billing', synthesis)).toContain('username="billing"');
    access.clientPropertiesArtefact.addOverride('input.principals.billing.properties', 'acks=1\n');
    // Within one synthesis the stack does not change: the files of that synthesis come from the JSON it rendered.
    expect(file('billing', synthesis)).toContain('username="billing"');
    expect(file('billing', outputRenderContext())).toBe('acks=1\n');
    expect(file('billing')).toBe('acks=1\n');
    expect(file('checkout')).toContain('username="checkout"');
  });

  it('refuses an OAuth principal on MSK with SEC-003', () => {
    const { stack, environment, cluster } = mskStack({ profile: EnvironmentProfile.STAGING });
    const model = new AccessModel({ environment });
    model.addPrincipal('sso', { authentication: ClientAuthentication.oauthBearer() });
    expect(() => new MskAccess(stack, 'Access', { model, cluster })).toThrow(/^SEC-003 \[staging\/Access\/sso\]/);
  });
});
