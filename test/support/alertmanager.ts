import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { matcher } from '../../lib/contract/alertmanager-config';
import { filesEndingWith } from './promtool';

/** One alerting rule of a generated rule file: its name and the labels it gives its alerts. */
export interface RuleFileAlert {
  readonly file: string;
  readonly alert: string;
  /** The rule's static labels (severity, rule_id, cluster, environment, region, namespace...). */
  readonly labels: Readonly<Record<string, string>>;
}

/** Every alerting rule of the `*.rules.yml` files under `dir`. */
export function ruleFileAlerts(dir: string): RuleFileAlert[] {
  return filesEndingWith(dir, '.rules.yml').filter((f) => !f.includes(`${path.sep}tests${path.sep}`)).flatMap((file) => {
    const doc = parse(fs.readFileSync(file, 'utf8')) as { groups?: { rules?: Record<string, any>[] }[] };
    return (doc.groups ?? []).flatMap((g) => (g.rules ?? []).filter((r) => typeof r.alert === 'string')
      .map((r) => ({ file, alert: r.alert as string, labels: { ...(r.labels ?? {}) } as Record<string, string> })));
  });
}

/** `amtool check-config <file>`: ok and the output. */
export function amtoolCheckConfig(file: string): { readonly ok: boolean; readonly output: string } {
  const r = spawnSync('amtool', ['check-config', file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/**
 * `amtool config routes test --config.file <file> [--verify.receivers=<expected>] <labels>`:
 * the receivers the labels resolve to (comma-separated, as amtool prints them) and whether the
 * verification passed. Labels are passed as matchers (`name="value"`), quoted by the library's
 * matcher writer. Runs asynchronously so that many label sets are tested side by side.
 */
export function amtoolRoutesTest(file: string, labels: Readonly<Record<string, string>>, expected?: string): Promise<{ readonly ok: boolean; readonly receivers: string }> {
  const args = ['config', 'routes', 'test', `--config.file=${file}`, ...(expected ? [`--verify.receivers=${expected}`] : []),
    ...Object.entries(labels).map(([k, v]) => matcher(k, v))];
  return new Promise((resolve, reject) => {
    const child = spawn('amtool', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, receivers: out.split('\n')[0].trim() }));
  });
}

/** The keys of a route node: its matchers, and the options that do not choose a receiver. */
const MATCHER_KEYS = new Set(['matchers', 'match', 'match_re']);
const OTHER_ROUTE_KEYS = new Set(['receiver', 'group_by', 'group_wait', 'group_interval', 'repeat_interval', 'continue', 'routes', 'mute_time_intervals', 'active_time_intervals']);

/**
 * Every label name a matcher of the route tree of an Alertmanager configuration file reads
 * (`matchers`, `match`, `match_re` at any depth), sorted. Alertmanager chooses an alert's routes
 * by those matchers alone: `Route.Match` descends where `r.Matchers.Matches(lset)` holds, and
 * the matchers are built from those three keys (prometheus/alertmanager, dispatch/route.go,
 * `NewRoute` and `Match`). So two alerts with the same value, or the same absence, of each of these
 * labels reach the same receivers. A route key this does not know fails, rather than be ignored.
 */
export function routeMatcherLabels(file: string): string[] {
  const names = new Set<string>();
  const visit = (route: Record<string, unknown>, where: string) => {
    for (const key of Object.keys(route)) {
      if (!MATCHER_KEYS.has(key) && !OTHER_ROUTE_KEYS.has(key)) throw new Error(`${file}: ${where} has the key '${key}', which routeMatcherLabels does not know`);
    }
    for (const name of Object.keys((route.match ?? {}) as object)) names.add(name);
    for (const name of Object.keys((route.match_re ?? {}) as object)) names.add(name);
    for (const m of (route.matchers ?? []) as string[]) {
      for (const name of matcherLabelNames(m, `${file}: ${where}`)) names.add(name);
    }
    ((route.routes ?? []) as Record<string, unknown>[]).forEach((child, i) => visit(child, `${where}.routes[${i}]`));
  };
  visit((parse(fs.readFileSync(file, 'utf8')) as { route: Record<string, unknown> }).route, 'route');
  return [...names].sort();
}

/** One matcher `name op value` at the sticky position: a bare or quoted name, an operator, a quoted or bare value. */
const ONE_MATCHER = /\s*("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(?:"(?:[^"\\]|\\.)*"|[^\s,{}"]*)\s*/y;

/**
 * The label names of one `matchers` entry: `name op value`, alone or several in braces separated
 * by commas, a name bare or quoted (https://prometheus.io/docs/alerting/latest/configuration/#matcher).
 * The whole entry must read: a part this cannot read fails, rather than leave out a label that
 * routes (a name the pattern misses beside one it finds would otherwise pass unnoticed).
 */
export function matcherLabelNames(entry: string, where = 'matchers'): string[] {
  let body = entry.trim();
  if (body.startsWith('{')) {
    if (!body.endsWith('}')) throw new Error(`${where}: matcher ${JSON.stringify(entry)} opens a brace it does not close`);
    body = body.slice(1, -1);
  }
  const names: string[] = [];
  let at = 0;
  while (at < body.length) {
    ONE_MATCHER.lastIndex = at;
    const m = ONE_MATCHER.exec(body);
    if (m === null) throw new Error(`${where}: cannot read matcher ${JSON.stringify(entry)} at ${JSON.stringify(body.slice(at))}`);
    names.push(m[1]!.startsWith('"') ? JSON.parse(m[1]!) as string : m[1]!);
    at = ONE_MATCHER.lastIndex;
    if (at < body.length && body[at++] !== ',') throw new Error(`${where}: cannot read matcher ${JSON.stringify(entry)} at ${JSON.stringify(body.slice(at - 1))}`);
  }
  if (names.length === 0) throw new Error(`${where}: matcher ${JSON.stringify(entry)} has no label name`);
  return names;
}

/** Runs `tasks` with at most `limit` running at once, keeping their order in the result. */
export async function inBatches<T>(tasks: readonly (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}
