import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { KafkaApp } from '../../lib/app/kafka-app';
import { Environment } from '../../lib/model/environment';
import { SecretScanner } from '../../lib/rules/readers/secret-scanner';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';

/** A construct that adds one file under dist/<env>/, as client properties, runbooks and drills do. */
class OutputFile extends Construct {
  public constructor(scope: Construct, id: string, relativePath: string, text: string) {
    super(scope, id);
    Environment.of(this).addOutputFile(relativePath, () => text);
  }
}

/** An app in a temporary folder with one production stack holding the given output files. */
function appWith(files: Readonly<Record<string, string>>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-iac-sec009-'));
  const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist') });
  const environment = Environment.production({ name: 'production', region: 'us-east-1' });
  const stack = app.stack(environment);
  Object.entries(files).forEach(([rel, text], i) => new OutputFile(stack, `File${i}`, rel, text));
  return { app, stack, dist: path.join(dir, 'dist', 'production'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function synthError(app: KafkaApp): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected KafkaApp.synth to fail, but it passed');
}

describe('SEC-009 on the files KafkaApp.synth writes under dist/<env>/', () => {
  it('writes output files that reference their secrets (config providers, $(...), Secrets Manager ARNs)', () => {
    const t = appWith({
      'clients/orders.properties': 'security.protocol=SASL_SSL\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="orders" password="${dir:/etc/kafka/secrets/orders:password}";\nssl.truststore.password=${file:/etc/kafka/truststore.properties:password}\n',
      'runbooks/rotate.md': '# Rotate\n\nexport KAFKA_PASSWORD=$(kubectl get secret orders -o jsonpath={.data.password} | base64 -d)\n',
      'kafka-admin/secrets.json': JSON.stringify({ password: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:AmazonMSK_orders-AbCdEf' }),
    });
    try {
      const [env] = t.app.synth();
      expect(env.errors).toBe(0);
      expect(fs.readFileSync(path.join(t.dist, 'clients/orders.properties'), 'utf8')).toContain('${dir:/etc/kafka/secrets/orders:password}');
      expect(fs.existsSync(path.join(t.dist, 'runbooks/rotate.md'))).toBe(true);
      expect(fs.existsSync(path.join(t.dist, 'report.json'))).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it('stops synthesis with SEC-009, the file and the fix when a construct adds client properties with password=hunter2, and writes nothing', () => {
    const t = appWith({ 'clients/leaky.properties': 'bootstrap.servers=b:9096\npassword=hunter2-hunter2\n' });
    try {
      const message = synthError(t.app);
      expect(message).toContain(`SEC-009 [${path.join(t.dist, 'clients/leaky.properties')}] clients/leaky.properties:2 holds a secret value in key 'password'; expected a reference to a secret`);
      expect(message).toContain('Render a reference in the construct that adds clients/leaky.properties instead');
      expect(message).not.toContain('hunter2');
      expect(fs.existsSync(t.dist)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('finds secret values in JSON, YAML and Markdown output files, one line each', () => {
    const pem = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', '-----END PRIVATE KEY-----'].join('\n');
    const t = appWith({
      'kafka-admin/client.json': JSON.stringify({ 'ssl.keystore.password': 'changeit-now' }),
      'prometheus/leaky.rules.yml': 'groups:\n  - name: leaky\n    rules:\n      - alert: X\n        expr: up == 0\n        annotations:\n          sasl_password: hunter2-hunter2\n',
      'runbooks/leaky.md': `# Broker TLS\n\n\`\`\`\n${pem}\n\`\`\`\n`,
    });
    try {
      const lines = synthError(t.app).split('\n').filter((l) => l.includes('SEC-009'));
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain("kafka-admin/client.json#.ssl.keystore.password holds a secret value in key 'ssl.keystore.password'");
      expect(lines[1]).toContain("prometheus/leaky.rules.yml#0.groups[0].rules[0].annotations.sasl_password holds a secret value in key 'sasl_password'");
      expect(lines[2]).toMatch(/runbooks\/leaky\.md:\d+ holds a PEM private key/);
    } finally {
      t.cleanup();
    }
  });

  it('stops synthesis when the rules report would carry a secret value (a report section with client properties), and leaves no dist/<env>/', () => {
    const t = appWith({});
    Environment.of(t.stack).addReportSection({
      title: 'Client setup', data: { properties: 'sasl.password=hunter2-hunter2' }, markdown: '## Client setup\n\nsasl.password=hunter2-hunter2\n',
    });
    try {
      const message = synthError(t.app);
      expect(message).toContain(`SEC-009 [${path.join(t.dist, 'report.json')}] report.json#.sections.Client setup.properties holds a secret value in key 'sasl.password'; expected a reference to a secret`);
      expect(message).toContain('Render a reference in the report section (addReportSection) or suppression reason that carries it instead');
      expect(message).toMatch(new RegExp(`SEC-009 \\[${path.join(t.dist, 'report.md').replace(/[.\\/]/g, '\\$&')}\\] report\\.md:\\d+ holds a secret value in key 'sasl\\.password'`));
      expect(message).not.toContain('hunter2');
      expect(fs.existsSync(t.dist)).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('leaves the example environments without a secret value in any file of dist/<env>/', () => {
    for (const env of EXAMPLE_ENVIRONMENTS) {
      const files = SecretScanner.filesUnder(exampleDist(env));
      expect(files.length, env).toBeGreaterThan(3);
      expect(SecretScanner.scanDirectory(exampleDist(env)), env).toEqual([]);
    }
  });
});
