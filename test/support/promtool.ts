import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The result of one promtool run. */
export interface PromtoolResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs `promtool <args>`; promtool exits 1 on a failed check or test. */
export function promtool(args: readonly string[], cwd?: string): PromtoolResult {
  const r = spawnSync('promtool', [...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Every file under `dir` whose name ends with `suffix`, sorted. */
export function filesEndingWith(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(suffix)) out.push(path.join(entry.parentPath ?? (entry as any).path, entry.name));
  }
  return out.sort();
}

/** `promtool check rules` over files. */
export function checkRules(files: readonly string[]): PromtoolResult {
  return promtool(['check', 'rules', ...files]);
}

/** `promtool test rules` over test files, in batches run two at a time. */
export async function testRules(files: readonly string[]): Promise<PromtoolResult> {
  const { spawn } = await import('node:child_process');
  const batches: string[][] = [[], []];
  files.forEach((f, i) => batches[i % 2].push(f));
  const run = (batch: string[]) => new Promise<PromtoolResult>((resolve, reject) => {
    if (batch.length === 0) { resolve({ ok: true, output: '' }); return; }
    const p = spawn('promtool', ['test', 'rules', ...batch]);
    let output = '';
    p.stdout.on('data', (d) => { output += d; });
    p.stderr.on('data', (d) => { output += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ ok: code === 0, output }));
  });
  const results = await Promise.all(batches.map(run));
  return { ok: results.every((r) => r.ok), output: results.map((r) => r.output).join('\n') };
}
