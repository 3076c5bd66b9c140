import { KafkaIacError } from '../errors';
import { DNS_1123_LABEL, isDns1123Subdomain } from '../grammar/names';
import { AlertSeverity } from './alert-severity';
import { KafkaAlertName } from './kafka-alerts';
import { CLUSTER_LABEL, ENVIRONMENT_LABEL } from './metrics-backend';
import { PrometheusDuration } from './prometheus-duration';

const PATH = 'AlertRouting';
/** The label Prometheus gives every alert its name in. */
export const ALERT_NAME_LABEL = 'alertname';
/** The label every alert of kafka-iac carries its severity in (`critical`, `warning`). */
export const SEVERITY_LABEL = 'severity';

/** Prometheus label names: `[a-zA-Z_][a-zA-Z0-9_]*`. @see https://prometheus.io/docs/concepts/data_model/ */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Alert names follow the metric-name grammar: `[a-zA-Z_:][a-zA-Z0-9_:]*`. */
const ALERT_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
/** A key of a Kubernetes Secret: `[-._a-zA-Z0-9]+`, at most 253. @see https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data */
const SECRET_KEY = /^[-._a-zA-Z0-9]{1,253}$/;

/**
 * A key of a Kubernetes Secret that holds a receiver's credential (a PagerDuty routing key, a
 * Slack webhook URL, a webhook bearer token, an SMTP password). Only the reference is ever
 * written: the AlertmanagerConfig names the Secret (which must be in its namespace), and the
 * plain Alertmanager configuration reads the value from the file where the Secret is mounted
 * (`<secretsDir>/<name>/<key>`, the path the Prometheus Operator mounts `spec.secrets` of an
 * Alertmanager at).
 */
export class SecretReference {
  /**
   * @param name the Secret's name (a DNS-1123 subdomain)
   * @param key the key inside the Secret
   */
  public static of(name: string, key: string): SecretReference {
    if (typeof name !== 'string' || !isDns1123Subdomain(name)) {
      throw KafkaIacError.grammar({ code: 'KIAC-ROUTING', path: PATH, prop: 'SecretReference name', found: name, grammar: "a Kubernetes object name (DNS-1123 subdomain): lower-case letters, digits, '-' and '.'", fix: "Use the Secret's metadata.name, such as 'alertmanager-pagerduty'." });
    }
    if (typeof key !== 'string' || !SECRET_KEY.test(key)) {
      throw KafkaIacError.grammar({ code: 'KIAC-ROUTING', path: PATH, prop: 'SecretReference key', found: key, grammar: "a Secret key: letters, digits, '-', '_' and '.'", fix: "Use the key inside the Secret, such as 'routing-key'." });
    }
    return new SecretReference(name, key);
  }

  private constructor(public readonly name: string, public readonly key: string) {}
}

/** The kind of a receiver: which notifier Alertmanager uses. */
export enum AlertReceiverKind {
  /** PagerDuty Events API v2 (pages the on-call engineer). */
  PAGERDUTY = 'pagerduty',
  /** A Slack incoming webhook. */
  SLACK = 'slack',
  /** A generic HTTP(S) webhook with a bearer token. */
  WEBHOOK = 'webhook',
  /** E-mail through an SMTP relay with authentication. */
  EMAIL = 'email',
}

