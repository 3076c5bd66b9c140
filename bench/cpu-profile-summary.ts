// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time,
// and self time by file. Usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: number[];
}

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 15);
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

const short = (url: string) => {
  if (!url) return '(native)';
  const p = url.replace(/^file:\/\//, '');
  const i = p.indexOf('node_modules/');
  return i >= 0 ? p.slice(i + 'node_modules/'.length) : path.relative(process.cwd(), p);
};

const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const f = byId.get(id)!.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  const fileKey = short(f.url).replace(/^(@[^/]+\/[^/]+|[^/@(]+)\/.*$/, '$1/…');
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + us);
}
// Inclusive time: each sample counts once for every distinct function on its stack.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (id: number) => { const f = byId.get(id)!.callFrame; return `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`; };
const inclusive = new Map<string, number>();
profile.samples.forEach((id, i) => {
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(keyOf(n));
  for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms\n\n| self | function |\n|---|---|`);
for (const [k, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(us)} | \`${k}\` |`);
console.log('\n| self | package or file |\n|---|---|');
for (const [k, us] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(us)} | \`${k}\` |`);
console.log('\n| inclusive | function (library and bench code, cdktf/cdk8s synthesis entry points) |\n|---|---|');
const interesting = (k: string) => /\s(lib|bench)\//.test(k) || /(toTerraform|synthesize|synth|toJson|stringify) (cdktf|cdk8s)\//.test(k);
for (const [k, us] of [...inclusive].filter(([k]) => interesting(k)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(us)} | \`${k}\` |`);
