// SEC-009: every test that proves this rule, one describe per target it applies to.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it, expect, describe } from 'vitest';
import { k8s, chartErrors, errorsOf } from './fixtures/access-rules';
import { EnvironmentProfile, Environment } from '../../lib/model/environment';
import { StrimziAccess } from '../../lib/targets/strimzi/strimzi-access';
import { sampleModel } from '../support/access-fixtures';
import { StatefulSetAccessJob } from '../../lib/targets/statefulset/statefulset-access-job';
import { JsonPatch } from 'cdk8s';
import { appWith, synthError } from './fixtures/sec-009-output-files';
import { EXAMPLE_ENVIRONMENTS, exampleDist } from '../support/paths';
import { SecretScanner } from '../../lib/rules/readers/secret-scanner';
import { mskStack } from '../support/msk-stack';
import { MskAccess } from '../../lib/targets/msk/msk-access';
import { Testing } from 'cdktf';
import { expectCompliant, strimziChart, KAFKA_PATH, expectViolation } from '../support/strimzi-fixture';
import { synthMessage } from './fixtures/strimzi-sec';

import { SEC_009_NO_SECRET_VALUES } from '../../lib/rules/sec-009-no-secret-values';
import { itDescribesItself } from './fixtures/metadata';
import { SEC_009_NO_SECRET_VALUES as SEC_009, secretValueViolationsInOutputFile as outputFileViolations } from '../../lib/rules/sec-009-no-secret-values';
import { kubernetes as k8sDocument, terraform as terraformDocument } from './fixtures/cap-documents';
import { findingsOf, outcomeOf } from './fixtures/outcome';
describe('every target', () => {
  describe('SEC-009 no secret values', () => {
    it('passes on the rendered access artefacts of every target', () => {
      const { environment, chart } = k8s(EnvironmentProfile.DEVELOPMENT);
      new StrimziAccess(chart, 'Access', { model: sampleModel(environment), clusterName: 'main' });
      expect(chartErrors(chart)).not.toContain('SEC-009');
    });

    it('fails SEC-009 in development when a JSON patch writes a password into the Job env', () => {
      const { environment, chart } = k8s(EnvironmentProfile.DEVELOPMENT);
      const job = new StatefulSetAccessJob(chart, 'Access', { model: sampleModel(environment), clusterName: 'main', image: 'apache/kafka:4.1.1', bootstrapServers: 'b:9093' });
      job.resource.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/env/-', { name: 'ADMIN_PASSWORD', value: 'hunter2-hunter2' }));
      const errors = chartErrors(chart);
      expect(errors).toMatch(/^SEC-009 \[kafka\/Access\/Resource\] Job\/main-access-\w+\.spec\.template\.spec\.containers\[0\]\.env\[2\]\.value holds a literal value for environment variable 'ADMIN_PASSWORD'/m);
      expect(errors).not.toContain('hunter2');
    });
  });

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
});

describe('MSK', () => {
  describe('SEC-009 no secret values', () => {

    it('fails SEC-009 on MSK when an override writes a SCRAM password into the secret version', () => {
      const { stack, environment, cluster } = mskStack({ profile: EnvironmentProfile.DEVELOPMENT });
      const access = new MskAccess(stack, 'Access', { model: sampleModel(environment), cluster });
      access.scramUsers.get('billing')!.secretVersion.addOverride('secret_string_wo', '{"username":"billing","password":"hunter2-hunter2"}');
      const message = errorsOf(() => Testing.synth(stack, true));
      expect(message).toMatch(/SEC-009 \[development\/Access\/Scram-billing\/Value\] aws_secretsmanager_secret_version\.\S+\.secret_string_wo holds a secret value in key 'secret_string_wo'/);
      expect(message).not.toContain('hunter2');
    });
  });
});

