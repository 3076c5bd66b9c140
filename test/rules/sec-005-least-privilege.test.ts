// SEC-005: every test that proves this rule, one describe per target it applies to.
import { it, expect, describe } from 'vitest';
import { k8s, chartErrors, errorsOf, modelWithMirrorMaker2, sec005Entries, policyOverride, TOPIC_ARN, GROUP_ARN } from './fixtures/access-rules';
import { EnvironmentProfile } from '../../lib/model/environment';
import { AccessModel } from '../../lib/model/access/access-model';
import { scram, sampleModel, iam } from '../support/access-fixtures';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { AclResource, AclOperation } from '../../lib/model/access/acl';
import { mskStack } from '../support/msk-stack';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { Testing } from 'cdktf';
import { JsonPatch } from 'cdk8s';
import { synth, expectViolation, strimziChart } from '../support/strimzi-fixture';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import { statefulSetChart } from '../support/statefulset-fixture';

import { SEC_005_LEAST_PRIVILEGE } from '../../lib/rules/sec-005-least-privilege';
import { itDescribesItself } from './fixtures/metadata';
import { outcomeOf, findingsOf } from './fixtures/outcome';
import { kubernetes, production, terraform } from './fixtures/cap-documents';
import { evaluateRules } from '../../lib/rules/engine';
import { Environment } from '../../lib/model/environment';
describe('every target', () => {
  describe('SEC-005 least privilege', () => {

    it('accepts * for a non-admin in development', () => {
      const { environment, chart } = k8s(EnvironmentProfile.DEVELOPMENT);
      const model = new AccessModel({ environment, defaultReplicationFactor: 1, defaultMinInsyncReplicas: 1 });
      model.anyTopic().grantConsume(model.addPrincipal('tool', { authentication: scram() }), { group: 'tool' });
      new StrimziAccess(chart, 'Access', { model, clusterName: 'main' });
      expect(chartErrors(chart)).not.toContain('SEC-005');
    });

    it('allows the admin everything and a deny rule anywhere', () => {
      const { environment, chart } = k8s();
      const model = sampleModel(environment);
      model.principal('billing')!.addDeny(AclResource.any(AclResource.topic('x').type), [AclOperation.ALL]);
      new StrimziAccess(chart, 'Access', { model, clusterName: 'main' });
      expect(chartErrors(chart)).toBe('');
    });
  });
});

