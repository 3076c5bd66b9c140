import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_OUT } from '../support/paths';

type Scenario = 'msk' | 'msk-dashboards' | 'kubernetes';
interface ProbeReport { loaded: string[]; written: string[]; targetError: string }

/**
 * Runs test/support/module-probe.ts in its own node process over `scenarios`, in that order: what
 * each loads (the files first loaded while it ran) and writes, by scenario. A scenario that threw
 * is rejected on its own; a probe that could not run rejects them all.
 */
function runProbe(scenarios: readonly Scenario[]): Map<Scenario, Promise<ProbeReport>> {
  const ran = (async () => {
    fs.mkdirSync(TEST_OUT, { recursive: true });
    const out = fs.mkdtempSync(path.join(TEST_OUT, `probe-${scenarios.join('-')}-`));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/module-probe.ts'), scenarios.join(','), out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      const status = await new Promise<number | null>((resolve, reject) => { child.on('error', reject); child.on('close', resolve); });
      if (status !== 0) throw new Error(`module-probe ${scenarios.join(',')} failed:\n${stderr}`);
      return new Map(stdout.split('\n').filter((l) => l.startsWith('{"scenario"')).map((l) => {
        const r = JSON.parse(l);
        return [r.scenario as Scenario, r];
      }));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  })();
  return new Map(scenarios.map((s) => {
    const p = ran.then((reports) => {
      const r = reports.get(s);
      if (!r) throw new Error(`module-probe printed no line for ${s}`);
      if (r.error) throw new Error(`module-probe ${s} failed:\n${r.error}`);
      return { ...r, loaded: r.loaded.map((f: string) => path.relative(ROOT, f)) } as ProbeReport;
    });
    p.catch(() => undefined); // reported by the test that awaits it
    return [s, p] as const;
  }));
}

/**
 * Two probe processes start together, before the first test. The Kubernetes app has one to
 * itself: it proves what is never loaded, so nothing may run before it. The MSK app without
 * dashboards runs first in the other, then the MSK app with them: what the second loads is what
 * was not loaded before it, so the Grafana SDK it reports is loaded by asking for dashboards
 * (one node process less than a probe each: about 1.3 s of CPU).
 */
const PROBES = new Map<Scenario, Promise<ProbeReport>>();
beforeAll(() => {
  for (const scenarios of [['kubernetes'], ['msk', 'msk-dashboards']] as const) {
    for (const [s, p] of runProbe(scenarios)) PROBES.set(s, p);
  }
});
const probe = (scenario: Scenario): Promise<ProbeReport> => PROBES.get(scenario)!;

const any = (files: readonly string[], re: RegExp) => files.filter((f) => re.test(f));
const CDK8S = /^node_modules\/(cdk8s|cdk8s-plus-27)\//;
const KUBERNETES_TARGETS = /^lib\/(imports|targets\/(strimzi|statefulset|kubernetes))\//;
const CDKTF = /^node_modules\/cdktf\//;
const AWS_PROVIDER = /^node_modules\/@cdktf\/provider-aws\//;
const GRAFANA_SDK = /^node_modules\/@grafana\/grafana-foundation-sdk\//;
/** AWS provider submodules whose constructs the quick start does not make. */
const UNUSED_BY_QUICK_START = [
  'msk-replicator', 'iam-role', 'iam-policy', 'iam-role-policy-attachment', 'vpc-security-group-egress-rule', 'msk-cluster-policy',
  'secretsmanager-secret', 'secretsmanager-secret-policy', 'secretsmanager-secret-version', 'msk-single-scram-secret-association',
  'cloudwatch-dashboard', 'lambda-permission', 'sns-topic-subscription', 'data-aws-availability-zones',
  'ec2-transit-gateway-vpc-attachment', 'route',
];

