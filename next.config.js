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

};

export default withNextIntl(nextConfig);
