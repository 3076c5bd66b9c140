// No function, method or constructor in lib/ runs over 150 lines (issue #11, "small constructs"):
// measured with the TypeScript compiler API from the first to the last line of each body.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

const LIB = path.join(ROOT, 'lib');
const MAX_LINES = 150;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'imports' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Measured {
  readonly where: string;
  readonly lines: number;
}

/** Every function-like node of a file with its length in lines, named `file:line name`. */
export function functionLengths(file: string, text = fs.readFileSync(file, 'utf8')): Measured[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Measured[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ where: `${path.relative(ROOT, file)}:${start + 1} ${nameOf(node, source)}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A function's name, or the name of the variable or property it is assigned to. */
function nameOf(node: ts.Node, source: ts.SourceFile): string {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const own = (node as ts.FunctionLikeDeclaration).name;
  if (own) return own.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText(source);
  return '<anonymous>';
}

describe('function length', () => {
  it('measures constructors, methods, functions and arrow functions', () => {
    const text = ['class A {', '  constructor() {', '    const f = () => {', '      return 1;', '    };', '  }', '}', 'function g() {', '  return 2;', '}'].join('\n');
    expect(functionLengths('x.ts', text).map((m) => [m.where.replace(/^.*x\.ts/, 'x.ts'), m.lines])).toEqual([
      ['x.ts:2 constructor', 5], ['x.ts:3 f', 3], ['x.ts:8 g', 3],
    ]);
  });

  it(`no function, method or constructor in lib/ is over ${MAX_LINES} lines`, () => {
    const files = sourceFiles(LIB);
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((f) => functionLengths(f)).filter((m) => m.lines > MAX_LINES).map((m) => `${m.where} (${m.lines} lines)`);
    expect(long).toEqual([]);
  });
});
