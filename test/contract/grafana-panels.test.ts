import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteThresholds, GrafanaDashboardBuilder, grafanaPanel, type GrafanaPanelFields } from '../../lib/contract/grafana-panels';

// The oracle: the Grafana Foundation SDK's own panel and query builders (0.0.21), called the way
// lib/contract/dashboards.ts called them before it built the panels in grafana-panels.ts
// (stat/panelBuilder.gen.js, timeseries/panelBuilder.gen.js, prometheus/dataqueryBuilder.gen.js).
function sdkPanel(f: GrafanaPanelFields): dashboard.Panel {
  const targets = f.targets.map((q) => new prometheus.DataqueryBuilder().expr(q.expr).legendFormat(q.legendFormat).refId(q.refId));
  if (f.type === 'stat') {
    const panel = new stat.PanelBuilder().id(f.id).title(f.title).description(f.description).unit(f.unit).datasource(f.datasource).span(f.span).height(f.height);
    if (f.thresholds) panel.thresholds({ build: () => f.thresholds! });
    for (const t of targets) panel.withTarget(t);
    return panel.build();
  }
  const panel = new timeseries.PanelBuilder().id(f.id).title(f.title).description(f.description).unit(f.unit).datasource(f.datasource).span(f.span).height(f.height);
  for (const t of targets) panel.withTarget(t);
  return panel.build();
}

const thresholds = fc.array(fc.record({ value: fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })), color: fc.string() }), { maxLength: 4 })
  .map((steps) => new dashboard.ThresholdsConfigBuilder().mode(dashboard.ThresholdsMode.Absolute).steps(steps).build());
const fields = fc.record({
  type: fc.constantFrom('stat' as const, 'timeseries' as const),
  id: fc.integer({ min: 1, max: 10_000 }),
  title: fc.string(),
  description: fc.string(),
  unit: fc.constantFrom('none', 'ms', 'bytes', 'Bps', 'percent', 'percentunit', 'ops'),
  datasource: fc.record({ type: fc.constant('prometheus'), uid: fc.string() }),
  span: fc.integer({ min: 1, max: 24 }),
  height: fc.integer({ min: 1, max: 30 }),
  thresholds: fc.option(thresholds, { nil: undefined }),
  targets: fc.array(fc.record({ expr: fc.string(), legendFormat: fc.string(), refId: fc.string({ minLength: 1, maxLength: 2 }) }), { maxLength: 5 }),
}).map((f): GrafanaPanelFields => (f.type === 'stat' ? f : { ...f, thresholds: undefined }));

describe('grafanaPanel builds what the SDK\'s panel builders build', () => {
  it('absoluteThresholds: what the SDK\'s ThresholdsConfigBuilder builds', () => {
    fc.assert(fc.property(thresholds, (t) => {
      expect(JSON.stringify(absoluteThresholds(t.steps))).toBe(JSON.stringify(t));
    }), { numRuns: 100 });
  });

  it('for any stat or time series panel: the same JSON, key order included', () => {
    fc.assert(fc.property(fields, (f) => {
      expect(JSON.stringify(grafanaPanel(f).build())).toBe(JSON.stringify(sdkPanel(f)));
    }), { numRuns: 300 });
  });

  it('for the panels of a dashboard: the dashboard\'s JSON, laid out as the SDK\'s DashboardBuilder lays it out', () => {
    const panels: GrafanaPanelFields[] = [
      { type: 'stat', id: 1, title: 'Up', description: 'd', unit: 'none', datasource: { type: 'prometheus', uid: '${datasource}' }, span: 6, height: 5, thresholds: { mode: dashboard.ThresholdsMode.Absolute, steps: [{ value: null, color: 'red' }, { value: 3, color: 'green' }] }, targets: [{ expr: 'up', legendFormat: 'up', refId: 'A' }] },
      { type: 'timeseries', id: 2, title: 'Lag', description: 'e', unit: 'ms', datasource: { type: 'prometheus', uid: '${datasource}' }, span: 18, height: 8, targets: [{ expr: 'a', legendFormat: 'x', refId: 'A' }, { expr: 'b', legendFormat: 'y', refId: 'B' }] },
      { type: 'timeseries', id: 3, title: 'Disk', description: 'f', unit: 'bytes', datasource: { type: 'prometheus', uid: '${datasource}' }, span: 24, height: 8, targets: [] },
    ];
    const ours = new GrafanaDashboardBuilder('t').withRow('r', 100);
    const theirs = new dashboard.DashboardBuilder('t').withRow(new dashboard.RowBuilder('r').id(100));
    for (const p of panels) {
      ours.withPanel(grafanaPanel(p));
      theirs.withPanel({ build: () => sdkPanel(p) });
    }
    const json = JSON.stringify(ours.build());
    expect(json).toBe(JSON.stringify(theirs.build()));
    expect(JSON.parse(json).panels.map((p: dashboard.Panel) => p.gridPos)).toEqual([
      { x: 0, y: 0, h: 1, w: 24 }, { h: 5, w: 6, x: 0, y: 1 }, { h: 8, w: 18, x: 6, y: 1 }, { h: 8, w: 24, x: 0, y: 9 },
    ]);
  });

  it('refuses a width or height the SDK refuses', () => {
    const base: GrafanaPanelFields = { type: 'timeseries', id: 1, title: '', description: '', unit: 'none', datasource: { type: 'prometheus', uid: 'x' }, span: 12, height: 8, targets: [] };
    for (const bad of [{ span: 0 }, { span: 25 }, { height: 0 }]) {
      const f = { ...base, ...bad };
      expect(() => sdkPanel(f)).toThrow();
      expect(() => grafanaPanel(f).build()).toThrow(RangeError);
    }
  });
});

// One step of a dashboard: a row, or a panel (with or without a width of its own).
const step = fc.oneof(
  fc.record({ row: fc.string(), id: fc.integer({ min: 1, max: 10_000 }) }),
  fields.map((panel) => ({ panel })),
);

describe('GrafanaDashboardBuilder builds what the SDK\'s DashboardBuilder builds', () => {
  it('for any title, uid, tags, datasource variable and sequence of rows and panels: the same JSON, key order and layout included', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.array(fc.string(), { maxLength: 4 }), fc.string(), fc.string(), fc.array(step, { maxLength: 12 }), (title, uid, tags, variable, label, steps) => {
      const ours = new GrafanaDashboardBuilder(title).uid(uid).tags(tags).time({ from: 'now-6h', to: 'now' }).refresh('1m').readonly()
        .withDatasourceVariable(variable, label, 'prometheus');
      const theirs = new dashboard.DashboardBuilder(title).uid(uid).tags(tags).time({ from: 'now-6h', to: 'now' }).refresh('1m').readonly()
        .withVariable(new dashboard.DatasourceVariableBuilder(variable).label(label).type('prometheus'));
      for (const s of steps) {
        if ('row' in s) {
          ours.withRow(s.row, s.id);
          theirs.withRow(new dashboard.RowBuilder(s.row).id(s.id));
        } else {
          ours.withPanel(grafanaPanel(s.panel));
          theirs.withPanel({ build: () => sdkPanel(s.panel) });
        }
      }
      expect(JSON.stringify(ours.build())).toBe(JSON.stringify(theirs.build()));
    }), { numRuns: 300 });
  });

  it('a dashboard without rows or panels, as the SDK builds it', () => {
    expect(JSON.parse(JSON.stringify(new GrafanaDashboardBuilder('empty').build()))).toEqual(JSON.parse(JSON.stringify(new dashboard.DashboardBuilder('empty').build())));
  });
});

