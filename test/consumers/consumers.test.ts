// The package as users get it: `npm pack` (prepack builds), installed from the tarball into
// consumer projects laid out as `cdktf init`, `cdk8s init`, an ESM + tsx repo and plain node
// scripts lay them out, outside this repository (so nothing resolves from its node_modules).
//
// Installs use `npm install --prefer-offline`: every version is pinned to the one this repo
// installed (read from node_modules), so npm takes it from its cache, which `npm ci` of this repo
// filled; only ts-node and constructs 10.4.2 / 10.3.0 (not dependencies of this repo) come from
// the registry the first time. https://docs.npmjs.com/cli/v11/using-npm/config#prefer-offline:
// "staleness checks for cached data will be bypassed, but missing data will be requested from the server".
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, recordInstalledPackage, whileInstalling, type ConsumerProject } from '../support/consumer-project';
import { packedPackage } from '../support/packed-package';
import { ROOT, TEST_OUT } from '../support/paths';
import { configRootFiles, forgetPass, passedAndUnchanged, recordPass, tscStateKey, type TscState } from '../support/tsc-state';

const MINUTE = 60_000;

/** Runs a command; fails with its output when it exits non-zero (unless `allowFailure`) or runs past `timeoutMs`. */
function run(cmd: string, args: readonly string[], cwd: string, timeoutMs = 5 * MINUTE, allowFailure = false, extraEnv: NodeJS.ProcessEnv = {}): { stdout: string; stderr: string; status: number | null } {
  const env = { ...process.env, KAFKA_IAC_QUIET: '', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extraEnv };
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')} in ${cwd}: ${r.error.message}\n${r.stdout}\n${r.stderr}`);
  if (!allowFailure && r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} in ${cwd} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function installedVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The README quick start: the first TypeScript block of README.md (or docs/) that builds an MSK cluster with its monitoring. */
function quickStart(): string {
  const sources = [path.join(ROOT, 'README.md'), ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => path.join(ROOT, 'docs', f))];
  for (const file of sources.filter((f) => f.endsWith('.md'))) {
    for (const [, code] of fs.readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)) {
      if (/from 'kafka-iac'/.test(code!) && code!.includes('new KafkaApp(') && code!.includes('MskCloudWatchAlarms')
        && code!.includes('MskPrometheusMonitoring') && code!.includes('app.synth()')) return code!;
    }
  }
  throw new Error('no quick start (a ts block with new KafkaApp, MskCloudWatchAlarms, MskPrometheusMonitoring and app.synth()) in README.md or docs/');
}

/** The same program for `require`: `import { A, B } from 'kafka-iac'` → `const { A, B } = require('kafka-iac')`. */
function asCommonJs(code: string): string {
  const converted = code.replace(/import\s*\{([^}]*)\}\s*from\s*'kafka-iac';/g, "const {$1} = require('kafka-iac');");
  expect(converted).not.toMatch(/^import /m);
  return converted;
}

/** The Strimzi example of the README as a `cdk8s init` project writes it: the user's own cdk8s App, a KafkaChart in it. */
const STRIMZI_CDK8S_MAIN = `import { App, JsonPatch } from 'cdk8s';
import {
  ClientAuthentication, ClientNetwork, Environment, KafkaChart, KafkaPrometheusMonitoring, KubernetesKafkaTarget,
  StrimziKafkaCluster,
} from 'kafka-iac';

const app = new App();
const staging = Environment.staging({ name: 'staging', region: 'us-east-1' });
const chart = new KafkaChart(app, 'kafka', { environment: staging });
const cluster = new StrimziKafkaCluster(chart, 'Kafka', {
  clusterName: 'staging-kafka',
  zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  controllers: { replicas: 3 },
  brokerPools: [{ replicas: 3, memory: '8Gi', storageSize: '200Gi' }],
  kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/6f1c2e4a-0b7d-4c1e-9a55-3f0e8d2b7c11',
  listeners: [
    { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
    { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
  ],
  clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })],
  admins: ['platform-admin'],
});
new KafkaPrometheusMonitoring(chart, 'Monitoring', { clusterName: 'staging-kafka', target: KubernetesKafkaTarget.STRIMZI, expectedNodes: 6 });
cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/config/num.replica.fetchers', 4));
if (process.env.BREAK_HA_003) cluster.kafka.addJsonPatch(JsonPatch.replace('/spec/kafka/config/min.insync.replicas', 1));
app.synth();
`;

