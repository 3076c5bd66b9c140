import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_OUT, exampleTerraform } from '../support/paths';
import { synthesizeCloudWatchAlarmsFixture } from '../support/msk-cloudwatch-fixture';
import { WRAPPER_DIR, exampleStacksWithTerraform, terraform, terraformTestJson, writeWrapper, type TerraformTestResult } from '../support/terraform';
import { TEST_RUN, terraformTestFile, type StackAssertion } from '../support/terraform-test-file';

/** Copies of the dr example that break one rule each, planned beside the examples to prove the assertions can fail. */
const PLAINTEXT = 'dr-plaintext';
const RENAMED = 'dr-renamed';
/** The MskCloudWatchAlarms stack of test/targets/msk/msk-cloudwatch-alarms.test.ts, with a declared consumer group. */
const CLOUDWATCH = 'msk-cloudwatch-alarms';

/** Writes the two broken copies of dr (SEC-001: plaintext to clients; DR-002: renamed topics, no offset sync). */
function writeBrokenCopies(dir: string): Record<string, string> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const plaintext = JSON.parse(fs.readFileSync(exampleTerraform('dr'), 'utf8'));
  for (const c of Object.values<any>(plaintext.resource.aws_msk_cluster)) c.encryption_info.encryption_in_transit.client_broker = 'TLS_PLAINTEXT';
  fs.writeFileSync(path.join(dir, `${PLAINTEXT}.json`), JSON.stringify(plaintext));
  const renamed = JSON.parse(fs.readFileSync(exampleTerraform('dr'), 'utf8'));
  for (const r of Object.values<any>(renamed.resource.aws_msk_replicator)) {
    r.replication_info_list.topic_replication[0].topic_name_configuration.type = 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS';
    r.replication_info_list.consumer_group_replication[0].synchronise_consumer_group_offsets = false;
  }
  fs.writeFileSync(path.join(dir, `${RENAMED}.json`), JSON.stringify(renamed));
  return { [PLAINTEXT]: path.join(dir, `${PLAINTEXT}.json`), [RENAMED]: path.join(dir, `${RENAMED}.json`) };
}

/**
 * Every example stack with Terraform output, validated by the real Terraform CLI through one
 * wrapper root module: one `init`, one `validate`, then one `terraform test` (mock AWS
 * provider, one `command = plan` run) that asserts what the rules demand. The same wrapper
 * holds two copies of dr that each break a rule (production feeds their MSK Replicator source
 * inputs, as it feeds dr's) and the CloudWatch alarms stack of the construct's unit test: the one
 * validate covers them, and the one plan proves that exactly the broken copies' assertions fail.
 */
