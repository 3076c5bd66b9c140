import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { KafkaIacError } from '../../model/errors';
import { checkDnsLabel } from '../../model/grammar/names';
import { AlertRouting } from '../../model/monitoring/alert-routing';
import { AlertmanagerConfigFile, alertmanagerConfigSpec } from '../../contract/alertmanager-config';

/** Props of a `KafkaAlertRouting`: the routing rendered as an AlertmanagerConfig. */
export interface KafkaAlertRoutingProps {
  /** Receivers, severity routes, grouping and inhibitions (`AlertRouting.bySeverity`). */
  readonly routing: AlertRouting;
  /**
   * The AlertmanagerConfig's `metadata.name`; the operator names its receivers `<namespace>/<name>/<receiver>`.
   * @default 'kafka-alert-routing'
   */
  readonly name?: string;
  /**
   * Labels the Alertmanager custom resource selects AlertmanagerConfigs by (`spec.alertmanagerConfigSelector`).
   * @default - none beyond the chart's labels
   * @see https://prometheus-operator.dev/docs/developer/alerting/
   */
  readonly alertmanagerSelectorLabels?: Readonly<Record<string, string>>;
  /**
   * Where the plain `alertmanager.yml` in `dist/<env>/alertmanager/` reads the Secrets from (`<dir>/<secret>/<key>`).
   * @default '/etc/alertmanager/secrets' - where the Prometheus Operator mounts an Alertmanager's `spec.secrets`
   */
  readonly secretsDir?: string;
}

/**
 * The alert routing of an environment on Kubernetes: a Prometheus Operator `AlertmanagerConfig`
 * (monitoring.coreos.com/v1alpha1) in the environment's namespace, and in
 * `dist/<env>/alertmanager/alertmanager.yml` the configuration the operator generates from it,
 * for `amtool` and for a plain Alertmanager.
 *
 * The operator matches only the alerts whose `namespace` label is the AlertmanagerConfig's
 * namespace (its default `alertmanagerConfigMatcherStrategy`, OnNamespace): the alerts of
 * `KafkaPrometheusMonitoring` carry that label for this reason. The Secrets the receivers
 * reference must be in the same namespace.
 */
export class KafkaAlertRouting extends KafkaIacConstruct {
  /** The AlertmanagerConfig (`Resource`); escape hatch: `addJsonPatch`. */
  public readonly resource: ApiObject;
  public readonly routing: AlertRouting;

  public constructor(scope: Construct, id: string, props: KafkaAlertRoutingProps) {
    super(scope, id);
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: this.path, prop: 'props', expected: 'an object with routing', fix: 'Pass { routing: AlertRouting.bySeverity({...}) }.' });
    if (!(p.routing instanceof AlertRouting)) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: this.path, prop: 'routing', found: p.routing, expected: 'an AlertRouting', fix: 'Build it with AlertRouting.bySeverity({ receivers, criticalReceiver, warningReceiver }).' });
    }
    this.routing = p.routing;
    const name = checkDnsLabel(p.name ?? 'kafka-alert-routing', { code: 'KIAC-ROUTING', path: this.path, prop: 'name' });
    const namespace = Chart.of(this).namespace ?? this.environment.namespace;
    this.resource = new ApiObject(this, 'Resource', {
      apiVersion: 'monitoring.coreos.com/v1alpha1', kind: 'AlertmanagerConfig',
      metadata: { name, ...(p.alertmanagerSelectorLabels ? { labels: { ...p.alertmanagerSelectorLabels } } : {}) },
      spec: alertmanagerConfigSpec(p.routing),
    });
    AlertmanagerConfigFile.addTo(this.environment, p.routing, { secretsDir: p.secretsDir, operator: { namespace, name } });
  }
}