/**
 * The tsconfig.json of `cdktf init --template=typescript` (CommonJS, ES2018, skipLibCheck), copied
 * from the template (hashicorp/terraform-cdk, packages/@cdktf/cli-core/templates/typescript/tsconfig.json).
 * The cdk8s project below uses it too: a CommonJS TypeScript project run by ts-node.
 */
const CDKTF_INIT_TSCONFIG = {
  compilerOptions: {
    alwaysStrict: true, declaration: true, experimentalDecorators: true, inlineSourceMap: true, inlineSources: true,
    lib: ['es2018'], module: 'CommonJS', noEmitOnError: true, noFallthroughCasesInSwitch: true, noImplicitAny: true,
    noImplicitReturns: true, noImplicitThis: true, noUnusedLocals: true, noUnusedParameters: true, resolveJsonModule: true,
    strict: true, strictNullChecks: true, strictPropertyInitialization: true, stripInternal: true, target: 'ES2018',
    incremental: true, skipLibCheck: true,
  },
  include: ['**/*.ts'],
  exclude: ['node_modules', 'cdktf.out'],
};

/**
 * A strict ESM consumer: NodeNext, exactOptionalPropertyTypes, and every .d.ts checked (skipLibCheck: false).
 * Incremental, as the cdktf template is: tsc records a hash of every file it read (typeCheckOutputs).
 */
const STRICT_ESM_TSCONFIG = {
  compilerOptions: {
    module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, exactOptionalPropertyTypes: true,
    skipLibCheck: false, noEmit: true, types: [], incremental: true,
  },
  include: ['*.ts'],
};

/** A consumer test of `kafka-iac/testing` (ESM). */
const TESTING_SUBPATH_MAIN = `import { Environment, KafkaNetwork, ClientNetwork } from 'kafka-iac';
import { KafkaTesting } from 'kafka-iac/testing';

const app = KafkaTesting.app();
const development = Environment.development({ name: 'development', region: 'us-east-1' });
new KafkaNetwork(app.stack(development), 'Network', {
  availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
});
const docs = KafkaTesting.synth(app, development);
docs.hasResource('aws_vpc', { cidr_block: '10.40.0.0/16' });
console.log('subnets:', docs.resources('aws_subnet').length);
`;

/** kafka-iac's peers, installed at the versions this repo tests. Not cdk8s-plus-27: a devDependency only (lib/imports/k8s.ts is generated from it). */
const PEERS = ['@cdktf/provider-aws', 'cdk8s', 'cdktf', 'constructs'];

function writeJson(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** `npm install` in the consumers' project, offline first (see the top of this file). */
function npmInstall(dir: string, args: readonly string[]): { stdout: string; stderr: string } {
  return whileInstalling(dir, () => run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', ...args], dir, 10 * MINUTE));
}

/** Every copy of a package under a node_modules tree (`.../node_modules/<name>/package.json`). */
function copiesOf(name: string, nodeModules: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = path.join(dir, e.name);
      if (e.name === name && path.basename(dir) === 'node_modules' && fs.existsSync(path.join(p, 'package.json'))) found.push(p);
      walk(p);
    }
  };
  walk(nodeModules);
  return found;
}

/**
 * The projects whose type check is tsc's, with each project's own tsconfig (typeErrors). The two
 * CommonJS projects (cdktf init, cdk8s init) check under the template's tsconfig with `noEmit`
 * (tsconfig.check.json); ts-node then runs them transpile-only.
 */
const TYPE_CHECKED = ['esm-app', 'cdk8s-app', 'cdktf-app'] as const;

/** The CommonJS projects, checked through a tsconfig.check.json that extends the template's. */
const checkedThroughCheckConfig = (project: typeof TYPE_CHECKED[number]) => project !== 'esm-app';

/** Where the type-checked projects' tsc states are kept between runs (the projects are written anew in each). */
const TSC_STATES = path.join(TEST_OUT, 'cache', 'consumers-tsc');

