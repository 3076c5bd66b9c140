import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentationFiles } from '../support/doc-blocks';
import { ROOT } from '../support/paths';

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
}

/** The anchors of a Markdown file (its headings, outside code blocks). */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  let fence: string | undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = /^(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1] : line.trim() === fence ? undefined : fence;
    else if (fence === undefined && /^#{1,6} /.test(line)) anchors.add(slug(line.replace(/^#+ /, '')));
  }
  return anchors;
}

/** `file: link` for every relative link (outside code) whose file or anchor does not exist. */
function brokenLinks(files: readonly string[]): string[] {
  const broken: string[] = [];
  for (const rel of files) {
    const file = path.join(ROOT, rel);
    const text = fs.readFileSync(file, 'utf8').replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '').replace(/`[^`\n]*`/g, '');
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [p, anchor] = target.split('#');
      const resolved = p === '' ? file : path.resolve(path.dirname(file), p);
      if (!resolved.startsWith(ROOT + path.sep) && resolved !== ROOT) broken.push(`${rel}: ${target} (outside the repository)`);
      else if (!fs.existsSync(resolved)) broken.push(`${rel}: ${target}`);
      else if (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)) broken.push(`${rel}: ${target} (no such heading)`);
    }
  }
  return broken;
}

describe('documentation links', () => {
  it('every relative link of README.md and docs/*.md points at a file in the repository, and at a heading that exists', () => {
    const files = documentationFiles();
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/rules.md', 'docs/msk.md', 'docs/dr.md']));
    expect(brokenLinks(files)).toEqual([]);
  });

  it('README.md is an entry point of at most 300 lines that links every guide', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
    for (const guide of ['msk', 'strimzi', 'statefulset', 'access', 'monitoring', 'capacity', 'dr', 'rules', 'rules-guide', 'traps', 'layout', 'architecture', 'contributing']) {
      expect(readme).toContain(`(docs/${guide}.md)`);
    }
  });

  it('finds a broken link and a missing heading (the check can fail)', () => {
    const dir = path.join(ROOT, '.test-out', 'doc-links-probe');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.md'), '# A\n\n[b](b.md) [self](#a) [gone](#nowhere) [up](../../../outside.md)\n');
    try {
      expect(brokenLinks([path.relative(ROOT, path.join(dir, 'a.md'))])).toEqual([
        '.test-out/doc-links-probe/a.md: b.md',
        '.test-out/doc-links-probe/a.md: #nowhere (no such heading)',
        '.test-out/doc-links-probe/a.md: ../../../outside.md (outside the repository)',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
