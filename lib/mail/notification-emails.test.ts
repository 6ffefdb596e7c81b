import { describe, expect, it } from 'vitest';
import { notificationEmail } from './notification-emails';

const base = { name: 'Chloé', actor: 'Lucía Focal', jurisdiction: 'Lima', title: 'Perfil de Lima', link: 'https://mgi.example.org/x' };

describe('notification emails', () => {
  it('speak the recipient’s language, with the item’s link', () => {
    const fr = notificationEmail('fr', { ...base, kind: 'mentioned', passage: 'ventanilla única', quote: '@Chloé pouvez-vous vérifier ?' });
    expect(fr.subject).toBe('Lima : Lucía Focal vous a mentionné(e) dans un commentaire');
    expect(fr.body).toContain('Bonjour Chloé,');
    expect(fr.body).toContain('Lucía Focal vous a mentionné(e) dans un commentaire sur le passage « ventanilla única » de « Perfil de Lima ».');
    expect(fr.body).toContain('« @Chloé pouvez-vous vérifier ? »');
    expect(fr.body).toContain('https://mgi.example.org/x');
    const es = notificationEmail('es', { ...base, kind: 'submitted' });
    expect(es.subject).toBe('Lima: un perfil espera su revisión');
    expect(es.body).toContain('Hola, Chloé:');
  });

  it('name the edition by its label in the recipient’s language', () => {
    expect(notificationEmail('fr', { ...base, kind: 'published', edition: { year: 2026, month: 8 } }).subject).toBe('Lima : l’édition 2026 Août est publiée');
    expect(notificationEmail('es', { ...base, kind: 'published', edition: { year: 2026, month: 8 } }).subject).toBe('Lima: la edición 2026 Agosto está publicada');
  });

  it('fall back to English for someone who never chose a language', () => {
    expect(notificationEmail(null, { ...base, kind: 'approved' }).subject).toBe('Lima: the profile was approved');
    expect(notificationEmail('de', { ...base, kind: 'approved' }).body).toContain('Hello Chloé,');
  });
});
