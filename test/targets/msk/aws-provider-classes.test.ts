import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as loaders from '../../../lib/targets/msk/aws-provider-classes';
import { ROOT } from '../../support/paths';

/**
 * The provider classes the MSK constructs load on first use (lib/targets/msk/aws-provider-classes.ts):
 * each loader names its submodule twice, as the string it requires at run time and in the type of
 * its pick (`typeof import('@cdktf/provider-aws/lib/<submodule>')`, which tsc checks). The two must
 * be the same submodule, and the loader must give that submodule's own class.
 */
describe('awsProviderClass loaders', () => {
  const source = fs.readFileSync(path.join(ROOT, 'lib/targets/msk/aws-provider-classes.ts'), 'utf8');
  const declared = [...source.matchAll(/^export const (\w+) = awsProviderClass\('([\w-]+)', \(m: typeof import\('@cdktf\/provider-aws\/lib\/([\w-]+)'\)\) => m\.(\w+)\);$/gm)]
    .map(([, name, required, typed, key]) => ({ name, required, typed, key }));
  const requireFromLib = createRequire(path.join(ROOT, 'lib', 'index.ts'));

  it('declares one loader per exported class, each requiring the submodule its type names', () => {
    const exported = Object.keys(loaders).filter((k) => /^[A-Z]\w*Class$/.test(k)).sort();
    expect(declared.map((d) => d.name).sort()).toEqual(exported);
    expect(declared.length).toBeGreaterThanOrEqual(16);
    expect(declared.filter((d) => d.required !== d.typed)).toEqual([]);
  });

  it('gives each submodule\'s own class, the same one on every call', () => {
    for (const { name, required, key } of declared) {
      const load = (loaders as unknown as Record<string, () => unknown>)[name];
      const loaded = load();
      expect(typeof loaded, name).toBe('function');
      expect(loaded, name).toBe(requireFromLib(`@cdktf/provider-aws/lib/${required}`)[key]);
      expect(load(), name).toBe(loaded);
    }
  });
});
