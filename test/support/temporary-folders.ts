import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The folders made by `temporaryFolder` in the test file that runs now. */
const made = new Set<string>();

/**
 * A fresh folder in the system's temporary folder, removed when the test file that made it ends
 * (the setup file test/support/remove-temporary-folders.ts removes them in its `afterAll`, after
 * the file's own hooks). Folders nobody removes pile up in /tmp run after run, and a /tmp with
 * close to 200,000 entries made every later mkdtemp slower.
 */
export function temporaryFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder `temporaryFolder` made so far. */
export function removeTemporaryFolders(): void {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  made.clear();
}
