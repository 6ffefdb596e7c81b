import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres', 'nodemailer', 'pdfkit'],
  poweredByHeader: false,
  // Tests and CI build into their own folder so a running demo is not disturbed.
  distDir: process.env.MGI_DIST_DIR || '.next',
  typedRoutes: false,
  async headers() {
    // A dated edition never changes: its page may be kept for good. It varies with the
    // reader's interface language (cookie or Accept-Language), which labels it.
    const immutable = [
      { key: 'Cache-Control', value: 'public, max-age=31536000, immutable' },
      { key: 'Vary', value: 'Cookie, Accept-Language' },
    ];
    return [{ source: '/profiles/:slug/:edition(\\d{4}-\\d{2})', headers: immutable }];
  },
};

export default withNextIntl(nextConfig);
