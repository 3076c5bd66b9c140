import { stringify } from 'yaml';

/**
 * The one YAML writer of the files the library writes itself (Prometheus rule files, promtool
 * tests, scrape configs, the JMX exporter configuration, kustomization.yaml), through the `yaml`
 * package, which quotes and escapes every scalar for YAML.
 *
 * It remembers the value behind each text it wrote, so that a reader of the library's own output
 * (SEC-009 scanning a file before it is written) gets the value back without parsing the text:
 * `yaml` writes JSON-like values (objects, arrays, strings, numbers, booleans, null) so that
 * parsing the text gives the same value. Text the library did not write here is parsed as before.
 * The values must not be changed after they are written. At most `REMEMBERED` texts are kept,
 * oldest forgotten first.
 */
export function writeYaml(value: unknown, options: { readonly lineWidth?: number } = {}): string {
  // Every value is written out in full, never as an anchor and alias (`aliasDuplicateObjects`,
  // https://eemeli.org/yaml/#createnode-options): the files are read by promtool, kubectl and
  // people, and tracking every object to find duplicates took most of the writer's time.
  // Stryker disable next-line ConditionalExpression: yaml 2.x also folds at its default 80 columns when given lineWidth undefined (a default parameter of foldFlowLines); the option is left out rather than rely on that
  const text = stringify(value, { aliasDuplicateObjects: false, ...(options.lineWidth === undefined ? {} : { lineWidth: options.lineWidth }) });
  written.delete(text);
  written.set(text, value);
  if (written.size > REMEMBERED) written.delete(written.keys().next().value!);
  return text;
}

/**
 * The value `writeYaml` wrote as exactly this text (one YAML document), or `undefined` when the
 * text did not come from it (or was forgotten): then parse it.
 */
export function writtenYamlValue(text: string): { readonly value: unknown } | undefined {
  return written.has(text) ? { value: written.get(text) } : undefined;
}

const REMEMBERED = 2048;
const written = new Map<string, unknown>();
