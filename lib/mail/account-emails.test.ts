import { describe, expect, it } from 'vitest';
import { accountEmail } from './account-emails';

const invitation = { kind: 'reviewer_invite', name: 'Ana', admin: 'Rosa Focal', link: 'https://studio.example/set-password?token=T', hours: 72, jurisdiction: 'Huaquillas' } as const;

describe('the reviewer invitation email', () => {
  it('is written in the recipient’s language, names the jurisdiction, the link and the end date', () => {
    const es = accountEmail('es', { ...invitation, until: '2027-03-31' });
    expect(es.subject).toBe('Le invitan a revisar el perfil de Huaquillas en MGI Studio');
    expect(es.body).toContain('Rosa Focal le invita a revisar');
    expect(es.body).toContain('31 de marzo de 2027');
    expect(es.body).toContain(invitation.link);
    const fr = accountEmail('fr', { ...invitation, until: '2027-03-31' });
    expect(fr.body).toContain('31 mars 2027');
    expect(fr.subject).toContain('Huaquillas');
  });

  it('says nothing of an end when there is none, and falls back to English', () => {
    const en = accountEmail(null, { ...invitation, until: null });
    expect(en.subject).toBe('You are invited to review the profile of Huaquillas in MGI Studio');
    expect(en.body).not.toContain('ends after');
    expect(en.body).toContain('valid 72 hours');
  });
});