/** A PagerDuty receiver: the Events API v2 routing key comes from a Secret. */
export interface PagerDutyReceiverProps {
  /**
   * The Events API v2 integration (routing) key.
   * @see https://prometheus.io/docs/alerting/latest/configuration/#pagerduty_config
   */
  readonly routingKey: SecretReference;
  /**
   * Notify when the alert resolves.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** A Slack receiver: the incoming-webhook URL comes from a Secret. */
export interface SlackReceiverProps {
  /**
   * The Slack incoming-webhook URL (it carries the token).
   * @see https://prometheus.io/docs/alerting/latest/configuration/#slack_config
   */
  readonly apiUrl: SecretReference;
  /** The channel, such as `#kafka-alerts`. */
  readonly channel: string;
  /**
   * Notify when the alert resolves.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** A webhook receiver: its bearer token comes from a Secret. */
export interface WebhookReceiverProps {
  /**
   * Where Alertmanager POSTs the alerts: an `http` or `https` URL without credentials in it.
   * @see https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
   */
  readonly url: string;
  /** The bearer token sent in the `Authorization` header. */
  readonly bearerToken: SecretReference;
  /**
   * Notify when the alert resolves.
   * @default true
   */
  readonly sendResolved?: boolean;
}

/** An e-mail receiver: the SMTP password comes from a Secret. */
export interface EmailReceiverProps {
  /** The address that receives the alerts. */
  readonly to: string;
  /** The sender address. */
  readonly from: string;
  /** The SMTP relay as `host:port`. */
  readonly smarthost: string;
  /** The SMTP user name. */
  readonly authUsername: string;
  /** The SMTP password. @see https://prometheus.io/docs/alerting/latest/configuration/#email_config */
  readonly authPassword: SecretReference;
  /**
   * Notify when the alert resolves.
   * @default false (Alertmanager's default for e-mail)
   */
  readonly sendResolved?: boolean;
}

/**
 * Where alerts go. Every receiver carries its credential as a Secret reference only; one
 * without it is refused.
 */
export class AlertReceiver {
  /** Pages through PagerDuty (Events API v2). */
  public static pagerDuty(name: string, props: PagerDutyReceiverProps): AlertReceiver {
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${name}' props`, expected: 'an object with routingKey', fix: "Pass { routingKey: SecretReference.of('<secret>', '<key>') }." });
    return new AlertReceiver(name, AlertReceiverKind.PAGERDUTY, credential(name, 'routingKey', p.routingKey), p.sendResolved ?? true, {});
  }

  /** Notifies a Slack channel. */
  public static slack(name: string, props: SlackReceiverProps): AlertReceiver {
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${name}' props`, expected: 'an object with apiUrl and channel', fix: "Pass { apiUrl: SecretReference.of('<secret>', '<key>'), channel: '#kafka' }." });
    const secret = credential(name, 'apiUrl', p.apiUrl);
    return new AlertReceiver(name, AlertReceiverKind.SLACK, secret, p.sendResolved ?? true, { channel: text(name, 'channel', p.channel) });
  }

  /** POSTs the alerts to an HTTP(S) endpoint with a bearer token. */
  public static webhook(name: string, props: WebhookReceiverProps): AlertReceiver {
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${name}' props`, expected: 'an object with url and bearerToken', fix: "Pass { url: 'https://...', bearerToken: SecretReference.of('<secret>', '<key>') }." });
    const secret = credential(name, 'bearerToken', p.bearerToken);
    return new AlertReceiver(name, AlertReceiverKind.WEBHOOK, secret, p.sendResolved ?? true, { url: webhookUrl(name, p.url) });
  }

  /** Sends e-mail through an authenticated SMTP relay. */
  public static email(name: string, props: EmailReceiverProps): AlertReceiver {
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${name}' props`, expected: 'an object with to, from, smarthost, authUsername and authPassword', fix: "Pass { to, from, smarthost: 'smtp.example.com:587', authUsername, authPassword: SecretReference.of('<secret>', '<key>') }." });
    const secret = credential(name, 'authPassword', p.authPassword);
    const smarthost = text(name, 'smarthost', p.smarthost);
    if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(smarthost)) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${name}' smarthost`, found: smarthost, expected: 'host:port', fix: "Write the SMTP relay as 'smtp.example.com:587'." });
    }
    return new AlertReceiver(name, AlertReceiverKind.EMAIL, secret, p.sendResolved ?? false, {
      to: emailAddress(name, 'to', p.to), from: emailAddress(name, 'from', p.from), smarthost, authUsername: text(name, 'authUsername', p.authUsername),
    });
  }

