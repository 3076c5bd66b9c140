import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleDist } from '../support/paths';
import { validateStrimziObject } from '../support/strimzi-schemas';

function objectsOf(env: string, file: string): Record<string, any>[] {
  return parseAllDocuments(fs.readFileSync(path.join(exampleDist(env), file), 'utf8')).map((d) => d.toJS());
}

function report(env: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(exampleDist(env), 'report.json'), 'utf8'));
}

describe('the staging-dr example: MirrorMaker 2 from staging (us-east-1) to staging-dr (us-west-2)', () => {
  const dr = objectsOf('staging-dr', 'kafka.k8s.yaml');
  const mm2 = dr.find((o) => o.kind === 'KafkaMirrorMaker2')!;

  it('synthesizes a KafkaMirrorMaker2 that replicates every shop topic and group with identity names', () => {
    expect(mm2.metadata.name).toBe('mm2-staging-to-staging-dr');
    expect(mm2.spec.mirrors[0].topicsPattern).toBe('^orders$|^payments$|^audit\\.events$|^order-state$');
    expect(mm2.spec.mirrors[0].groupsPattern).toBe('^payments$|^billing$|^audit-sink$');
    expect(mm2.spec.mirrors[0].sourceConnector.config['replication.policy.class']).toBe('org.apache.kafka.connect.mirror.IdentityReplicationPolicy');
    expect(JSON.parse(mm2.metadata.annotations['kafka-iac.dev/dr-pairing'])).toMatchObject({
      strategy: 'warm-standby', goal: 'failover', rpoSeconds: 300, rtoSeconds: 1800,
      primary: { environment: 'staging', region: 'us-east-1' }, peer: { environment: 'staging-dr', region: 'us-west-2', profile: 'production' },
    });
    expect(validateStrimziObject(mm2)).toEqual([]);
  });

  it('is a production-profile environment with every DR rule compliant and no violation', () => {
    const r = report('staging-dr');
    expect(r.environment).toMatchObject({ name: 'staging-dr', profile: 'production', region: 'us-west-2' });
    expect(r.summary).toMatchObject({ 'non-compliant': 0, errors: 0 });
    for (const id of ['DR-001', 'DR-002', 'DR-003', 'DR-004', 'DR-005']) {
      const entries = r.entries.filter((e: any) => e.ruleId === id && e.path === 'kafka/MirrorMaker2/Resource');
      expect(entries.map((e: any) => e.status), id).toEqual(['compliant']);
    }
  });

  it('declares the MirrorMaker 2 principal on both sides, never a super user', () => {
    const target = dr.find((o) => o.kind === 'KafkaUser' && o.metadata.name === 'mirror-maker-2')!;
    expect(target.metadata.labels['kafka-iac.dev/principal-kind']).toBe('mirror-maker-2');
    const source = objectsOf('staging', 'dr-source.k8s.yaml').find((o) => o.kind === 'KafkaUser')!;
    expect(source.metadata).toMatchObject({ name: 'mirror-maker-2', labels: { 'strimzi.io/cluster': 'staging-kafka', 'kafka-iac.dev/principal-kind': 'mirror-maker-2' } });
    expect(source.spec.authorization.acls.flatMap((a: any) => a.operations)).not.toContain('Write');
    const kafka = dr.find((o) => o.kind === 'Kafka')!;
    expect(kafka.spec.kafka.authorization.superUsers).toEqual(['kafka-admin', 'CN=kafka-admin']);
    expect(report('staging').entries.filter((e: any) => e.ruleId === 'DR-005').map((e: any) => `${e.status} ${e.path}`)).toEqual(['compliant dr-source/MirrorMaker2User']);
    expect(fs.readFileSync(path.join(exampleDist('staging'), 'kustomization.yaml'), 'utf8')).toContain('dr-source.k8s.yaml');
  });

  it('ships MON-010 at the RPO with its promtool test, the runbook and the drill document', () => {
    const dist = exampleDist('staging-dr');
    expect(fs.readFileSync(path.join(dist, 'prometheus/kafka-staging-dr-kafka-jmx-exporter.rules.yml'), 'utf8')).toMatch(/kafka_role="mirrormaker2"\}\) > 300000/);
    expect(fs.existsSync(path.join(dist, 'prometheus/tests/staging-dr-kafka/KafkaMirrorMaker2ReplicationBehindRpo.test.yml'))).toBe(true);
    expect(fs.readFileSync(path.join(dist, 'runbooks/mirrormaker2-replication-lag.md'), 'utf8')).toContain('Fail back');
    const drill = fs.readFileSync(path.join(dist, 'dr-drill-staging-to-staging-dr.md'), 'utf8');
    expect(drill).toContain('# DR drill: staging → staging-dr');
    expect(drill).toContain('6. Warm standby: scale the staging-dr clients');
  });
});
