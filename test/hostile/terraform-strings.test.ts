import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { terraformLiteral, terraformText } from '../../lib/contract/writers/terraform';
import { AccessModel } from '../../lib/model/access/access-model';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { CapacityPlanAnnotations } from '../../lib/contract/capacity-plan-annotations';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { terraformEnv } from '../support/terraform';
import { iam } from '../support/access-fixtures';
import { mskStack, synthJson } from '../support/msk-stack';
import { INJECTION_PAYLOADS } from './payloads';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-tf-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('Terraform strings never evaluate user text (issue #13: expression injection)', () => {
  it('Terraform reads every escaped payload back as the literal text (terraform validate, apply of outputs)', () => {
    const output = Object.fromEntries(INJECTION_PAYLOADS.map((p, i) => [`p${i}`, { value: terraformLiteral(p) }]));
    fs.writeFileSync(path.join(work, 'main.tf.json'), JSON.stringify({ output }));
    const run = (args: string[]) => execFileSync('terraform', args, { cwd: work, env: terraformEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    run(['init', '-input=false', '-no-color']);
    expect(run(['validate', '-no-color'])).toContain('Success');
    run(['apply', '-auto-approve', '-input=false', '-no-color']);
    const values = JSON.parse(run(['output', '-json']));
    INJECTION_PAYLOADS.forEach((p, i) => expect(values[`p${i}`].value).toBe(p));
  });

  it('passes an unresolved token through and undoes the escape', () => {
    expect(terraformLiteral('${TfToken[TOKEN.12]}')).toBe('${TfToken[TOKEN.12]}');
    expect(terraformText(terraformLiteral('a${b}%{c}'))).toBe('a${b}%{c}');
  });

  it('escapes a transactional id in the IAM policy and a consumer group in the alarms', () => {
    const { stack, environment, cluster } = mskStack();
    const access = new AccessModel({ environment });
    const orders = access.addTopic('orders');
    const p = access.addPrincipal('checkout', { authentication: iam() });
    orders.grantProduce(p, { transactionalId: 'tx-${aws_iam_role.admin.arn}' });
    access.addAdmin('kafka-admin', { authentication: iam() });
    new MskAccess(stack, 'Access', { model: access, cluster });
    new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: 3, consumerGroups: [{ group: 'g-${file("/etc/passwd")}', topic: 'orders' }] });
    const text = JSON.stringify(synthJson(stack));
    expect(text).toContain('tx-$${aws_iam_role.admin.arn}');
    expect(text).not.toMatch(/[^$]\$\{aws_iam_role\.admin/);
    expect(text).toContain('g-$${file(\\"/etc/passwd\\")}');
    expect(text).not.toMatch(/[^$]\$\{file\(/);
  });

  it('refuses a role name that is not an IAM role name', () => {
    const { stack, environment, cluster } = mskStack();
    const access = new AccessModel({ environment });
    access.addPrincipal('checkout', { authentication: iam() });
    expect(() => new MskAccess(stack, 'Access', { model: access, cluster, roleNames: { checkout: '${aws_iam_role.x.name}' } }))
      .toThrow(/^KIAC-PROP \[production\/Access\] roleNames\['checkout'\] is '\$\{aws_iam_role.x.name\}'; expected an IAM role name/);
  });
});

describe('capacity-plan names reach the cluster tags escaped (issue #13)', () => {
  it('writes a plan named with ${...} into the MSK tag as text Terraform never evaluates', () => {
    const { stack } = mskStack();
    const plan = CapacityPlan.forWorkload({ name: 'orders ${aws_iam_role.admin.arn} %{ if true }', messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800 });
    CapacityPlanAnnotations.applyToCluster(plan, stack);
    const text = JSON.stringify(synthJson(stack));
    expect(text).toContain('orders $${aws_iam_role.admin.arn} %%{ if true }');
    expect(text).not.toMatch(/[^$]\$\{aws_iam_role\.admin/);
  });
});
