// KafkaStack.toTerraform renders a stack without cdktf's last pass over the whole resolved
// document (lib/app/stack-terraform.ts): the JSON must be cdktf's own `toTerraform()`, value and
// key order, for the examples and for stacks whose overrides hold tokens, undefined and lists.
import { Fn, Lazy, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { describe, expect, it } from 'vitest';
import { KafkaStack } from '../../lib/app/kafka-stack';
import { stackTerraform } from '../../lib/app/stack-terraform';
import { Environment } from '../../lib/model/environment';
import { buildExamples } from '../../stacks/examples';
import { mskStack } from '../support/msk-stack';
import { SCRATCH_APP } from '../support/scratch';
import { temporaryFolder } from '../support/temporary-folders';

/** cdktf's own rendering of the stack, with its last pass over the merged document. */
const cdktfTerraform = (stack: TerraformStack) => TerraformStack.prototype.toTerraform.call(stack);

function expectSameAsCdktf(stack: TerraformStack): void {
  const ours = stackTerraform(stack);
  const theirs = cdktfTerraform(stack);
  expect(ours).toStrictEqual(theirs);
  expect(JSON.stringify(ours, null, 2)).toBe(JSON.stringify(theirs, null, 2));
}

function emptyStack(): KafkaStack {
  const environment = Environment.development({ name: 'development', region: 'us-east-1' });
  return new KafkaStack(Testing.app(SCRATCH_APP), 'development', { environment });
}

describe('KafkaStack.toTerraform: cdktf\'s JSON without its last pass', () => {
  it('is cdktf\'s JSON for every example stack', () => {
    const dir = temporaryFolder('kiac-stack-terraform-');
    const app = buildExamples({ terraformOutdir: `${dir}/cdktf.out`, distDir: `${dir}/dist`, quiet: true });
    const stacks = app.terraform.node.findAll().filter((c): c is KafkaStack => c instanceof KafkaStack);
    expect(stacks.map((s) => s.node.id).sort()).toEqual(['dr', 'production']);
    for (const stack of stacks) expectSameAsCdktf(stack);
    for (const stack of stacks) expect(stack.toTerraform()).toStrictEqual(cdktfTerraform(stack));
  });

  it('is cdktf\'s JSON for two stacks with a cross-stack reference: the output and the remote state cdktf adds', () => {
    const app = Testing.app(SCRATCH_APP);
    const source = new KafkaStack(app, 'development', { environment: Environment.development({ name: 'development', region: 'us-east-1' }) });
    const bucket = new S3Bucket(source, 'Bucket', { bucket: 'acme-kafka-archive' });
    const reader = new KafkaStack(app, 'staging', { environment: Environment.staging({ name: 'staging', region: 'us-west-2' }) });
    new TerraformOutput(reader, 'SourceBucket', { value: bucket.arn });
    for (const stack of [source, reader]) stack.prepareStack();
    expectSameAsCdktf(source);
    expectSameAsCdktf(reader);
    expect(Object.keys(stackTerraform(source).output)).toEqual([expect.stringMatching(/^cross-stack-output-/)]);
    expect(Object.keys(stackTerraform(reader).data.terraform_remote_state)).toEqual([expect.stringMatching(/^cross-stack-reference-input-development/)]);
  });

  it('is cdktf\'s JSON for a cluster stack, and toTerraform() gives it', () => {
    const { stack } = mskStack();
    expectSameAsCdktf(stack);
    expect(stack.toTerraform()).toStrictEqual(cdktfTerraform(stack));
  });

  it('resolves the tokens a stack override holds, in the sections the overrides reach', () => {
    const stack = emptyStack();
    const bucket = new S3Bucket(stack, 'Bucket', { bucket: 'acme-kafka-archive' });
    const variable = new TerraformVariable(stack, 'Owner', { type: 'string' });
    new TerraformLocal(stack, 'Region', 'us-east-1');
    stack.addOverride('locals.bucket_arn', bucket.arn);
    stack.addOverride('locals.owner', Lazy.stringValue({ produce: () => variable.stringValue }));
    stack.addOverride('locals.joined', Fn.join(',', [bucket.bucket, 'x']));
    stack.addOverride('locals.settings', Lazy.anyValue({ produce: () => ({ arn: bucket.arn, size: 3 }) }));
    stack.addOverride('output.arn', { value: bucket.arn });
    expectSameAsCdktf(stack);
    const json = stackTerraform(stack);
    expect(json.locals.bucket_arn).toBe('${aws_s3_bucket.Bucket.arn}');
    expect(json.locals.settings).toEqual({ arn: '${aws_s3_bucket.Bucket.arn}', size: 3 });
    expect(JSON.stringify(json)).not.toContain('TfToken');
  });

  it('drops what an override or a token leaves undefined, as cdktf does', () => {
    const stack = emptyStack();
    new S3Bucket(stack, 'Bucket', { bucket: 'acme-kafka-archive' });
    stack.addOverride('terraform.backend', undefined);
    stack.addOverride('locals.gone', Lazy.anyValue({ produce: () => undefined }));
    stack.addOverride('locals.kept', 'yes');
    expectSameAsCdktf(stack);
    const json = stackTerraform(stack);
    expect(json.terraform.backend).toBeUndefined();
    expect(json.locals).toStrictEqual({ kept: 'yes' });
    expect(Object.keys(json['//'].metadata)).not.toContain('cloud');
  });

  it('concatenates a list an override adds to a list of the stack, and replaces a value by a token', () => {
    const stack = emptyStack();
    const bucket = new S3Bucket(stack, 'Bucket', { bucket: 'acme-kafka-archive' });
    stack.addOverride('terraform.required_providers.aws.version', Lazy.stringValue({ produce: () => '~> 5.100' }));
    stack.addOverride('resource.aws_s3_bucket.Bucket.tags', Lazy.anyValue({ produce: () => ({ owner: bucket.id }) }));
    new TerraformOutput(stack, 'Arn', { value: bucket.arn, sensitive: true });
    stack.addOverride('output', { extra: { value: [bucket.arn, 1] } });
    expectSameAsCdktf(stack);
    expect(stackTerraform(stack).resource.aws_s3_bucket.Bucket.tags).toEqual({ owner: '${aws_s3_bucket.Bucket.id}' });
  });

  it('is cdktf\'s JSON for a stack without overrides, outputs or resources', () => {
    expectSameAsCdktf(emptyStack());
    const stack = emptyStack();
    new TerraformOutput(stack, 'Plain', { value: 'x' });
    expectSameAsCdktf(stack);
    expect(stackTerraform(stack)['//'].outputs).toEqual({ development: { Plain: 'Plain' } });
  });
});
