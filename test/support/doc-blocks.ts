import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths';

/**
 * The TypeScript code blocks of the documentation (README.md and every docs/*.md): each
 * ```ts (or ```typescript) block is a complete program that the suite type-checks and runs.
 * A block fenced ```ts skip-test <reason> is not run; the reason is required.
 */
export interface DocBlock {
  /** The Markdown file, relative to the project root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The nearest heading above the block, with its `#`s. */
  readonly heading: string;
  readonly code: string;
  /** Why the block is not run, when it is fenced `ts skip-test <reason>`. */
  readonly skipReason?: string;
}

/** README.md and every Markdown file under docs/, sorted. */
export function documentationFiles(): string[] {
  const docs = path.join(ROOT, 'docs');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.md') ? [path.relative(ROOT, p)] : [];
  });
  return ['README.md', ...(fs.existsSync(docs) ? walk(docs).sort() : [])];
}

const FENCE = /^(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/;

/** The ts blocks of one Markdown file (relative to the root). */
export function codeBlocks(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): DocBlock[] {
  const lines = text.split('\n');
  const blocks: DocBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) {
      if (/^#{1,6} /.test(lines[i])) heading = lines[i].trim();
      continue;
    }
    const [, fence, lang, rest] = open;
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence);
    if (end < 0) throw new Error(`${file}:${i + 1}: code block never closed`);
    if (lang === 'ts' || lang === 'typescript') {
      const skip = /^skip-test\b:?\s*(.*)$/.exec(rest.trim());
      if (rest.trim() !== '' && !skip) throw new Error(`${file}:${i + 1}: unknown fence option '${rest.trim()}'; use \`${fence}ts skip-test <reason>\``);
      blocks.push({ file, line: i + 1, heading, code: lines.slice(i + 1, end).join('\n') + '\n', ...(skip ? { skipReason: skip[1] } : {}) });
    }
    i = end;
  }
  return blocks;
}

/** Every ts block of the documentation. */
export function allCodeBlocks(): DocBlock[] {
  return documentationFiles().flatMap((f) => codeBlocks(f));
}

/**
 * The block's code with `kafka-iac` (and `kafka-iac/<sub>`) resolved to this checkout's
 * sources, as a consumer's package manager would resolve the package. The file is a module
 * (`export {}`), as a consumer's main.ts is, so blocks never share a scope.
 */
export function resolvedCode(block: DocBlock, fromDir: string): string {
  return block.code.replace(/(from\s+|import\s*\(\s*)(['"])kafka-iac(\/[\w/-]+)?\2/g, (_m, prefix: string, quote: string, sub?: string) => {
    const target = (sub ? subpathSource(sub.slice(1)) : path.join(ROOT, 'lib', 'index.ts')).replace(/\.ts$/, '');
    let rel = path.relative(fromDir, target).replace(/\\/g, '/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${prefix}${quote}${rel}${quote}`;
  }) + 'export {};\n';
}

function subpathSource(sub: string): string {
  for (const candidate of [path.join(ROOT, 'lib', sub, 'index.ts'), path.join(ROOT, 'lib', `${sub}.ts`)]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`kafka-iac/${sub}: no lib/${sub}/index.ts or lib/${sub}.ts`);
}

/** A stable folder name for a block: `docs-msk.md-L42`. */
export function blockSlug(block: DocBlock): string {
  return `${block.file.replace(/[\\/]/g, '-')}-L${block.line}`;
}
