import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TERRAFORM_REQUIRED_VERSION } from '../../lib/app/kafka-stack';
import { EnvironmentProfile } from '../../lib/model/environment';
import { MskScramUser } from '../../lib/targets/msk/msk-scram-user';
import { all, mskStack, synthJson } from '../support/msk-stack';
import { ROOT, exampleTerraform } from '../support/paths';

/** `1.11.4` ≥ `1.11.0`, compared part by part. */
function atLeast(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

/*
 * Terraform: write-only arguments "are supported in Terraform 1.11 and later"
 * (developer.hashicorp.com/terraform/language/manage-sensitive-data/write-only; Terraform 1.11.0
 * CHANGELOG "Add write-only attributes to resources"); ephemeral input variables came in 1.10.
 * The SCRAM users write the password through `secret_string_wo` from an ephemeral variable.
 */
describe('Terraform required_version', () => {
  it('every synthesized example stack requires Terraform 1.11 or newer', () => {
    expect(TERRAFORM_REQUIRED_VERSION).toBe('>= 1.11.0');
    for (const env of ['production', 'dr']) {
      const json = JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
      expect(json.terraform.required_version, env).toBe(TERRAFORM_REQUIRED_VERSION);
    }
    const production = JSON.parse(fs.readFileSync(exampleTerraform('production'), 'utf8'));
    expect(Object.values(production.resource.aws_secretsmanager_secret_version).some((v: any) => 'secret_string_wo' in v)).toBe(true);
  });

  it('the Terraform that scripts/test.sh installs satisfies it', () => {
    const script = fs.readFileSync(path.join(ROOT, 'scripts', 'test.sh'), 'utf8');
    const installed = /^TERRAFORM_VERSION=(\d+\.\d+\.\d+)$/m.exec(script)![1];
    expect(atLeast(installed, TERRAFORM_REQUIRED_VERSION.replace('>= ', ''))).toBe(true);
    expect(atLeast('1.10.5', TERRAFORM_REQUIRED_VERSION.replace('>= ', ''))).toBe(false);
  });
});

/*
 * AWS provider 5.100.0, aws_secretsmanager_secret `recovery_window_in_days`: "Number of days that
 * AWS Secrets Manager waits before it can delete the secret. This value can be 0 to force
 * deletion without recovery or range from 7 to 30 days. The default value is 30."
 */
describe('SCRAM secrets: recovery window written out', () => {
  it('production keeps a deleted secret 7 days by default, written out', () => {
    const { stack, cluster } = mskStack();
    new MskScramUser(stack, 'Orders', { cluster, userName: 'orders' });
    const json = synthJson(stack);
    const secrets = all(json, 'aws_secretsmanager_secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(s.recovery_window_in_days).toBe(7);
  });

  it('development deletes at once by default, so a destroyed user can be recreated under the same name', () => {
    const { stack, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
    new MskScramUser(stack, 'Dev', { cluster, userName: 'dev-user' });
    expect(all(synthJson(stack), 'aws_secretsmanager_secret').map((s) => s.recovery_window_in_days)).toContain(0);
  });

  it('the production example writes the window on every SCRAM secret', () => {
    const json = JSON.parse(fs.readFileSync(exampleTerraform('production'), 'utf8'));
    const secrets = Object.values(json.resource.aws_secretsmanager_secret) as any[];
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(s.recovery_window_in_days).toBe(7);
  });

  it('refuses a window below 7 days in production, and values Secrets Manager refuses anywhere', () => {
    const { stack, cluster } = mskStack();
    expect(() => new MskScramUser(stack, 'A', { cluster, userName: 'a', recoveryWindowInDays: 0 }))
      .toThrow(/KIAC-PROP \[production\/A\] recoveryWindowInDays is 0; expected 7 to 30 days in staging and production/);
    expect(() => new MskScramUser(stack, 'B', { cluster, userName: 'b', recoveryWindowInDays: 31 })).toThrow(/recoveryWindowInDays is 31/);
    const dev = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
    expect(() => new MskScramUser(dev.stack, 'C', { cluster: dev.cluster, userName: 'c', recoveryWindowInDays: 3 })).toThrow(/recoveryWindowInDays is 3; expected 0, or 7 to 30 days/);
    expect(new MskScramUser(stack, 'D', { cluster, userName: 'd', recoveryWindowInDays: 30 }).resource.recoveryWindowInDaysInput).toBe(30);
  });
});
