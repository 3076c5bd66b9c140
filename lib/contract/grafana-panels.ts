import type * as GrafanaCommon from '@grafana/grafana-foundation-sdk/common';
import type * as GrafanaDashboard from '@grafana/grafana-foundation-sdk/dashboard';

/**
 * The Grafana dashboard models of lib/contract/dashboards.ts, built as plain data: the dashboard,
 * its datasource variable, rows, stat and time series panels and their Prometheus queries, with
 * the JSON (key order included) that the Grafana Foundation SDK's builders give for the calls
 * `dashboards.ts` made to them: `dashboard.DashboardBuilder` (`uid`, `tags`, `time`, `refresh`,
 * `readonly`, `withVariable`, `withRow`, `withPanel`, which lays the panels out),
 * `dashboard.DatasourceVariableBuilder`, `dashboard.RowBuilder`, `dashboard.ThresholdsConfigBuilder`,
 * `stat.PanelBuilder` and `timeseries.PanelBuilder` with `prometheus.DataqueryBuilder` targets.
 *
 * Why not the SDK itself: its builders only put its defaults in place, and loading them cost more
 * than building every dashboard (the `dashboard` and `common` modules about 13 ms of CPU; the
 * `prometheus`, `stat` and `timeseries` modules also load its v2 dashboard schemas, about 150
 * modules). The SDK's types are still the types here (`import type`: nothing of it loads at run
 * time). `test/contract/grafana-panels.test.ts` builds any panel and any dashboard both ways and
 * compares the JSON, key order included.
 *
 * Sources (`@grafana/grafana-foundation-sdk` 0.0.21, `dist/`): `dashboard/types.gen.js`
 * (`defaultDashboard`, `defaultPanel`, `defaultGridPos`, `defaultRowPanel`, `defaultVariableModel`,
 * `defaultFieldConfigSource`), `dashboard/dashboardBuilder.gen.js`, `dashboard/rowBuilder.gen.js`,
 * `dashboard/datasourceVariableBuilder.gen.js`, `dashboard/thresholdsConfigBuilder.gen.js`,
 * `common/types.gen.js` (`defaultReduceDataOptions`, `defaultVizTooltipOptions`,
 * `defaultGraphFieldConfig` and the enums' values), `stat/panelBuilder.gen.js` and
 * `stat/types.gen.js` (`defaultOptions`), `timeseries/panelBuilder.gen.js` and
 * `timeseries/types.gen.js` (`defaultOptions`, `defaultFieldConfig`),
 * `prometheus/dataqueryBuilder.gen.js` and `prometheus/types.gen.js` (`defaultDataquery`).
 */

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

/** A stat panel's thresholds, as `dashboard.ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(steps)` builds them. */
export function absoluteThresholds(steps: GrafanaDashboard.Threshold[]): GrafanaDashboard.ThresholdsConfig {
  return { mode: 'absolute' as GrafanaDashboard.ThresholdsMode, steps };
}

/**
 * A builder of the panel, for `GrafanaDashboardBuilder.withPanel` (which lays it out): its
 * `build()` gives what the SDK's panel builder gives after the same calls.
 */
export function grafanaPanel(fields: GrafanaPanelFields): { build(): GrafanaDashboard.Panel } {
  return { build: () => buildPanel(fields) };
}

function buildPanel(f: GrafanaPanelFields): GrafanaDashboard.Panel {
  // The constructor: the SDK's default panel (`defaultPanel`), its type and its options (a time series also gets its field config first).
  const panel = { type: f.type, transparent: false, repeatDirection: 'h' } as GrafanaDashboard.Panel;
  if (f.type === 'stat') {
    // stat.defaultOptions() with the panel builder's settings; reduceOptions is common.defaultReduceDataOptions().
    panel.options = {
      graphMode: 'area',
      colorMode: 'value',
      justifyMode: 'auto',
      textMode: 'auto',
      wideLayout: true,
      showPercentChange: false,
      reduceOptions: { calcs: [] },
      percentChangeColorMode: 'standard',
      orientation: 'auto',
    };
  } else {
    // timeseries.defaultOptions(): the legend, and common.defaultVizTooltipOptions() (single, ascending).
    panel.options = {
      legend: { displayMode: 'list', placement: 'bottom', showLegend: false, calcs: [] },
      tooltip: { mode: 'single', sort: 'asc' },
    };
    // dashboard.defaultFieldConfigSource() with common.defaultGraphFieldConfig() as its custom config.
    panel.fieldConfig = { defaults: { custom: {} }, overrides: [] };
  }
  // id, title, description, unit, datasource, span, height, thresholds, then the targets.
  panel.id = f.id;
  panel.title = f.title;
  panel.description = f.description;
  panel.fieldConfig ??= { defaults: {}, overrides: [] };
  panel.fieldConfig.defaults.unit = f.unit;
  panel.datasource = f.datasource;
  if (!(f.span > 0) || !(f.span <= 24)) throw new RangeError(`w must be > 0 and <= 24, got ${f.span}`);
  if (!(f.height > 0)) throw new RangeError(`h must be > 0, got ${f.height}`);
  // dashboard.defaultGridPos(), then w and h.
  panel.gridPos = { h: f.height, w: f.span, x: 0, y: 0 };
  if (f.thresholds) panel.fieldConfig.defaults.thresholds = f.thresholds;
  if (f.targets.length > 0) {
    panel.targets = f.targets.map((t) => ({
      // prometheus.defaultDataquery(), then expr, legendFormat and refId (the function is the SDK's marker, which JSON leaves out).
      expr: t.expr,
      _implementsDataqueryVariant: () => {},
      legendFormat: t.legendFormat,
      refId: t.refId,
    }));
  }
  return panel;
}

