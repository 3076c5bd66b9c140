/**
 * The one writer of Mermaid flowcharts (the environment diagrams, `dist/<env>/diagram.md`).
 * Node and subgraph ids are generated (`n1`, `g1`), never taken from user data; every label is
 * quoted and escaped by `mermaidLabel`, so a name such as `a"]-->x` or `end` stays text.
 * @see https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
export class MermaidFlowchart {
  private readonly lines: string[] = [];
  private depth = 1;
  private next = 0;

  public constructor(private readonly direction: 'LR' | 'TB' = 'LR') {}

  /** Adds a node with a label (lines joined by `<br>`) and returns its id. */
  public node(label: string | readonly string[], shape: MermaidShape = MermaidShape.BOX): string {
    const id = `n${++this.next}`;
    const [open, close] = SHAPES[shape];
    this.push(`${id}${open}"${labelLines(label)}"${close}`);
    return id;
  }

  /** Opens a subgraph (closed by `end`) around what `body` adds, and returns its id. */
  public subgraph(label: string | readonly string[], body: () => void): string {
    const id = `g${++this.next}`;
    this.push(`subgraph ${id}["${labelLines(label)}"]`);
    this.depth++;
    body();
    this.depth--;
    this.push('end');
    return id;
  }

  /** An edge; a dotted one for monitoring and replication, with an optional escaped label. */
  // Stryker disable next-line StringLiteral: any style but dotted and thick is drawn solid, so the default's text changes nothing
  public edge(from: string, to: string, label?: string, style: 'solid' | 'dotted' | 'thick' = 'solid'): void {
    const arrow = style === 'dotted' ? '-.->' : style === 'thick' ? '==>' : '-->';
    this.push(label === undefined || label === '' ? `${from} ${arrow} ${to}` : `${from} ${arrow}|"${mermaidLabel(label)}"| ${to}`);
  }

  /** The flowchart source (without the Markdown fence). */
  public toString(): string {
    return [`flowchart ${this.direction}`, ...this.lines].join('\n') + '\n';
  }

  private push(line: string): void {
    this.lines.push(`${'  '.repeat(this.depth)}${line}`);
  }
}

/** Node shapes used by the diagrams. */
export enum MermaidShape {
  /** A rectangle: a resource. */
  BOX = 'box',
  /** A rounded rectangle: a listener or endpoint. */
  ROUNDED = 'rounded',
  /** A cylinder: storage or a cluster of brokers. */
  DATABASE = 'database',
  /** A parallelogram: a network or client outside the cluster. */
  EXTERNAL = 'external',
  /** A hexagon: monitoring. */
  HEXAGON = 'hexagon',
}

const SHAPES: Readonly<Record<MermaidShape, readonly [string, string]>> = {
  [MermaidShape.BOX]: ['[', ']'],
  [MermaidShape.ROUNDED]: ['(', ')'],
  [MermaidShape.DATABASE]: ['[(', ')]'],
  [MermaidShape.EXTERNAL]: ['[/', '/]'],
  [MermaidShape.HEXAGON]: ['{{', '}}'],
};

/** Characters written as themselves in a quoted label; everything else is an entity code. */
const SAFE = /[A-Za-z0-9 .,:/_+=@()-]/;

/**
 * Text for a quoted Mermaid label: every character outside letters, digits, space and
 * `. , : / _ + = @ ( ) -` becomes a decimal entity code `#<code>;` (so `"` is `#34;`, `#` is `#35;`,
 * `<` is `#60;`), which Mermaid renders as the character. Line breaks become spaces.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) out += SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  return out;
}

/** Reads a label written by `mermaidLabel` back (for tests and tools that check diagrams). */
export function decodeMermaidLabel(label: string): string {
  return label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

function labelLines(label: string | readonly string[]): string {
  return (typeof label === 'string' ? [label] : label).map(mermaidLabel).join('<br>');
}
