import * as fs from 'node:fs';
import * as path from 'node:path';
import { KafkaApp } from '../../lib/app/kafka-app';
import { Environment } from '../../lib/model/environment';
import { MskCloudWatchAlarms, type MskCloudWatchAlarmsProps } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { TEST_OUT } from './paths';

/**
 * A staging stack (us-east-1) holding only `MskCloudWatchAlarms` for a 3-broker cluster named
 * `orders`, in a KafkaApp writing under `outdir`: the unit tests of the alarms read it, and
 * test/validators/terraform.test.ts synthesizes it (with a consumer group) into its wrapper module.
 */
export function cloudWatchAlarmsStack(props: Partial<MskCloudWatchAlarmsProps> = {}, outdir = path.join(TEST_OUT, 'cloudwatch-unit')) {
  const app = new KafkaApp({ terraformOutdir: path.join(outdir, 'cdktf.out'), distDir: path.join(outdir, 'dist') });
  const environment = Environment.staging({ name: 'staging', region: 'us-east-1' });
  const stack = app.stack(environment);
  const alarms = new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: 'orders', brokers: 3, ...props });
  return { app, stack, alarms };
}

/**
 * Synthesizes the alarms stack with one declared consumer group (the per-group lag alarms) into
 * `outdir` and returns the path of its `cdk.tf.json`, for the Terraform wrapper.
 */
export function synthesizeCloudWatchAlarmsFixture(outdir = path.join(TEST_OUT, 'cloudwatch-validate')): string {
  fs.rmSync(outdir, { recursive: true, force: true });
  const { app } = cloudWatchAlarmsStack({ consumerGroups: [{ group: 'billing', topic: 'payments' }] }, outdir);
  app.synth();
  return path.join(outdir, 'cdktf.out', 'stacks', 'staging', 'cdk.tf.json');
}
