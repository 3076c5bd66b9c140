// One benchmark process (run by bench/run.ts, never by a test). Modes:
//   startup <out>       import everything the seed platform needs, then exit (start-up cost)
//   seed <N> <out>      build and synthesize the seed-scale platform with N topics
//   bare <out>          a bare cdktf app with one aws_msk_cluster (submodule import)
// Prints one JSON line: phase timings (ms), documents written and peak RSS (KiB).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const [mode, a, b] = process.argv.slice(2);
const t0 = performance.now();

async function main(): Promise<Record<string, unknown>> {
  if (mode === 'bare') {
    const { App, TerraformStack } = await import('cdktf');
    const { AwsProvider } = await import('@cdktf/provider-aws/lib/provider');
    const { MskCluster } = await import('@cdktf/provider-aws/lib/msk-cluster');
    const app = new App({ outdir: a });
    const stack = new TerraformStack(app, 'bare');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    new MskCluster(stack, 'Kafka', {
      clusterName: 'bare', kafkaVersion: '3.9.x.kraft', numberOfBrokerNodes: 3,
      brokerNodeGroupInfo: { instanceType: 'kafka.m7g.large', clientSubnets: ['subnet-a', 'subnet-b', 'subnet-c'], securityGroups: ['sg-1'] },
    });
    app.synth();
    return {};
  }
  const { buildSeedPlatform } = await import('./seed-platform');
  const imported = performance.now();
  if (mode === 'startup') return { importMs: imported - t0 };
  const topics = Number(a);
  const platform = buildSeedPlatform({ topics, terraformOutdir: path.join(b, 'cdktf.out'), distDir: path.join(b, 'dist') });
  const built = performance.now();
  platform.app.synth();
  const synthesized = performance.now();
  return {
    importMs: imported - t0, buildMs: built - imported, synthMs: synthesized - built,
    clusters: platform.clusters, topics: platform.topics, groups: platform.groups, principals: platform.principals,
    files: countFiles(b), parts: platform.parts,
  };
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1;
  return n;
}

main().then((out) => {
  console.log(JSON.stringify({ ...out, totalMs: performance.now() - t0, maxRssKiB: process.resourceUsage().maxRSS }));
}, (err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : String(err));
  process.exit(1);
});
