import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboardQueries } from '../../lib/contract/dashboards';
import { emittedMetric } from '../../lib/model/monitoring/exporter-metric-catalogue';
import { MetricsBackendKind } from '../../lib/model/monitoring/metrics-backend';
import { checkPanelQueries, dashboardsIn, promqlSelectors } from '../support/dashboard-queries';
import { filesEndingWith } from '../support/promtool';
import { EXAMPLE_ENVIRONMENTS, TEST_OUT, exampleDist, exampleTerraform } from '../support/paths';

/** What each example environment's dashboards are, by uid. */
const EXPECTED: Record<(typeof EXAMPLE_ENVIRONMENTS)[number], string[]> = {
  production: ['kafka-production-production-kafka-ops', 'kafka-production-production-kafka-slo'],
  dr: ['kafka-dr-dr-kafka-ops', 'kafka-dr-dr-kafka-slo', 'kafka-shop-production-overview'],
  staging: ['kafka-staging-staging-kafka-ops', 'kafka-staging-staging-kafka-slo'],
  'staging-dr': ['kafka-staging-dr-staging-dr-kafka-dr', 'kafka-staging-dr-staging-dr-kafka-ops', 'kafka-staging-dr-staging-dr-kafka-slo', 'kafka-shop-staging-overview'],
  development: ['kafka-development-dev-kafka-ops', 'kafka-development-dev-kafka-slo'],
};

const MSK = new Set(['production', 'dr']);

describe('the example environments\' dashboards', () => {
  it.each(EXAMPLE_ENVIRONMENTS)('%s has its dashboards in dist/<env>/ (files on MSK, sidecar ConfigMaps on Kubernetes)', (env) => {
    const found = dashboardsIn(exampleDist(env));
    expect(found.map((d) => d.model.uid).sort()).toEqual([...EXPECTED[env]].sort());
    for (const d of found) expect(d.source.startsWith(MSK.has(env) ? 'grafana/' : 'kafka.k8s.yaml ConfigMap ')).toBe(true);
  });

  it('promtool parses every panel query of every example dashboard (one promtool process)', () => {
    const dashboards = EXAMPLE_ENVIRONMENTS.flatMap((env) => dashboardsIn(exampleDist(env)));
    const r = checkPanelQueries(dashboards, path.join(TEST_OUT, 'dashboard-queries', 'all.rules.json'));
    expect(r.output).toContain('SUCCESS');
    expect(r.ok, r.output).toBe(true);
    expect(r.queries).toBeGreaterThan(200);
  });

  it('promtool rejects a broken panel query, so the check above is not vacuous', () => {
    const r = checkPanelQueries([{ source: 'broken', model: { uid: 'broken', panels: [{ targets: [{ expr: 'sum by (pod (up)' }] }] } }], path.join(TEST_OUT, 'dashboard-queries', 'broken.rules.json'));
    expect(r.ok).toBe(false);
  });

  it.each(EXAMPLE_ENVIRONMENTS)('%s: every metric a panel reads is emitted by the target\'s exporters, or is an SLO recording rule of its rule files', (env) => {
    const kind = MSK.has(env) ? MetricsBackendKind.MSK_OPEN_MONITORING : MetricsBackendKind.JMX_EXPORTER;
    // The MSK examples run KRaft: the controllers are not scraped.
    const controllersScraped = !MSK.has(env);
    const ruleText = filesEndingWith(path.join(exampleDist(env), 'prometheus'), '.rules.yml').map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const records = new Set([...ruleText.matchAll(/record: (\S+)/g)].map((m) => m[1]));
    const missing: string[] = [];
    // The overview of the MSK examples reads production's cluster too: the same backend.
    for (const d of dashboardsIn(exampleDist(env))) {
      for (const s of dashboardQueries(d.model).flatMap((q) => promqlSelectors(q))) {
        if (s.name.includes(':')) {
          if (!records.has(s.name)) missing.push(`${d.source}: ${s.name} (no such recording rule)`);
          continue;
        }
        for (const l of s.nameLabels.length > 0 ? s.nameLabels : [undefined]) {
          if (!emittedMetric(kind, { controllersScraped }, s.name, l)) missing.push(`${d.source}: ${s.name}${l ? `{name="${l}"}` : ''}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('the MSK examples have a CloudWatch dashboard in their Terraform (test/validators/terraform.test.ts validates it with the other resources)', () => {
    for (const env of MSK) {
      const json = JSON.parse(fs.readFileSync(exampleTerraform(env), 'utf8'));
      const dashboards = Object.values<Record<string, any>>(json.resource.aws_cloudwatch_dashboard ?? {});
      expect(dashboards.map((d) => d.dashboard_name)).toEqual([`kafka-iac-${env}-kafka`]);
      const body = JSON.parse(dashboards[0].dashboard_body);
      expect(body.widgets.length).toBeGreaterThan(30);
    }
  });
});
