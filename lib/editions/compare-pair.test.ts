import { describe, expect, it } from 'vitest';
import type { Locale } from '../domain/locales';
import { samePairLanguage } from './compare-pair';

const ed = (month: string, language: Locale) => ({ month, language });

describe('samePairLanguage', () => {
  const months = { older: [ed('2022-08', 'es')], newer: [ed('2026-12', 'es'), ed('2026-12', 'fr')] };
  const find = async (which: 'older' | 'newer', language: Locale) => months[which].find((e) => e.language === language) ?? null;

  it('takes the newer month in the older one’s language when it has it (a Spanish edition against its Spanish successor, not the French translation)', async () => {
    expect(await samePairLanguage(ed('2022-08', 'es'), ed('2026-12', 'fr'), find)).toEqual({ older: ed('2022-08', 'es'), newer: ed('2026-12', 'es') });
  });

  it('else the older month in the newer one’s language, else leaves them', async () => {
    const other = { older: [ed('2022-08', 'es'), ed('2022-08', 'en')], newer: [ed('2026-12', 'en')] };
    const findOther = async (which: 'older' | 'newer', language: Locale) => other[which].find((e) => e.language === language) ?? null;
    expect(await samePairLanguage(ed('2022-08', 'es'), ed('2026-12', 'en'), findOther)).toEqual({ older: ed('2022-08', 'en'), newer: ed('2026-12', 'en') });
    const none = async () => null;
    expect(await samePairLanguage(ed('2022-08', 'es'), ed('2026-12', 'fr'), none)).toEqual({ older: ed('2022-08', 'es'), newer: ed('2026-12', 'fr') });
  });

  it('leaves two editions in one language as they are', async () => {
    const never = async () => {
      throw new Error('not asked');
    };
    expect(await samePairLanguage(ed('2022-08', 'fr'), ed('2026-12', 'fr'), never)).toEqual({ older: ed('2022-08', 'fr'), newer: ed('2026-12', 'fr') });
  });
});