/** A type-checked project: the tsconfig tsc -b builds, the state tsc -b writes beside it, and where that state is kept. */
interface TscProject {
  readonly tsconfig: string;
  readonly state: TscState;
  readonly kept: string;
}

function tscProject(shared: string, project: typeof TYPE_CHECKED[number]): TscProject {
  const dir = path.join(shared, project);
  const tsconfig = path.join(dir, checkedThroughCheckConfig(project) ? 'tsconfig.check.json' : 'tsconfig.json');
  const configs = checkedThroughCheckConfig(project) ? [tsconfig, path.join(dir, 'tsconfig.json')] : [tsconfig];
  return { tsconfig, state: { buildInfo: tsconfig.replace(/\.json$/, '.tsbuildinfo'), key: tscStateKey(shared, configs) }, kept: path.join(TSC_STATES, `${project}.tsbuildinfo`) };
}

/**
 * Whether the last `tsc -b` over the projects passed and covers this run (test/support/tsc-state.ts,
 * as `npm test`'s typecheck): for each project the same tsconfig files, roots and installed
 * packages (the lock npm wrote), and every file tsc read (the project's sources, kafka-iac's
 * declarations as installed, every other package's) with the content tsc recorded. tsc would
 * then check the very same files and report no error again (about 5 s of CPU); anything
 * changed, a new tarball above all, and tsc -b runs. When it does not cover the run, no state
 * is left where tsc -b would find it.
 */
function lastPassCovers(projects: readonly TscProject[]): boolean {
  const restored = projects.every(({ state, kept }) => {
    try {
      fs.copyFileSync(kept, state.buildInfo);
      fs.copyFileSync(`${kept}.passed`, `${state.buildInfo}.passed`);
      return true;
    } catch {
      return false;
    }
  });
  if (restored && projects.every(({ tsconfig, state }) => passedAndUnchanged(state, configRootFiles(tsconfig)))) return true;
  for (const { state } of projects) {
    fs.rmSync(state.buildInfo, { force: true });
    forgetPass(state);
  }
  return false;
}

/** After a tsc -b that exited 0: each project's state is kept for the next run. */
function keepPass(projects: readonly TscProject[]): void {
  fs.mkdirSync(TSC_STATES, { recursive: true });
  for (const { state, kept } of projects) {
    recordPass(state);
    fs.copyFileSync(state.buildInfo, kept);
    fs.copyFileSync(`${state.buildInfo}.passed`, `${kept}.passed`);
  }
}

/** Writes the type-checked projects into `shared`: an ESM + tsx repo, a `cdk8s init` and a `cdktf init` style project. */
function writeTypeCheckedProjects(shared: string): void {
  const esm = path.join(shared, 'esm-app');
  writeJson(path.join(esm, 'package.json'), { name: 'esm-app', private: true, type: 'module' });
  writeJson(path.join(esm, 'tsconfig.json'), STRICT_ESM_TSCONFIG);
  fs.writeFileSync(path.join(esm, 'main.ts'), quickStart());
  fs.writeFileSync(path.join(esm, 'testing.ts'), TESTING_SUBPATH_MAIN);
  const cdk8s = path.join(shared, 'cdk8s-app');
  writeJson(path.join(cdk8s, 'package.json'), { name: 'cdk8s-app', version: '1.0.0', main: 'main.js', types: 'main.ts', private: true });
  fs.writeFileSync(path.join(cdk8s, 'cdk8s.yaml'), 'language: typescript\napp: npx ts-node main.ts\nimports:\n  - k8s\n');
  writeJson(path.join(cdk8s, 'tsconfig.json'), CDKTF_INIT_TSCONFIG);
  // The template emits (ts-node does not: it drops declaration and outputs); this check writes nothing.
  writeJson(path.join(cdk8s, 'tsconfig.check.json'), { extends: './tsconfig.json', compilerOptions: { noEmit: true } });
  fs.writeFileSync(path.join(cdk8s, 'main.ts'), STRIMZI_CDK8S_MAIN);
  const cdktf = path.join(shared, 'cdktf-app');
  // cdktf init's package.json has no "type": CommonJS; cdktf.json runs `npx ts-node main.ts`.
  writeJson(path.join(cdktf, 'package.json'), { name: 'cdktf-app', version: '1.0.0', main: 'main.js', types: 'main.ts', private: true });
  writeJson(path.join(cdktf, 'cdktf.json'), { language: 'typescript', app: 'npx ts-node main.ts', projectId: 'x', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} });
  writeJson(path.join(cdktf, 'tsconfig.json'), CDKTF_INIT_TSCONFIG);
  writeJson(path.join(cdktf, 'tsconfig.check.json'), { extends: './tsconfig.json', compilerOptions: { noEmit: true } });
  fs.writeFileSync(path.join(cdktf, 'main.ts'), quickStart());
}