describe('terraform (real CLI, one wrapper module over every example stack)', () => {
  const names = exampleStacksWithTerraform();
  let assertions: readonly StackAssertion[] = [];
  const timings: Record<string, number> = {};
  let run: TerraformTestResult | undefined;

  /** The one `terraform test -json` over the wrapper (after the init below), run once for the tests that read it. */
  const testRun = (): TerraformTestResult => {
    if (run) return run;
    const t0 = performance.now();
    run = terraformTestJson();
    timings.testMs = Math.round(performance.now() - t0);
    return run;
  };
  /** The messages of the assertions that failed, by stack. */
  const failedByStack = (): Map<string, string[]> => {
    const byMessage = new Map(assertions.map((a) => [a.message, a.stack]));
    const failed = new Map<string, string[]>();
    for (const m of testRun().messages.filter((x) => x.diagnostic?.summary === 'Test assertion failed')) {
      const stack = byMessage.get(m.diagnostic.detail) ?? `(unknown assertion: ${m.diagnostic.detail})`;
      failed.set(stack, [...(failed.get(stack) ?? []), m.diagnostic.detail]);
    }
    return failed;
  };

  beforeAll(() => {
    const broken = writeBrokenCopies(path.join(TEST_OUT, 'terraform-broken-stacks'));
    const stacks = writeWrapper({
      ...Object.fromEntries(names.map((n) => [n, exampleTerraform(n)])),
      ...broken,
      [CLOUDWATCH]: synthesizeCloudWatchAlarmsFixture(),
    });
    const file = terraformTestFile(stacks);
    assertions = file.assertions;
    fs.mkdirSync(path.join(WRAPPER_DIR, 'tests'), { recursive: true });
    fs.writeFileSync(path.join(WRAPPER_DIR, 'tests', 'kafka-iac.tftest.hcl'), file.text);
  });

  it('finds the MSK example stacks', () => {
    expect(names).toEqual(expect.arrayContaining(['production', 'dr']));
  });

  it('passes one terraform init and one terraform validate over every stack (the examples, the broken copies, the CloudWatch alarms stack)', () => {
    const main = JSON.parse(fs.readFileSync(path.join(WRAPPER_DIR, 'main.tf.json'), 'utf8'));
    expect(Object.keys(main.module).sort()).toEqual([...names, PLAINTEXT, RENAMED, CLOUDWATCH].sort());
    const t0 = performance.now();
    terraform(['init', '-input=false', '-no-color']);
    const out = terraform(['validate', '-no-color']);
    timings.initAndValidateMs = Math.round(performance.now() - t0);
    expect(out).toContain('Success! The configuration is valid.');
  });

  it('validates the MskCloudWatchAlarms stack with its per-consumer-group lag alarms (the validate above reads this module)', () => {
    const json = JSON.parse(fs.readFileSync(path.join(WRAPPER_DIR, 'modules', CLOUDWATCH, 'cdk.tf.json'), 'utf8'));
    const perGroup = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm).filter((a) => a.metric_query?.[0]?.metric?.dimensions?.['Consumer Group'] === 'billing');
    expect(perGroup).toHaveLength(2);
    expect(Object.keys(json.resource)).toEqual(expect.arrayContaining(['aws_cloudwatch_metric_alarm', 'aws_sns_topic', 'aws_kms_key']));
  });

  it('gives the dr module the us-west-2 provider and production the us-east-1 one', () => {
    const main = JSON.parse(fs.readFileSync(path.join(WRAPPER_DIR, 'main.tf.json'), 'utf8'));
    expect(main.module.production.providers).toEqual({ aws: 'aws.us_east_1' });
    expect(main.module.dr.providers).toEqual({ aws: 'aws.us_west_2' });
    expect(main.provider.aws).toEqual(expect.arrayContaining([{ alias: 'us_east_1', region: 'us-east-1' }, { alias: 'us_west_2', region: 'us-west-2' }]));
    // The SCRAM password reaches the module through an ephemeral root variable.
    const password = Object.entries<any>(main.variable ?? {}).find(([n]) => n.startsWith('production__scram_password_'));
    expect(password?.[1]).toMatchObject({ ephemeral: true, sensitive: true });
  });

  it('feeds the dr module (and its broken copies) its MSK Replicator source from the production module outputs, as a deployment does', () => {
    const main = JSON.parse(fs.readFileSync(path.join(WRAPPER_DIR, 'main.tf.json'), 'utf8'));
    for (const dr of ['dr', PLAINTEXT, RENAMED]) {
      expect(main.module[dr].replication_source_cluster_arn).toBe('${module.production.replication_source_cluster_arn}');
      expect(main.module[dr].replication_source_subnet_ids).toBe('${module.production.replication_source_subnet_ids}');
    }
    expect(Object.keys(main.variable ?? {}).filter((n) => n.includes('replication_source'))).toEqual([]);
  });

  it('passes terraform test (mock provider, plan) asserting the rule attributes of every stack', () => {
    const result = testRun();
    const abstract = result.messages.find((m) => m.type === 'test_abstract');
    expect(abstract?.test_abstract, result.text).toEqual({ 'tests/kafka-iac.tftest.hcl': [TEST_RUN] });
    // The run planned: every error it reports is a failed assertion, none a plan or configuration error.
    const errors = result.messages.filter((m) => m.type === 'diagnostic' && m.diagnostic.severity === 'error');
    expect(errors.filter((m) => m.diagnostic.summary !== 'Test assertion failed').map((m) => `${m['@message']}: ${m.diagnostic.detail ?? ''}`), result.text).toEqual([]);
    const failed = failedByStack();
    for (const n of [...names, CLOUDWATCH]) {
      expect(assertions.filter((a) => a.stack === n).length, `assertions on ${n}`).toBeGreaterThan(0);
      expect(failed.get(n) ?? [], `failed assertions of ${n}`).toEqual([]);
    }
    fs.writeFileSync(path.join(WRAPPER_DIR, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
    console.log(`terraform init+validate: ${timings.initAndValidateMs} ms; terraform test: ${timings.testMs} ms (${names.length} example stacks, 2 broken copies, 1 fixture)`);
  });

  // The broken copies of dr are planned in the same run as the examples: the run fails, and
  // exactly their broken assertions do.
  it('fails terraform test when a stack breaks a rule attribute, and when the MSK Replicator renames topics and stops syncing offsets (the SEC-001 and DR-002 assertions are not vacuous)', () => {
    const result = testRun();
    expect(result.status, result.text).toBe(1);
    const summary = result.messages.find((m) => m.type === 'test_summary')?.test_summary;
    expect(summary).toMatchObject({ status: 'fail', passed: 0, failed: 1, errored: 0 });
    const failed = failedByStack();
    expect([...failed.keys()].sort()).toEqual([PLAINTEXT, RENAMED]);
    const out = [...failed.values()].flat().join('\n');
    expect(out).toMatch(/SEC-001: dr-plaintext Kafka_\w+ client_broker is not TLS/);
    expect(out).toMatch(/DR-002: dr-renamed Replicator_\w+ does not keep topic names \(failover\)/);
    expect(out).toMatch(/DR-002: dr-renamed Replicator_\w+ does not sync consumer group offsets/);
    // Each copy fails for its own break only.
    expect(failed.get(PLAINTEXT)!.every((m) => /^SEC-001: dr-plaintext Kafka_\w+ client_broker is not TLS$/.test(m))).toBe(true);
    expect(failed.get(RENAMED)!.every((m) => /^DR-002: dr-renamed Replicator_\w+ does not (keep topic names \(failover\)|sync consumer group offsets)$/.test(m))).toBe(true);
    expect(out).not.toMatch(/SEC-001: dr-renamed /);
    expect(out).not.toMatch(/DR-002: dr-plaintext /);
    expect(failed.get('production')).toBeUndefined();
  });
});