describe('MSK', () => {
  describe('SEC-005 least privilege', () => {

    it('passes on MSK IAM policies and fails SEC-005 when an override widens a non-admin policy', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      expect(() => Testing.synth(stack, true)).not.toThrow();
      access.policies.get('billing')!.addOverride('policy', JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:AlterCluster', 'kafka-cluster:ReadData'], Resource: ['arn:aws:kafka:us-east-1:1:topic/c/u/*'] }],
      }));
      const message = errorsOf(() => Testing.synth(stack, true));
      expect(message).toContain('SEC-005 [production/Access/billing/Resource] non-admin billing is allowed cluster action kafka-cluster:AlterCluster');
      expect(message).toContain("SEC-005 [production/Access/billing/Resource] non-admin billing is allowed kafka-cluster:Connect,kafka-cluster:AlterCluster,kafka-cluster:ReadData on resource 'arn:aws:kafka:us-east-1:1:topic/c/u/*'");
    });

    it('fails SEC-005 on the MSK SCRAM ACL artefact when an override grants a non-admin the cluster', () => {
      const { stack, environment, cluster } = mskStack();
      const model = sampleModel(environment);
      const access = new MskAccess(stack, 'Access', { model, cluster });
      access.adminArtefacts.addOverride('input.acls', '# principal User:billing application\n--add --allow-principal User:billing --operation All --cluster --resource-pattern-type literal\n');
      expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/SEC-005 \[production\/Access\/AdminArtefacts\] non-admin User:billing \(application\) is allowed cluster operation All/);
    });
  });

  describe('SEC-005 on MSK IAM: every statement of a principal-tagged policy', () => {
    it('passes the rendered policies: the SEC-005 entry of each principal is compliant, the admin noted', () => {
      const { stack, environment, cluster } = mskStack();
      new MskAccess(stack, 'Access', { model: modelWithMirrorMaker2(environment, iam), cluster });
      expect(() => Testing.synth(stack, true)).not.toThrow();
      const entries = sec005Entries(stack);
      for (const who of ['billing', 'checkout', 'kafka-admin', 'mirror-maker-2']) expect(entries.get(`production/Access/${who}/Resource`)?.status, who).toBe('compliant');
      expect(entries.get('production/Access/kafka-admin/Resource')?.notes).toEqual(['kafka-admin is a declared admin with cluster-wide rights']);
    });

    it("fails SEC-005 when an override sets a non-admin's policy to Action * on Resource *, though no kafka-cluster action is named", () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      access.policies.get('billing')!.addOverride('policy', policyOverride({ Effect: 'Allow', Action: '*', Resource: '*' }));
      const message = errorsOf(() => Testing.synth(stack, true));
      expect(message).toContain('SEC-005 [production/Access/billing/Resource] non-admin billing is allowed wildcard action *; expected named kafka-cluster actions for a non-admin');
      expect(message).toContain("SEC-005 [production/Access/billing/Resource] non-admin billing is allowed * on resource '*'; expected named topic, group and transactional-id ARNs (or a prefix) in production");
    });

    it('fails SEC-005 for kafka:*, kafka-cluster:*, s3:*, iam:PassRole and NotAction on a non-admin policy', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      access.policies.get('billing')!.addOverride('policy', policyOverride(
        { Effect: 'Allow', Action: ['kafka:*', 'kafka-cluster:*'], Resource: [`${TOPIC_ARN}/orders`] },
        { Effect: 'Allow', Action: ['s3:*', 'iam:PassRole'], Resource: ['arn:aws:s3:::bucket/key'] },
        { Effect: 'Allow', NotAction: ['kafka-cluster:DeleteTopic'], Resource: [`${TOPIC_ARN}/orders`] },
      ));
      const message = errorsOf(() => Testing.synth(stack, true));
      const path = 'SEC-005 [production/Access/billing/Resource]';
      expect(message).toContain(`${path} non-admin billing is allowed wildcard action kafka:*`);
      expect(message).toContain(`${path} non-admin billing is allowed wildcard action kafka-cluster:*`);
      expect(message).toContain(`${path} non-admin billing is allowed wildcard action s3:*`);
      expect(message).toContain(`${path} non-admin billing is allowed iam:PassRole, which is not a kafka-cluster action; expected only kafka-cluster actions in a Kafka principal's policy`);
      expect(message).toContain(`${path} non-admin billing has an Allow statement with NotAction, which grants everything it does not list`);
    });

    it('fails SEC-005 when an override gives a non-admin DeleteTopic, AlterTopic or DeleteGroup on named resources (any case)', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      access.policies.get('billing')!.addOverride('policy', policyOverride(
        { Effect: 'Allow', Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeCluster'], Resource: ['arn:aws:kafka:us-east-1:111122223333:cluster/main/abcd-1234'] },
        { Effect: 'Allow', Action: ['kafka-cluster:ReadData', 'kafka-cluster:DeleteTopic', 'kafka-cluster:AlterTopic'], Resource: [`${TOPIC_ARN}/orders`] },
        { Effect: 'Allow', Action: ['KAFKA-CLUSTER:DeleteGroup'], Resource: [`${GROUP_ARN}/billing`] },
      ));
      const message = errorsOf(() => Testing.synth(stack, true));
      const path = 'SEC-005 [production/Access/billing/Resource]';
      expect(message).toContain(`${path} non-admin billing (application) is allowed kafka-cluster:DeleteTopic; expected only kafka-cluster:AlterGroup, kafka-cluster:AlterTransactionalId, kafka-cluster:Connect, kafka-cluster:DescribeCluster, kafka-cluster:DescribeGroup, kafka-cluster:DescribeTopic, kafka-cluster:DescribeTransactionalId, kafka-cluster:ReadData, kafka-cluster:WriteData, kafka-cluster:WriteDataIdempotently for a non-admin application`);
      expect(message).toContain(`${path} non-admin billing (application) is allowed kafka-cluster:AlterTopic`);
      expect(message).toContain(`${path} non-admin billing (application) is allowed KAFKA-CLUSTER:DeleteGroup`);
      expect(message).not.toContain('ReadData;');
    });

    it("fails SEC-005 for an application's topic ARN pattern that is not a prefix ('*orders*')", () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      access.policies.get('billing')!.addOverride('policy', policyOverride({ Effect: 'Allow', Action: ['kafka-cluster:ReadData'], Resource: [`${TOPIC_ARN}/*orders*`] }));
      expect(errorsOf(() => Testing.synth(stack, true)))
        .toContain(`SEC-005 [production/Access/billing/Resource] non-admin billing is allowed kafka-cluster:ReadData on resource pattern '${TOPIC_ARN}/*orders*'; expected a named resource or a prefix (one trailing *) in production`);
    });

    it('still checks the kafka-cluster statements of a policy whose principal tags an override removed', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      const policy = access.policies.get('billing')!;
      policy.addOverride('tags', {});
      policy.addOverride('policy', policyOverride({ Effect: 'Allow', Action: ['kafka-cluster:DeleteTopic'], Resource: [`${TOPIC_ARN}/orders`] }));
      expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/SEC-005 \[production\/Access\/billing\/Resource\] non-admin \S+ \(application\) is allowed kafka-cluster:DeleteTopic/);
    });
  });

  describe('SEC-005 on MSK IAM: a policy written with an aws_iam_policy_document data source', () => {
    it('reads the statements of the data source the policy references, and fails SEC-005 for DeleteTopic there', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      const document = new DataAwsIamPolicyDocument(stack, 'BillingDocument', {
        statement: [{ actions: ['kafka-cluster:Connect', 'kafka-cluster:DeleteTopic'], resources: [`${TOPIC_ARN}/orders`] }],
      });
      access.policies.get('billing')!.addOverride('policy', document.json);
      const message = errorsOf(() => Testing.synth(stack, true));
      expect(message).toContain('SEC-005 [production/Access/billing/Resource] non-admin billing (application) is allowed kafka-cluster:DeleteTopic');
      expect(message).not.toContain('policy is not a JSON document');
    });
  });

  describe('SEC-005 on ACLs: a non-admin gets only Read/Write/Describe on named topics and Read/Describe on its group', () => {

    it('fails SEC-005 on the MSK SCRAM ACL artefact when an override gives a non-admin All on a named topic', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
      expect(() => Testing.synth(stack, true)).not.toThrow();
      expect(sec005Entries(stack).get('production/Access/AdminArtefacts')?.status).toBe('compliant');
      access.adminArtefacts.addOverride('input.acls', '# principal User:billing application\n--add --allow-principal User:billing --operation All --topic orders --resource-pattern-type literal\n');
      expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/SEC-005 \[production\/Access\/AdminArtefacts\] non-admin User:billing \(application\) is allowed All on topic 'orders'/);
    });
  });

  describe('SEC-005: an admin tag is not enough on MSK IAM, the cluster must declare the admin', () => {
    it('records the declared admins on the cluster and passes the real admin', () => {
      const { stack, environment, cluster } = mskStack();
      new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      const json = JSON.parse(Testing.synth(stack, true));
      expect(Object.values<any>(json.resource.aws_msk_cluster)[0].tags).toMatchObject({ 'kafka-iac:declared-admins': 'kafka-admin' });
      expect(sec005Entries(stack).get('production/Access/kafka-admin/Resource')?.status).toBe('compliant');
    });

    it('fails SEC-005 when an override tags an application policy as admin and widens it', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment, iam), cluster });
      const billing = access.policies.get('billing')!;
      billing.addOverride('tags.kafka-iac:principal-kind', 'admin');
      billing.addOverride('policy', policyOverride({ Effect: 'Allow', Action: 'kafka-cluster:*', Resource: '*' }));
      expect(errorsOf(() => Testing.synth(stack, true))).toContain(
        'SEC-005 [production/Access/billing/Resource] non-admin billing is allowed wildcard action kafka-cluster:* (tagged admin, but not a declared admin of the cluster, so checked as an application); expected named kafka-cluster actions for a non-admin',
      );
    });

    it('fails SEC-005 when the SCRAM ACL artefact marks an application as admin', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
      access.adminArtefacts.addOverride('input.acls', '# principal User:billing admin\n--add --allow-principal User:billing --operation All --topic orders --resource-pattern-type literal\n');
      expect(errorsOf(() => Testing.synth(stack, true))).toMatch(/SEC-005 \[production\/Access\/AdminArtefacts\] non-admin User:billing \(application\) is allowed All on topic 'orders'.*marked admin in the artefact, but not a declared admin of the cluster/);
    });
  });
});

describe('Strimzi', () => {
  describe('SEC-005 least privilege', () => {
    it('passes on Strimzi for the model and reports the prefixed grant', () => {
      const { environment, chart } = k8s();
      new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      expect(chartErrors(chart)).toBe('');
      const entries = chart.complianceReport.entries.filter((e) => e.ruleId === 'SEC-005');
      expect(entries.find((e) => e.path === 'kafka/Access/User-billing')?.notes).toEqual(["billing has a prefixed grant: Read,Describe on topic prefix 'audit.'"]);
    });

    it('fails SEC-005 on Strimzi when a JSON patch gives a non-admin every topic', () => {
      const { environment, chart } = k8s();
      const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      access.users.get('billing')!.addJsonPatch(JsonPatch.replace('/spec/authorization/acls/0/resource/name', '*'));
      expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/User-billing\] non-admin billing is allowed Read,Describe on topic '\*'; expected named topics or a prefix in production/m);
    });

    it('fails SEC-005 on Strimzi when a JSON patch gives a non-admin a cluster right', () => {
      const { environment, chart } = k8s();
      const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      access.users.get('billing')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'cluster' }, operations: ['Alter'] }));
      expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/User-billing\] non-admin billing \(application\) is allowed cluster operation Alter/m);
    });
  });

  describe('SEC-005 on MSK IAM: every statement of a principal-tagged policy', () => {

    it('lets a MirrorMaker 2 policy create and alter named topics, but fails SEC-005 when an override adds DeleteTopic', () => {
      const { stack, environment, cluster } = mskStack();
      const access = new MskAccess(stack, 'Access', { model: modelWithMirrorMaker2(environment, iam), cluster });
      const policies: Record<string, { policy: string }> = JSON.parse(Testing.synth(stack, true)).resource.aws_iam_policy;
      const rendered = JSON.parse(Object.entries(policies).find(([k]) => k.includes('mirror-maker-2'))![1].policy);
      expect(rendered.Statement.flatMap((st: { Action: string[] }) => st.Action)).toEqual(expect.arrayContaining(['kafka-cluster:CreateTopic', 'kafka-cluster:AlterTopic', 'kafka-cluster:AlterTopicDynamicConfiguration']));
      access.policies.get('mirror-maker-2')!.addOverride('policy', policyOverride({ Effect: 'Allow', Action: ['kafka-cluster:CreateTopic', 'kafka-cluster:DeleteTopic'], Resource: [`${TOPIC_ARN}/primary.orders`] }));
      const message = errorsOf(() => Testing.synth(stack, true));
      expect(message).toContain('SEC-005 [production/Access/mirror-maker-2/Resource] non-admin mirror-maker-2 (mirror-maker-2) is allowed kafka-cluster:DeleteTopic');
      expect(message).not.toContain('is allowed kafka-cluster:CreateTopic');
    });
  });

  describe('SEC-005 on ACLs: a non-admin gets only Read/Write/Describe on named topics and Read/Describe on its group', () => {
    it('passes a MirrorMaker 2 KafkaUser with Create/Alter/AlterConfigs on its named topics', () => {
      const { environment, chart } = k8s();
      new StrimziAccess(chart, 'Access', { model: modelWithMirrorMaker2(environment), clusterName: 'main' });
      expect(chartErrors(chart)).toBe('');
      expect(chart.complianceReport.entries.find((e) => e.ruleId === 'SEC-005' && e.path === 'kafka/Access/User-mirror-maker-2')?.status).toBe('compliant');
    });

    it('fails SEC-005 on Strimzi when JSON patches give a non-admin All on topic orders and on group billing', () => {
      const { environment, chart } = k8s();
      const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      const user = access.users.get('billing')!;
      user.addJsonPatch(JsonPatch.replace('/spec/authorization/acls/0/operations', ['All']));
      user.addJsonPatch(JsonPatch.replace('/spec/authorization/acls/1/operations', ['All']));
      const errors = chartErrors(chart);
      expect(errors).toMatch(/^SEC-005 \[kafka\/Access\/User-billing\] non-admin billing \(application\) is allowed All on topic 'orders'; expected only Read, Write, Describe on a topic for a non-admin application/m);
      expect(errors).toMatch(/^\s*SEC-005 \[kafka\/Access\/User-billing\] non-admin billing \(application\) is allowed All on group 'billing'; expected only Read, Describe on a group for a non-admin application/m);
    });

    it('fails SEC-005 on Strimzi when a JSON patch gives a MirrorMaker 2 user Delete on a topic', () => {
      const { environment, chart } = k8s();
      const access = new StrimziAccess(chart, 'Access', { model: modelWithMirrorMaker2(environment), clusterName: 'main' });
      access.users.get('mirror-maker-2')!.addJsonPatch(JsonPatch.add('/spec/authorization/acls/0/operations/-', 'Delete'));
      expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/User-mirror-maker-2\] non-admin mirror-maker-2 \(mirror-maker-2\) is allowed Delete on topic 'primary\.orders'/m);
    });
  });

  describe('SEC-005: an admin label is not enough on Strimzi, the user must be a super user of its Kafka', () => {
    function clusterWithAccess() {
      const { chart, environment } = strimziChart({ cluster: { admins: ['kafka-admin'] } });
      const access = new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'orders' });
      return { chart, access };
    }

    it('passes the declared admin, a super user of the Kafka, with its cluster-wide ACLs', () => {
      const { chart } = clusterWithAccess();
      synth(chart);
      const entry = chart.complianceReport.entries.find((e) => e.ruleId === 'SEC-005' && e.path === 'kafka/Access/User-kafka-admin')!;
      expect(entry.status).toBe('compliant');
      expect(entry.notes).toEqual(['kafka-admin is a declared admin (a super user of Kafka orders) with cluster-wide rights']);
    });

    it('fails SEC-005 when a JSON patch relabels an application as admin and widens its ACLs', () => {
      const { chart, access } = clusterWithAccess();
      const user = access.users.get('billing')!;
      user.addJsonPatch(JsonPatch.add('/metadata/labels/kafka-iac.dev~1principal-kind', 'admin'));
      user.addJsonPatch(JsonPatch.add('/spec/authorization/acls/-', { type: 'allow', resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['All'] }));
      expectViolation(chart, 'SEC-005', 'kafka/Access/User-billing', /non-admin billing is allowed All on topic '\*'.*labelled kafka-iac\.dev\/principal-kind=admin, but not a super user of Kafka orders, so checked as an application/);
    });
  });
});

describe('StatefulSet', () => {
  describe('SEC-005 least privilege', () => {

    it('passes on the StatefulSet ACL artefact and fails SEC-005 when a JSON patch adds a wildcard line', () => {
      const { environment, chart } = k8s(EnvironmentProfile.STAGING);
      const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
      expect(chartErrors(chart)).toBe('');
      const acls = String((job.configMap.toJson() as any).data['acls.txt']);
      job.configMap.addJsonPatch(JsonPatch.replace('/data/acls.txt', `${acls}--add --allow-principal User:billing --operation Read --group * --resource-pattern-type literal\n`));
      expect(chartErrors(chart)).toMatch(/^SEC-005 \[kafka\/Access\/Artefacts\] non-admin User:billing is allowed Read on group '\*'; expected named groups or a prefix in staging/m);
    });
  });

  describe('SEC-005 on ACLs: a non-admin gets only Read/Write/Describe on named topics and Read/Describe on its group', () => {

    it('fails SEC-005 on the StatefulSet ACL artefact when lines give a non-admin Alter on a topic and Delete on its group', () => {
      const { environment, chart } = k8s(EnvironmentProfile.STAGING);
      const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'main-bootstrap.kafka.svc:9093' });
      const acls = String((job.configMap.toJson() as any).data['acls.txt']);
      job.configMap.addJsonPatch(JsonPatch.replace('/data/acls.txt', `${acls}--add --allow-principal User:billing --operation Alter --topic orders --resource-pattern-type literal\n--add --allow-principal User:billing --operation Delete --group billing --resource-pattern-type literal\n`));
      const errors = chartErrors(chart);
      expect(errors).toMatch(/^SEC-005 \[kafka\/Access\/Artefacts\] non-admin User:billing \(application\) is allowed Alter on topic 'orders'/m);
      expect(errors).toMatch(/^\s*SEC-005 \[kafka\/Access\/Artefacts\] non-admin User:billing \(application\) is allowed Delete on group 'billing'/m);
    });
  });

  describe('SEC-005: an admin comment is not enough in the StatefulSet ACL artefact, the cluster must declare the admin', () => {
    function clusterWithJob() {
      const { chart, environment, cluster } = statefulSetChart({ cluster: { admins: ['kafka-admin'] } });
      const job = new StatefulSetAccessJob(chart, 'Access', {
        model: sampleModel(environment), clusterName: cluster.clusterName, image: cluster.image, bootstrapServers: cluster.bootstrapServers,
      });
      return { chart, job };
    }

    it('passes the declared admin with its cluster-wide ACL lines', () => {
      const { chart } = clusterWithJob();
      synth(chart);
      expect(chart.complianceReport.entries.find((e) => e.ruleId === 'SEC-005' && e.path === 'kafka/Access/Artefacts')?.status).toBe('compliant');
    });

    it('fails SEC-005 when the artefact marks an application as admin and gives it All on every topic', () => {
      const { chart, job } = clusterWithJob();
      const acls = String((job.configMap.toJson() as any).data['acls.txt']);
      expect(acls).toMatch(/# principal User:billing application/);
      const patched = acls.replace('# principal User:billing application', '# principal User:billing admin')
        + "--add --allow-principal User:billing --operation All --topic '*' --resource-pattern-type literal\n";
      job.configMap.addJsonPatch(JsonPatch.replace('/data/acls.txt', patched));
      expectViolation(chart, 'SEC-005', 'kafka/Access/Artefacts', /non-admin User:billing .*All on topic.*marked admin in the artefact, but not a declared admin of the cluster, so checked as an application/);
    });
  });
});

describe('SEC-005 on hand-built documents', () => {
  const development = new Environment({ name: 'development', profile: EnvironmentProfile.DEVELOPMENT, region: 'us-east-1' });
  const staging = new Environment({ name: 'staging', profile: EnvironmentProfile.STAGING, region: 'us-east-1' });
  const TOPIC = 'arn:aws:kafka:us-east-1:111122223333:topic/main/abcd-1234';
  const billingTags = { 'kafka-iac:principal': 'billing', 'kafka-iac:principal-kind': 'application' };
  const policy = (statements: unknown[], tags: Record<string, string> | null = billingTags) =>
    terraform('aws_iam_policy', 'billing', { policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }), ...(tags ? { tags } : {}) });
  const allow = (Action: unknown, Resource: unknown = [`${TOPIC}/orders`]) => ({ Effect: 'Allow', Action, Resource });
  const cluster = (admins: string) => terraform('aws_msk_cluster', 'kafka', { tags: { 'kafka-iac:declared-admins': admins } });
  const found = (o: ReturnType<typeof outcomeOf>) => (o.findings ?? []).map((f) => f.found);

  describe('MSK IAM policies', () => {
    it('passes the named actions of a producer and notes a prefix grant', () => {
      const doc = policy([allow(['kafka-cluster:Connect', 'kafka-cluster:WriteData'], [`${TOPIC}/orders`, `${TOPIC}/orders.*`])]);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc)).toEqual({ status: 'compliant', notes: [`billing has a prefixed grant on '${TOPIC}/orders.*'`] });
    });
    it('says what a cluster action breaks, what is expected and the fix', () => {
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, policy([allow('kafka-cluster:AlterCluster')]))).toEqual([{
        found: 'non-admin billing is allowed cluster action kafka-cluster:AlterCluster',
        expected: 'only kafka-cluster:Connect, kafka-cluster:DescribeCluster, kafka-cluster:WriteDataIdempotently on the cluster for a non-admin',
        fix: "Remove kafka-cluster:AlterCluster from billing's policy, or declare it with access.addAdmin.",
      }]);
    });
    it('says what a topic action beyond the non-admin table breaks, and the fix', () => {
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, policy([allow('kafka-cluster:DeleteTopic')]))[0].fix)
        .toBe("Remove kafka-cluster:DeleteTopic from billing's policy (grant through the access model), or declare it with access.addAdmin.");
    });
    it('says what a wildcard action, a non-Kafka action and every-resource break, with the fixes', () => {
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, policy([allow(['kafka-cluster:*Topic*', 's3:GetObject'], '*')]))).toEqual([
        { found: 'non-admin billing is allowed wildcard action kafka-cluster:*Topic*', expected: 'named kafka-cluster actions for a non-admin', fix: 'Grant billing through the access model (grantProduce / grantConsume), or declare it with access.addAdmin.' },
        { found: 'non-admin billing is allowed s3:GetObject, which is not a kafka-cluster action', expected: "only kafka-cluster actions in a Kafka principal's policy", fix: "Remove s3:GetObject from billing's Kafka policy and grant it in a separate policy of its own, or declare it with access.addAdmin." },
        { found: "non-admin billing is allowed kafka-cluster:*Topic*,s3:GetObject on resource '*'", expected: 'named topic, group and transactional-id ARNs (or a prefix) in production', fix: 'Grant billing named topics and groups through the access model, or declare it with access.addAdmin.' },
      ]);
    });
    it('reads every-resource ARNs: a trailing wildcard segment after / or :', () => {
      for (const r of [`${TOPIC}/*`, 'arn:aws:kafka:us-east-1:111122223333:*', `${TOPIC}/`, `${TOPIC}/?*`]) {
        expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, policy([allow('kafka-cluster:ReadData', r)]))), r).toEqual([`non-admin billing is allowed kafka-cluster:ReadData on resource '${r}'`]);
      }
    });
    it('accepts every resource in development, without a note', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, policy([allow('kafka-cluster:ReadData', '*')]), [], development)).toEqual({ status: 'compliant' });
    });
    it('refuses a name pattern in staging with the fix, and notes it in development', () => {
      const doc = policy([allow('kafka-cluster:ReadData', `${TOPIC}/ord?rs`)]);
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, doc, [], staging)).toEqual([{
        found: `non-admin billing is allowed kafka-cluster:ReadData on resource pattern '${TOPIC}/ord?rs'`,
        expected: 'a named resource or a prefix (one trailing *) in staging',
        fix: "Grant billing named topics or a prefix through the access model (access.topicsWithPrefix('orders.')).",
      }]);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc, [], development)).toEqual({ status: 'compliant', notes: [`billing has a prefixed grant on '${TOPIC}/ord?rs'`] });
    });
    it('lets MirrorMaker 2 use a name pattern (noted)', () => {
      const doc = policy([allow('kafka-cluster:ReadData', `${TOPIC}/*.orders`)], { 'kafka-iac:principal': 'mm2', 'kafka-iac:principal-kind': 'mirror-maker-2' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc)).toEqual({ status: 'compliant', notes: [`mm2 has a prefixed grant on '${TOPIC}/*.orders'`] });
    });
    it('skips Deny statements and reads a statement without Effect as an allow', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, policy([{ Effect: 'Deny', Action: '*', Resource: '*' }]))).toEqual({ status: 'compliant' });
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, policy([{ Action: 'kafka-cluster:DeleteGroup', Resource: `${TOPIC}/x` }])))).toEqual(['non-admin billing (application) is allowed kafka-cluster:DeleteGroup']);
    });
    it('says what NotAction and NotResource grant', () => {
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, policy([{ Effect: 'Allow', NotAction: 'kafka-cluster:DeleteTopic', NotResource: 'x' }]))).toEqual([
        { found: 'non-admin billing has an Allow statement with NotAction, which grants everything it does not list', expected: 'Action and Resource lists of named kafka-cluster actions and resources', fix: 'Grant billing through the access model (grantProduce / grantConsume), or declare it with access.addAdmin.' },
        { found: 'non-admin billing has an Allow statement with NotResource, which grants everything it does not list', expected: 'Action and Resource lists of named kafka-cluster actions and resources', fix: 'Grant billing through the access model (grantProduce / grantConsume), or declare it with access.addAdmin.' },
      ]);
    });
    it('reads the statements of a referenced aws_iam_policy_document (effect Allow when absent, not_actions, not_resources)', () => {
      const document = terraform('data.aws_iam_policy_document', 'billing', { statement: [
        { actions: ['kafka-cluster:DeleteTopic'], resources: [`${TOPIC}/orders`] },
        { effect: 'Deny', actions: ['kafka-cluster:*'], resources: ['*'] },
        { not_actions: ['kafka-cluster:ReadData'], not_resources: [`${TOPIC}/orders`] },
      ] });
      const doc = terraform('aws_iam_policy', 'billing', { policy: '${data.aws_iam_policy_document.billing.json}', tags: billingTags });
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc, [document]))).toEqual([
        'non-admin billing (application) is allowed kafka-cluster:DeleteTopic',
        'non-admin billing has an Allow statement with NotAction, which grants everything it does not list',
        'non-admin billing has an Allow statement with NotResource, which grants everything it does not list',
      ]);
    });
    it('says it cannot read a tagged policy or a kafka-cluster policy that is not JSON, and skips another one', () => {
      const unreadable = [{ found: 'policy is not a JSON document or an aws_iam_policy_document reference', expected: 'a policy SEC-005 can read', fix: 'Render the policy with MskAccess, or write it as literal JSON.' }];
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, terraform('aws_iam_policy', 'billing', { policy: '${var.policy}', tags: billingTags }))).toEqual(unreadable);
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, terraform('aws_iam_policy', 'billing', { policy: '{"Action": "kafka-cluster:*"', tags: {} }))).toEqual(unreadable);
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, terraform('aws_iam_policy', 'billing', { policy: 'x', tags: { 'kafka-iac:principal-kind': 'application' } }))).toEqual(unreadable);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, terraform('aws_iam_policy', 'other', { policy: '{not json' }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, terraform('aws_iam_policy', 'other', { policy: { Statement: [] } }))).toEqual({ status: 'not-applicable' });
    });
    it('checks only the kafka-cluster statements of an untagged policy, named by its resource name', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, policy([allow('s3:*', '*')], null))).toEqual({ status: 'not-applicable' });
      const doc = policy([allow('s3:*', '*'), allow(['kafka-cluster:Connect', 's3:GetObject', 'kafka-cluster:AlterGroup'], `${TOPIC}/orders`), allow('kafka-cluster:DeleteTopic')], null);
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc))).toEqual(['non-admin billing (application) is allowed kafka-cluster:DeleteTopic']);
      const kindOnly = policy([allow('kafka-cluster:DeleteTopic')], { 'kafka-iac:principal-kind': 'mirror-maker-2' });
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, kindOnly))).toEqual(['non-admin billing (mirror-maker-2) is allowed kafka-cluster:DeleteTopic']);
    });
    it('honours an admin tag when no cluster of the synthesis declares admins, or when the cluster declares it', () => {
      const admin = policy([allow('kafka-cluster:*', '*')], { 'kafka-iac:principal': 'ops', 'kafka-iac:principal-kind': 'admin' });
      const compliant = { status: 'compliant', notes: ['ops is a declared admin with cluster-wide rights'] };
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, admin)).toEqual(compliant);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, admin, [cluster('kafka-admin   ops')])).toEqual(compliant);
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, admin, [cluster('kafka-admin')]))).toEqual([
        'non-admin ops is allowed wildcard action kafka-cluster:* (tagged admin, but not a declared admin of the cluster, so checked as an application)',
        "non-admin ops is allowed kafka-cluster:* on resource '*' (tagged admin, but not a declared admin of the cluster, so checked as an application)",
      ]);
    });
    it('reads the declared admins of each synthesis for every policy in it: a later synthesis with other clusters is read afresh', () => {
      const ops = { ...policy([allow('kafka-cluster:*', '*')], { 'kafka-iac:principal': 'ops', 'kafka-iac:principal-kind': 'admin' }), path: 'production/ops/Resource', address: 'aws_iam_policy.ops' };
      const rogue = { ...policy([allow('kafka-cluster:*', '*')], { 'kafka-iac:principal': 'rogue', 'kafka-iac:principal-kind': 'admin' }), path: 'production/rogue/Resource', address: 'aws_iam_policy.rogue' };
      const statusesOf = (admins: string) => evaluateRules({ environment: production, rules: [SEC_005_LEAST_PRIVILEGE], documents: [ops, rogue, cluster(admins)] })
        .entries.map((e) => [e.path, e.status]);
      expect(statusesOf('ops')).toEqual([['production/ops/Resource', 'compliant'], ['production/rogue/Resource', 'non-compliant']]);
      expect(statusesOf('rogue ops')).toEqual([['production/ops/Resource', 'compliant'], ['production/rogue/Resource', 'compliant']]);
      expect(statusesOf('kafka-admin')).toEqual([['production/ops/Resource', 'non-compliant'], ['production/rogue/Resource', 'non-compliant']]);
    });
    it('passes an undeclared admin tag whose policy an application may hold', () => {
      const doc = policy([allow('kafka-cluster:ReadData')], { 'kafka-iac:principal': 'ops', 'kafka-iac:principal-kind': 'admin' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc, [cluster('kafka-admin')])).toEqual({ status: 'compliant' });
    });
    it('does not read other Terraform documents', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, cluster('ops'))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, terraform('terraform_data', 'other', { input: { kind: 'something-else', acls: '--add --allow-principal User:x --operation All --cluster' } }))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, terraform('terraform_data', 'other', {}))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('ACL lines (the MSK SCRAM artefact and the StatefulSet job)', () => {
    const artefact = (acls: unknown) => terraform('terraform_data', 'admin', { input: { kind: 'kafka-iac/kafka-admin', acls } });
    const aclConfigMap = (acls: string | undefined, labelled = 'true') => kubernetes('v1', 'ConfigMap', 'acls', {
      metadata: { labels: { 'kafka-iac.dev/target': 'statefulset', 'kafka-iac.dev/acl-artefact': labelled } }, data: acls === undefined ? {} : { 'acls.txt': acls },
    });
    const line = (principal: string, rest: string) => `--add --allow-principal User:${principal} ${rest}`;
    it('passes an artefact without ACL text', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, artefact(undefined))).toEqual({ status: 'compliant' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(undefined))).toEqual({ status: 'compliant' });
    });
    it('reads the artefact as Terraform hands it to the job ($${ is ${)', () => {
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, artefact(line('a$${b}', '--operation Delete --topic t'))))).toEqual(["non-admin User:a${b} (application) is allowed Delete on topic 't'"]);
    });
    it('gives IdempotentWrite on the cluster to a principal that writes a topic (Write or All), and to no other', () => {
      const text = [line('p', '--operation Write --topic t'), line('p', '--operation IdempotentWrite --cluster'),
        line('c', '--operation Read --topic t'), line('c', '--operation IdempotentWrite --cluster')].join('\n');
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(text))).toEqual([{
        found: 'non-admin User:c (application) is allowed cluster operation IdempotentWrite',
        expected: 'no cluster right for a non-admin except IdempotentWrite for an idempotent producer and Describe for MirrorMaker 2',
        fix: 'Remove the cluster IdempotentWrite grant from User:c, or declare it with access.addAdmin.',
      }]);
    });
    it('says what a wildcard and an operation beyond the table break, with the fixes', () => {
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(line('c', '--operation Alter --group *')))).toEqual([
        { found: "non-admin User:c is allowed Alter on group '*'", expected: 'named groups or a prefix in production', fix: 'Grant User:c named groups (topic.grantProduce / grantConsume with a group) or a prefix, or declare it with access.addAdmin.' },
        { found: "non-admin User:c (application) is allowed Alter on group '*'", expected: 'only Read, Describe on a group for a non-admin application', fix: 'Grant User:c through the access model (topic.grantProduce, topic.grantConsume with a group), remove Alter, or declare it with access.addAdmin.' },
      ]);
    });
    it('notes a prefixed grant, and refuses it nowhere', () => {
      const text = line('c', '--operation Read --topic ord --resource-pattern-type prefixed');
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(text))).toEqual({ status: 'compliant', notes: ["User:c has a prefixed grant: Read on topic prefix 'ord'"] });
    });
    it('reads a quoted * as the literal name it is for kafka-acls.sh (the job passes the word as written)', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(line('c', "--operation Read --topic '*'")))).toEqual({ status: 'compliant' });
    });
    it('honours an admin comment for a declared admin (annotations of every node ConfigMap), and relabels only the undeclared one', () => {
      const text = ['# principal User:ops admin', '# principal User:rogue admin', line('ops', '--operation All --cluster'), line('rogue', '--operation All --cluster'), line('c', '--operation Delete --topic t')].join('\n');
      const nodes = kubernetes('v1', 'ConfigMap', 'node', { metadata: { annotations: { 'kafka-iac.dev/declared-admins': ' x , ops,' } } });
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(text), [nodes]))).toEqual([
        'non-admin User:rogue (application) is allowed cluster operation All (marked admin in the artefact, but not a declared admin of the cluster, so checked as an application)',
        "non-admin User:c (application) is allowed Delete on topic 't'",
      ]);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(text.replace(line('c', '--operation Delete --topic t'), '')))).toEqual({ status: 'compliant' });
    });
    it('passes an undeclared admin comment whose lines an application may hold', () => {
      const text = ['# principal User:rogue admin', line('rogue', '--operation Read --topic t')].join('\n');
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, artefact(text), [cluster('ops')])).toEqual({ status: 'compliant' });
    });
    it('does not read a ConfigMap that is not the ACL artefact', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, aclConfigMap(line('c', '--operation All --cluster'), 'false'))).toEqual({ status: 'not-applicable' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, kubernetes('v1', 'Secret', 'acls', { metadata: { labels: { 'kafka-iac.dev/target': 'statefulset', 'kafka-iac.dev/acl-artefact': 'true' } } }))).toEqual({ status: 'not-applicable' });
    });
  });

  describe('Strimzi KafkaUsers', () => {
    const user = (acls: unknown[], labels: Record<string, string> = {}, name = 'billing') => kubernetes('kafka.strimzi.io/v1', 'KafkaUser', name, {
      metadata: { labels: { 'strimzi.io/cluster': 'orders', ...labels } }, spec: { authorization: { type: 'simple', acls } },
    });
    const kafka = (superUsers: string[], namespace = 'kafka') => ({ ...kubernetes('kafka.strimzi.io/v1', 'Kafka', 'orders', { metadata: { namespace }, spec: { kafka: { authorization: { type: 'simple', superUsers } } } }), namespace });
    const wide = { resource: { type: 'topic', name: '*', patternType: 'literal' }, operations: ['All'] };
    it('reads an ACL without type as an allow, skips a deny, and names a cluster ACL without name', () => {
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, user([
        { resource: { type: 'cluster' }, operations: ['Alter'] }, { type: 'deny', ...wide },
      ])))).toEqual(['non-admin billing (application) is allowed cluster operation Alter']);
    });
    it('gives IdempotentWrite to a user that writes a topic, also with All', () => {
      const idempotent = { resource: { type: 'cluster' }, operations: ['IdempotentWrite'] };
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, user([{ resource: { type: 'topic', name: 't' }, operations: ['Write'] }, idempotent]))).toEqual({ status: 'compliant' });
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, user([{ resource: { type: 'topic', name: 't' }, operations: ['All'] }, idempotent])))).toEqual(["non-admin billing (application) is allowed All on topic 't'"]);
    });
    it('refuses an empty prefix and notes a named one, with the label of a prefix', () => {
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, user([{ resource: { type: 'group', name: '', patternType: 'prefix' }, operations: ['Read'] }])))).toEqual(["non-admin billing is allowed Read on group prefix ''"]);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, user([{ resource: { type: 'group', name: 'bill', patternType: 'prefix' }, operations: ['Read'] }]))).toEqual({ status: 'compliant', notes: ["billing has a prefixed grant: Read on group prefix 'bill'"] });
    });
    it('notes an admin label whose Kafka is not in the synthesis', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, user([wide], { 'kafka-iac.dev/principal-kind': 'admin' }))).toEqual({ status: 'compliant', notes: ["billing is labelled admin; its Kafka 'orders' is not in this synthesis, so its super users cannot be compared"] });
    });
    it('honours an admin label for a super user (by name or CN=) of the Kafka, also in another namespace', () => {
      const admin = user([wide], { 'kafka-iac.dev/principal-kind': 'admin' }, 'ops');
      const compliant = { status: 'compliant', notes: ['ops is a declared admin (a super user of Kafka orders) with cluster-wide rights'] };
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, admin, [kafka(['CN=ops'])])).toEqual(compliant);
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, admin, [kafka(['ops'], 'other')])).toEqual(compliant);
      expect(found(outcomeOf(SEC_005_LEAST_PRIVILEGE, admin, [kafka(['CN=opsx', 'User:ops'])]))).toEqual([
        "non-admin ops is allowed All on topic '*' (labelled kafka-iac.dev/principal-kind=admin, but not a super user of Kafka orders, so checked as an application)",
        "non-admin ops (application) is allowed All on topic '*' (labelled kafka-iac.dev/principal-kind=admin, but not a super user of Kafka orders, so checked as an application)",
      ]);
    });
    it('gives a resource type outside the table no right', () => {
      expect(findingsOf(SEC_005_LEAST_PRIVILEGE, user([{ resource: { type: 'user', name: 'x' }, operations: ['Describe'] }])).map((f) => f.expected))
        .toEqual(["no right on resource type 'user' for a non-admin"]);
    });
    it('passes an admin label that is no super user when its ACLs are an application\'s', () => {
      const doc = user([{ resource: { type: 'topic', name: 't' }, operations: ['Read'] }], { 'kafka-iac.dev/principal-kind': 'admin' });
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, doc, [kafka([])])).toEqual({ status: 'compliant' });
    });
    it('does not read other Strimzi documents', () => {
      expect(outcomeOf(SEC_005_LEAST_PRIVILEGE, kafka([]))).toEqual({ status: 'not-applicable' });
    });
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_005_LEAST_PRIVILEGE, 'SEC-005', ['msk', 'strimzi', 'statefulset']);
});
