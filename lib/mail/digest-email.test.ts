import { describe, expect, it } from 'vitest';
import type { DigestProfile } from '../domain/notification-digest';
import { digestEmail } from './digest-email';

const profiles: DigestProfile[] = [
  {
    assessmentId: 'a1',
    title: 'Perfil de Lima',
    jurisdiction: 'Lima',
    sections: [
      { section: 'migrants_rights', suggestions: 7, comments: 0, actors: ['Rita Ruiz', 'Ana Pérez'] },
      { section: 'introduction', suggestions: 0, comments: 1, actors: ['Lucía Focal'] },
    ],
  },
];
const email = { name: 'Chloé', profiles, baseUrl: 'https://mgi.example.org' };

describe('digest emails', () => {
  it('list per profile and section the counts, who, and the link that opens the section', () => {
    const en = digestEmail('en', email);
    expect(en.subject).toBe('MGI Studio: 7 suggested changes and 1 new comment');
    expect(en.body).toContain('Hello Chloé,');
    expect(en.body).toContain('Perfil de Lima (Lima)');
    expect(en.body).toContain("- Migrants' rights: 7 suggested changes, by Ana Pérez and 1 other\n  https://mgi.example.org/assessments/a1/sections/migrants_rights");
    expect(en.body).toContain('- Introduction: 1 new comment, by Lucía Focal\n  https://mgi.example.org/assessments/a1/sections/introduction');
  });

  it('speak the recipient’s language, with its plurals', () => {
    const fr = digestEmail('fr', email);
    expect(fr.subject).toBe('MGI Studio : 7 modifications suggérées et 1 nouveau commentaire');
    expect(fr.body).toContain('Droits des migrants : 7 modifications suggérées, par Ana Pérez et 1 autre personne');
    const es = digestEmail('es', { ...email, profiles: [{ ...profiles[0], sections: [{ section: 'partnerships', suggestions: 1, comments: 2, actors: ['Ana Pérez'] }] }] });
    expect(es.subject).toBe('MGI Studio: 1 cambio sugerido y 2 comentarios nuevos');
    expect(es.body).toContain('Hola, Chloé:');
    expect(es.body).toContain('Alianzas: 1 cambio sugerido y 2 comentarios nuevos, de Ana Pérez');
  });

  it('fall back to English for someone who never chose a language', () => {
    expect(digestEmail(null, email).subject).toBe('MGI Studio: 7 suggested changes and 1 new comment');
  });
});
