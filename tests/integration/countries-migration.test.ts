import fs from 'node:fs';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { seedJurisdiction } from '../support/seed';
import { freshDatabasePerSuite, targets } from '../support/test-db';

/** The statements of the migration that turned free-text countries into codes, to run again on rows of the old kind. */
const migration = fs
  .readFileSync(path.resolve('db/migrations/0013_countries_as_codes.sql'), 'utf8')
  .split('--> statement-breakpoint');

describe.each(targets)('countries become codes on %s', (target) => {
  freshDatabasePerSuite(target);

  it('maps names written in English, French or Spanish, and codes in any case; leaves an unknown name as written', async () => {
    const written = { ec: 'Ecuador', pe: 'Perú', pe2: 'PEROU', mx: 'México', mx2: 'Mexique', ci: "Côte d'Ivoire", cl: 'cl', x: 'Atlantis' };
    const rows = await Promise.all(Object.entries(written).map(([slug, country]) => seedJurisdiction({ slug: `c-${slug}`, country })));
    const db = await getDb();
    for (const statement of migration) await db.execute(sql.raw(statement));
    const after = await db
      .select({ slug: jurisdictions.slug, country: jurisdictions.country })
      .from(jurisdictions)
      .where(inArray(jurisdictions.id, rows.map((r) => r.id)));
    expect(Object.fromEntries(after.map((r) => [r.slug, r.country]))).toEqual({
      'c-ec': 'EC',
      'c-pe': 'PE',
      'c-pe2': 'PE',
      'c-mx': 'MX',
      'c-mx2': 'MX',
      'c-ci': 'CI',
      'c-cl': 'CL',
      'c-x': 'Atlantis',
    });
  });
});
