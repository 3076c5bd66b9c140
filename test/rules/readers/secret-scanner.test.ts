// The SEC-009 secret scanner (lib/rules/readers/secret-scanner.ts) over single values, texts and
// files: which key names are secret, which values are references, what each kind of secret is
// reported as and where. The value itself is never repeated in a finding.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeYaml } from '../../../lib/contract/yaml-writer';
import { isSecretKeyName, isSecretReference, SecretScanner } from '../../../lib/rules/readers/secret-scanner';

const inKey = (key: string) => `a secret value in key '${key}'`;

describe('isSecretKeyName: the key names that hold a secret', () => {
  it('names a password by its suffix, in any case and separator, with the write-only _wo suffix', () => {
    for (const key of ['password', 'ssl.keystore.password', 'DB_PASSWORD', 'db_passwd', 'gpg.passphrase', 'pwd', 'password_wo', 'sasl.password', 'Admin-Password-WO']) {
      expect(isSecretKeyName(key), key).toBe(true);
    }
  });

  it('names each of the other secret keys, whatever the case or separators', () => {
    for (const key of ['secret', 'secret_string', 'secret_string_wo', 'secretValue', 'secret-key', 'secret_access_key', 'aws_secret_access_key',
      'private_key', 'private_key_pem', 'client_secret', 'api-key', 'ACCESS_TOKEN', 'bearer.token', 'token']) {
      expect(isSecretKeyName(key), key).toBe(true);
    }
  });

  it('does not name a key that only contains a secret word', () => {
    for (const key of ['password.file', 'passwordHint', 'ssl.keystore.location', 'secretName', 'token.endpoint.url', 'tokens', 'username', 'api', 'wo', 'key']) {
      expect(isSecretKeyName(key), key).toBe(false);
    }
  });

  it('answers the same for a key asked again (the answers are remembered)', () => {
    expect([isSecretKeyName('x.password'), isSecretKeyName('x.password'), isSecretKeyName('x.host'), isSecretKeyName('x.host')]).toEqual([true, true, false, false]);
  });
});