/**
 * tsc's output for each type-checked project, from one `tsc -b` over all of them (written by
 * writeTypeCheckedProjects): one process reads the declaration files the projects share (cdktf,
 * constructs, cdk8s) once, about 1 s of CPU less than a tsc each. Build mode checks each project
 * as its own program, with its own options, and prints `Building project '<its tsconfig>'...`
 * before that project's diagnostics: each project's failures are its own. Output before the
 * first project (a configuration tsc cannot read) counts for every project.
 */
function typeCheckOutputs(shared: string, tsc: string): Map<string, string> {
  const states = TYPE_CHECKED.map((p) => tscProject(shared, p));
  if (lastPassCovers(states)) return new Map(TYPE_CHECKED.map((p) => [p, '']));
  const projects = TYPE_CHECKED.map((p) => (checkedThroughCheckConfig(p) ? `${p}/tsconfig.check.json` : p));
  const r = run(process.execPath, [tsc, '-b', ...projects, '--verbose', '--pretty', 'false'], shared, 5 * MINUTE, true);
  if (r.status === 0) keepPass(states);
  const sections = `${r.stdout}\n${r.stderr}`.split(/^.*Building project '([^']+)'\.\.\.$/m);
  const outputs = new Map<string, string>(TYPE_CHECKED.map((p) => [p, sections[0]!]));
  const built = new Set<string>();
  for (let i = 1; i < sections.length; i += 2) {
    const project = path.relative(shared, path.dirname(sections[i]!));
    built.add(project);
    outputs.set(project, `${outputs.get(project) ?? ''}${sections[i + 1]}`);
  }
  // A project tsc did not build (up to date, say) was not checked in this run.
  for (const p of TYPE_CHECKED.filter((x) => !built.has(x))) outputs.set(p, `${outputs.get(p)}\nerror TS0: tsc -b did not check ${p}`);
  if (r.status !== 0 && TYPE_CHECKED.every((p) => !/error TS\d+/.test(outputs.get(p)!))) {
    for (const p of TYPE_CHECKED) outputs.set(p, `${outputs.get(p)}\ntsc -b exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return outputs;
}

describe('consumers install the packed package and synthesize the quick start', { timeout: 10 * MINUTE }, () => {
  let project: ConsumerProject | undefined;
  let shared: string;
  let packedFiles: readonly string[];
  const bin = {
    tsx: () => path.join(shared, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    tsNode: () => path.join(shared, 'node_modules', 'ts-node', 'dist', 'bin.js'),
    tsc: () => path.join(shared, 'node_modules', 'typescript', 'bin', 'tsc'),
  };

  beforeAll(() => {
    // One install shared by the projects below (each has its own package.json and tsconfig),
    // as in a repo with several apps: kafka-iac, its peers at the versions this repo tests, the tools.
    // Kept between runs (test/support/consumer-project.ts).
    // `npm pack` runs `prepack` (npm run build): the tarball holds what a publish would. It is
    // packed once per content of its inputs (test/support/packed-package.ts); its file name
    // carries that content's hash, so the dependency npm installs changes whenever the package does.
    const packed = packedPackage();
    project = consumerProject(packed.key);
    shared = project.dir;
    const tarball = path.join(shared, `${packed.key.slice(0, 16)}-${path.basename(packed.tarball)}`);
    fs.copyFileSync(packed.tarball, tarball);
    packedFiles = packed.files;
    writeJson(path.join(shared, 'package.json'), {
      name: 'consumers', private: true,
      dependencies: {
        'kafka-iac': `file:${path.basename(tarball)}`,
        ...Object.fromEntries(PEERS.map((p) => [p, installedVersion(p)])),
      },
      devDependencies: { 'ts-node': '10.9.2', 'typescript': installedVersion('typescript'), 'tsx': installedVersion('tsx') },
    });
    npmInstall(shared, []);
    // Nothing installs cdk8s-plus-27 (an install kept from an earlier run loses it): every project
    // below, the strict ESM one that checks every .d.ts (skipLibCheck: false) included, runs without it.
    expect(copiesOf('cdk8s-plus-27', path.join(shared, 'node_modules'))).toEqual([]);
    // npm extracted the whole tarball: now, or in an earlier run from the same tarball, into a
    // node_modules/kafka-iac that has not changed since (consumerProject removed any other).
    expect(packedFiles.filter((f) => !fs.existsSync(path.join(shared, 'node_modules', 'kafka-iac', f)))).toEqual([]);
    recordInstalledPackage(shared, packed.key);
    writeTypeCheckedProjects(shared);
  }, 30 * MINUTE);

  afterAll(() => project?.release());

  let typeCheck: Map<string, string> | undefined;
  /** The error lines (and anything else that fails the check) tsc printed for `project`. */
  const typeErrors = (project: typeof TYPE_CHECKED[number]): string[] => {
    typeCheck ??= typeCheckOutputs(shared, bin.tsc());
    const output = typeCheck.get(project)!;
    return output.split('\n').filter((l) => /error TS\d+|exited/.test(l)).length ? [output] : [];
  };

  it('ships the compiled library, docs, README and LICENSE, and no tests, snapshots, bench, stacks or CI files', () => {
    // What npm listed in the tarball the consumers below install.
    const files = packedFiles;
    expect(files).toEqual(expect.arrayContaining([
      'LICENSE', 'README.md', 'package.json', 'docs/testing.md',
      'build/esm/index.js', 'build/esm/index.d.ts', 'build/esm/package.json', 'build/esm/testing/index.js',
      'build/cjs/index.js', 'build/cjs/index.d.ts', 'build/cjs/package.json', 'build/cjs/testing/index.d.ts',
      'build/esm/imports/kafka.strimzi.io.js',
    ]));
    const unwanted = files.filter((f) => /^(test|bench|stacks|scripts|lib|terraform|\.ci|\.github|\.test-out|\.test-results|cdktf\.out|dist)\//.test(f)
      || /__snapshots__|\.snap$|\.test\.|tsconfig|vitest/.test(f));
    expect(unwanted).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
  });

  it('cdktf init style (CommonJS + ts-node, the template tsconfig): the quick start type-checks under that tsconfig and synthesizes', () => {
    const dir = path.join(shared, 'cdktf-app');
    // The type check is tsc's over the template's tsconfig (typeErrors; the one tsc -b of the
    // type-checked projects, not run again when its last pass covers this run); ts-node then only
    // transpiles, as for the cdk8s project (about 2 s of CPU less than ts-node's own check on a rerun).
    expect(typeErrors('cdktf-app')).toEqual([]);
    const { stdout } = run(process.execPath, [bin.tsNode(), 'main.ts'], dir, 5 * MINUTE, false, { TS_NODE_TRANSPILE_ONLY: 'true' });
    expectQuickStartOutput(dir, stdout);
  });

  it('ESM + tsx, strict tsc (NodeNext, exactOptionalPropertyTypes, skipLibCheck: false) type-checks, and kafka-iac/testing loads', () => {
    const dir = path.join(shared, 'esm-app');
    expect(typeErrors('esm-app')).toEqual([]);
    // One tsx process runs the quick start, then the kafka-iac/testing program (which imports
    // kafka-iac too): the same two programs, one start of tsx and of the library instead of two.
    // The runner is .mts, outside the tsconfig's include, so the type check sees only the two programs.
    fs.writeFileSync(path.join(dir, 'both.mts'), "await import('./main.ts');\nawait import('./testing.ts');\n");
    const { stdout } = run(process.execPath, [bin.tsx(), 'both.mts'], dir);
    expectQuickStartOutput(dir, stdout);
    expect(stdout).toMatch(/^subnets: \d+$/m);
  });

  it('plain node, ES module (main.mjs): synthesizes the quick start', () => {
    const dir = path.join(shared, 'mjs-app');
    writeJson(path.join(dir, 'package.json'), { name: 'mjs-app', private: true });
    fs.writeFileSync(path.join(dir, 'main.mjs'), quickStart());
    const { stdout } = run(process.execPath, ['main.mjs'], dir);
    expectQuickStartOutput(dir, stdout);
  });

  it('the package\'s bin: kafka-iac check runs the project\'s cdktf.json app and prints its findings; plan-capacity plans; bad arguments exit 2', () => {
    const dir = path.join(shared, 'cli-app');
    writeJson(path.join(dir, 'package.json'), { name: 'cli-app', private: true });
    fs.writeFileSync(path.join(dir, 'main.mjs'), quickStart());
    writeJson(path.join(dir, 'cdktf.json'), { language: 'typescript', app: 'node main.mjs' });
    const cli = path.join(shared, 'node_modules', '.bin', 'kafka-iac');
    const check = run(cli, ['check'], dir, 5 * MINUTE, true);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('production');
    const plan = run(cli, ['plan-capacity', '--throughput-mb', '5', '--retention-days', '7', '--broker-capacity', '2000', '--format', 'json'], dir, MINUTE, true);
    expect(plan.status, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)).toBeTypeOf('object');
    const bad = run(cli, ['plan-capacity', '--throughput-mb', 'abc', '--retention-days', '7'], dir, MINUTE, true);
    expect(bad.status).toBe(2);
    expect(bad.stderr + bad.stdout).toContain("argument 'abc' is invalid");
  });

  it('plain node, CommonJS (main.cjs with require): synthesizes the quick start, and kafka-iac/testing loads', () => {
    const dir = path.join(shared, 'cjs-app');
    writeJson(path.join(dir, 'package.json'), { name: 'cjs-app', private: true });
    fs.writeFileSync(path.join(dir, 'main.cjs'), asCommonJs(quickStart()));
    fs.writeFileSync(path.join(dir, 'testing.cjs'), "const { KafkaTesting } = require('kafka-iac/testing');\nconsole.log(typeof KafkaTesting.synth);\n");
    // One process: kafka-iac/testing is required first, into a fresh process (nothing of the
    // package loaded before it), then the quick start runs.
    fs.writeFileSync(path.join(dir, 'both.cjs'), "require('./testing.cjs');\nrequire('./main.cjs');\n");
    const { stdout } = run(process.execPath, ['both.cjs'], dir);
    expect(stdout.split('\n')[0]).toBe('function');
    expectQuickStartOutput(dir, stdout);
  });

  it('a cdk8s project (CommonJS + ts-node) with the Strimzi example type-checks under its tsconfig: manifests from its own cdk8s App, and the rules run there', () => {
    const dir = path.join(shared, 'cdk8s-app');
    // The type check is tsc's (typeErrors), with the project's own tsconfig; ts-node then only
    // transpiles (TS_NODE_TRANSPILE_ONLY: 0.6 s of CPU instead of 2.5 s for its own check).
    expect(typeErrors('cdk8s-app')).toEqual([]);
    run(process.execPath, [bin.tsNode(), 'main.ts'], dir, 5 * MINUTE, false, { TS_NODE_TRANSPILE_ONLY: 'true' });
    const yaml = fs.readFileSync(path.join(dir, 'dist', 'kafka.k8s.yaml'), 'utf8');
    expect(yaml).toMatch(/^kind: Kafka$/m);
    expect(yaml).toContain('num.replica.fetchers: 4');
    // The KafkaChart runs the rules in the user's own cdk8s App too: a patch that breaks HA-003 stops synth.
    const withBadPatch = spawnSync(process.execPath, [bin.tsNode(), 'main.ts'], { cwd: dir, env: { ...process.env, BREAK_HA_003: '1', TS_NODE_TRANSPILE_ONLY: 'true' }, encoding: 'utf8', timeout: 5 * MINUTE });
    expect(withBadPatch.status).not.toBe(0);
    expect(withBadPatch.stderr).toMatch(/HA-003 \[kafka\/Kafka/);
  });

  // The build bundles each entry point with code splitting (scripts/build.ts): the code they share
  // is in shared chunks, so an app may import from several entry points and gets one copy of each class.
  it('the entry points share one copy of each class, kafka-iac/msk and kafka-iac/kubernetes load only their target (require and import), and require(\'kafka-iac\') loads the Kubernetes side on first use', () => {
    const dir = path.join(shared, 'entry-points');
    writeJson(path.join(dir, 'package.json'), { name: 'entry-points', private: true });
    // For each entry point: the names it exports whose value differs from the root's (expected: none).
    const identity = (load: (what: string) => string) => `const root = ${load('kafka-iac')};
const differ = {};
for (const entry of ['kafka-iac/msk', 'kafka-iac/kubernetes', 'kafka-iac/testing']) {
  const m = ${load('entry')};
  differ[entry] = Object.keys(m).filter((name) => name in root && m[name] !== root[name]);
  differ[entry + ' shared'] = Object.keys(m).filter((name) => name in root).length;
}
console.log(JSON.stringify(differ));
`;
    fs.writeFileSync(path.join(dir, 'identity.cjs'), identity((x) => (x === 'entry' ? 'require(entry)' : `require('${x}')`)));
    fs.writeFileSync(path.join(dir, 'identity.mjs'), identity((x) => (x === 'entry' ? 'await import(entry)' : `await import('${x}')`)));
    for (const file of ['identity.cjs', 'identity.mjs']) {
      const differ = JSON.parse(run(process.execPath, [file], dir).stdout);
      expect(differ['kafka-iac/msk'], file).toEqual([]);
      expect(differ['kafka-iac/kubernetes'], file).toEqual([]);
      expect(differ['kafka-iac/testing'], file).toEqual([]);
      expect(differ['kafka-iac/msk shared'], file).toBeGreaterThan(100);
      expect(differ['kafka-iac/kubernetes shared'], file).toBeGreaterThan(100);
    }
    // What one entry point loads: the packages (CommonJS packages land in require.cache under import too) and,
    // with require, the package's own files.
    const probe = (load: string) => `const { createRequire } = require('node:module');
${load};
const loaded = Object.keys(createRequire(__filename).cache);
const installed = ${JSON.stringify(path.join(shared, 'node_modules') + path.sep)};
console.log(JSON.stringify(loaded.filter((f) => f.startsWith(installed)).map((f) => f.slice(installed.length))));
`;
    // One process per entry point and way of loading it; the checks of the package's own files below read the same lists.
    const loaded = new Map<string, string[]>();
    const loadedBy = (entry: string, how: 'require' | 'import') => {
      const file = `probe-${entry}-${how}.cjs`;
      if (loaded.has(file)) return loaded.get(file)!;
      fs.writeFileSync(path.join(dir, file), how === 'require'
        ? probe(`require('kafka-iac/${entry}')`)
        : `(async () => { await import('kafka-iac/${entry}');\n${probe('')}})();\n`);
      loaded.set(file, JSON.parse(run(process.execPath, [file], dir).stdout) as string[]);
      return loaded.get(file)!;
    };
    const matching = (files: readonly string[], re: RegExp) => files.filter((f) => re.test(f));
    for (const how of ['require', 'import'] as const) {
      const msk = loadedBy('msk', how);
      expect(matching(msk, /^cdktf\//).length, how).toBeGreaterThan(5);
      expect(matching(msk, /^@cdktf\/provider-aws\/lib\/msk-cluster\//), how).toHaveLength(1);
      expect(matching(msk, /^(cdk8s|cdk8s-plus-27|yaml|@grafana\/grafana-foundation-sdk)\//), how).toEqual([]);
      const kubernetes = loadedBy('kubernetes', how);
      expect(matching(kubernetes, /^cdk8s\//).length, how).toBeGreaterThan(0);
      expect(matching(kubernetes, /^(cdktf|@cdktf\/provider-aws)\//), how).toEqual([]);
    }
    // The package's own files, as require loads them: the MSK entry point loads a few bundled files, none of the
    // generated Strimzi classes; the Kubernetes entry point loads those.
    const ownMsk = matching(loadedBy('msk', 'require'), /^kafka-iac\//);
    expect(ownMsk).toContain('kafka-iac/build/cjs/msk.js');
    expect(ownMsk.length).toBeLessThan(15);
    expect(matching(ownMsk, /\/imports\//)).toEqual([]);
    expect(matching(loadedBy('kubernetes', 'require'), /^kafka-iac\/build\/cjs\/imports\/kafka\.strimzi\.io\.js$/)).toHaveLength(1);
    // The CommonJS root entry point loads the Kubernetes side on first use (scripts/build.ts, lazyRootEntryPoint):
    // not for an MSK app, and KafkaApp.chart() loads it before any Kubernetes export was read.
    fs.writeFileSync(path.join(dir, 'root-lazy.cjs'), `const { createRequire } = require('node:module');
const cdk8sLoaded = () => Object.keys(createRequire(__filename).cache).some((f) => f.includes('/node_modules/cdk8s/'));
const k = require('kafka-iac');
const before = cdk8sLoaded();
const app = new k.KafkaApp({ quiet: true });
const chart = app.chart(k.Environment.staging({ name: 'staging', region: 'us-east-1' }), 'kafka');
console.log(JSON.stringify({ before, after: cdk8sLoaded(), chart: chart instanceof require('kafka-iac/kubernetes').KafkaChart }));
`);
    expect(JSON.parse(run(process.execPath, ['root-lazy.cjs'], dir).stdout)).toEqual({ before: false, after: true, chart: true });
  });

  // Last in this file (the tests of a file run in order): it changes the shared install's
  // constructs, which the projects above were checked with. Moving constructs in the existing
  // tree costs npm a fraction of a second install of the 360 MB AWS provider.
  it('a consumer on constructs 10.4.2 (the oldest cdktf 0.21 accepts) gets one copy of constructs, and it works; 10.3.0 gets a peer warning at install and KIAC-PEER at run time', () => {
    const dir = path.join(shared, 'old-constructs');
    npmInstall(shared, ['--save-exact', 'constructs@10.4.2']);
    const copies = copiesOf('constructs', path.join(shared, 'node_modules'));
    expect(copies).toEqual([path.join(shared, 'node_modules', 'constructs')]);
    expect(JSON.parse(fs.readFileSync(path.join(copies[0]!, 'package.json'), 'utf8')).version).toBe('10.4.2');
    writeJson(path.join(dir, 'package.json'), { name: 'old-constructs', private: true });
    fs.writeFileSync(path.join(dir, 'main.cjs'), asCommonJs(quickStart()));
    expectQuickStartOutput(dir, run(process.execPath, ['main.cjs'], dir).stdout);

    // Below the range: npm refuses without --force, and warns naming kafka-iac's peer range with it.
    const install = npmInstall(shared, ['--force', 'constructs@10.3.0']);
    expect(install.stderr).toMatch(/peer constructs@"\^10\.4\.2"/);
    expect(install.stderr).toContain('kafka-iac@');
    const result = run(process.execPath, ['main.cjs'], dir, 5 * MINUTE, true);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("KIAC-PEER [kafka-iac] 1 peer dependency is not supported:\n  constructs is 10.3.0; expected ^10.4.2.");
    expect(result.stderr).not.toContain('TypeError');
  }, 20 * MINUTE);
});

/** The quick start wrote Terraform JSON for 3 brokers, a report with no errors, and said so in one line. */
function expectQuickStartOutput(dir: string, stdout: string): void {
  const json = JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.out', 'stacks', 'production', 'cdk.tf.json'), 'utf8'));
  expect(Object.values<any>(json.resource.aws_msk_cluster)[0]).toMatchObject({ kafka_version: '3.9.x.kraft', number_of_broker_nodes: 3 });
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'dist', 'production', 'report.json'), 'utf8')).summary.errors).toBe(0);
  expect(stdout).toMatch(/^kafka-iac production: 0 errors, \d+ warnings?, \d+ suppressed; Terraform in cdktf\.out\/stacks\/production; files in dist\/production; report dist\/production\/report\.md$/m);
}
