import type * as GrafanaCommon from '@grafana/grafana-foundation-sdk/common';
import type * as GrafanaDashboard from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * The stat and time series panels of the dashboards (lib/contract/dashboards.ts), with their
 * Prometheus queries: the panel the Grafana Foundation SDK's `stat.PanelBuilder` and
 * `timeseries.PanelBuilder` build, with `prometheus.DataqueryBuilder` targets, for the calls
 * `dashboards.ts` makes (`id`, `title`, `description`, `unit`, `datasource`, `span`, `height`,
 * `thresholds`, `withTarget`), from the SDK's own `dashboard` and `common` defaults.
 *
 * Why not those builders themselves: the SDK's `prometheus`, `stat` and `timeseries` modules
 * also load its v2 dashboard schemas (`dashboardv2`, `dashboardv2beta1`: about 150 modules, some
 * 35 ms of CPU) for builders the library never calls, and the panel builders themselves only
 * put the SDK's defaults in place. The dashboard, its rows, variables, thresholds and layout
 * are still built by the SDK's `dashboard` module. `test/contract/grafana-panels.test.ts` builds
 * any panel both ways and compares the JSON, key order included.
 *
 * Sources (`@grafana/grafana-foundation-sdk` 0.0.21, `dist/`): `stat/panelBuilder.gen.js` and
 * `stat/types.gen.js` (`defaultOptions`), `timeseries/panelBuilder.gen.js` and
 * `timeseries/types.gen.js` (`defaultOptions`, `defaultFieldConfig`),
 * `prometheus/dataqueryBuilder.gen.js` and `prometheus/types.gen.js` (`defaultDataquery`).
 */

/** The SDK modules the panels are built from, loaded by the caller on first use. */
export interface GrafanaPanelSdk {
  readonly dashboard: typeof GrafanaDashboard;
  readonly common: typeof GrafanaCommon;
}

/** One Prometheus query of a panel. */
export interface GrafanaPanelQuery {
  readonly expr: string;
  readonly legendFormat: string;
  readonly refId: string;
}

/** What a panel is built from, in the order `dashboards.ts` gives it to the SDK builders. */
export interface GrafanaPanelFields {
  readonly type: 'stat' | 'timeseries';
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly datasource: GrafanaCommon.DataSourceRef;
  /** Width in grid columns (1 to 24). */
  readonly span: number;
  /** Height in grid rows (> 0). */
  readonly height: number;
  /**
   * The thresholds of a stat panel.
   * @default - none (the SDK's default)
   */
  readonly thresholds?: GrafanaDashboard.ThresholdsConfig;
  readonly targets: readonly GrafanaPanelQuery[];
}

/**
 * A builder of the panel, for `DashboardBuilder.withPanel` (which lays it out): its `build()`
 * gives what the SDK's panel builder gives after the same calls.
 */
export function grafanaPanel(sdk: GrafanaPanelSdk, fields: GrafanaPanelFields): { build(): GrafanaDashboard.Panel } {
  return { build: () => buildPanel(sdk, fields) };
}

function buildPanel({ dashboard, common }: GrafanaPanelSdk, f: GrafanaPanelFields): GrafanaDashboard.Panel {
  // The constructor: the SDK's default panel, its type and its options (a time series also gets its field config first).
  const panel: GrafanaDashboard.Panel = dashboard.defaultPanel();
  panel.type = f.type;
  if (f.type === 'stat') {
    panel.options = {
      graphMode: common.BigValueGraphMode.Area,
      colorMode: common.BigValueColorMode.Value,
      justifyMode: common.BigValueJustifyMode.Auto,
      textMode: common.BigValueTextMode.Auto,
      wideLayout: true,
      showPercentChange: false,
      reduceOptions: common.defaultReduceDataOptions(),
      percentChangeColorMode: common.PercentChangeColorMode.Standard,
      orientation: common.VizOrientation.Auto,
    };
  } else {
    panel.options = {
      legend: { displayMode: common.LegendDisplayMode.List, placement: common.LegendPlacement.Bottom, showLegend: false, calcs: [] },
      tooltip: common.defaultVizTooltipOptions(),
    };
    panel.fieldConfig = dashboard.defaultFieldConfigSource();
    panel.fieldConfig.defaults.custom = common.defaultGraphFieldConfig();
  }
  // id, title, description, unit, datasource, span, height, thresholds, then the targets.
  panel.id = f.id;
  panel.title = f.title;
  panel.description = f.description;
  panel.fieldConfig ??= dashboard.defaultFieldConfigSource();
  panel.fieldConfig.defaults.unit = f.unit;
  panel.datasource = f.datasource;
  if (!(f.span > 0) || !(f.span <= 24)) throw new RangeError(`w must be > 0 and <= 24, got ${f.span}`);
  if (!(f.height > 0)) throw new RangeError(`h must be > 0, got ${f.height}`);
  panel.gridPos = dashboard.defaultGridPos();
  panel.gridPos.w = f.span;
  panel.gridPos.h = f.height;
  if (f.thresholds) panel.fieldConfig.defaults.thresholds = f.thresholds;
  if (f.targets.length > 0) {
    panel.targets = f.targets.map((t) => ({
      // prometheus.defaultDataquery(), then expr, legendFormat and refId.
      expr: t.expr,
      _implementsDataqueryVariant: () => {},
      legendFormat: t.legendFormat,
      refId: t.refId,
    }));
  }
  return panel;
}
