import { buildIfNeeded } from '../../cli/build-if-needed';

/** The system tests run the production build: make sure it is there and current. */
export default function setup() {
  if (process.env.DATABASE_URL) buildIfNeeded(process.env.MGI_DIST_DIR || '.next');
}
