import { writeYaml } from './yaml-writer';
import type { Environment } from '../model/environment';
import { ALERT_NAME_LABEL, AlertReceiverKind, SEVERITY_LABEL, type AlertReceiver, type AlertRouting, type SecretReference } from '../model/monitoring/alert-routing';

/** Where the plain Alertmanager configuration of an environment goes, under `dist/<env>/`. */
export const ALERTMANAGER_DIR = 'alertmanager';
/** The plain Alertmanager configuration of an environment, relative to `dist/<env>/`. */
export const ALERTMANAGER_CONFIG_FILE = `${ALERTMANAGER_DIR}/alertmanager.yml`;

/**
 * Where the plain configuration reads Secrets from: `<dir>/<secret name>/<key>`. This is where
 * the Prometheus Operator mounts the Secrets listed in an Alertmanager's `spec.secrets`
 * (prometheus-operator pkg/alertmanager/statefulset.go, `secretsDir`).
 */
export const DEFAULT_ALERTMANAGER_SECRETS_DIR = '/etc/alertmanager/secrets';

/** The label the Prometheus Operator matches the alerts of an AlertmanagerConfig by (its namespace). */
export const NAMESPACE_LABEL = 'namespace';

/**
 * An Alertmanager matcher `name="value"`. Names are label names (checked by the model); the value
 * is quoted with `"` and `\` escaped, as Alertmanager's matcher parser reads it.
 * @see https://prometheus.io/docs/alerting/latest/configuration/#matcher
 */
