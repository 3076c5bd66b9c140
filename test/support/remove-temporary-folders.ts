import { afterAll } from 'vitest';
import { removeTemporaryFolders } from './temporary-folders';

/**
 * Setup file (vitest.config.ts `setupFiles`, run before each test file): the folders the file
 * made with `temporaryFolder` are removed when it ends. vitest runs `afterAll` hooks in reverse
 * order of registration, so this one runs after the file's own.
 */
afterAll(removeTemporaryFolders);
