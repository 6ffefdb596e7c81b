import fs from 'node:fs';
import path from 'node:path';
import { closeDb, getHandle } from '../../db/client';
import { unsafeCreateApiToken } from '../../lib/data/api-tokens';
import { unsafeSeedDemoData } from '../../lib/data/demo-seed';
import { unsafeInsertImportedEdition } from '../../lib/data/imported-editions';
import { olderLimaEdition } from './editions';
import { getEnv } from '../../lib/env';
import { serve } from '../../cli/serve';
import { assertLocalDatabase } from './assert-local-database';

// A fresh world: the e2e data folder is wiped, seeded with the demo data, and
// API tokens are minted while no server holds the embedded database.
const env = getEnv();
assertLocalDatabase(env);
const dataDir = path.resolve(env.MGI_DATA_DIR);
fs.rmSync(dataDir, { recursive: true, force: true });
await getHandle();
await unsafeSeedDemoData();
// An earlier Lima edition in French, so that a newly published one has something to supersede and compare with.
await unsafeInsertImportedEdition(olderLimaEdition);
const tokens = {
  admin: (await unsafeCreateApiToken('admin@example.org', 'e2e')).token,
  focalSonora: (await unsafeCreateApiToken('focal.sonora@example.org', 'e2e')).token,
  focalLima: (await unsafeCreateApiToken('focal.lima@example.org', 'e2e')).token,
};
await closeDb();
fs.writeFileSync(path.join(dataDir, 'e2e-tokens.json'), JSON.stringify(tokens));
await serve({ demo: true });
