// oncePer (lib/contract/document-index.ts): the views the rules share are read once per document
// index or document, and again for another one.
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../lib/contract/document-index';
import { oncePer } from '../../lib/model/once-per';

describe('oncePer', () => {
  it('reads once per key and gives later calls with the same key that result', () => {
    let reads = 0;
    const count = oncePer((index: DocumentIndex) => ({ documents: index.documents.length, read: ++reads }));
    const index = new DocumentIndex([]);
    const first = count(index);
    expect(count(index)).toBe(first);
    expect(reads).toBe(1);
    expect(count(new DocumentIndex([]))).not.toBe(first);
    expect(reads).toBe(2);
  });

  it('keeps an undefined result instead of reading again', () => {
    let reads = 0;
    const nothing = oncePer((_key: object): undefined => { reads += 1; return undefined; });
    const key = {};
    expect(nothing(key)).toBeUndefined();
    expect(nothing(key)).toBeUndefined();
    expect(reads).toBe(1);
  });
});
