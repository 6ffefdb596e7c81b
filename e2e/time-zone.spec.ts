import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { freshJurisdiction } from './support/jurisdictions';
import { openProfile } from './support/profiles';
import { shots } from './support/screenshots';

const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

// A comment's time is rendered on the server; it must read as the browser itself formats that moment
// (as the suggestion list does), not in the server's UTC: Lima is 5 hours behind, Tokyo 9 ahead.
test('times rendered on the server are in the reader’s time zone, as the browser formats them', async ({ browser, baseURL }) => {
  test.slow(); // a jurisdiction of its own, then two browsers
  const { slug } = await freshJurisdiction(browser, 'Horario');
  const origin = { origin: baseURL! };
  let id = '';
  for (const zone of ['America/Lima', 'Asia/Tokyo']) {
    const context = await browser.newContext({ timezoneId: zone });
    const page = await context.newPage();
    // Client components under NextIntlClientProvider inherit the zone: no hydration mismatch (React #418/#425 in production).
    const mismatches: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /hydrat|#418|#425/i.test(m.text()) && mismatches.push(m.text()));
    await loginAs(page, demo.consultant);
    if (!id) {
      id = await openProfile(page.request, slug, 'es', baseURL!);
      const part = (await (await page.request.get(`/api/v1/assessments/${id}`)).json()).sections.well_being.potential;
      const saved = await page.request.put(`/api/v1/assessments/${id}/sections/well_being/potential`, { data: { doc: para('Ampliar la cobertura de salud.'), baseRevision: part.revision }, headers: origin });
      expect(saved.status()).toBe(200);
      const thread = await page.request.post(`/api/v1/assessments/${id}/comments`, {
        data: { domain: 'well_being', part: 'potential', quote: 'Ampliar la cobertura', baseRevision: (await saved.json()).revision, body: '¿Qué nivel?' },
        headers: origin,
      });
      expect(thread.status()).toBe(201);
    }

    await page.goto(`/assessments/${id}/sections/well_being`);
    const time = page.getByTestId('comment-panel').locator('time').first();
    const { local, utc } = await time.evaluate((el: HTMLTimeElement) => {
      const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
      const at = new Date(el.dateTime);
      return { local: new Intl.DateTimeFormat(document.documentElement.lang, style).format(at), utc: new Intl.DateTimeFormat(document.documentElement.lang, { ...style, timeZone: 'UTC' }).format(at) };
    });
    expect(local, zone).not.toBe(utc);
    // A first visit renders in UTC, then the browser tells its zone and the page renders again in it.
    await expect(time, zone).toHaveText(local);
    expect((await context.cookies()).find((c) => c.name === 'MGI_TZ')?.value).toBe(zone);

    // From then on pages come in that zone at once: the server's HTML of the profile's comments page.
    const html = await (await page.request.get(`/assessments/${id}/comments`)).text();
    expect(html, zone).toContain(`>${local}</time>`);
    await page.goto(`/assessments/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(mismatches, zone).toEqual([]);
    if (zone === 'America/Lima') {
      await page.goto(`/assessments/${id}/sections/well_being`);
      await expect(time).toHaveText(local);
      await shots(page, 'time-zone-comment');
    }
    await context.close();
  }
});
