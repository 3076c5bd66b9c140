/**
 * The values behind the texts a writer of the library wrote (`writeYaml`, `writeJson`), so that a
 * reader of the library's own output (SEC-009, scanning a file before it is written) takes the
 * value back instead of parsing the text the library just wrote: the text parses to that value.
 * The values must not be changed after they are written. At most `limit` texts are kept, oldest
 * forgotten first; with `handOutOnce`, a text is forgotten when it is read (for large texts, such
 * as the report, that are read once).
 */
export class WrittenValues {
  private readonly values = new Map<string, unknown>();

  public constructor(private readonly limit: number, private readonly handOutOnce: boolean) {}

  /** Remembers `value` as the value behind `text` (as the newest). */
  public remember(text: string, value: unknown): void {
    this.values.delete(text);
    this.values.set(text, value);
    if (this.values.size > this.limit) this.values.delete(this.values.keys().next().value!);
  }

  /** The value written as exactly this text, or `undefined` when it was not (or was forgotten): then parse the text. */
  public valueOf(text: string): { readonly value: unknown } | undefined {
    if (!this.values.has(text)) return undefined;
    const value = this.values.get(text);
    if (this.handOutOnce) this.values.delete(text);
    return { value };
  }
}
