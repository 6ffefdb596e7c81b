import { describe, expect, it } from 'vitest';
import { domainTableRows, type DomainTableLabels } from './domain-table';

const labels: DomainTableLabels = {
  headers: ['J', 'C', 'L', 'E', 'Lang', 'T', 'P', 'F', 'A'],
  levels: { country: 'Country', state: 'State', municipality: 'City' },
  languages: { en: 'English', fr: 'Français', es: 'Español' },
};
const list = (...items: string[]) => ({
  type: 'doc',
  content: [{ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }],
});

describe('domainTableRows', () => {
  it('gives a header, then one row per finding of each part, with the edition label in the reader’s language and its address', () => {
    const rows = domainTableRows(
      [
        { slug: 'lima', name: 'Lima', level: 'municipality', country: 'PE', language: 'es', year: 2022, month: 8, version: 1, title: 'Perfil', strengths: list('Uno', 'Dos'), potential: list('Tres') },
        { slug: 'sonora', name: 'Sonora', level: 'state', country: 'MX', language: 'fr', year: 2024, month: 6, version: 2, title: 'Profil', strengths: null, potential: list('=Quatre') },
      ],
      'fr',
      labels,
      'https://mgi.example.org/',
    );
    expect(rows).toEqual([
      labels.headers,
      ['Lima', 'Pérou', 'City', '2022 Août', 'Español', 'Perfil', 'Exemples de domaines bien développés', 'Uno', 'https://mgi.example.org/profiles/lima/2022-08?lang=es'],
      ['Lima', 'Pérou', 'City', '2022 Août', 'Español', 'Perfil', 'Exemples de domaines bien développés', 'Dos', 'https://mgi.example.org/profiles/lima/2022-08?lang=es'],
      ['Lima', 'Pérou', 'City', '2022 Août', 'Español', 'Perfil', 'Domaines présentant un potentiel de développement', 'Tres', 'https://mgi.example.org/profiles/lima/2022-08?lang=es'],
      ['Sonora', 'Mexique', 'State', '2024 Juin', 'Français', 'Profil', 'Domaines présentant un potentiel de développement', '=Quatre', 'https://mgi.example.org/profiles/sonora/2024-06-v2?lang=fr'],
    ]);
  });
});
