import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KafkaApp } from '../../../lib/app/kafka-app';
import { Environment } from '../../../lib/model/environment';
import { KafkaIacError } from '../../../lib/model/errors';
import { AlertReceiver, AlertRouting, SecretReference } from '../../../lib/model/monitoring/alert-routing';
import { KafkaAlertRouting } from '../../../lib/targets/kubernetes/kafka-alert-routing';
import { exampleDist, TEST_OUT } from '../../support/paths';
import { UnknownFieldChecker, manifestObjects, validateWithModel } from '../../support/kubernetes-validation';

/**
 * The AlertmanagerConfig of each Kubernetes example, validated with the
 * `@kubernetes-models/prometheus-operator` model (generated from the operator's CRD) and the
 * project's unknown-field check.
 *
 * Upstream source of the field names and of the semantic checks below: prometheus-operator
 * (commit 6adcebc5, v0.93.0+) `pkg/apis/monitoring/v1alpha1/alertmanager_config_types.go`
 * (`route`, `receivers`, `inhibitRules`; `Route.routes` is `[]apiextensionsv1.JSON`, so the CRD
 * does not type-check child routes: this test checks each child as a Route itself) and
 * `pkg/alertmanager/validation/v1alpha1/validation.go` (`validateRoute`: the root route must
 * name a receiver, every route's receiver must be declared, `groupBy` without duplicates).
 */
const KUBERNETES_EXAMPLES = ['staging', 'staging-dr', 'development'] as const;

type Obj = Record<string, any>;

/** Every route of a tree, the root first, each with its path (`spec.route.routes[0]`). */
function routesOf(route: Obj, at = 'spec.route'): { at: string; route: Obj }[] {
  return [{ at, route }, ...((route.routes ?? []) as Obj[]).flatMap((r, i) => routesOf(r, `${at}.routes[${i}]`))];
}

/** The operator's semantic checks of an AlertmanagerConfig (validateRoute, validateReceivers). */
function operatorProblems(config: Obj): string[] {
  const problems: string[] = [];
  const receivers = (config.spec.receivers ?? []).map((r: Obj) => r.name);
  if (new Set(receivers).size !== receivers.length) problems.push(`receivers are not unique: ${receivers}`);
  if (!config.spec.route?.receiver) problems.push('root route must define a receiver');
  for (const { at, route } of routesOf(config.spec.route ?? {})) {
    if (route.receiver && !receivers.includes(route.receiver)) problems.push(`${at}: receiver ${route.receiver} not found`);
    if (route.groupBy && new Set(route.groupBy).size !== route.groupBy.length) problems.push(`${at}: duplicate groupBy`);
  }
  return problems;
}

/** A child route checked as the CRD checks the root route: wrapped as the spec.route of an AlertmanagerConfig. */
function asRootRoute(config: Obj, route: Obj): Obj {
  const { routes: _children, ...own } = route;
  return { apiVersion: config.apiVersion, kind: config.kind, metadata: { name: 'child' }, spec: { route: own, receivers: config.spec.receivers } };
}

describe('AlertmanagerConfig of the Kubernetes examples', () => {
  const configs = KUBERNETES_EXAMPLES.map((env) => {
    const found = manifestObjects(exampleDist(env)).filter((o) => o.body.kind === 'AlertmanagerConfig');
    return { env, found };
  });
  let checker: UnknownFieldChecker;
  beforeAll(() => {
    checker = UnknownFieldChecker.forKinds([{ apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'AlertmanagerConfig' }]);
  });

  for (const { env, found } of configs) {
    describe(env, () => {
      it('has one AlertmanagerConfig in the environment namespace, listed by the kustomization', () => {
        expect(found).toHaveLength(1);
        expect(found[0].body.metadata.namespace).toBe('kafka');
        const kustomization = parse(fs.readFileSync(path.join(exampleDist(env), 'kustomization.yaml'), 'utf8'));
        expect(kustomization.resources).toContain(found[0].file);
      });

      it('passes the Prometheus Operator model and has no unknown field, child routes included', async () => {
        const config = found[0].body;
        expect(await validateWithModel(config)).toBeUndefined();
        expect(checker.unknownFields(config)).toEqual([]);
        const children = routesOf(config.spec.route).slice(1);
        expect(children.length).toBe(2);
        for (const { at, route } of children) {
          expect(await validateWithModel(asRootRoute(config, route)), at).toBeUndefined();
          expect(checker.unknownFields(asRootRoute(config, route)), at).toEqual([]);
        }
      });

      it("passes the operator's semantic checks: root receiver, declared receivers, no duplicate groupBy", () => {
        expect(operatorProblems(found[0].body)).toEqual([]);
      });

      it('routes critical and warning by severity, and every credential is a Secret reference', () => {
        const spec = found[0].body.spec;
        expect(spec.route.routes.map((r: Obj) => r.matchers)).toEqual([
          [{ name: 'severity', value: 'critical', matchType: '=' }],
          [{ name: 'severity', value: 'warning', matchType: '=' }],
        ]);
        for (const r of spec.receivers) {
          const configsOf = Object.entries(r).filter(([k]) => k.endsWith('Configs')).flatMap(([, v]) => v as Obj[]);
          expect(configsOf.length).toBeGreaterThan(0);
          for (const c of configsOf) {
            const secret = c.routingKey ?? c.apiURL ?? c.authPassword ?? c.httpConfig?.authorization?.credentials;
            expect(Object.keys(secret).sort(), r.name).toEqual(['key', 'name']);
          }
        }
      });

      it("gives every alert of the environment's PrometheusRules the namespace the operator matches the AlertmanagerConfig's routes on", () => {
        const rules = manifestObjects(exampleDist(env)).filter((o) => o.body.kind === 'PrometheusRule');
        const alerts = rules.flatMap((r) => r.body.spec.groups.flatMap((g: Obj) => g.rules.filter((x: Obj) => x.alert)));
        expect(alerts.length).toBeGreaterThan(10);
        expect(alerts.filter((a: Obj) => a.labels.namespace !== found[0].body.metadata.namespace).map((a: Obj) => a.alert)).toEqual([]);
      });
    });
  }

  it('the validators reject a typo in a child route, which the CRD alone accepts (routes are free-form JSON)', async () => {
    const config = structuredClone(configs[0].found[0].body);
    config.spec.route.routes[0] = { receiver: config.spec.route.routes[0].receiver, matcher: [{ name: 'severity', value: 'critical' }] };
    expect(await validateWithModel(config)).toBeUndefined();
    expect(checker.unknownFields(config)).toEqual([]);
    expect(checker.unknownFields(asRootRoute(config, config.spec.route.routes[0]))).toEqual(['spec.route.matcher']);
  });

  it("the operator's checks reject a route to an undeclared receiver", () => {
    const config = structuredClone(configs[0].found[0].body);
    config.spec.route.routes[1].receiver = 'nobody';
    expect(operatorProblems(config)).toEqual(['spec.route.routes[1]: receiver nobody not found']);
  });
});

