import { closeDb } from '../db/client';
import { runCli } from './commands';

// `npm run cli -- …`: the commands live in cli/commands.ts, where tests run them in process.
const code = await runCli(process.argv.slice(2));
await closeDb().catch(() => {});
process.exitCode = code;
