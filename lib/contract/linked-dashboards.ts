import type { RuleGroup } from '../model/monitoring/alert-rule';
import type { Environment } from '../model/environment';
import { checkGrafanaUrl } from '../model/grammar/names';
import { linkDashboardPanels } from './monitoring-output-files';
import { clusterDashboards, type BuiltDashboard, type DashboardCluster } from './dashboards';
import { dashboardPanelLinks } from './alert-dashboard-panels';

// Internal to the dashboards constructs: no entry point re-exports this module.

/**
 * The dashboards of one cluster (`clusterDashboards`), with the runbook of each of its alerts
 * (`groups`, the cluster's monitoring) linked to its panel: what `KafkaGrafanaDashboards` and
 * `MskDashboards` both build. `grafanaUrl` is checked (KIAC-PROP at `path`) before any link is written.
 */
export function linkedClusterDashboards(environment: Environment, path: string, cluster: DashboardCluster, dr: boolean, groups: readonly RuleGroup[], grafanaUrl: string | undefined): BuiltDashboard[] {
  const dashboards = clusterDashboards(cluster, dr);
  const url = grafanaUrl === undefined ? undefined : checkGrafanaUrl(grafanaUrl, { code: 'KIAC-PROP', path, prop: 'grafanaUrl' });
  linkDashboardPanels(environment, dashboardPanelLinks(cluster.identity.cluster, groups, dashboards, url));
  return dashboards;
}
