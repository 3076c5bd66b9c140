import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

/** Every .ts file under the given folders of the project, except the generated Strimzi classes. */
function sources(...dirs: string[]): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'imports' || e.name === '__snapshots__' ? [] : walk(p);
    return p.endsWith('.ts') ? [p] : [];
  });
  return dirs.flatMap((d) => walk(path.join(ROOT, d)));
}

/** `file: line` for each import of one of the modules. */
function importsOf(files: readonly string[], modules: RegExp): string[] {
  return files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => /^\s*(import|export)\b.*\bfrom\s+['"]/.test(line) && modules.test(line.replace(/^.*\bfrom\s+/, '')))
    .map(({ i }) => `${path.relative(ROOT, f)}:${i + 1}`));
}

describe('project imports', () => {
  it('imports AWS resources from their submodules, never the @cdktf/provider-aws root (about 5 s per process)', () => {
    const files = sources('lib', 'stacks', 'bench', 'test');
    expect(files.length).toBeGreaterThan(100);
    expect(importsOf(files, /^['"]@cdktf\/provider-aws['"]/)).toEqual([]);
  });

  it('keeps the rules, the model and the contract free of cdktf and cdk8s types', () => {
    const files = sources('lib/rules', 'lib/model', 'lib/contract');
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf(files, /^['"](cdktf|cdk8s|cdk8s-plus-27|@cdktf\/.*)['"]/)).toEqual([]);
  });

  it('detects such an import (the check can fail)', () => {
    const probe = path.join(ROOT, '.test-out', 'import-probe.ts');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, `import { MskCluster } from '@cdktf/${'provider-aws'}';\n`);
    try {
      expect(importsOf([probe], /^['"]@cdktf\/provider-aws['"]/)).toEqual([`${path.relative(ROOT, probe)}:1`]);
    } finally {
      fs.rmSync(probe);
    }
  });
});
