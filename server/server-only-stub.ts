/*
 * The production server is bundled by esbuild (cli/build-if-needed.ts) and run
 * by plain Node, where the `server-only` marker package throws (it only
 * passes under React's server condition). Everything this bundle holds is
 * server code, so the bundle resolves that import here instead.
 */
export {};
