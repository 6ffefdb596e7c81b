import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { freePort, startAppServer, stopAppServer } from './app-server';
import { seed } from './save-round-trip';
import type { Figure } from './stats';
import { chromiumArgs, chromiumExecutable } from '../tests/support/chromium';

/**
 * The live-editing code the editor brings (Yjs, the Hocuspocus provider, the
 * browser's offline copy, the carets, and our hooks around them), gzipped:
 * bundled and minified on its own from the modules the editor imports, with
 * what the editor needs anyway (React, Tiptap, ProseMirror) left out.
 * An estimate (the app's bundler minifies and splits a little differently).
 * This code already loads only with the editor (part-editor-loader.tsx), and
 * the editor cannot show a part without it; the page's scripts less this are
 * the page as it would be without live editing.
 */
export async function collaborationCodeKb(): Promise<number> {
  const entry = [
    "export * from './components/editor/use-live-part';",
    "export * from './components/editor/use-presence';",
    "export * from './components/editor/collab-carets';",
    "export { default as Collaboration } from '@tiptap/extension-collaboration';",
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: ['react', 'react-dom', '@tiptap/core', '@tiptap/pm', '@tiptap/pm/*', 'prosemirror-*', '@tiptap/react', 'next', 'next/*', 'next-intl'],
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents).length / 1024;
}

/** Gzipped size of every script the editor page loads, the lazily loaded editor included. */
export async function benchEditorBundle(): Promise<Figure[]> {
  const dir = path.resolve('.data/bench-bundle');
  fs.rmSync(dir, { recursive: true, force: true });
  const { token, parts } = await seed({ dataDir: dir });
  const PORT = await freePort();
  const server = await startAppServer(PORT, { MGI_DATA_DIR: dir, DATABASE_URL: '' });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  try {
    const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      try {
        scripts.set(response.url(), gzipSync(await response.body()).length);
      } catch {
        /* redirects have no body */
      }
    });
    await page.goto(`http://localhost:${PORT}/assessments/${parts[0].id}/sections/migrants_rights`, { waitUntil: 'networkidle' });
    await page.getByRole('toolbar').first().waitFor();
    await page.waitForLoadState('networkidle');
    const total = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    if (process.env.BENCH_VERBOSE) {
      for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1])) console.log(`${(size / 1024).toFixed(1)} KB  ${url}`);
    }
    const collab = await collaborationCodeKb();
    return [
      { name: 'editor page JavaScript, gzipped, all included', value: total, unit: 'KB', target: { value: 250, better: 'lower' } },
      { name: 'editor page JavaScript, gzipped, without the live-editing code', value: total - collab, unit: 'KB' },
    ];
  } finally {
    await browser.close();
    await stopAppServer(server);
  }
}
