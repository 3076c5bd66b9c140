import type { PrometheusAlertOptions } from '../../model/monitoring/prometheus-alert-options';
import { TerraformStack, type TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { TerraformDataResource, synthesizedInput } from './terraform-data';
import { MskCluster } from './msk-cluster';
import { KafkaIacError } from '../../model/errors';
import { KafkaVersion } from '../../model/kafka-version';
import type { RuleGroup } from '../../model/monitoring/alert-rule';
import { ScrapeRole, monitoredClusterIdentity, mskOpenMonitoringMetrics, type BackendMetrics, type MonitoredClusterIdentity } from '../../model/monitoring/metrics-backend';
import { scrapedSeriesLabels } from '../../model/monitoring/series-labels';
import { PROMETHEUS_DIR, addPrometheusFiles } from '../../contract/monitoring-output-files';
import { clusterRuleGroups } from '../../contract/cluster-rule-groups';
import { renderGroups } from '../../contract/prometheus-rule-file';
import { prometheusRulesArtefactInput, ruleGroupsOfArtefactInput } from '../../contract/prometheus-rules-artefact';
import { ServiceLevelObjective } from '../../model/monitoring/service-level-objective';
import {
  mskOpenMonitoringScalingMetrics, ScalingTarget, type ScalingAlertOptions,
} from '../../model/monitoring/scaling-alerts';
import { writeYaml } from '../../contract/yaml-writer';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';
import { checkMonitoredBrokers } from './monitored-brokers';
import { MSK_JMX_EXPORTER_PORT, MSK_NODE_EXPORTER_PORT } from '../../contract/msk-ports';

/** Props of `MskPrometheusMonitoring`: the cluster it watches through open monitoring. */
export interface MskPrometheusMonitoringProps extends PrometheusAlertOptions {
  /** The MSK cluster name (the `kafka_cluster` label). */
  readonly clusterName: string;
  /** Broker count; MON-001 fires when fewer JMX targets are up. */
  readonly brokers: number;
  /**
   * The broker data volume's mount point as the node exporter reports it.
   * @default '/kafka/datalogs'
   */
  readonly dataLogsMountpoint?: string;
  /**
   * The cluster's Kafka version (`MskCluster.kafkaVersion`). On KRaft versions only brokers are
   * scraped, so no alert reads controller metrics (offline partitions are alarmed on by
   * MskCloudWatchAlarms from CloudWatch's OfflinePartitionsCount).
   * @default - the version of the MskCluster of that name in the same stack; when there is none,
   * KRaft (the only metadata mode HA-005 accepts on MSK): pass the version of a ZooKeeper-mode
   * cluster declared elsewhere to keep KafkaOfflinePartitions
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * Scaling alerts (group `kafka-<cluster>-scaling`): host CPU and memory (node exporter),
   * bytes in against the capacity plan, connections per broker, each linking the MSK scaling runbook.
   * @default - on, with the documents' thresholds
   */
  readonly scaling?: ScalingAlertOptions;
}

/**
 * Prometheus monitoring of an MSK cluster through open monitoring (enable the JMX and node
 * exporters on the cluster): a scrape config for ports 11001 and 11002 that adds the labels the
 * alerts select by, the MON alerts with MSK's cased metric names, the SLO rules, a promtool
 * test per alert, and the runbooks, all in `dist/<env>/`. Pair it with `MskCloudWatchAlarms`.
 *
 * The rule groups are also written to the stack as a `terraform_data` (`rulesArtefact`), so
 * that the MON and SLO rules check them at synthesis like a PrometheusRule on Kubernetes; the
 * rule files are rendered from that synthesized copy, so an `addOverride` changes both.
 */
export class MskPrometheusMonitoring extends KafkaIacConstruct {
  public readonly groups: readonly RuleGroup[];
  /** The MSK cluster's name (the `kafka_cluster` label of its series). */
  public readonly clusterName: string;
  /** The cluster, environment and region the alerts select. */
  public readonly identity: MonitoredClusterIdentity;
  /** The metric selectors the alerts read (the dashboards read the same). */
  public readonly metrics: BackendMetrics;
  /** The SLOs whose recording rules and alerts are written. */
  public readonly slos: readonly ServiceLevelObjective[];
  /** Brokers scraped (MON-001). */
  public readonly brokers: number;
  /**
   * The `terraform_data` (`PrometheusRules`) whose `input.groups` holds the rule groups; the
   * rule files are rendered from it and the MON and SLO rules check it. Escape hatch: `addOverride`.
   */
  public readonly rulesArtefact: TerraformResource;
  /** `dist/<env>/` relative path of the scrape config. */
  public readonly scrapeConfigFile: string;
  public readonly files: { readonly ruleFiles: readonly string[]; readonly testFiles: readonly string[] };

  public constructor(scope: Construct, id: string, props: MskPrometheusMonitoringProps) {
    super(scope, id);
    KafkaIacError.required(props, { code: 'KIAC-PROP', path: this.path, prop: 'props', expected: 'the props of MskPrometheusMonitoring', fix: 'Pass { clusterName, brokers }.' });
    checkMonitoredBrokers(this.path, props.brokers);
    const c = props.clusterName;
    const identity = monitoredClusterIdentity(this.environment, c);
    const metrics = mskOpenMonitoringMetrics(identity, {
      dataLogsMountpoint: props.dataLogsMountpoint,
      kraft: isKraft(props.kafkaVersion ?? clusterInStack(TerraformStack.of(this), c)?.kafkaVersion),
    });
    const { slos, groups, runbookUrl } = clusterRuleGroups(this.environment, this.path, props, {
      identity, metrics, expectedNodes: props.brokers, scalingMetrics: mskOpenMonitoringScalingMetrics(identity), scalingTarget: ScalingTarget.MSK,
    });
    this.clusterName = c;
    this.identity = identity;
    this.metrics = metrics;
    this.brokers = props.brokers;
    this.slos = slos;
    this.groups = groups;
    // The rule groups live in the synthesized Terraform, where the MON and SLO rules read them
    // (after any addOverride), and the rule files are rendered from there.
    this.rulesArtefact = new TerraformDataResource(this, 'PrometheusRules', { ...prometheusRulesArtefactInput(c, metrics.kind, renderGroups(this.groups, runbookUrl)) });
    const stack = TerraformStack.of(this);
    this.files = addPrometheusFiles(this.environment, this.path, c, this.groups, runbookUrl, (context) => ruleGroupsOfArtefactInput(synthesizedInput(stack, this.rulesArtefact, context)));
    this.scrapeConfigFile = `${PROMETHEUS_DIR}/${c}-msk-scrape-config.yml`;
    const job = (name: string, port: number, role: ScrapeRole) => ({
      job_name: `${c}-msk-${name}`,
      scrape_interval: '30s',
      // The brokers' DNS names (`aws kafka list-nodes`), one per line with the port; refreshed when the file changes.
      file_sd_configs: [{ files: [`${c}-msk-brokers-${port}.json`] }],
      relabel_configs: Object.entries(scrapedSeriesLabels(identity, role)).map(([label, value]) => ({ target_label: label, replacement: value })),
    });
    this.environment.addOutputFile(this.scrapeConfigFile, () => writeYaml({
      scrape_configs: [job('jmx', MSK_JMX_EXPORTER_PORT, ScrapeRole.KAFKA), job('node', MSK_NODE_EXPORTER_PORT, ScrapeRole.NODE_EXPORTER)],
    }));
  }
}

/** KRaft unless a ZooKeeper-mode version is known: an unknown version never yields an alert on a metric KRaft MSK does not emit. */
function isKraft(version: KafkaVersion | undefined): boolean {
  return version === undefined || KafkaVersion.isMskKraft(version.version);
}

/** The MskCluster named `clusterName` in a stack, if it is declared there. */
function clusterInStack(stack: TerraformStack, clusterName: string): MskCluster | undefined {
  return stack.node.findAll().find((c): c is MskCluster => c instanceof MskCluster && c.clusterName === clusterName);
}