describe('isSecretReference: a value that points at a secret instead of holding it', () => {
  it('is empty, or empty once quotes, a trailing semicolon and blanks are taken off', () => {
    for (const v of ['', '   ', '""', "''", '"";', ' " " ']) expect(isSecretReference(v), v).toBe(true);
  });

  it('is a Terraform or config-provider expression, a shell substitution, a dynamic reference or a Secrets Manager ARN', () => {
    for (const v of ['${var.password}', '$${file:/etc/kafka/secrets.properties:password}', '"${env:PASSWORD}";', "'${x}'", '"${x} "', '${a\nb}',
      '$(cat /run/secrets/password)', '$(a\nb)', '{{resolve:secretsmanager:kafka:SecretString:password}}',
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:kafka-AbCdEf', 'arn:aws-us-gov:secretsmanager:us-gov-west-1:1:secret:x']) {
      expect(isSecretReference(v), v).toBe(true);
    }
  });

  it('is not a literal, nor a literal that only contains a reference', () => {
    for (const v of ['hunter2', '"hunter2"', 'hunter2;', 'x${var.password}', '${var.password}x', 'x$(cat p)', '$(cat p)x', 'see {{resolve:x}}',
      'arn:aws:kms:us-east-1:1:key/x', 'my arn:aws:secretsmanager:us-east-1:1:secret:x', '$x', '{x}']) {
      expect(isSecretReference(v), v).toBe(false);
    }
  });
});

describe('SecretScanner.scanValue: a structured value (a synthesized document, parsed JSON or YAML)', () => {
  it('reports a literal under a secret key, with its path, and no reference or non-secret key', () => {
    expect(SecretScanner.scanValue({ spec: { users: [{ name: 'a', password: 'hunter2' }, { name: 'b', password: '${var.b}' }], host: 'kafka' } }))
      .toEqual([{ location: '$.spec.users[0].password', what: inKey('password') }]);
    expect(SecretScanner.scanValue({ token: 'abc' }, 'doc')).toEqual([{ location: 'doc.token', what: inKey('token') }]);
    expect(SecretScanner.scanValue([{ secret: 's' }])).toEqual([{ location: '$[0].secret', what: inKey('secret') }]);
    expect(SecretScanner.scanValue({ password: 7, token: null, count: 3 })).toEqual([]);
  });

  it('reports a secret key once, without reading its value again as text', () => {
    expect(SecretScanner.scanValue({ private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----' }))
      .toEqual([{ location: '$.private_key', what: inKey('private_key') }]);
  });

  it('does not read the password of a Strimzi passwordSecret, which names a key of the Secret', () => {
    expect(SecretScanner.scanValue({ passwordSecret: { secretName: 'mm2-user', password: 'password' } })).toEqual([]);
    expect(SecretScanner.scanValue({ passwordSecret: { secretName: 7, password: 'password' } }))
      .toEqual([{ location: '$.passwordSecret.password', what: inKey('password') }]);
    // Only its password key names a key of the Secret: another secret key next to secretName is a value.
    expect(SecretScanner.scanValue({ auth: { secretName: 'mm2-user', token: 'abc' } })).toEqual([{ location: '$.auth.token', what: inKey('token') }]);
  });

  it('reports a literal environment variable with a secret name, and not a reference or another variable', () => {
    expect(SecretScanner.scanValue({ env: [{ name: 'KAFKA_PASSWORD', value: 'hunter2' }, { name: 'TRUSTSTORE_PASSWORD', value: '$(cat /p)' }, { name: 'HOST', value: 'kafka' }, { name: 'KAFKA_PASSWORD', valueFrom: { secretKeyRef: { name: 's', key: 'p' } } }] }))
      .toEqual([{ location: '$.env[0].value', what: "a literal value for environment variable 'KAFKA_PASSWORD'" }]);
    expect(SecretScanner.scanValue({ name: 7, value: 'hunter2' })).toEqual([]);
    expect(SecretScanner.scanValue({ name: 'TOKEN', value: 7 })).toEqual([]);
  });

  it('reports the default of a secret-like Terraform variable once, and not of another variable or a default at the top', () => {
    expect(SecretScanner.scanValue({ variable: { db_password: { type: 'string', default: 'hunter2' }, db_host: { default: 'kafka' }, api_token: { default: '${x}' } } }))
      .toEqual([{ location: '$.variable.db_password.default', what: "a default value for secret variable 'db_password'" }]);
    expect(SecretScanner.scanValue({ default: 'hunter2' })).toEqual([]);
    expect(SecretScanner.scanValue({ db_password: { default: 'password="x"' } }))
      .toEqual([{ location: '$.db_password.default', what: "a default value for secret variable 'db_password'" }]);
    expect(SecretScanner.scanValue({ db_password: { default: { value: 'x' } } })).toEqual([]);
    expect(SecretScanner.scanValue({ db_password: [{ default: 'hunter2' }] }))
      .toEqual([{ location: '$.db_password[0].default', what: "a default value for secret variable 'db_password'" }]);
  });

  it('reports a Kubernetes Secret that carries data or stringData, naming the keys', () => {
    expect(SecretScanner.scanValue({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { 'user.crt': 'eA==', ca: 'eQ==' }, stringData: { note: 'n' } })).toEqual([
      { location: '$.data', what: 'a Kubernetes Secret with data (user.crt, ca); let the operator or an external secret store create it' },
      { location: '$.stringData', what: 'a Kubernetes Secret with stringData (note); let the operator or an external secret store create it' },
    ]);
    expect(SecretScanner.scanValue({ apiVersion: 'v1', kind: 'Secret', data: {}, stringData: 'x' })).toEqual([]);
    expect(SecretScanner.scanValue({ apiVersion: 'v1', kind: 'Secret', data: null })).toEqual([]);
    expect(SecretScanner.scanValue({ kind: 'Secret', data: { 'user.crt': 'eA==' } })).toEqual([]);
    expect(SecretScanner.scanValue({ apiVersion: 'v1', kind: 'ConfigMap', data: { 'user.crt': 'eA==' } })).toEqual([]);
  });

  it('reads a text value: a PEM private key, key-value lines (numbered when several), a JAAS password', () => {
    expect(SecretScanner.scanValue({ pem: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----' })).toEqual([{ location: '$.pem', what: 'a PEM private key' }]);
    expect(SecretScanner.scanValue({ pem: '-----BEGIN ENCRYPTED PRIVATE KEY-----' })).toEqual([{ location: '$.pem', what: 'a PEM private key' }]);
    expect(SecretScanner.scanValue({ pem: '-----BEGIN CERTIFICATE-----\nMIIE' })).toEqual([]);
    expect(SecretScanner.scanValue({ 'client.properties': 'security.protocol=SASL_SSL\nssl.truststore.password=changeit\nsasl.password=${x}' }))
      .toEqual([{ location: '$.client.properties:2', what: inKey('ssl.truststore.password') }]);
    expect(SecretScanner.scanValue({ line: 'ssl.key.password=changeit' })).toEqual([{ location: '$.line', what: inKey('ssl.key.password') }]);
    expect(SecretScanner.scanValue({ jaas: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p";' }))
      .toEqual([{ location: '$.jaas', what: 'a literal JAAS password' }]);
    expect(SecretScanner.scanValue({ jaas: 'org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="${file:/p:k}";' })).toEqual([]);
  });

  it('names each finding by its own path after walking its siblings, nested arrays and multi-line values (the path is built for findings only)', () => {
    const value = {
      a: [{ x: 1, y: ['ok', { z: null }] }, { b: { token: 't', c: [[{ d: 'jaas password="p"' }]] } }],
      c: { password: 'p', e: { name: 'DB_PASSWORD', value: 'v' } },
      list: ['no secret here', 'a=1\nsecret=s\nb=2', '-----BEGIN PRIVATE KEY-----'],
      variable: { db_password: { default: 'd' } },
    };
    expect(SecretScanner.scanValue(value, 'doc')).toEqual([
      { location: 'doc.a[1].b.token', what: inKey('token') },
      { location: 'doc.a[1].b.c[0][0].d', what: 'a literal JAAS password' },
      { location: 'doc.c.password', what: inKey('password') },
      { location: 'doc.c.e.value', what: "a literal value for environment variable 'DB_PASSWORD'" },
      { location: 'doc.list[1]:2', what: inKey('secret') },
      { location: 'doc.list[2]', what: 'a PEM private key' },
      { location: 'doc.variable.db_password.default', what: "a default value for secret variable 'db_password'" },
    ]);
  });
});

describe('SecretScanner.scanText: free text line by line', () => {
  it('reports key-value lines with a secret key (= or :, export, blanks), with the line number', () => {
    const text = ['# client', 'bootstrap.servers=kafka:9093', 'ssl.keystore.password=changeit', 'export DB_PASSWORD=hunter2', '  token : abc  ', 'password: ${x}', 'secret=   ', 'passwd="";', 'export  API_KEY=k'].join('\n');
    expect(SecretScanner.scanText(text, 'client.properties')).toEqual([
      { location: 'client.properties:3', what: inKey('ssl.keystore.password') },
      { location: 'client.properties:4', what: inKey('DB_PASSWORD') },
      { location: 'client.properties:5', what: inKey('token') },
      { location: 'client.properties:9', what: inKey('API_KEY') },
    ]);
  });

  it('numbers the lines of Windows text too, and reads no line without = or :', () => {
    expect(SecretScanner.scanText('a=1\r\npassword=x\r\npassword x', 'f.txt')).toEqual([{ location: 'f.txt:2', what: inKey('password') }]);
  });

  it('reports the line of a PEM private key, once', () => {
    expect(SecretScanner.scanText('key:\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n', 'README.md')).toEqual([{ location: 'README.md:2', what: 'a PEM private key' }]);
  });

  it('reports each literal JAAS password of a line, and not a reference, an empty one or another word', () => {
    expect(SecretScanner.scanText('sasl.jaas.config=ScramLoginModule required username="u" password="p"; other password = "q";', 'jaas')).toEqual([
      { location: 'jaas:1', what: 'a literal JAAS password' }, { location: 'jaas:1', what: 'a literal JAAS password' },
    ]);
    expect(SecretScanner.scanText('password="p"', 'start')).toEqual([{ location: 'start:1', what: 'a literal JAAS password' }, { location: 'start:1', what: inKey('password') }]);
    expect(SecretScanner.scanText('x;password="p"', 'semicolon')).toEqual([{ location: 'semicolon:1', what: 'a literal JAAS password' }]);
    expect(SecretScanner.scanText('conf: required password="${x}" oldpassword="p" password=""', 'refs')).toEqual([]);
  });
});

describe('SecretScanner.scanContent and the files: JSON and YAML structurally, the rest as text', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scanner-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads JSON as a value, with the file name and the path', () => {
    expect(SecretScanner.scanContent('{"a":{"password":"x"}}', 'out/cdk.tf.json')).toEqual([{ location: 'out/cdk.tf.json#.a.password', what: inKey('password') }]);
    expect(SecretScanner.scanContent('{"a":{"password":"x"}}', 'OUT.JSON')).toEqual([{ location: 'OUT.JSON#.a.password', what: inKey('password') }]);
  });

  it('reads JSON that does not parse as text', () => {
    expect(SecretScanner.scanContent('password=x\n{', 'broken.json')).toEqual([{ location: 'broken.json:1', what: inKey('password') }]);
  });

  it('reads each YAML document, numbered, and YAML that does not parse as text', () => {
    expect(SecretScanner.scanContent('a: 1\n---\nkind: X\npassword: x\n', 'all.k8s.yaml')).toEqual([{ location: 'all.k8s.yaml#1.password', what: inKey('password') }]);
    expect(SecretScanner.scanContent('token: x\n', 'values.YML')).toEqual([{ location: 'values.YML#0.token', what: inKey('token') }]);
    expect(SecretScanner.scanContent('a: [1\npassword: x\n', 'broken.yaml')).toEqual([{ location: 'broken.yaml:2', what: inKey('password') }]);
    // One document that does not parse: the whole file is read as text.
    expect(SecretScanner.scanContent('token: x\n---\na: [1\n', 'half.yaml')).toEqual([{ location: 'half.yaml:1', what: inKey('token') }]);
  });

  it('reads YAML this library wrote as the value it wrote', () => {
    const text = writeYaml({ groups: [{ name: 'kafka', api_key: 'k' }] });
    expect(SecretScanner.scanContent(text, 'rules.yaml')).toEqual([{ location: 'rules.yaml#0.groups[0].api_key', what: inKey('api_key') }]);
  });

  it('reads any other file as text', () => {
    expect(SecretScanner.scanContent('{"password":"x"}', 'notes.md')).toEqual([]);
    expect(SecretScanner.scanContent('password=x', 'apply.sh')).toEqual([{ location: 'apply.sh:1', what: inKey('password') }]);
  });

  it('scans every file under a folder, sorted, skipping .terraform folders', () => {
    fs.mkdirSync(path.join(dir, 'b', '.terraform', 'providers'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'a'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'b', 'client.properties'), 'ssl.key.password=x\n');
    fs.writeFileSync(path.join(dir, 'b', '.terraform', 'providers', 'state.json'), '{"password":"x"}');
    fs.writeFileSync(path.join(dir, 'a', 'main.tf.json'), '{"variable":{"db_password":{"default":"x"}}}');
    fs.writeFileSync(path.join(dir, 'z.txt'), 'nothing here');
    // Sorted by path: the file m.txt before the folder m's files ('.' before '/').
    fs.mkdirSync(path.join(dir, 'm'));
    fs.writeFileSync(path.join(dir, 'm', 'x'), '');
    fs.writeFileSync(path.join(dir, 'm.txt'), '');
    fs.symlinkSync(path.join(dir, 'z.txt'), path.join(dir, 'link.txt'));
    expect(SecretScanner.filesUnder(dir).map((f) => path.relative(dir, f))).toEqual([path.join('a', 'main.tf.json'), path.join('b', 'client.properties'), 'm.txt', path.join('m', 'x'), 'z.txt']);
    expect(SecretScanner.scanDirectory(dir).map((f) => ({ ...f, location: path.relative(dir, f.location) }))).toEqual([
      { location: path.join('a', 'main.tf.json#.variable.db_password.default'), what: "a default value for secret variable 'db_password'" },
      { location: path.join('b', 'client.properties:1'), what: inKey('ssl.key.password') },
    ]);
    expect(SecretScanner.scanFile(path.join(dir, 'b', 'client.properties')).map((f) => f.what)).toEqual([inKey('ssl.key.password')]);
  });
});

describe('the lines of a text and a key-value line, as the regular expressions read them', () => {
  // The scanner reads a key-value line's key first and cuts its value only when the key names a
  // secret (most lines do not), instead of matching the whole line: the findings are those of
  // `/^\s*(?:export\s+)?([A-Za-z0-9_.-]+)\s*[=:]\s*(.*?)\s*$/` over the lines of `text.split(/\r?\n/)`,
  // which this reference reads the text with, for any text made of the characters that decide them.
  const KEY_VALUE_LINE = /^\s*(?:export\s+)?([A-Za-z0-9_.-]+)\s*[=:]\s*(.*?)\s*$/;
  const reference = (text: string, location: string) => text.split(/\r?\n/).flatMap((line, i) => {
    const found: { location: string; what: string }[] = [];
    if (/-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/.test(line)) found.push({ location: `${location}:${i + 1}`, what: 'a PEM private key' });
    for (const m of line.matchAll(/(?:^|[\s;])password\s*=\s*"([^"]*)"/g)) {
      if (!isSecretReference(m[1])) found.push({ location: `${location}:${i + 1}`, what: 'a literal JAAS password' });
    }
    const m = KEY_VALUE_LINE.exec(line);
    if (m && isSecretKeyName(m[1]) && !isSecretReference(m[2])) found.push({ location: `${location}:${i + 1}`, what: inKey(m[1]) });
    return found;
  });
  const piece = fc.constantFrom(
    '\n', '\r', '\r\n', '\u2028', '\u2029', ' ', '\t', '\u00a0', '\ufeff', '\u3000', '=', ':', '"', ';', 'export', 'export ', 'password', 'secret',
    'token', 'db.password', 'api_key', 'name', 'x', '${ref}', '$(cat f)', 'arn:aws:secretsmanager:r:1:secret:s', '-----BEGIN RSA PRIVATE KEY-----', "'", '',
  );
  const text = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));

  it('finds in any text what the whole-line pattern over its lines finds', () => {
    fc.assert(fc.property(text, (t) => {
      expect(SecretScanner.scanText(t, 'f')).toEqual(reference(t, 'f'));
    }), { numRuns: 3000 });
  });

  it('finds in any string value what the same reading finds in its lines, named by the value (and its line when it has several)', () => {
    fc.assert(fc.property(text, (t) => {
      // A PEM key in a string value is reported once, for the value, before what its lines hold.
      const pem = /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/.test(t) ? [{ location: '$.v', what: 'a PEM private key' }] : [];
      const lines = reference(t, '$.v').filter((f) => f.what !== 'a PEM private key')
        .map((f) => (t.includes('\n') ? f : { ...f, location: '$.v' }));
      expect(SecretScanner.scanValue({ v: t })).toEqual([...pem, ...lines]);
    }), { numRuns: 3000 });
  });
});
