import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Environment } from '../model/environment';
import { KafkaIacError } from '../model/errors';
import { KafkaApp, type EnvironmentSynthesis } from '../app/kafka-app';
import { EnvironmentDocuments } from './environment-documents';
import { stableValue } from './stable-values';

/** Apps made by `KafkaTesting.app()`: their folder is removed once their documents are read. */
const temporaryRoots = new WeakMap<KafkaApp, string>();
/** Each app is synthesized once; every environment's documents are read at that time. */
const synthesized = new WeakMap<KafkaApp, Map<string, EnvironmentDocuments>>();

/**
 * Helpers for a consumer's snapshot tests. The documents come from a real `app.synth()`, so the
 * rules run exactly as in `cdktf synth` or `npm run synth`: a rule error throws, as it would there.
 */
export class KafkaTesting {
  /** A KafkaApp that writes into a fresh temporary folder (removed after `synth`) and prints nothing. */
  public static app(): KafkaApp {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-test-'));
    const app = new KafkaApp({ terraformOutdir: path.join(root, 'cdktf.out'), distDir: path.join(root, 'dist'), quiet: true });
    temporaryRoots.set(app, root);
    return app;
  }

  /**
   * Synthesizes the app (once; later calls reuse it) and returns one environment's documents:
   * Terraform JSON per stack, manifests per chart, the rules report and the other files, with
   * absolute paths replaced by `<terraform-outdir>`, `<dist>`, `<cwd>`, `<home>` or `<tmp>`
   * and ISO date-times by `<date-time>`.
   */
  public static synth(app: KafkaApp, environment: Environment): EnvironmentDocuments {
    let byEnvironment = synthesized.get(app);
    if (!byEnvironment) {
      byEnvironment = new Map();
      const root = temporaryRoots.get(app);
      try {
        for (const s of app.synth()) byEnvironment.set(s.environment, readEnvironment(app, s));
      } finally {
        if (root) fs.rmSync(root, { recursive: true, force: true });
      }
      synthesized.set(app, byEnvironment);
    }
    const documents = byEnvironment.get(environment.name);
    if (!documents) {
      throw KafkaIacError.invalidProp({
        code: 'KIAC-ENV', path: 'KafkaTesting.synth', prop: 'environment', found: environment.name,
        expected: `an environment with a stack or chart in this app (${[...byEnvironment.keys()].join(', ') || 'none'})`,
        fix: 'Create its stack or chart with app.stack(environment) or app.chart(environment, id) before synth.',
      });
    }
    return documents;
  }
}

function readEnvironment(app: KafkaApp, s: EnvironmentSynthesis): EnvironmentDocuments {
  const paths: [string, string][] = [
    [path.resolve(app.terraform.outdir), '<terraform-outdir>'],
    [path.resolve(app.distDir), '<dist>'],
    [process.cwd(), '<cwd>'],
    [os.homedir(), '<home>'],
    [fs.realpathSync(os.tmpdir()), '<tmp>'],
    [os.tmpdir(), '<tmp>'],
  ];
  const stable = <T>(v: T) => stableValue(v, paths) as T;
  const terraform: Record<string, Record<string, any>> = {};
  for (const dir of s.terraformDirs) {
    terraform[path.basename(dir)] = stable(JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8')));
  }
  const manifests: Record<string, Record<string, any>[]> = {};
  const files: Record<string, string> = {};
  let report: Record<string, any> = {};
  for (const rel of listFiles(s.distDir)) {
    const text = fs.readFileSync(path.join(s.distDir, rel), 'utf8');
    if (rel.endsWith('.k8s.yaml') && !rel.includes('/')) {
      manifests[rel.slice(0, -'.k8s.yaml'.length)] = stable(parseAllDocuments(text).map((d) => d.toJSON()).filter((o) => o !== null));
    } else if (rel === 'report.json') {
      report = stable(JSON.parse(text));
    } else if (rel !== 'report.md') {
      files[rel] = stable(text);
    }
  }
  return new EnvironmentDocuments({ environment: s.environment, terraform, manifests, report, files });
}

/** Relative paths of every file under `dir`, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => e.isDirectory() ? listFiles(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)])
    .sort();
}
