/**
 * Writes the JSON schemas the tests validate Strimzi custom resources against:
 * `schemas/strimzi/<kind>.<version>.json` (the `openAPIV3Schema` of each served version of each
 * CRD, unchanged) and `schemas/strimzi/index.json` (kind, group, version, file, source CRD).
 * Run by `npm run import:strimzi` (scripts/import-strimzi.sh), which passes the CRD folder;
 * the output is committed, so nothing at build, test or run time reads the CRDs.
 *
 * Usage: tsx scripts/strimzi-schemas.ts <crd-dir> <out-dir>
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

const [crdDir, outDir] = process.argv.slice(2);
if (!crdDir || !outDir) {
  console.error('usage: tsx scripts/strimzi-schemas.ts <crd-dir> <out-dir>');
  process.exit(2);
}

interface IndexEntry {
  readonly kind: string;
  readonly group: string;
  readonly version: string;
  readonly file: string;
  readonly crd: string;
}

fs.mkdirSync(outDir, { recursive: true });
for (const old of fs.readdirSync(outDir).filter((f) => f.endsWith('.json'))) fs.rmSync(path.join(outDir, old));

const index: IndexEntry[] = [];
for (const crdFile of fs.readdirSync(crdDir).filter((f) => /-Crd-.*\.yaml$/.test(f)).sort()) {
  const crd = parse(fs.readFileSync(path.join(crdDir, crdFile), 'utf8'));
  const kind: string = crd.spec.names.kind;
  for (const version of crd.spec.versions) {
    if (!version.served) continue;
    const file = `${kind.toLowerCase()}.${version.name}.json`;
    fs.writeFileSync(path.join(outDir, file), `${JSON.stringify(version.schema.openAPIV3Schema, null, 2)}\n`);
    index.push({ kind, group: crd.spec.group, version: version.name, file, crd: crdFile });
    console.log(`import-strimzi: wrote ${path.relative(process.cwd(), path.join(outDir, file))} (${kind} ${crd.spec.group}/${version.name})`);
  }
}
fs.writeFileSync(path.join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
