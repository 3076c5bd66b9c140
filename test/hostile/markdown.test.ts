import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownCell, markdownCode } from '../../lib/contract/writers/markdown';
import { CapacityPlan } from '../../lib/model/capacity/capacity-planner';
import { Environment } from '../../lib/model/environment';
import { KafkaIacError } from '../../lib/model/errors';
import { RuleSuppressions } from '../../lib/rules/suppressions';
import { statefulSetChart } from '../support/statefulset-fixture';
import { INJECTION_PAYLOADS } from './payloads';

/**
 * The Markdown writer (issue #13: Markdown cells), checked with a real GitHub-flavoured Markdown
 * parser (markdown-it, whose tables follow the GFM tables extension): a value in a cell stays one
 * cell of one row, reads back as itself, and opens no HTML.
 */
const md = new MarkdownIt({ html: true });

interface Cell { readonly text: string; readonly html: readonly string[]; readonly code: boolean }

/** The body rows of the tables in `doc`, each cell read back as text (`<br>` as a line break). */
function tableRows(doc: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] | undefined;
  let inBody = false;
  for (const t of md.parse(doc, {})) {
    if (t.type === 'tbody_open') inBody = true;
    if (t.type === 'tbody_close') inBody = false;
    if (inBody && t.type === 'tr_open') rows.push(row = []);
    if (inBody && t.type === 'inline' && row) {
      let text = '';
      const html: string[] = [];
      let code = false;
      for (const c of t.children ?? []) {
        if (c.type === 'html_inline' && /^<br>$/i.test(c.content)) text += '\n';
        else if (c.type === 'html_inline') { html.push(c.content); text += c.content; }
        else if (c.type === 'code_inline') { code = true; text += c.content; }
        else if (c.type === 'softbreak' || c.type === 'hardbreak') text += '\n';
        else if (c.type === 'text') text += c.content;
        else html.push(c.type); // emphasis, links, strikethrough: formatting the value did not ask for
      }
      row.push({ text, html, code });
    }
  }
  return rows;
}

function table(cell: string): string {
  return ['| value | next |', '|---|---|', `| ${cell} | after |`, ''].join('\n');
}

/** What a cell shows for `s`: line breaks kept, other control characters as spaces, outer spaces trimmed (GFM trims cells). */
function shown(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
  return s.replace(/\r\n|\r|\n/g, '\n').replace(/[\x00-\x09\x0b-\x1f\x7f]/g, ' ').replace(/^ +| +$/g, '');
}

const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('|', '`', '\\', '*', '_', '[', ']', '(', ')', '<', '>', '&', '~', '#', '!', '\n', ' ', 'a', '-', ':', '"'), maxLength: 30 }),
  fc.constantFrom(...INJECTION_PAYLOADS, '<script>alert(1)</script>', 'a | b', '`code`', '**bold**', '[x](javascript:alert(1))', '&lt;', '<br>', '~~gone~~', '\\|'),
);

describe('the Markdown cell writer, read back by a GFM parser (issue #13)', () => {
  it('keeps any value one cell of one row, reads back as itself, and opens no HTML or formatting', () => {
    fc.assert(fc.property(hostile, (s) => {
      const rows = tableRows(table(markdownCell(s)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveLength(2);
      expect(rows[0]![0]!.html).toEqual([]);
      expect(rows[0]![0]!.text).toBe(shown(s));
      expect(rows[0]![1]!.text).toBe('after');
    }), { numRuns: 600, seed: 1313 });
  });

  it('writes inline code that reads back as itself, pipes and backticks included', () => {
    // eslint-disable-next-line no-control-regex -- control characters are matched on purpose, to refuse or escape them
    const codeable = hostile.filter((s) => s !== '' && !/[\x00-\x1f\x7f]/.test(s) && s.trim() === s);
    fc.assert(fc.property(codeable, (s) => {
      const rows = tableRows(table(markdownCode(s)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toHaveLength(2);
      expect(rows[0]![0]).toEqual({ text: s, html: [], code: true });
    }), { numRuns: 600, seed: 1313 });
  });
});

describe('every Markdown report escapes what users name (issue #13)', () => {
  it('writes a capacity plan named with a pipe, backticks, HTML and emphasis as one literal cell of the report', () => {
    const environment = Environment.production({ name: 'production', region: 'us-east-1' });
    const name = 'orders | `evil` <img src=x onerror=alert(1)> **x** __y__ ${var.x}';
    CapacityPlan.forWorkload({ name, messagesPerSecond: 1000, averageMessageBytes: 1024, retentionSeconds: 604_800 }).attachTo(environment);
    const section = environment.reportSections.find((s) => s.title === 'Capacity plan')!;
    const rows = tableRows(section.markdown);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveLength(7);
    expect(rows[0]![0]).toEqual({ text: name, html: [], code: false });
  });

  it('refuses a capacity plan name on several lines, blank, or longer than an AWS tag value (256)', () => {
    for (const name of ['a\nb', '', '   ', 'x'.repeat(257), 'a\u2028b', 'tab\there']) {
      expect(() => CapacityPlan.forWorkload({ name, messagesPerSecond: 1, averageMessageBytes: 1, retentionSeconds: 1 })).toThrow(KafkaIacError);
    }
  });

  it('writes a suppression reason with pipes, backticks and HTML as one cell of report.md', () => {
    const { chart, cluster } = statefulSetChart();
    const reason = 'Partner | cluster `x` <script>alert(1)</script> owns its **own** capacity plan';
    RuleSuppressions.add(cluster, [{ id: 'HA-001', reason }]);
    expect(chart.node.validate()).toEqual([]);
    const rows = tableRows(chart.complianceReport!.toMarkdown());
    const unused = rows.find((r) => r[0]!.text === 'HA-001' && r.length === 3)!;
    expect(unused[1]).toEqual({ text: 'kafka/Kafka', html: [], code: true });
    expect(unused[2]).toEqual({ text: reason, html: [], code: false });
    for (const r of rows) for (const c of r) expect(c.html).toEqual([]);
  });
});
