// CAP-003 in the example environments (synthesized once per run by the global setup): the shop's
// plans apply to the topics they were made for (orders, payments) on every target, and the
// examples stay clean.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleDist, exampleTerraform } from '../../support/paths';

function cap003(env: string): { path: string; status: string; notes: string[] }[] {
  const report = JSON.parse(fs.readFileSync(path.join(exampleDist(env), 'report.json'), 'utf8'));
  return report.entries.filter((e: any) => e.ruleId === 'CAP-003').map((e: any) => ({ path: e.path, status: e.status, notes: e.notes }));
}

function manifests(env: string): Record<string, any>[] {
  return parseAllDocuments(fs.readFileSync(path.join(exampleDist(env), 'kafka.k8s.yaml'), 'utf8')).map((d) => d.toJS());
}

describe('CAP-003 is applied, and compliant, in every example environment', () => {
  it.each(['production', 'dr'])('%s (MSK): the admin artefact records the plan of orders and payments, and its topic lines meet it', (env) => {
    const json = JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
    const artefact = Object.values<any>(json.resource.terraform_data).find((r) => r.input?.kind === 'kafka-iac/kafka-admin');
    const plan = env === 'production' ? 'shop-orders' : 'shop-orders (replica)';
    expect(artefact.input.capacity_plan_partitions).toEqual({ orders: { plan, partitions: 12 }, payments: { plan, partitions: 12 } });
    expect(cap003(env)).toEqual([{
      path: `${env}/Access/AdminArtefacts`, status: 'compliant',
      notes: [`topic 'orders': --partitions 12, capacity plan '${plan}' asks for 12`, `topic 'payments': --partitions 12, capacity plan '${plan}' asks for 12`],
    }]);
  });

  it.each(['staging', 'staging-dr'])('%s (Strimzi): the orders and payments KafkaTopics carry the plan and meet it; the other topics carry none', (env) => {
    const topics = manifests(env).filter((o) => o.kind === 'KafkaTopic');
    const planned = topics.filter((t) => t.metadata.annotations?.['kafka-iac.dev/capacity-plan-partitions'] !== undefined);
    expect(planned.map((t) => [t.metadata.name, t.spec.partitions, t.metadata.annotations['kafka-iac.dev/capacity-plan-partitions']])).toEqual([['orders', 12, '12'], ['payments', 12, '12']]);
    expect(cap003(env).map((e) => [e.path, e.status])).toEqual([['kafka/Access/Topic-orders', 'compliant'], ['kafka/Access/Topic-payments', 'compliant']]);
  });

  it('development (StatefulSet): the access ConfigMap records the plan of orders and payments, and its topics.txt meets it', () => {
    const configMap = manifests('development').find((o) => o.kind === 'ConfigMap' && o.metadata.labels?.['kafka-iac.dev/acl-artefact'] === 'true')!;
    expect(JSON.parse(configMap.metadata.annotations['kafka-iac.dev/capacity-plan-topic-partitions'])).toEqual({
      orders: { plan: 'shop-orders (dev)', partitions: 1 }, payments: { plan: 'shop-orders (dev)', partitions: 1 },
    });
    expect(cap003('development').map((e) => [e.path, e.status])).toEqual([['kafka/Access/Artefacts', 'compliant']]);
  });
});