/**
 * The dashboard the SDK's `DashboardBuilder` builds for the calls `dashboards.ts` makes, in the
 * same order: `uid`, `tags`, `time`, `refresh`, `readonly`, a datasource variable, then rows and
 * panels, each panel placed after the last one (a new line once a line reaches 24 columns).
 */
export class GrafanaDashboardBuilder {
  private readonly internal: GrafanaDashboard.Dashboard;
  private currentX = 0;
  private currentY = 0;
  private lastPanelHeight = 0;

  public constructor(title: string) {
    // dashboard.defaultDashboard() (graphTooltip: DashboardCursorSync.Off), then the title.
    this.internal = {
      timezone: 'browser', editable: true, graphTooltip: 0, fiscalYearStartMonth: 0, schemaVersion: 42, templating: {}, annotations: {},
    } as GrafanaDashboard.Dashboard;
    this.internal.title = title;
  }

  public uid(uid: string): this {
    this.internal.uid = uid;
    return this;
  }

  public tags(tags: string[]): this {
    this.internal.tags = tags;
    return this;
  }

  public time(time: { from: string; to: string }): this {
    this.internal.time = time;
    return this;
  }

  public refresh(refresh: string): this {
    this.internal.refresh = refresh;
    return this;
  }

  public readonly(): this {
    this.internal.editable = false;
    return this;
  }

  /** `withVariable(new DatasourceVariableBuilder(name).label(label).type(query))`. */
  public withDatasourceVariable(name: string, label: string, query: string): this {
    // dashboard.defaultVariableModel(), then name, type datasource, label and query (`type()` sets the query).
    const variable = {
      type: 'datasource', name, skipUrlSync: false, multi: false, allowCustomValue: true, includeAll: false, auto: false, auto_min: '10s', auto_count: 30,
    } as GrafanaDashboard.VariableModel;
    variable.label = label;
    variable.query = query;
    (this.internal.templating.list ??= []).push(variable);
    return this;
  }

  /** `withRow(new RowBuilder(title).id(id))`: a full-width row under the last line. */
  public withRow(title: string, id: number): this {
    // dashboard.defaultRowPanel(), then type, title and id; withRow places it.
    const row = { type: 'row', collapsed: false, id: 0, panels: [] } as GrafanaDashboard.RowPanel;
    row.title = title;
    row.id = id;
    row.gridPos = { x: 0, y: this.currentY + this.lastPanelHeight, h: 1, w: 24 };
    (this.internal.panels ??= []).push(row);
    this.currentX = 0;
    this.currentY = row.gridPos.y + 1;
    this.lastPanelHeight = 0;
    return this;
  }

  /** `withPanel(panel)`: the panel at the end of the current line, which ends once it reaches 24 columns. */
  public withPanel(builder: { build(): GrafanaDashboard.Panel }): this {
    const panel = builder.build();
    panel.gridPos ??= { h: 9, w: 12, x: 0, y: 0 };
    if (panel.gridPos.x === 0 && panel.gridPos.y === 0) {
      panel.gridPos.x = this.currentX;
      panel.gridPos.y = this.currentY;
    }
    (this.internal.panels ??= []).push(panel);
    this.currentX += panel.gridPos.w;
    this.lastPanelHeight = Math.max(this.lastPanelHeight, panel.gridPos.h);
    if (this.currentX >= 24) {
      this.currentX = 0;
      this.currentY += this.lastPanelHeight;
      this.lastPanelHeight = 0;
    }
    return this;
  }

  public build(): GrafanaDashboard.Dashboard {
    return this.internal;
  }
}
