import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretScanner } from '../../lib/rules/readers/secret-scanner';
import { EXAMPLES_DIR, TEST_OUT } from '../support/paths';

describe('SEC-009 secret scanner over every output file', () => {
  it('finds no secret value in any example output file (Terraform JSON, YAML, reports, properties, scripts)', () => {
    const files = SecretScanner.filesUnder(EXAMPLES_DIR);
    expect(files.some((f) => f.endsWith('cdk.tf.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.k8s.yaml'))).toBe(true);
    expect(files.some((f) => f.endsWith('report.md'))).toBe(true);
    expect(SecretScanner.scanDirectory(EXAMPLES_DIR)).toEqual([]);
  });

  it('catches a planted password, private key and keystore password in every file format', () => {
    const dir = path.join(TEST_OUT, 'secret-scan-planted');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAx', '-----END RSA PRIVATE KEY-----'].join('\n');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({
      variable: { admin_password: { type: 'string', default: 'Sup3rSecret!' } },
      resource: { aws_secretsmanager_secret_version: { v: { secret_string: '{"password":"Sup3rSecret!"}' } } },
    }));
    fs.writeFileSync(path.join(dir, 'kafka.k8s.yaml'), [
      'apiVersion: v1', 'kind: Secret', 'metadata: { name: leaked }', 'stringData: { password: Sup3rSecret! }', '---',
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: tls }', 'data:', '  key.pem: |',
      ...pem.split('\n').map((l) => `    ${l}`), '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'client.properties'), 'ssl.keystore.password=changeit\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="a" password="Sup3rSecret!";\n');
    const found = SecretScanner.scanDirectory(dir);
    const where = found.map((f) => `${path.basename(f.location.split(/[#:]/)[0])} ${f.what}`);
    expect(where).toEqual(expect.arrayContaining([
      "cdk.tf.json a default value for secret variable 'admin_password'",
      "cdk.tf.json a secret value in key 'secret_string'",
      'kafka.k8s.yaml a Kubernetes Secret with stringData (password); let the operator or an external secret store create it',
      'kafka.k8s.yaml a PEM private key',
      "client.properties a secret value in key 'ssl.keystore.password'",
      'client.properties a literal JAAS password',
    ]));
    expect(JSON.stringify(found)).not.toContain('Sup3rSecret');
  });

  it('does not flag references: secretKeyRef, config providers, Terraform expressions, Secrets Manager ARNs', () => {
    expect(SecretScanner.scanValue({
      env: [{ name: 'ADMIN_PASSWORD', valueFrom: { secretKeyRef: { name: 'admin', key: 'password' } } }],
      spec: { authentication: { password: { valueFrom: { secretKeyRef: { name: 'u', key: 'password' } } } } },
      secret_arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:AmazonMSK_prod_orders-AbCdEf',
      secret_string_wo: '${jsonencode({"password" = var.scram_password_orders, "username" = "orders"})}',
      password: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x',
      'client.properties': 'ssl.keystore.password=${dir:/etc/kafka/secrets/u:user.password}\nsasl.jaas.config=x required username="u" password="${env:KAFKA_SCRAM_PASSWORD}";\n',
      escaped: 'password="$${env:KAFKA_SCRAM_PASSWORD}";',
      certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    })).toEqual([]);
  });
});
