import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXAMPLE_ENVIRONMENTS, ROOT, exampleTerraform } from './paths';

/**
 * One Terraform wrapper root module over every synthesized example stack, so that one
 * `terraform init` and one `terraform validate` cover them all (TOOLCHAIN.md: one validate
 * per stack costs about 3.5 s each).
 *
 * Layout under `.test-out/terraform-wrapper/`:
 * - `modules/<stack>/cdk.tf.json`: a copy of the stack with its `provider` blocks and backend
 *   stripped (a module must not configure providers), plus `kafka-iac-test-outputs.tf.json`
 *   exposing each resource type as a map output so `terraform test` can assert on it;
 * - `main.tf.json`: the aws provider once per region (aliased), a `module "<stack>"` per stack
 *   with `providers = { aws = aws.<region> }`, and a root variable for each input variable
 *   the stack requires (ephemeral variables stay ephemeral), except inputs named like an
 *   output of another stack, which are fed from that module's output.
 */
export const WRAPPER_DIR = path.join(ROOT, '.test-out', 'terraform-wrapper');

/** The AWS provider version the stacks pin (cdktf's @cdktf/provider-aws 20.1 generates for it). */
export const AWS_PROVIDER_VERSION = '5.100.0';

/** Where terraform/cli.tfrc looks for providers. */
export const PROVIDER_MIRROR = '/opt/tf-plugins';

/** Whether the offline mirror holds the AWS provider (unpacked `5.100.0/` or a packed `..._5.100.0_....zip`). */
export function hasOfflineProviderMirror(mirror = PROVIDER_MIRROR): boolean {
  const dir = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'aws');
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((entry) => entry === AWS_PROVIDER_VERSION || entry.includes(`_${AWS_PROVIDER_VERSION}_`));
}

/**
 * The environment every terraform process gets. With the offline mirror, the project's CLI
 * config (terraform/cli.tfrc, mirror only); without it, Terraform installs the provider the
 * normal way (the caller's own CLI config, if any, applies). ~/.terraformrc is never written.
 */
export function terraformEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(hasOfflineProviderMirror() ? { TF_CLI_CONFIG_FILE: path.join(ROOT, 'terraform', 'cli.tfrc') } : {}),
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    TF_PLUGIN_CACHE_DIR: '',
  };
}

/** A stack in the wrapper. */
export interface WrappedStack {
  /** Stack (and module) name. */
  readonly name: string;
  /** The region of the stack's aws provider. */
  readonly region: string;
  /** The provider alias the module gets (`us_east_1`). */
  readonly providerAlias: string;
  /** Root variables created for the stack's required inputs, by the module's variable name. */
  readonly variables: Readonly<Record<string, { readonly rootName: string; readonly ephemeral: boolean }>>;
  /** The stack's JSON (after stripping). */
  readonly json: Record<string, any>;
}

/** The example stacks that have Terraform output. */
export function exampleStacksWithTerraform(): string[] {
  return EXAMPLE_ENVIRONMENTS.filter((env) => fs.existsSync(exampleTerraform(env)));
}

/** Writes the wrapper for the given stacks (name → cdk.tf.json path) and returns what it holds. */
export function writeWrapper(stacks: Readonly<Record<string, string>>, dir = WRAPPER_DIR): WrappedStack[] {
  fs.rmSync(path.join(dir, 'modules'), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const wrapped: WrappedStack[] = [];
  const providers = new Map<string, string>();
  const moduleBlocks: Record<string, any> = {};
  const rootVariables: Record<string, any> = {};
  const parsed = Object.entries(stacks).map(([name, file]) => [name, JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>] as const);
  for (const [name, json] of parsed) {
    const providerBlocks = json.provider?.aws;
    const region: string = (Array.isArray(providerBlocks) ? providerBlocks[0] : providerBlocks)?.region ?? 'us-east-1';
    delete json.provider;
    if (json.terraform) delete json.terraform.backend;
    const alias = region.replace(/-/g, '_');
    providers.set(alias, region);

    const moduleDir = path.join(dir, 'modules', name);
    fs.mkdirSync(moduleDir, { recursive: true });
    fs.writeFileSync(path.join(moduleDir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
    fs.writeFileSync(path.join(moduleDir, 'kafka-iac-test-outputs.tf.json'), JSON.stringify(testOutputs(json), null, 2));

    const variables: Record<string, { rootName: string; ephemeral: boolean }> = {};
    const inputs: Record<string, string> = {};
    for (const [varName, spec] of Object.entries<Record<string, any>>(json.variable ?? {})) {
      if (spec.default !== undefined) continue;
      // An input named like another stack's output is fed from it, as a deployment does
      // (the dr stack's replication_source_* variables from production's outputs).
      const producer = parsed.find(([other, j]) => other !== name && j.output?.[varName] !== undefined);
      if (producer) {
        inputs[varName] = `\${module.${producer[0]}.${varName}}`;
        continue;
      }
      const rootName = `${name.replace(/-/g, '_')}__${varName}`;
      const { description: _d, ...rest } = spec;
      rootVariables[rootName] = { ...rest, description: `${name}: ${varName}` };
      variables[varName] = { rootName, ephemeral: spec.ephemeral === true };
      inputs[varName] = `\${var.${rootName}}`;
    }
    moduleBlocks[name] = { source: `./modules/${name}`, providers: { aws: `aws.${alias}` }, ...inputs };
    wrapped.push({ name, region, providerAlias: alias, variables, json });
  }
  const main = {
    terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION } } },
    provider: { aws: [...providers].map(([alias, region]) => ({ alias, region })) },
    ...(Object.keys(rootVariables).length > 0 ? { variable: rootVariables } : {}),
    module: moduleBlocks,
  };
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(main, null, 2));
  return wrapped;
}

/** One output per resource type: a map from resource name to the resource object. */
function testOutputs(json: Record<string, any>): Record<string, any> {
  const output: Record<string, any> = {};
  for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) {
    const entries = Object.keys(byName).map((n) => `${JSON.stringify(n)} = ${type}.${n}`).join(', ');
    output[`kafka_iac_${type}`] = { value: `\${{${entries}}}`, sensitive: true };
  }
  return { output };
}

/** Runs terraform in the wrapper; returns stdout, or throws with stdout and stderr. */
export function terraform(args: readonly string[], dir = WRAPPER_DIR): string {
  try {
    return execFileSync('terraform', args, { cwd: dir, env: terraformEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`terraform ${args.join(' ')} failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`, { cause: e });
  }
}

/** A `terraform test -json` run: its exit status and its machine-readable messages, one per line. */
export interface TerraformTestResult {
  readonly status: number | null;
  readonly messages: readonly Record<string, any>[];
  /** The messages of the run as one text, for failure messages. */
  readonly text: string;
}

/** Runs `terraform test -json` in the wrapper; does not throw when a test fails (the caller reads the messages). */
export function terraformTestJson(dir = WRAPPER_DIR): TerraformTestResult {
  const r = spawnSync('terraform', ['test', '-json', '-no-color'], { cwd: dir, env: terraformEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
  const messages = lines.map((l) => {
    try {
      return JSON.parse(l) as Record<string, any>;
    } catch {
      throw new Error(`terraform test -json printed a line that is not JSON: ${l}\n${r.stderr}`);
    }
  });
  return { status: r.status, messages, text: `${messages.map((m) => `${m['@message']}${m.diagnostic?.detail ? `: ${m.diagnostic.detail}` : ''}`).join('\n')}\n${r.stderr}` };
}
