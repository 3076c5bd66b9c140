import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ComplianceReport } from '../rules/report';
import { evaluatedDocuments } from '../rules/engine';
import { sarifLog } from '../rules/report-sarif';
import { junitXml } from '../rules/report-junit';
import type { SynthesizedDocument } from '../contract/document';
import { environmentDiagram } from './environment-diagram';
import { writeJson } from '../contract/writers/json';

/** What an environment synthesized from: its Terraform stacks and cdk8s charts (their ids name the output files). */
export interface EnvironmentSources {
  readonly stacks: readonly { readonly node: { readonly id: string }; readonly complianceReport: ComplianceReport }[];
  readonly charts: readonly { readonly node: { readonly id: string }; readonly complianceReport: ComplianceReport }[];
}

/** Where the environment's files go. */
export interface OutputDirs {
  /** The cdktf outdir: Terraform JSON is `<terraformOutdir>/stacks/<stack>/cdk.tf.json`. */
  readonly terraformOutdir: string;
  /** `dist/<env>`: manifests are `<chart>.k8s.yaml` there. */
  readonly distDir: string;
}

/** The documents of one output file, as the rules read them. */
export interface LocatedDocuments {
  /** The file, as written (relative to the working directory, or absolute). */
  readonly file: string;
  readonly documents: readonly SynthesizedDocument[];
}

/** A file to write under `dist/<env>/`. */
export interface OperatorFile {
  readonly rel: string;
  readonly text: string;
  /** What wrote text that is not the rules' own (named in a SEC-009 fix). */
  readonly source?: string;
}

/** Each output file of an environment with the documents it holds. */
export function locatedDocuments(sources: EnvironmentSources, dirs: OutputDirs): LocatedDocuments[] {
  return [
    ...sources.stacks.map((s) => ({
      file: path.join(dirs.terraformOutdir, 'stacks', s.node.id, 'cdk.tf.json'),
      documents: evaluatedDocuments(s.complianceReport) ?? [],
    })),
    ...sources.charts.map((c) => ({
      file: path.join(dirs.distDir, `${c.node.id}.k8s.yaml`),
      documents: evaluatedDocuments(c.complianceReport) ?? [],
    })),
  ];
}

/**
 * The operator views of an environment's rules report beside report.json and report.md:
 * `report.sarif` (SARIF 2.1.0 for code scanning) and `report.junit.xml` (for CI test views);
 * and `diagram.md`, the environment's Mermaid diagram drawn from the same documents.
 */
export function operatorFiles(report: ComplianceReport, sources: EnvironmentSources, dirs: OutputDirs): OperatorFile[] {
  const located = locatedDocuments(sources, dirs);
  const fileOfPath = new Map<string, string>();
  for (const { file, documents } of located) for (const d of documents) fileOfPath.set(d.path, file);
  const sarif = sarifLog(report, { artifactOf: (p) => { const f = fileOfPath.get(p); return f === undefined ? undefined : artifactUri(f); } });
  return [
    { rel: 'report.sarif', text: writeJson(sarif), source: REPORT_SOURCE },
    { rel: 'report.junit.xml', text: junitXml(report), source: REPORT_SOURCE },
    { rel: 'diagram.md', text: environmentDiagram(report.environment, located.flatMap((l) => l.documents)), source: DIAGRAM_SOURCE },
  ];
}

/** What writes the report's text besides the rules: named in the SEC-009 fix. */
const REPORT_SOURCE = 'the suppression reason or construct name that carries it';
/** What writes the diagram's text: the documents' names, labels and descriptions. */
const DIAGRAM_SOURCE = 'the resource name, label or description that carries it';

/**
 * A file as a SARIF artifact URI: relative to the working directory (the project root, where
 * code scanning resolves it) with `/` separators and each segment percent-encoded; a file
 * outside the working directory is a `file:` URL.
 */
export function artifactUri(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(path.resolve(cwd, file)).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}
