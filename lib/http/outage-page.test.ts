import { describe, expect, it } from 'vitest';
import { OUTAGE_RETRY_SECONDS, OUTAGE_TEXT, outageHtml, outageResponseInit } from './outage-page';

describe('the outage page', () => {
  it('is in the reader’s language first, then the two others, each marked with its language', () => {
    const html = outageHtml('es');
    expect(html).toMatch(/^<!doctype html><html lang="es">/);
    expect(html.indexOf(`<h1>${OUTAGE_TEXT.es.title}</h1>`)).toBeGreaterThan(0);
    expect(html).toContain(`<section lang="en"><h2>${OUTAGE_TEXT.en.title}</h2>`);
    expect(html).toContain(`<section lang="fr"><h2>${OUTAGE_TEXT.fr.title}</h2>`);
    expect(html).not.toContain('<section lang="es">');
  });

  it('reloads itself without any script, after as long as Retry-After says', () => {
    const html = outageHtml('en');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS}">`);
    const init = outageResponseInit();
    expect(init.status).toBe(503);
    expect(init.headers['Retry-After']).toBe(String(OUTAGE_RETRY_SECONDS));
    expect(init.headers['Cache-Control']).toBe('no-store');
  });

  it('has every text in the three languages, with the retry time in each', () => {
    for (const text of Object.values(OUTAGE_TEXT)) {
      expect(text.title && text.body).toBeTruthy();
      expect(text.retry).toContain(String(OUTAGE_RETRY_SECONDS));
    }
  });
});