describe('Strimzi', () => {
  describe('SEC rules on Strimzi', () => {

    describe('SEC-009', () => {
      it('passes SEC-009 on the Kafka resource, which references its secrets only', () => {
        expectCompliant(strimziChart().chart, 'SEC-009', KAFKA_PATH);
      });
      it('fails SEC-009 when a JSON patch adds a literal password env var to the Kafka container template', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/template/kafkaContainer', { env: [{ name: 'KEYSTORE_PASSWORD', value: 'hunter2-hunter2' }] }));
        expectViolation(chart, 'SEC-009', KAFKA_PATH, /Kafka\/\S+\.spec\.kafka\.template\.kafkaContainer\.env\[0\]\.value holds a literal value for environment variable 'KEYSTORE_PASSWORD'; expected a reference to a secret/);
        const message = synthMessage(chart);
        expect(message).toMatch(/^SEC-009 \[kafka\/Kafka\/Resource\] /m);
        expect(message).not.toContain('hunter2');
      });
      it('fails SEC-009 in development too (SEC-009 is an error in every environment)', () => {
        const { chart, cluster } = strimziChart({ profile: EnvironmentProfile.DEVELOPMENT });
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/template/kafkaContainer', { env: [{ name: 'ADMIN_PASSWORD', value: 'hunter2-hunter2' }] }));
        expectViolation(chart, 'SEC-009', KAFKA_PATH, /holds a literal value for environment variable 'ADMIN_PASSWORD'/);
      });
      it('passes SEC-009 when the env var references a Secret (secretKeyRef)', () => {
        const { chart, cluster } = strimziChart();
        cluster.kafka.addJsonPatch(JsonPatch.add('/spec/kafka/template/kafkaContainer', { env: [{ name: 'KEYSTORE_PASSWORD', valueFrom: { secretKeyRef: { name: 'kafka-keystore', key: 'password' } } }] }));
        expectCompliant(chart, 'SEC-009', KAFKA_PATH);
      });
    });
  });
});

describe('SEC-009 over single documents and output files (the whole finding, the location per source)', () => {
  const EXPECTED = 'a reference to a secret (secretKeyRef, ${...} provider or expression, Secrets Manager ARN), never its value';
  const FIX = 'Move the value into a Kubernetes Secret or AWS Secrets Manager and reference it; rotate the leaked credential.';
  it('locates a Terraform value by its address and a Kubernetes value by kind/name', () => {
    expect(findingsOf(SEC_009, terraformDocument('aws_secretsmanager_secret_version', 'scram', { secret_string: '{"username":"u","password":"hunter2"}' }))).toEqual([
      { found: "aws_secretsmanager_secret_version.scram.secret_string holds a secret value in key 'secret_string'", expected: EXPECTED, fix: FIX },
    ]);
    expect(findingsOf(SEC_009, k8sDocument('v1', 'ConfigMap', 'cm', { data: { 'client.properties': 'password=hunter2\n' } }))).toEqual([
      { found: "ConfigMap/cm.data.client.properties:1 holds a secret value in key 'password'", expected: EXPECTED, fix: FIX },
    ]);
  });
  it('passes a reference through a config provider', () => {
    expect(outcomeOf(SEC_009, k8sDocument('v1', 'ConfigMap', 'cm', { data: { 'client.properties': 'password=${file:/x:p}\n' } }))).toEqual({ status: 'compliant' });
  });
  it('writes one violation line per secret of an output file, naming the file, the source and the fix, never the value', () => {
    const line = (source: string) => `SEC-009 [dist/production/clients/a.properties] clients/a.properties:1 holds a secret value in key 'password'; expected ${EXPECTED}. Render a reference in ${source} instead: ${FIX}`;
    expect(outputFileViolations('dist/production/clients/a.properties', 'clients/a.properties', 'password=hunter2\n')).toEqual([line('the construct that adds clients/a.properties')]);
    expect(outputFileViolations('dist/production/clients/a.properties', 'clients/a.properties', 'password=hunter2\n', 'ClientProperties')).toEqual([line('ClientProperties')]);
    expect(outputFileViolations('dist/production/clients/a.properties', 'clients/a.properties', 'password=${file:/x:p}\n')).toEqual([]);
  });
});

describe('the rule', () => {
  itDescribesItself(SEC_009_NO_SECRET_VALUES, 'SEC-009', ['any']);
});
