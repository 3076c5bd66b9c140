import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleTerraform } from '../support/paths';
import { WRAPPER_DIR, exampleStacksWithTerraform, terraform, writeWrapper, type WrappedStack } from '../support/terraform';
import { terraformTestFile } from '../support/terraform-test-file';

/**
 * Every example stack with Terraform output, validated by the real Terraform CLI through one
 * wrapper root module: one `init`, one `validate`, then one `terraform test` (mock AWS
 * provider, `command = plan`) that asserts what the rules demand.
 */
describe('terraform (real CLI, one wrapper module over every example stack)', () => {
  const names = exampleStacksWithTerraform();
  let stacks: WrappedStack[] = [];
  const timings: Record<string, number> = {};

  beforeAll(() => {
    stacks = writeWrapper(Object.fromEntries(names.map((n) => [n, exampleTerraform(n)])));
    fs.mkdirSync(path.join(WRAPPER_DIR, 'tests'), { recursive: true });
    fs.writeFileSync(path.join(WRAPPER_DIR, 'tests', 'kafka-iac.tftest.hcl'), terraformTestFile(stacks));
  });

  it('finds the MSK example stacks', () => {
    expect(names).toEqual(expect.arrayContaining(['production', 'dr']));
  });

  it('passes one terraform init and one terraform validate over every stack', () => {
    const t0 = performance.now();
    terraform(['init', '-input=false', '-no-color']);
    const out = terraform(['validate', '-no-color']);
    timings.initAndValidateMs = Math.round(performance.now() - t0);
    expect(out).toContain('Success! The configuration is valid.');
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

  it('feeds the dr module its MSK Replicator source from the production module outputs, as a deployment does', () => {
    const main = JSON.parse(fs.readFileSync(path.join(WRAPPER_DIR, 'main.tf.json'), 'utf8'));
    expect(main.module.dr.replication_source_cluster_arn).toBe('${module.production.replication_source_cluster_arn}');
    expect(main.module.dr.replication_source_subnet_ids).toBe('${module.production.replication_source_subnet_ids}');
    expect(Object.keys(main.variable ?? {}).filter((n) => n.includes('replication_source'))).toEqual([]);
  });

  it('passes terraform test (mock provider, plan) asserting the rule attributes of every stack', () => {
    const t0 = performance.now();
    const out = terraform(['test', '-no-color']);
    timings.testMs = Math.round(performance.now() - t0);
    expect(out).toMatch(new RegExp(`Success! ${names.length} passed, 0 failed`));
    for (const n of names) expect(out).toContain(`run "${n}"... pass`);
    fs.writeFileSync(path.join(WRAPPER_DIR, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
    console.log(`terraform init+validate: ${timings.initAndValidateMs} ms; terraform test: ${timings.testMs} ms (${names.length} stacks)`);
  });

  // Both broken copies of dr sit in one wrapper beside production (which feeds their MSK
  // Replicator source inputs): one init and one terraform test prove both sets of assertions can fail.
  it('fails terraform test when a stack breaks a rule attribute, and when the MSK Replicator renames topics and stops syncing offsets (the SEC-001 and DR-002 assertions are not vacuous)', () => {
    const dir = path.join(path.dirname(WRAPPER_DIR), 'terraform-wrapper-broken');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const plaintext = JSON.parse(fs.readFileSync(exampleTerraform('dr'), 'utf8'));
    for (const c of Object.values<any>(plaintext.resource.aws_msk_cluster)) c.encryption_info.encryption_in_transit.client_broker = 'TLS_PLAINTEXT';
    fs.writeFileSync(path.join(dir, 'dr-plaintext.json'), JSON.stringify(plaintext));
    const renamed = JSON.parse(fs.readFileSync(exampleTerraform('dr'), 'utf8'));
    for (const r of Object.values<any>(renamed.resource.aws_msk_replicator)) {
      r.replication_info_list.topic_replication[0].topic_name_configuration.type = 'PREFIXED_WITH_SOURCE_CLUSTER_ALIAS';
      r.replication_info_list.consumer_group_replication[0].synchronise_consumer_group_offsets = false;
    }
    fs.writeFileSync(path.join(dir, 'dr-renamed.json'), JSON.stringify(renamed));
    const wrapped = writeWrapper({
      production: exampleTerraform('production'),
      'dr-plaintext': path.join(dir, 'dr-plaintext.json'),
      'dr-renamed': path.join(dir, 'dr-renamed.json'),
    }, dir);
    fs.mkdirSync(path.join(dir, 'tests'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tests', 'kafka-iac.tftest.hcl'), terraformTestFile(wrapped));
    terraform(['init', '-input=false', '-no-color'], dir);
    let out = '';
    expect(() => {
      try {
        terraform(['test', '-no-color'], dir);
      } catch (e) {
        out = (e as Error).message;
        throw e;
      }
    }).toThrow();
    expect(out).toMatch(/SEC-001: dr-plaintext Kafka_\w+ client_broker is not TLS/);
    expect(out).toMatch(/DR-002: dr-renamed Replicator_\w+ does not keep topic names \(failover\)/);
    expect(out).toMatch(/DR-002: dr-renamed Replicator_\w+ does not sync consumer group offsets/);
    // Each copy fails for its own break only.
    expect(out).not.toMatch(/SEC-001: dr-renamed /);
    expect(out).not.toMatch(/DR-002: dr-plaintext /);
    expect(out).toContain('run "production"... pass');
  });
});
