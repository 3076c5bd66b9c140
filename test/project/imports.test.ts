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

/** `file: line` for each reference to the package (or one of its files) as a module: import, export, `import()` or `require()`, on one line or several. */
function moduleReferences(files: readonly string[], name: string): string[] {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const reference = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(\\s*|\\brequire\\s*\\(\\s*|^\\s*import\\s+)['"]${escaped}(?:/[^'"]*)?['"]`, 'gm');
  return files.flatMap((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return [...text.matchAll(reference)].map((m) => `${path.relative(ROOT, f)}:${text.slice(0, m.index).split('\n').length}`);
  });
}

/** Every .ts file under a folder, the generated ones (`imports/`) included. */
function allSources(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(ROOT, dir, f));
}

/**
 * `localeCompare`, a collator without a locale and `toLocale*String()` without one follow the
 * process locale (ICU reads LANG / LC_ALL): `['aa', 'z']` sorts the other way under da_DK, `y`
 * before `j` under lt_LT. The files a synthesis writes must not depend on the machine.
 */
const PROCESS_LOCALE = /\.localeCompare\(|\bIntl\.Collator\(\s*\)|\bIntl\.Collator\(\s*undefined|\.toLocale(?:Date|Time|)String\(\s*\)|\bIntl\.(?:NumberFormat|DateTimeFormat)\(\s*\)/;

function processLocaleUses(files: readonly string[]): string[] {
  return files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').flatMap((line, i) =>
    (PROCESS_LOCALE.test(line) && !/^\s*(\*|\/\/)/.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}`] : [])));
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

  it('loads nothing of cdk8s-plus-27 from lib/, the generated lib/imports/k8s.ts included: it is a devDependency (the generator\'s source), not a peer', () => {
    const files = allSources('lib');
    expect(files.some((f) => f.endsWith(path.join('lib', 'imports', 'k8s.ts')))).toBe(true);
    expect(files.length).toBeGreaterThan(100);
    expect(moduleReferences(files, 'cdk8s-plus-27')).toEqual([]);
  });

  it('detects a reference to cdk8s-plus-27 in any form (the check can fail)', () => {
    const probe = path.join(ROOT, '.test-out', 'plus-probe.ts');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    const plus = ['cdk8s', 'plus', '27'].join('-');
    fs.writeFileSync(probe, [
      `import type * as k8s from '${plus}/lib/imports/k8s';`,
      'import {',
      '  KubeService,',
      `} from "${plus}";`,
      `export { Duration } from '${plus}';`,
      `const lazy = require('${plus}');`,
      `const later = import('${plus}/lib/imports/k8s');`,
      `import '${plus}';`,
      `// cdk8s-plus-27's own words in a comment, and 'cdk8s-plus-270' or '${plus}-extra' are not references`,
      `const other = require('${plus}0');`,
      '',
    ].join('\n'));
    try {
      const at = path.relative(ROOT, probe);
      expect(moduleReferences([probe], plus)).toEqual([1, 4, 5, 6, 7, 8].map((line) => `${at}:${line}`));
    } finally {
      fs.rmSync(probe);
    }
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

  it('no library module sorts or formats with the process locale', () => {
    const files = allSources('lib');
    expect(files.length).toBeGreaterThan(100);
    expect(processLocaleUses(files)).toEqual([]);
    // The check can fail: each form is found.
    const probe = path.join(ROOT, '.test-out', 'locale-probe.ts');
    fs.mkdirSync(path.dirname(probe), { recursive: true });
    fs.writeFileSync(probe, ["a.localeCompare(b);", 'new Intl.Collator();', 'n.toLocaleString();', '// a.localeCompare(b) in a comment', "new Intl.Collator('en');"].join('\n'));
    try {
      expect(processLocaleUses([probe])).toEqual([1, 2, 3].map((n) => `${path.relative(ROOT, probe)}:${n}`));
    } finally {
      fs.rmSync(probe);
    }
  });
});