  private constructor(
    /** The receiver's name, unique in its routing (a DNS-1123 label). */
    public readonly name: string,
    public readonly kind: AlertReceiverKind,
    /** The Secret key that holds the credential. */
    public readonly credential: SecretReference,
    /** Whether resolved alerts are notified too. */
    public readonly sendResolved: boolean,
    /** The kind's settings besides the credential (`channel`, `url`, `to`, `from`, `smarthost`, `authUsername`). */
    public readonly settings: Readonly<Record<string, string>>,
  ) {
    if (typeof name !== 'string' || !DNS_1123_LABEL.test(name)) {
      throw KafkaIacError.grammar({ code: 'KIAC-ROUTING', path: PATH, prop: 'receiver name', found: name, grammar: "a DNS-1123 label: at most 63 lower-case letters, digits and '-'", fix: "Name the receiver such as 'pagerduty-critical'." });
    }
  }
}

function credential(receiver: string, prop: string, value: unknown): SecretReference {
  if (value instanceof SecretReference) return value;
  throw KafkaIacError.receiverWithoutCredential(PATH, String(receiver), prop, value);
}

function text(receiver: string, prop: string, value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse them
  if (typeof value === 'string' && value.length > 0 && value.length <= 1024 && !/[\u0000-\u001f]/.test(value)) return value;
  throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${receiver}' ${prop}`, found: value, expected: 'a non-empty single-line text', fix: `Set ${prop}.` });
}

function emailAddress(receiver: string, prop: string, value: unknown): string {
  const v = text(receiver, prop, value);
  if (/^[^\s@<>"]+@[A-Za-z0-9.-]+$/.test(v)) return v;
  throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${receiver}' ${prop}`, found: v, expected: 'an e-mail address such as kafka-oncall@example.com', fix: `Set ${prop} to one address.` });
}

function webhookUrl(receiver: string, value: unknown): string {
  const v = text(receiver, 'url', value);
  let url: URL | undefined;
  try { url = new URL(v); } catch { url = undefined; }
  if (!url || !(url.protocol === 'https:' || url.protocol === 'http:')) {
    throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: `receiver '${receiver}' url`, found: v, expected: 'an http or https URL (Alertmanager refuses any other scheme)', fix: "Write the URL as 'https://alerts.example.com/kafka'." });
  }
  if (url.username !== '' || url.password !== '') {
    throw KafkaIacError.receiverWithoutCredential(PATH, receiver, 'a credential inside the url', v);
  }
  return v;
}

/** One inhibition: while a cause fires, its symptoms on the same cluster are not notified. */
export interface AlertInhibitionProps {
  /** The alert names of the cause (import them: `KafkaAlertName.NODE_DOWN`). */
  readonly causes: readonly string[];
  /** The alert names that are symptoms of it. */
  readonly symptoms: readonly string[];
  /**
   * The labels cause and symptom must share.
   * @default - the cluster: `environment` and `kafka_cluster`
   */
  readonly equal?: readonly string[];
}

/** An inhibit rule: symptoms are muted while their cause fires on the same cluster. */
export class AlertInhibition {
  /** Mutes `symptoms` while one of `causes` fires with the same `equal` labels. */
  public static whileFiring(props: AlertInhibitionProps): AlertInhibition {
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: PATH, prop: 'inhibition', expected: 'an object with causes and symptoms', fix: 'Pass { causes: [KafkaAlertName.NODE_DOWN], symptoms: [KafkaAlertName.UNDER_REPLICATED_PARTITIONS] }.' });
    const names = (prop: string, v: unknown): string[] => {
      if (!Array.isArray(v) || v.length === 0 || !v.every((n) => typeof n === 'string' && ALERT_NAME.test(n))) {
        throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: `inhibition ${prop}`, found: v, expected: 'a non-empty list of alert names ([a-zA-Z_:][a-zA-Z0-9_:]*)', fix: 'Import the names (KafkaAlertName) instead of typing them.' });
      }
      return [...v];
    };
    const causes = names('causes', p.causes);
    const symptoms = names('symptoms', p.symptoms);
    const both = causes.filter((c) => symptoms.includes(c));
    if (both.length > 0) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: 'inhibition', found: both, expected: 'an alert that is a cause or a symptom, not both (it would mute itself)', fix: 'Remove it from symptoms.' });
    }
    return new AlertInhibition(causes, symptoms, labelNames('inhibition equal', p.equal ?? CLUSTER_IDENTITY, false));
  }

  /**
   * The inhibitions kafka-iac applies by default: a Kafka node that is down or missing
   * (MON-001) mutes the under-replicated partitions (MON-006) of the same cluster, which are
   * its symptom.
   */
  public static kafkaDefaults(): AlertInhibition[] {
    return [AlertInhibition.whileFiring({
      causes: [KafkaAlertName.NODE_DOWN, KafkaAlertName.NODES_MISSING],
      symptoms: [KafkaAlertName.UNDER_REPLICATED_PARTITIONS],
    })];
  }

  private constructor(
    public readonly causes: readonly string[],
    public readonly symptoms: readonly string[],
    public readonly equal: readonly string[],
  ) {}
}

