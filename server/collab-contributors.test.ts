import { describe, expect, it } from 'vitest';
import { contributorsInMemory } from './collab-contributors';

describe('contributors of a live document (one instance)', () => {
  it('lists each person once, the latest to change the text last, per document, and forgets them when taken', async () => {
    const log = contributorsInMemory();
    log.add('p/1', 'ana');
    log.add('p/1', 'ben');
    log.add('p/2', 'cai');
    log.add('p/1', 'ana');
    expect(await log.take('p/1')).toEqual(['ben', 'ana']);
    expect(await log.take('p/1')).toEqual([]);
    expect(await log.take('p/2')).toEqual(['cai']);
  });

  it('puts them back before anyone noted meanwhile when storing failed', async () => {
    const log = contributorsInMemory();
    log.add('p/1', 'ana');
    log.add('p/1', 'ben');
    const taken = await log.take('p/1');
    log.add('p/1', 'cai');
    log.add('p/1', 'ana');
    await log.putBack('p/1', taken);
    const again = await log.take('p/1');
    expect(again.at(-1)).toBe('ana');
    expect([...again].sort()).toEqual(['ana', 'ben', 'cai']);
  });
});
