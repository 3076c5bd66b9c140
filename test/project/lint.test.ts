// The lint (eslint.config.mjs) enforces the architecture: the import direction of
// architecture-layers.json, construct-free model and rules, and no @cdktf/provider-aws root
// import. Each restriction is shown to fire on a probe, and to let the allowed import through.
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const eslint = new ESLint({ cwd: ROOT });
/** The provider package's root, the import the lint refuses (spelled in parts so this file does not import it). */
const PROVIDER_ROOT = ['@cdktf', 'provider-aws'].join('/');

/** The messages of the rule `no-restricted-imports` for `code` written in the file `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint: the tests import the TypeScript compiler as its default (vitest.config.ts aliases it to a require)', () => {
  const syntax = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, 'test/__probe.ts') });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  };

  it('refuses a namespace, a named value or a dynamic import of typescript in a test', async () => {
    expect(await syntax("import * as ts from 'typescript';\nexport { ts };\n")).toHaveLength(1);
    expect(await syntax("import { SyntaxKind } from 'typescript';\nexport { SyntaxKind };\n")).toHaveLength(1);
    expect(await syntax("export const ts = import('typescript');\n")).toHaveLength(1);
  });

  it('allows the default import and type-only imports', async () => {
    expect(await syntax("import ts from 'typescript';\nimport type { Node } from 'typescript';\nimport { type SourceFile } from 'typescript';\nexport { ts };\nexport type N = Node | SourceFile;\n")).toEqual([]);
  });
});

describe('lint: the architecture as import restrictions', () => {
  it('refuses an import that goes the wrong way, at any depth of a layer', async () => {
    expect(await restricted('lib/model/__probe.ts', "import { RuleLevel } from '../rules/rule';\nexport { RuleLevel };\n"))
      .toEqual([expect.stringContaining('model may import only nothing of ours')]);
    expect(await restricted('lib/model/access/__probe.ts', "import type { Rule } from '../../rules/rule';\nexport type { Rule };\n")).toHaveLength(1);
    expect(await restricted('lib/contract/writers/__probe.ts', "import { KafkaApp } from '../../app/kafka-app';\nexport { KafkaApp };\n")).toHaveLength(1);
    expect(await restricted('lib/rules/checks/__probe.ts', "import { MskCluster } from '../../targets/msk/msk-cluster';\nexport { MskCluster };\n")).toHaveLength(1);
    expect(await restricted('lib/targets/msk/__probe.ts', "import { KafkaApp } from '../../app/kafka-app';\nexport { KafkaApp };\n")).toHaveLength(1);
  });

  it('refuses one target importing another, by the short and the long path', async () => {
    expect(await restricted('lib/targets/msk/__probe.ts', "export { StrimziKafkaCluster } from '../strimzi/strimzi-kafka-cluster';\n")).toHaveLength(1);
    expect(await restricted('lib/targets/statefulset/__probe.ts', "export { StrimziKafkaCluster } from '../../targets/strimzi/strimzi-kafka-cluster';\n")).toHaveLength(1);
  });

  it('lets each layer import what it may', async () => {
    expect(await restricted('lib/rules/__probe.ts', "import { KafkaIacError } from '../model/errors';\nimport type { SynthesizedDocument } from '../contract/document';\nexport { KafkaIacError, type SynthesizedDocument };\n")).toEqual([]);
    expect(await restricted('lib/targets/strimzi/__probe.ts', "export { EncryptedStorageClass } from '../kubernetes/encrypted-storage-class';\nexport * from '../../imports/kafka.strimzi.io';\n")).toEqual([]);
    expect(await restricted('lib/app/__probe.ts', "export { MskCluster } from '../targets/msk/msk-cluster';\n")).toEqual([]);
    expect(await restricted('lib/model/access/__probe.ts', "export { Acl } from './acl';\nexport { KafkaIacError } from '../errors';\n")).toEqual([]);
  });

  it('keeps the model and the rules free of construct libraries, except the two files that attach validations', async () => {
    expect(await restricted('lib/model/__probe.ts', "import { Construct } from 'constructs';\nexport { Construct };\n")).toHaveLength(1);
    expect(await restricted('lib/rules/readers/__probe.ts', "import { Testing } from 'cdktf';\nexport { Testing };\n")).toHaveLength(1);
    expect(await restricted('lib/rules/rule-validation.ts', "import { Node } from 'constructs';\nexport { Node };\n")).toEqual([]);
    expect(await restricted('lib/rules/rule-validation.ts', "import { KafkaApp } from '../app/kafka-app';\nexport { KafkaApp };\n")).toHaveLength(1);
  });

  it('refuses the @cdktf/provider-aws root anywhere, and allows its submodules', async () => {
    for (const file of ['lib/targets/msk/__probe.ts', 'test/__probe.ts', 'stacks/__probe.ts']) {
      expect(await restricted(file, `import { MskCluster } from '${PROVIDER_ROOT}';\nexport { MskCluster };\n`), file)
        .toEqual([expect.stringContaining('Import a submodule such as @cdktf/provider-aws/lib/msk-cluster')]);
      expect(await restricted(file, "import * as aws from '@cdktf/provider-aws/lib';\nexport { aws };\n"), file).toHaveLength(1);
    }
    expect(await restricted('lib/targets/msk/__probe.ts', "import { MskCluster } from '@cdktf/provider-aws/lib/msk-cluster';\nexport { MskCluster };\n")).toEqual([]);
  });

  it('lints no generated or git-ignored output (the API reference, builds, cdk8s imports)', async () => {
    for (const file of ['api-reference/assets/main.js', 'build/esm/index.js', 'dist/production/x.js', 'lib/imports/keda.sh.ts']) {
      expect(await eslint.isPathIgnored(path.join(ROOT, file)), file).toBe(true);
    }
    expect(await eslint.isPathIgnored(path.join(ROOT, 'lib/index.ts'))).toBe(false);
  });
});