/** The labels that identify one cluster in alerts: cluster names are unique inside an environment. */
const CLUSTER_IDENTITY: readonly string[] = [ENVIRONMENT_LABEL, CLUSTER_LABEL];

function labelNames(prop: string, v: unknown, allowEllipsis: boolean): string[] {
  if (!Array.isArray(v) || v.length === 0 || !v.every((n) => typeof n === 'string' && (LABEL_NAME.test(n) || (allowEllipsis && n === '...')))) {
    throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop, found: v, expected: 'a non-empty list of label names ([a-zA-Z_][a-zA-Z0-9_]*)', fix: `Set ${prop} to label names such as ['${ALERT_NAME_LABEL}', '${CLUSTER_LABEL}'].` });
  }
  if (new Set(v).size !== v.length || (v.includes('...') && v.length > 1)) {
    throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop, found: v, expected: "label names without duplicates, and '...' only alone", fix: `Remove the duplicate from ${prop}.` });
  }
  return [...v];
}

/** Props of an `AlertRouting`: the receivers, which receives which severity, and the inhibitions. */
export interface AlertRoutingProps {
  /** Every receiver a route may send to; names are unique. */
  readonly receivers: readonly AlertReceiver[];
  /** The receiver of `severity=critical` alerts: it pages. */
  readonly criticalReceiver: string;
  /** The receiver of `severity=warning` alerts: it notifies. */
  readonly warningReceiver: string;
  /**
   * The receiver of alerts with any other or no severity, so that no alert is dropped.
   * @default - the warning receiver
   */
  readonly defaultReceiver?: string;
  /**
   * The labels alerts are grouped into one notification by.
   * @default ['alertname', 'environment', 'kafka_cluster'] - one notification per alert and cluster
   */
  readonly groupBy?: readonly string[];
  /**
   * How long a new group waits for more alerts before its first notification.
   * @default 30s
   */
  readonly groupWait?: PrometheusDuration;
  /**
   * How long a group waits before notifying alerts added to it.
   * @default 5m
   */
  readonly groupInterval?: PrometheusDuration;
  /**
   * How often a critical alert that still fires pages again.
   * @default 1h
   */
  readonly criticalRepeatInterval?: PrometheusDuration;
  /**
   * How often a warning that still fires notifies again.
   * @default 4h
   */
  readonly warningRepeatInterval?: PrometheusDuration;
  /**
   * Symptoms muted while their cause fires.
   * @default AlertInhibition.kafkaDefaults() - a Kafka node down mutes under-replicated partitions of its cluster
   */
  readonly inhibitions?: readonly AlertInhibition[];
}

/** One route below the root: the alerts of one severity and where they go. */
export interface SeverityRoute {
  readonly severity: AlertSeverity;
  readonly receiver: string;
  readonly repeatInterval: PrometheusDuration;
}

