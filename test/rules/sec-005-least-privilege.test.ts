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
import { Testing } from 'cdktf';
import { JsonPatch } from 'cdk8s';
import { synth, expectViolation, strimziChart } from '../support/strimzi-fixture';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import { statefulSetChart } from '../support/statefulset-fixture';

import { SEC_005_LEAST_PRIVILEGE } from '../../lib/rules/sec-005-least-privilege';
import { itDescribesItself } from './fixtures/metadata';
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

describe('the rule', () => {
  itDescribesItself(SEC_005_LEAST_PRIVILEGE, 'SEC-005', ['msk', 'strimzi', 'statefulset']);
});
