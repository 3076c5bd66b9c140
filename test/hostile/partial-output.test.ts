import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KafkaApp } from '../../lib/app/kafka-app';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment, EnvironmentProfile } from '../../lib/model/environment';
import { KafkaNetwork } from '../../lib/targets/msk/kafka-network';
import { MskCluster } from '../../lib/targets/msk/msk-cluster';
import { OutputFile } from '../rules/fixtures/sec-009-output-files';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiac-partial-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

type Breakage = 'none' | 'secret-in-a-file' | 'rule-violation';

/** An app with a staging and a production environment in `dir`; `breakage` breaks production. */
function app(dir: string, breakage: Breakage): KafkaApp {
  const a = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), quiet: true });
  const staging = a.stack(new Environment({ name: 'staging', profile: EnvironmentProfile.STAGING, region: 'us-east-1' }));
  new OutputFile(staging, 'Notes', 'notes.md', '# Staging\n');
  const production = a.stack(Environment.production({ name: 'production', region: 'us-east-1' }));
  new OutputFile(production, 'Notes', 'notes.md', '# Production\n');
  if (breakage === 'secret-in-a-file') new OutputFile(production, 'Leak', 'clients/leak.properties', 'password=hunter2-hunter2\n');
  if (breakage === 'rule-violation') {
    // An MSK cluster without any monitoring: the MON rules stop the synthesis of production.
    const network = new KafkaNetwork(production, 'Network', { availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'apps')] });
    new MskCluster(production, 'Kafka', { network, brokers: 3, authentication: [ClientAuthentication.iam()] });
  }
  return a;
}

const outputs = (dir: string) => [
  path.join(dir, 'cdktf.out', 'stacks', 'staging'), path.join(dir, 'cdktf.out', 'stacks', 'production'), path.join(dir, 'cdktf.out', 'manifest.json'),
  path.join(dir, 'dist', 'staging'), path.join(dir, 'dist', 'production'),
];

describe('no partial output when synthesis fails (issue #13)', () => {
  it.each<Breakage>(['secret-in-a-file', 'rule-violation'])('leaves neither this run\'s nor the previous run\'s cdktf.out and dist folders behind after %s', (breakage) => {
    const dir = fs.mkdtempSync(path.join(work, `${breakage}-`));
    app(dir, 'none').synth();
    for (const p of outputs(dir)) expect(fs.existsSync(p), p).toBe(true);

    expect(() => app(dir, breakage).synth()).toThrow(breakage === 'rule-violation' ? /MON-001/ : /SEC-009/);
    for (const p of outputs(dir)) expect(fs.existsSync(p), `${p} is left behind`).toBe(false);
  });

  it('writes every output again once the input is fixed', () => {
    const dir = fs.mkdtempSync(path.join(work, 'fixed-'));
    expect(() => app(dir, 'secret-in-a-file').synth()).toThrow(/SEC-009/);
    const written = app(dir, 'none').synth();
    expect(written.map((w) => w.environment)).toEqual(['staging', 'production']);
    for (const p of outputs(dir)) expect(fs.existsSync(p), p).toBe(true);
  });
});
