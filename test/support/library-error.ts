import { expect } from 'vitest';
import { KafkaIacError } from '../../lib/model/errors';

/** Runs `f` and returns the KafkaIacError it throws; fails when it throws anything else (with its stack) or nothing. */
export function libraryError(f: () => unknown): KafkaIacError {
  try {
    f();
  } catch (e) {
    expect(e, String((e as Error)?.stack ?? e)).toBeInstanceOf(KafkaIacError);
    return e as KafkaIacError;
  }
  throw new Error('expected a KafkaIacError, but nothing was thrown');
}
