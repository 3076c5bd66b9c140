// KafkaStack.prepareStack: cdktf's preparing pass (it only finds references to another stack's
// resources) is skipped when the app has one stack, and runs when it has more.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lazy, TerraformOutput, TerraformStack } from 'cdktf';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../lib/app/kafka-app';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment } from '../../lib/model/environment';
import { KafkaVersion } from '../../lib/model/kafka-version';
import { KafkaNetwork } from '../../lib/targets/msk/kafka-network';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskCluster } from '../../lib/targets/msk/msk-cluster';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { temporaryFolder } from '../support/temporary-folders';

/** The README quick start (network, cluster, alarms, monitoring) in `environment`'s stack, in a KafkaApp writing under `dir`. */
function quickStart(dir: string, environment: Environment, customBackend = false) {
  const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), quiet: true });
  const stack = app.stack(environment, { customBackend });
  const network = new KafkaNetwork(stack, 'Network', {
    availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
  });
  const cluster = new MskCluster(stack, 'Kafka', {
    network, kafkaVersion: KafkaVersion.MSK_3_9_X_KRAFT, brokers: 3, authentication: [ClientAuthentication.iam()],
  });
  new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: cluster.brokers });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: cluster.clusterName, brokers: cluster.brokers });
  return { app, stack, cluster };
}

const terraformOf = (dir: string, stack: string) => JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8'));

describe('the preparing pass of cdktf', () => {
  it('skipped for an app with one stack: the Terraform JSON is what the full pass writes', () => {
    // Each resolution pass over the stack produces this value once.
    const produced = { alone: 0, beside: 0 };
    const probe = (stack: TerraformStack, key: keyof typeof produced) =>
      new TerraformOutput(stack, 'Probe', { value: Lazy.stringValue({ produce: () => `passes ${++produced[key] > 0}` }) });
    const alone = temporaryFolder('kiac-prepare-');
    const one = quickStart(alone, Environment.development({ name: 'development', region: 'us-east-1' }));
    probe(one.stack, 'alone');
    one.app.synth();
    // The same stack beside a second one: cdktf's preparing pass runs over both.
    const beside = temporaryFolder('kiac-prepare-');
    const { app, stack } = quickStart(beside, Environment.development({ name: 'development', region: 'us-east-1' }));
    probe(stack, 'beside');
    new TerraformStack(stack.node.scope!, 'other');
    app.synth();
    expect(terraformOf(alone, 'development')).toEqual(terraformOf(beside, 'development'));
    expect(produced.beside).toBe(produced.alone + 1);
  });

  it('skipped for one stack without a backend of its own: cdktf still adds its local backend', () => {
    const dir = temporaryFolder('kiac-prepare-');
    quickStart(dir, Environment.development({ name: 'development', region: 'us-east-1' }), true).app.synth();
    expect(terraformOf(dir, 'development').terraform.backend).toEqual({ local: { path: expect.stringMatching(/terraform\.development\.tfstate$/) } });
  });

  it('runs for an app with two stacks: a reference to the other stack becomes its output and remote state', () => {
    const dir = temporaryFolder('kiac-prepare-');
    const { app, cluster } = quickStart(dir, Environment.development({ name: 'development', region: 'us-east-1' }));
    const reader = app.stack(Environment.staging({ name: 'staging', region: 'us-west-2' }));
    new TerraformOutput(reader, 'SourceCluster', { value: cluster.clusterArn });
    app.synth();
    const source = terraformOf(dir, 'development');
    const target = terraformOf(dir, 'staging');
    expect(Object.keys(source.output ?? {}).some((k) => k.startsWith('cross-stack-output-'))).toBe(true);
    expect(Object.keys(target.data?.terraform_remote_state ?? {})).toEqual([expect.stringMatching(/^cross-stack-reference-input-development/)]);
    expect(JSON.stringify(target.output)).toContain('data.terraform_remote_state.');
  });
});
