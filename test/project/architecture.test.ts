// The layout is the architecture (docs/architecture.md): imports run one way only,
//   app -> targets -> contract -> model,   rules -> contract -> model,
// and no two folders of lib/ import each other.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import LAYERS from './architecture-layers.json';

const LIB = path.join(ROOT, 'lib');

/** The layer a file of lib/ belongs to: `model`, `contract`, `rules`, `app`, `targets/<target>`, ... */
export function layerOf(file: string): string {
  const parts = path.relative(LIB, file).split(path.sep);
  if (parts.length === 1) return 'index';
  return parts[0] === 'targets' ? `targets/${parts[1]}` : parts[0];
}

/**
 * What each layer may import besides itself: architecture-layers.json, which eslint.config.mjs
 * reads too (no-restricted-imports), so the lint and this test hold the same direction. The
 * `kafka-iac` command (cli) reads what the app wrote, plans with the model, estimates with app's cost code.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = LAYERS.allowed;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'imports' ? [] : walk(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Each relative import of each file: [from layer, to layer, `file -> target`]. */
export function layerEdges(files: readonly string[]): [string, string, string][] {
  return files.flatMap((f) => {
    const src = fs.readFileSync(f, 'utf8');
    return [...src.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]*)['"]/g)].map((m) => {
      const target = path.resolve(path.dirname(f), m[1]!);
      return [layerOf(f), layerOf(`${target}.ts`), `${path.relative(ROOT, f)} -> ${path.relative(ROOT, target)}`] as [string, string, string];
    }).filter(([a, b]) => a !== b);
  });
}

const files = walk(LIB);
const edges = layerEdges(files);

describe('architecture: the direction of imports', () => {
  it('covers every layer of lib/', () => {
    const layers = new Set(files.map(layerOf));
    for (const l of ['model', 'contract', 'rules', 'app', 'targets/msk', 'targets/strimzi', 'targets/statefulset', 'targets/kubernetes']) {
      expect(layers.has(l), l).toBe(true);
    }
    for (const l of layers) expect(l === 'index' || l in ALLOWED, `an unknown layer ${l}: add it to ALLOWED`).toBe(true);
  });

  it('lets each layer import only the layers below it', () => {
    const wrong = edges.filter(([a, b]) => a !== 'index' && !(ALLOWED[a] ?? []).includes(b)).map(([, , e]) => e);
    expect(wrong).toEqual([]);
  });

  it('has no two folders that import each other', () => {
    const pairs = new Set(edges.map(([a, b]) => `${a}|${b}`));
    const both = [...pairs].filter((p) => { const [a, b] = p.split('|'); return pairs.has(`${b}|${a}`); });
    expect(both).toEqual([]);
  });

  it('keeps the model and the rules free of construct libraries (cdktf is archived upstream)', () => {
    const pure = files.filter((f) => ['model', 'rules'].includes(layerOf(f)));
    expect(pure.length).toBeGreaterThan(60);
    const hits = pure.filter((f) => /from\s+['"](constructs|cdktf|cdk8s|cdk8s-plus-27|@cdktf\/[^'"]*)['"]/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    // The rule engine attaches validations and suppressions to constructs; nothing else may.
    expect(hits.sort()).toEqual(['lib/rules/rule-validation.ts', 'lib/rules/suppressions.ts']);
    expect([...LAYERS.constructFree.except].sort()).toEqual(hits.sort());
  });

  it('keeps one file per rule ID under lib/rules/', () => {
    const ruleFiles = fs.readdirSync(path.join(LIB, 'rules')).filter((n) => /^(ha|sec|mon|slo|perf|cap|dr)-\d{3}-/.test(n));
    const ids = ruleFiles.map((n) => n.split('-').slice(0, 2).join('-').toUpperCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(49);
  });

  it('detects an import that goes the wrong way (the check can fail)', () => {
    const probe = path.join(LIB, 'model', '__probe.ts');
    fs.writeFileSync(probe, "import { RuleLevel } from '../rules/rule';\n");
    try {
      const found = layerEdges([probe]).filter(([a, b]) => !(ALLOWED[a] ?? []).includes(b));
      expect(found).toEqual([['model', 'rules', 'lib/model/__probe.ts -> lib/rules/rule']]);
    } finally {
      fs.rmSync(probe);
    }
  });
});
