import { describe, expect, it } from 'vitest';
import { MskScramUser } from '../../../lib/targets/msk/msk-scram-user';
import { ClientAuthentication } from '../../../lib/model/client-authentication';
import { mskStack, only, synthJson } from '../../support/msk-stack';

describe('MskScramUser', () => {
  const PASSWORD_LOOKALIKE = 'hunter2-never-written';

  function withUser() {
    const built = mskStack();
    const user = new MskScramUser(built.stack, 'OrdersService', { cluster: built.cluster, userName: 'orders-service' });
    return { ...built, user };
  }

  it('names the secret AmazonMSK_<cluster>_<user> and encrypts it with the cluster key', () => {
    const json = synthJson(withUser().stack);
    const secret = only(json, 'aws_secretsmanager_secret');
    expect(secret.name).toBe('AmazonMSK_production-kafka_orders-service');
    expect(secret.kms_key_id).toMatch(/^\$\{aws_kms_key\.\w+\.arn\}$/);
  });

  it('lets MSK read the secret through the secret policy', () => {
    const policy = JSON.parse(only(synthJson(withUser().stack), 'aws_secretsmanager_secret_policy').policy);
    expect(policy.Statement).toEqual([expect.objectContaining({
      Effect: 'Allow', Principal: { Service: 'kafka.amazonaws.com' }, Action: 'secretsmanager:getSecretValue',
    })]);
  });

  it('associates through aws_msk_single_scram_secret_association, never the list form', () => {
    const json = synthJson(withUser().stack);
    const association = only(json, 'aws_msk_single_scram_secret_association');
    expect(association.cluster_arn).toMatch(/aws_msk_cluster\.\w+\.arn/);
    expect(association.secret_arn).toMatch(/aws_secretsmanager_secret\.\w+\.arn/);
    expect(association.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_secretsmanager_secret_version\./)]));
    expect(json.resource.aws_msk_scram_secret_association).toBeUndefined();
  });

  it('feeds the write-only secret_string_wo from an ephemeral variable, so no value is in the JSON', () => {
    const { stack } = withUser();
    const json = synthJson(stack);
    expect(json.variable.scram_password_orders_service).toMatchObject({ type: 'string', sensitive: true, ephemeral: true });
    expect(json.variable.scram_password_orders_service.default).toBeUndefined();
    const version = only(json, 'aws_secretsmanager_secret_version');
    expect(version.secret_string_wo).toBe('${jsonencode({"username" = "orders-service", "password" = var.scram_password_orders_service})}');
    expect(version.secret_string_wo_version).toBe(1);
    expect(version.secret_string).toBeUndefined();
    expect(JSON.stringify(json)).not.toContain(PASSWORD_LOOKALIKE);
  });

  it('raises secret_string_wo_version to rotate the password', () => {
    const built = mskStack();
    new MskScramUser(built.stack, 'U', { cluster: built.cluster, userName: 'u', passwordVersion: 2 });
    expect(only(synthJson(built.stack), 'aws_secretsmanager_secret_version').secret_string_wo_version).toBe(2);
  });

  describe('bad input', () => {
    it('refuses a cluster without SCRAM', () => {
      const built = mskStack({ cluster: { authentication: [ClientAuthentication.iam()] } });
      expect(() => new MskScramUser(built.stack, 'U', { cluster: built.cluster, userName: 'u' })).toThrow(/SEC-003 \[production\/U\] cluster is \["iam"\]/);
    });
    it('refuses a user name MSK cannot carry in a secret name', () => {
      const built = mskStack();
      expect(() => new MskScramUser(built.stack, 'U', { cluster: built.cluster, userName: 'bad name' })).toThrow(/KIAC-PROP \[production\/U\] userName is 'bad name'/);
    });
    it('refuses two users with the same password variable', () => {
      const built = mskStack();
      new MskScramUser(built.stack, 'A', { cluster: built.cluster, userName: 'orders' });
      expect(() => new MskScramUser(built.stack, 'B', { cluster: built.cluster, userName: 'orders' })).toThrow(/password variable 'scram_password_orders' is declared twice/);
    });
  });
});
