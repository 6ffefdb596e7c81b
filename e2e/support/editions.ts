import type { ImportedEdition } from '../../lib/data/imported-editions';
import { domainKeys } from '../../lib/domain/profile';

const bullets = (...items: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});

/** The bullet that the newer edition (published in workflow.spec.ts) changes. */
export const OLD_BULLET = 'La municipalité prépare un plan local de mobilité humaine.';

export const olderLimaEdition: ImportedEdition = {
  jurisdiction: 'lima',
  language: 'fr',
  year: 2022,
  month: 8,
  title: 'Profil de gouvernance des migrations : Lima (Pérou)',
  source: 'e2e seed',
  content: {
    introduction: bullets('Introduction de 2022.'),
    domains: Object.fromEntries(
      domainKeys.map((d) => [d, { strengths: bullets(d === 'migrants_rights' ? OLD_BULLET : `${d} strengths text`), potential: bullets(`${d} potential text`) }]),
    ) as ImportedEdition['content']['domains'],
  },
};