describe('entry points load only the target an app uses', () => {
  it('kafka-iac/msk: the quick start synthesizes with every rule and loads no cdk8s, Strimzi classes or Kubernetes targets', async () => {
    const { loaded, written, targetError } = await probe('msk');
    // The probe sees loads at all: the MSK side is there.
    expect(any(loaded, /^lib\/targets\/msk\/msk-cluster\.ts$/)).toHaveLength(1);
    expect(any(loaded, AWS_PROVIDER).length).toBeGreaterThan(5);
    // The provider classes of the constructs it does not make load when one is first made
    // (lib/targets/msk/aws-provider-classes.ts): the replicator, SCRAM users, dashboards, alarm
    // subscriptions, IAM access policies, transit gateway routes.
    expect(any(loaded, /^node_modules\/@cdktf\/provider-aws\/lib\/msk-cluster\//)).toHaveLength(1);
    expect(any(loaded, AWS_PROVIDER).map((f) => f.split('/')[4]).filter((m) => UNUSED_BY_QUICK_START.includes(m!))).toEqual([]);
    expect(any(loaded, /^lib\/rules\/registry\.ts$/)).toHaveLength(1);
    expect(any(loaded, CDK8S)).toEqual([]);
    expect(any(loaded, KUBERNETES_TARGETS)).toEqual([]);
    expect(any(loaded, /^lib\/app\/(kafka-chart|kubernetes-documents)\.ts$/)).toEqual([]);
    // An app that asks for no dashboards never loads the Grafana SDK (lib/contract/dashboards.ts loads it on first use).
    expect(any(loaded, GRAFANA_SDK)).toEqual([]);
    // Its rule files, promtool tests and scrape configuration are plain data, written by lib/contract/yaml-writer.ts
    // without the yaml package, which loads only for other values or to parse YAML the library did not write.
    expect(any(loaded, /^node_modules\/yaml\//)).toEqual([]);
    expect(written).toContain('dist/production/prometheus/production-kafka-msk-scrape-config.yml');
    expect(written).toContain('cdktf.out/stacks/production/cdk.tf.json');
    expect(written).toContain('dist/production/report.json');
    // app.chart() without the Kubernetes target says which entry point to import.
    expect(targetError).toContain("KIAC-TARGET [KafkaApp] KafkaApp.chart() needs the cdk8s (Kubernetes) target");
    expect(targetError).toContain("'kafka-iac/kubernetes'");
  });

  it('kafka-iac/kubernetes: a Strimzi cluster synthesizes with every rule and loads neither cdktf nor the AWS provider', async () => {
    const { loaded, written, targetError } = await probe('kubernetes');
    expect(any(loaded, /^lib\/targets\/strimzi\/strimzi-kafka-cluster\.ts$/)).toHaveLength(1);
    expect(any(loaded, CDK8S).length).toBeGreaterThan(5);
    expect(any(loaded, /^lib\/rules\/registry\.ts$/)).toHaveLength(1);
    expect(any(loaded, CDKTF)).toEqual([]);
    expect(any(loaded, AWS_PROVIDER)).toEqual([]);
    expect(any(loaded, /^lib\/targets\/msk\//)).toEqual([]);
    expect(written).toEqual(expect.arrayContaining(['dist/staging/kafka.k8s.yaml', 'dist/staging/kustomization.yaml', 'dist/staging/report.json']));
    expect(written.filter((f) => f.startsWith('cdktf.out/'))).toEqual([]);
    expect(targetError).toContain("KIAC-TARGET [KafkaApp] KafkaApp.stack() needs the cdktf (MSK) target");
  });
});

describe('the Grafana SDK', () => {
  it('is not loaded by an MSK app that asks for dashboards, which still writes them', async () => {
    // What it loaded that the app without dashboards, run before it in the same process, had not.
    const { loaded, written } = await probe('msk-dashboards');
    expect(written).toContain('dist/production/grafana/kafka-production-production-kafka-ops.json');
    // Its CloudWatch dashboard's provider class loads when MskDashboards makes one.
    expect(any(loaded, /^node_modules\/@cdktf\/provider-aws\/lib\/cloudwatch-dashboard\//)).toHaveLength(1);
    // The dashboard models are plain data built with the SDK's defaults and layout
    // (lib/contract/grafana-panels.ts; test/contract/grafana-panels.test.ts compares them with the
    // SDK's own builders): nothing of the SDK loads at run time.
    expect(any(loaded, GRAFANA_SDK)).toEqual([]);
  });
});

describe('the root entry point', () => {
  /** The modules an entry file exports, entry files it re-exports (core, msk, kubernetes) resolved. */
  function exported(entry: string): Set<string> {
    const text = fs.readFileSync(path.join(ROOT, 'lib', entry), 'utf8');
    const out = new Set<string>();
    for (const m of text.matchAll(/^export \* from '\.\/(.+)';$/gm)) {
      if (['core', 'msk', 'kubernetes'].includes(m[1]!)) for (const x of exported(`${m[1]}.ts`)) out.add(x);
      else out.add(m[1].replace(/^app\/kafka-app-core$/, 'app/kafka-app'));
    }
    return out;
  }

  it('exports exactly what kafka-iac/msk and kafka-iac/kubernetes export together', () => {
    const root = exported('index.ts');
    const union = new Set([...exported('msk.ts'), ...exported('kubernetes.ts')]);
    expect(root.size).toBeGreaterThan(50);
    expect([...root].filter((m) => !union.has(m)).sort(), 'exported by lib/index.ts only: add each to lib/core.ts, lib/msk.ts or lib/kubernetes.ts').toEqual([]);
    expect([...union].filter((m) => !root.has(m)).sort()).toEqual([]);
  });
});