/**
 * Where alerts go, provider-neutral: receivers, one route per severity (critical pages,
 * warning notifies), grouping by alert and cluster, and inhibitions. Rendered as a Prometheus
 * Operator `AlertmanagerConfig` and as a plain `alertmanager.yml` (lib/contract/alertmanager-config.ts).
 * @see https://prometheus.io/docs/alerting/latest/configuration/
 */
export class AlertRouting {
  /** Critical alerts to one receiver, warnings to another. */
  public static bySeverity(props: AlertRoutingProps): AlertRouting {
    const p = KafkaIacError.required(props, { code: 'KIAC-ROUTING', path: PATH, prop: 'props', expected: 'an object with receivers, criticalReceiver and warningReceiver', fix: 'Pass the receivers and the names of the critical and warning receivers.' });
    if (!Array.isArray(p.receivers) || p.receivers.length === 0 || !p.receivers.every((r) => r instanceof AlertReceiver)) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: 'receivers', found: p.receivers, expected: 'at least one receiver built with AlertReceiver.pagerDuty/slack/webhook/email', fix: 'Declare the receivers with the AlertReceiver factories.' });
    }
    const names = new Set<string>();
    for (const r of p.receivers) {
      if (names.has(r.name)) throw KafkaIacError.duplicate('KIAC-ROUTING', PATH, 'receiver', r.name);
      names.add(r.name);
    }
    const declared = (route: string, name: unknown): string => {
      if (typeof name === 'string' && names.has(name)) return name;
      throw KafkaIacError.undeclaredReceiver(PATH, route, name, [...names]);
    };
    const routes: SeverityRoute[] = [
      { severity: AlertSeverity.CRITICAL, receiver: declared('critical', p.criticalReceiver), repeatInterval: p.criticalRepeatInterval ?? PrometheusDuration.hours(1) },
      { severity: AlertSeverity.WARNING, receiver: declared('warning', p.warningReceiver), repeatInterval: p.warningRepeatInterval ?? PrometheusDuration.hours(4) },
    ];
    const defaultReceiver = declared('default', p.defaultReceiver ?? p.warningReceiver);
    const inhibitions = p.inhibitions ?? AlertInhibition.kafkaDefaults();
    if (!inhibitions.every((i) => i instanceof AlertInhibition)) {
      throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop: 'inhibitions', found: inhibitions, expected: 'inhibitions built with AlertInhibition.whileFiring', fix: 'Use AlertInhibition.whileFiring({ causes, symptoms }).' });
    }
    const groupWait = p.groupWait ?? PrometheusDuration.seconds(30);
    const groupInterval = p.groupInterval ?? PrometheusDuration.minutes(5);
    for (const [prop, d] of [['groupWait', groupWait], ['groupInterval', groupInterval], ...routes.map((r) => [`${r.severity}RepeatInterval`, r.repeatInterval] as const)] as const) {
      if (!(d instanceof PrometheusDuration) || d.isZero) {
        throw KafkaIacError.invalidProp({ code: 'KIAC-ROUTING', path: PATH, prop, found: String(d), expected: 'a duration above zero (the Prometheus Operator refuses an empty one)', fix: `Set ${prop} to PrometheusDuration.seconds(30) or longer.` });
      }
    }
    return new AlertRouting(p.receivers, routes, defaultReceiver, labelNames('groupBy', p.groupBy ?? [ALERT_NAME_LABEL, ...CLUSTER_IDENTITY], true), groupWait, groupInterval, [...inhibitions]);
  }

  private constructor(
    public readonly receivers: readonly AlertReceiver[],
    /** Critical first, then warning. */
    public readonly routes: readonly SeverityRoute[],
    public readonly defaultReceiver: string,
    public readonly groupBy: readonly string[],
    public readonly groupWait: PrometheusDuration,
    public readonly groupInterval: PrometheusDuration,
    public readonly inhibitions: readonly AlertInhibition[],
  ) {}

  /** The receiver an alert of this severity goes to. */
  public receiverFor(severity: AlertSeverity): string {
    return this.routes.find((r) => r.severity === severity)?.receiver ?? this.defaultReceiver;
  }
}