describe('KafkaAlertRouting', () => {
  const routing = AlertRouting.bySeverity({
    receivers: [
      AlertReceiver.pagerDuty('oncall', { routingKey: SecretReference.of('pd', 'key') }),
      AlertReceiver.webhook('hook', { url: 'https://alerts.example.com/kafka', bearerToken: SecretReference.of('hook', 'token') }),
    ],
    criticalReceiver: 'oncall', warningReceiver: 'hook',
  });

  it('writes the AlertmanagerConfig and, in dist/<env>/alertmanager/, the configuration the operator generates from it', () => {
    const dir = path.join(TEST_OUT, 'alert-routing-unit');
    fs.rmSync(dir, { recursive: true, force: true });
    const app = new KafkaApp({ terraformOutdir: path.join(dir, 'cdktf.out'), distDir: path.join(dir, 'dist'), quiet: true });
    const env = Environment.staging({ name: 'staging', region: 'us-east-1', namespace: 'streaming' });
    new KafkaAlertRouting(app.chart(env, 'routing'), 'AlertRouting', { routing, name: 'orders-routing', alertmanagerSelectorLabels: { alertmanager: 'main' } });
    app.synth();
    const [config] = manifestObjects(path.join(dir, 'dist', 'staging')).filter((o) => o.body.kind === 'AlertmanagerConfig');
    expect(config.body.metadata).toMatchObject({ name: 'orders-routing', namespace: 'streaming', labels: { alertmanager: 'main' } });
    const plain = parse(fs.readFileSync(path.join(dir, 'dist', 'staging', 'alertmanager', 'alertmanager.yml'), 'utf8'));
    expect(plain.route.routes[0]).toMatchObject({ matchers: ['namespace="streaming"'], continue: true, receiver: 'streaming/orders-routing/hook' });
    expect(plain.route.routes[0].routes.map((r: Obj) => r.receiver)).toEqual(['streaming/orders-routing/oncall', 'streaming/orders-routing/hook']);
    expect(plain.receivers[1].webhook_configs[0].http_config.authorization).toEqual({ type: 'Bearer', credentials_file: '/etc/alertmanager/secrets/hook/token' });
    expect(plain.inhibit_rules[0].source_matchers).toEqual(['alertname="KafkaNodeDown"', 'namespace="streaming"']);
  });

  it('refuses props without an AlertRouting', () => {
    const app = new KafkaApp({ terraformOutdir: path.join(TEST_OUT, 'alert-routing-unit-2'), distDir: path.join(TEST_OUT, 'alert-routing-unit-2', 'dist'), quiet: true });
    const chart = app.chart(Environment.staging({ name: 'staging', region: 'us-east-1' }), 'routing');
    expect(() => new KafkaAlertRouting(chart, 'AlertRouting', { routing: {} as any })).toThrow(KafkaIacError);
    expect(() => new KafkaAlertRouting(chart, 'AlertRouting2', { routing: {} as any })).toThrow(/KIAC-ROUTING \[routing\/AlertRouting2\] routing is \{\}; expected an AlertRouting/);
  });
});
