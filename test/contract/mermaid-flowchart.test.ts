// The Mermaid flowchart writer (lib/contract/mermaid-flowchart.ts): generated ids, every label
// quoted and written with entity codes (Mermaid flowchart syntax, "Entity codes to escape
// characters": `#<decimal code>;` renders as the character,
// https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters), so that a
// name such as `a"]-->x` or `end` stays text.
import { describe, expect, it } from 'vitest';
import { decodeMermaidLabel, MermaidFlowchart, mermaidLabel, MermaidShape } from '../../lib/contract/mermaid-flowchart';
import { INJECTION_PAYLOADS } from '../hostile/payloads';

const SAFE = 'ABCXYZ abcxyz 0189 .,:/_+=@()-';

describe('mermaidLabel', () => {
  it('writes letters, digits, space and . , : / _ + = @ ( ) - as themselves', () => {
    expect(mermaidLabel(SAFE)).toBe(SAFE);
  });

  it('writes every other character as its decimal entity code, astral characters as one code', () => {
    expect(mermaidLabel('a"]-->x')).toBe('a#34;#93;--#62;x');
    expect(mermaidLabel('#;&<>[]{}|`\'\\%!?*~^$')).toBe('#35;#59;#38;#60;#62;#91;#93;#123;#125;#124;#96;#39;#92;#37;#33;#63;#42;#126;#94;#36;');
    expect(mermaidLabel('ü✓😀')).toBe('#252;#10003;#128512;');
  });

  it('writes each run of white space, line breaks included, as one space', () => {
    expect(mermaidLabel('a \n\t\r\n b\nc')).toBe('a b c');
  });

  it('leaves nothing that could close a label, an edge or a subgraph', () => {
    for (const p of [...INJECTION_PAYLOADS, 'end', 'a"]-->x', '"]:::evil', 'x --> y', '%%{init: {}}%%', 'click n1 call alert()']) {
      const label = mermaidLabel(p);
      expect(label, p).toMatch(/^(?:[A-Za-z0-9 .,:/_+=@()-]|#\d+;)*$/);
      expect(decodeMermaidLabel(label)).toBe(p.replace(/\s+/g, ' '));
    }
  });
});

describe('decodeMermaidLabel', () => {
  it('reads every entity code back as its character and leaves other text as written', () => {
    expect(decodeMermaidLabel('a#34;b#128512;c#35;d')).toBe('a"b😀c#d');
    expect(decodeMermaidLabel('# 35; #x; #35')).toBe('# 35; #x; #35');
  });
});

describe('MermaidFlowchart', () => {
  it('writes nodes of each shape with generated ids, subgraphs closed by end, and edges of each style', () => {
    const f = new MermaidFlowchart();
    let inner = '';
    const g = f.subgraph(['VPC "prod"', 'us-east-1'], () => {
      inner = f.node('broker <1>', MermaidShape.DATABASE);
      f.subgraph('end', () => {
        f.node(['a', 'b'], MermaidShape.ROUNDED);
      });
    });
    const box = f.node('client');
    const ext = f.node('internet', MermaidShape.EXTERNAL);
    const hex = f.node('prometheus', MermaidShape.HEXAGON);
    f.edge(box, inner);
    f.edge(box, inner, '');
    f.edge(hex, inner, 'scrapes :9404', 'dotted');
    f.edge(ext, box, 'a|b', 'thick');
    expect([g, inner, box, ext, hex]).toEqual(['g1', 'n2', 'n5', 'n6', 'n7']);
    expect(f.toString()).toBe([
      'flowchart LR',
      '  subgraph g1["VPC #34;prod#34;<br>us-east-1"]',
      '    n2[("broker #60;1#62;")]',
      '    subgraph g3["end"]',
      '      n4("a<br>b")',
      '    end',
      '  end',
      '  n5["client"]',
      '  n6[/"internet"/]',
      '  n7{{"prometheus"}}',
      '  n5 --> n2',
      '  n5 --> n2',
      '  n7 -.->|"scrapes :9404"| n2',
      '  n6 ==>|"a#124;b"| n5',
      '',
    ].join('\n'));
  });

  it('writes the direction it was given', () => {
    expect(new MermaidFlowchart('TB').toString()).toBe('flowchart TB\n');
    expect(new MermaidFlowchart().toString()).toBe('flowchart LR\n');
  });
});