export function matcher(name: string, value: string): string {
  return `${name}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The `spec` of a Prometheus Operator `AlertmanagerConfig` (monitoring.coreos.com/v1alpha1). */
export function alertmanagerConfigSpec(routing: AlertRouting): Record<string, unknown> {
  const eq = (name: string, value: string) => ({ name, value, matchType: '=' });
  return {
    route: {
      receiver: routing.defaultReceiver,
      groupBy: [...routing.groupBy],
      groupWait: routing.groupWait.toString(),
      groupInterval: routing.groupInterval.toString(),
      repeatInterval: routing.routes[routing.routes.length - 1].repeatInterval.toString(),
      routes: routing.routes.map((r) => ({ receiver: r.receiver, matchers: [eq(SEVERITY_LABEL, r.severity)], repeatInterval: r.repeatInterval.toString() })),
    },
    receivers: routing.receivers.map(operatorReceiver),
    inhibitRules: inhibitPairs(routing).map(({ cause, symptom, equal }) => ({
      sourceMatch: [eq(ALERT_NAME_LABEL, cause)],
      targetMatch: [eq(ALERT_NAME_LABEL, symptom)],
      equal: [...equal],
    })),
  };
}

function operatorReceiver(r: AlertReceiver): Record<string, unknown> {
  const secret = (s: SecretReference) => ({ name: s.name, key: s.key });
  const s = r.settings;
  switch (r.kind) {
    case AlertReceiverKind.PAGERDUTY:
      return { name: r.name, pagerdutyConfigs: [{ routingKey: secret(r.credential), sendResolved: r.sendResolved }] };
    case AlertReceiverKind.SLACK:
      return { name: r.name, slackConfigs: [{ apiURL: secret(r.credential), channel: s.channel, sendResolved: r.sendResolved }] };
    case AlertReceiverKind.WEBHOOK:
      return { name: r.name, webhookConfigs: [{ url: s.url, sendResolved: r.sendResolved, httpConfig: { authorization: { type: 'Bearer', credentials: secret(r.credential) } } }] };
    case AlertReceiverKind.EMAIL:
      return { name: r.name, emailConfigs: [{ to: s.to, from: s.from, smarthost: s.smarthost, authUsername: s.authUsername, authPassword: secret(r.credential), requireTLS: true, sendResolved: r.sendResolved }] };
  }
}

/** One inhibit rule per cause and symptom: equality matchers only, no regular expression. */
function inhibitPairs(routing: AlertRouting): { cause: string; symptom: string; equal: readonly string[] }[] {
  return routing.inhibitions.flatMap((i) => i.causes.flatMap((cause) => i.symptoms.map((symptom) => ({ cause, symptom, equal: i.equal }))));
}

/** The AlertmanagerConfig whose generated configuration is written: its namespace and name. */
export interface OperatorAlertmanagerConfigRef {
  /** The namespace of the AlertmanagerConfig (the alerts' `namespace` label must be it). */
  readonly namespace: string;
  /** The AlertmanagerConfig's `metadata.name`. */
  readonly name: string;
}

/** How the plain configuration is written. */
export interface AlertmanagerYamlOptions {
  /**
   * Where the Secrets are mounted: each credential is read from `<secretsDir>/<name>/<key>`.
   * @default '/etc/alertmanager/secrets' (where the Prometheus Operator mounts an Alertmanager's `spec.secrets`)
   */
  readonly secretsDir?: string;
  /**
   * Write the configuration the Prometheus Operator generates from the AlertmanagerConfig
   * `<name>` in `<namespace>`: receivers named `<namespace>/<name>/<receiver>`, the routes under
   * one route that matches `namespace="<namespace>"` (with `continue: true`), and the inhibit
   * rules limited to that namespace on both sides
   * (prometheus-operator pkg/alertmanager/amcfg.go, `namespaceEnforcer`, the default
   * `alertmanagerConfigMatcherStrategy` OnNamespace).
   * @default - a plain configuration without the operator's namespace matchers
   */
  readonly operator?: OperatorAlertmanagerConfigRef;
}

/**
 * The plain Alertmanager configuration (`alertmanager.yml`) of a routing, as `amtool
 * check-config` and `alertmanager --config.file` read it, written by the one YAML writer.
 * Credentials are file references (`routing_key_file`, `api_url_file`,
 * `http_config.authorization.credentials_file`, `auth_password_file`), never values.
 * @see https://prometheus.io/docs/alerting/latest/configuration/
 */
export function renderAlertmanagerYaml(routing: AlertRouting, options: AlertmanagerYamlOptions = {}): string {
  return writeYaml(alertmanagerYamlValue(routing, options), { lineWidth: 0 });
}

/** The value `renderAlertmanagerYaml` writes. */
export function alertmanagerYamlValue(routing: AlertRouting, options: AlertmanagerYamlOptions = {}): Record<string, unknown> {
  const dir = (options.secretsDir ?? DEFAULT_ALERTMANAGER_SECRETS_DIR).replace(/\/+$/, '');
  const op = options.operator;
  const receiverName = (n: string) => (op ? `${op.namespace}/${op.name}/${n}` : n);
  const namespaceMatcher = op ? [matcher(NAMESPACE_LABEL, op.namespace)] : [];
  const route: Record<string, unknown> = {
    receiver: receiverName(routing.defaultReceiver),
    group_by: [...routing.groupBy],
    group_wait: routing.groupWait.toString(),
    group_interval: routing.groupInterval.toString(),
    repeat_interval: routing.routes[routing.routes.length - 1].repeatInterval.toString(),
    routes: routing.routes.map((r) => ({ receiver: receiverName(r.receiver), matchers: [matcher(SEVERITY_LABEL, r.severity)], repeat_interval: r.repeatInterval.toString() })),
  };
  return {
    route: op ? { receiver: receiverName(routing.defaultReceiver), routes: [{ ...route, matchers: namespaceMatcher, continue: true }] } : route,
    inhibit_rules: inhibitPairs(routing).map(({ cause, symptom, equal }) => ({
      source_matchers: [matcher(ALERT_NAME_LABEL, cause), ...namespaceMatcher],
      target_matchers: [matcher(ALERT_NAME_LABEL, symptom), ...namespaceMatcher],
      equal: [...equal],
    })),
    receivers: routing.receivers.map((r) => plainReceiver(r, receiverName(r.name), (s) => `${dir}/${s.name}/${s.key}`)),
  };
}

function plainReceiver(r: AlertReceiver, name: string, file: (s: SecretReference) => string): Record<string, unknown> {
  const s = r.settings;
  switch (r.kind) {
    case AlertReceiverKind.PAGERDUTY:
      return { name, pagerduty_configs: [{ routing_key_file: file(r.credential), send_resolved: r.sendResolved }] };
    case AlertReceiverKind.SLACK:
      return { name, slack_configs: [{ api_url_file: file(r.credential), channel: s.channel, send_resolved: r.sendResolved }] };
    case AlertReceiverKind.WEBHOOK:
      return { name, webhook_configs: [{ url: s.url, send_resolved: r.sendResolved, http_config: { authorization: { type: 'Bearer', credentials_file: file(r.credential) } } }] };
    case AlertReceiverKind.EMAIL:
      return { name, email_configs: [{ to: s.to, from: s.from, smarthost: s.smarthost, auth_username: s.authUsername, auth_password_file: file(r.credential), require_tls: true, send_resolved: r.sendResolved }] };
  }
}

/**
 * The plain Alertmanager configuration of an environment, `dist/<env>/alertmanager/alertmanager.yml`:
 * for an Alertmanager you run yourself (the Prometheus of MSK open monitoring, for example).
 * `KafkaAlertRouting` writes it on Kubernetes, as the operator generates it.
 */
export class AlertmanagerConfigFile {
  /** Adds `alertmanager/alertmanager.yml` to the environment's output files (one per environment). */
  public static addTo(environment: Environment, routing: AlertRouting, options: AlertmanagerYamlOptions = {}): string {
    environment.addOutputFile(ALERTMANAGER_CONFIG_FILE, () => renderAlertmanagerYaml(routing, options));
    return ALERTMANAGER_CONFIG_FILE;
  }

  private constructor() {}
}
