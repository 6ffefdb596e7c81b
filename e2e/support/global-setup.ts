import { buildIfNeeded } from '../../cli/build-if-needed';

/** The production build, made once before the workers start their servers from it (app-server.ts). */
export default function globalSetup() {
  buildIfNeeded(process.env.MGI_DIST_DIR || '.next');
}
