import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { olderLimaEdition } from '../../e2e/support/editions';
import { unsafeInsertImportedEdition } from '../../lib/data/imported-editions';
import { STRICT_TRANSPORT_SECURITY } from '../../lib/http/security-headers.js';
import { freshSeededDatabase, startInstances } from './support';

/*
 * Strict-Transport-Security only where the app is served over HTTPS (APP_URL
 * says so, from the environment through lib/env.ts): a server on plain HTTP
 * must not tell browsers to insist on HTTPS for its host.
 */
describe.skipIf(!process.env.DATABASE_URL)('HSTS follows APP_URL', () => {
  let db: Awaited<ReturnType<typeof freshSeededDatabase>>;
  let secure: Awaited<ReturnType<typeof startInstances>>;
  let plain: Awaited<ReturnType<typeof startInstances>>;

  beforeAll(async () => {
    db = await freshSeededDatabase();
    await unsafeInsertImportedEdition(olderLimaEdition); // an edition page, from Next's cache
    secure = await startInstances(1, db.url, { APP_URL: 'https://mgi.example.org' });
    plain = await startInstances(1, db.url);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([secure?.stop(), plain?.stop()]);
    await db?.drop();
  });

  it('pages rendered per request, cached and prerendered carry it behind HTTPS, and none on plain HTTP', async () => {
    for (const path of ['/login', '/profiles', '/profiles/lima', '/about', '/search?q=migrantes']) {
      const [behindHttps, onHttp] = await Promise.all([fetch(secure.origins[0] + path), fetch(plain.origins[0] + path)]);
      expect([behindHttps.status, onHttp.status], path).toEqual([200, 200]);
      expect(behindHttps.headers.get('strict-transport-security'), path).toBe(STRICT_TRANSPORT_SECURITY);
      expect(onHttp.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
