import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleDist, exampleTerraform } from '../../support/paths';
import { all, at, only } from '../../support/msk-stack';

/** Removes what differs between machines or cdktf releases, so that the snapshot only moves when the output does. */
function normalize(json: Record<string, any>): Record<string, any> {
  const copy = structuredClone(json);
  if (copy['//']?.metadata?.version) copy['//'].metadata.version = '<cdktf version>';
  const local = copy.terraform?.backend?.local;
  if (local?.path && local.path.startsWith('/')) local.path = '<absolute backend path>';
  return copy;
}

function read(env: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
}

describe.each([
  { env: 'production', region: 'us-east-1', zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] },
  { env: 'dr', region: 'us-west-2', zones: ['us-west-2a', 'us-west-2b', 'us-west-2c'] },
])('the $env example stack', ({ env, region, zones }) => {
  const json = read(env);

  it(`deploys a 6-broker KRaft MSK cluster in ${region} over three zones`, () => {
    expect(json.provider.aws[0].region).toBe(region);
    const cluster = only(json, 'aws_msk_cluster');
    expect(cluster).toMatchObject({ kafka_version: '3.9.x.kraft', number_of_broker_nodes: 6 });
    expect(all(json, 'aws_subnet').map((s) => s.availability_zone)).toEqual(zones);
  });

  it('writes the attributes the HA and SEC rules demand', () => {
    const cluster = only(json, 'aws_msk_cluster');
    expect(cluster.encryption_info.encryption_in_transit).toEqual({ client_broker: 'TLS', in_cluster: true });
    expect(cluster.client_authentication).toEqual({ unauthenticated: false, sasl: { scram: true, iam: true } });
    expect(cluster.broker_node_group_info.connectivity_info.public_access.type).toBe('DISABLED');
    expect(cluster.lifecycle.prevent_destroy).toBe(true);
    expect(at(json, 'aws_kms_key', 'Kafka/EncryptionKey/Resource')).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(all(json, 'aws_vpc_security_group_ingress_rule').every((r) => r.cidr_ipv4 !== '0.0.0.0/0')).toBe(true);
  });

  it('synthesizes with zero rule errors, and the report says so', () => {
    const report = JSON.parse(fs.readFileSync(`${exampleDist(env)}/report.json`, 'utf8'));
    expect(report.summary.errors).toBe(0);
    const applied = new Set(report.entries.filter((e: any) => e.status === 'compliant').map((e: any) => e.ruleId));
    for (const id of ['HA-001', 'HA-002', 'HA-003', 'HA-005', 'HA-006', 'HA-007', 'HA-008', 'HA-011', 'SEC-001', 'SEC-002', 'SEC-003', 'SEC-004', 'SEC-006', 'SEC-007', 'SEC-008', 'SEC-010']) {
      expect(applied, id).toContain(id);
    }
  });

  it('matches the snapshot (a change detector; the assertions above are the proof)', () => {
    expect(normalize(json)).toMatchSnapshot();
  });
});

describe('the production example stack', () => {
  it('has a SCRAM user whose password is an ephemeral variable, not a value', () => {
    const json = read('production');
    const variables = Object.entries<any>(json.variable);
    expect(variables.map(([name]) => name).sort()).toEqual(['scram_password_kafka_admin', 'scram_password_orders_service']);
    for (const [, variable] of variables) {
      expect(variable).toMatchObject({ ephemeral: true, sensitive: true });
      expect(variable.default).toBeUndefined();
    }
    const version = at(json, 'aws_secretsmanager_secret_version', 'OrdersService/Value');
    expect(version.secret_string_wo).toContain('var.scram_password_orders_service');
    expect(version.secret_string).toBeUndefined();
    for (const secret of all(json, 'aws_secretsmanager_secret')) {
      expect(secret.name).toMatch(/^AmazonMSK_production-kafka_/);
      expect(secret.kms_key_id).toBe('${aws_kms_key.Kafka_EncryptionKey_FF3E3FE6.arn}');
    }
  });
});
