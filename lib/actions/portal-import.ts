'use server';

import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { importPortalPage, type ImportReport } from '../data/portal-import';
import { countryName } from '../domain/countries';
import { MAX_IMPORT_BYTES } from '../domain/portal-import/limits';
import { domainName, isDomainKey } from '../domain/profile';
import { refreshPublicPages } from '../editions/refresh-public-pages';
import { withoutNul } from '../domain/plain-text';
import { actionWithActor, type Translate } from './safe-action';

/**
 * One file of the admin's upload: checked (dry run) or imported. The browser
 * sends the files one by one, so that it can show progress and a bad file
 * does not hold up the others. The report travels as JSON in `data.report`.
 */
export const importFileAction = actionWithActor(
  z.object({
    name: withoutNul(z.string()).trim().min(1, { message: 'validation.required' }).max(255, { message: 'validation.tooLong' }),
    // A U+0000 here is refused by the import itself, as a file that is not text.
    text: z.string().max(MAX_IMPORT_BYTES, { message: 'validation.tooLong' }),
    country: withoutNul(z.string()).trim().max(100, { message: 'validation.tooLong' }).optional(),
    dryRun: z.enum(['true', 'false']),
  }),
  async ({ name, text, country, dryRun }, actor, t) => {
    const report = await importPortalPage(actor, { text, source: name, country: country || null, dryRun: dryRun === 'true' });
    if (report.outcome === 'created') refreshPublicPages();
    const message = report.outcome === 'refused' ? refusalMessage(t, report, await getLocale()) : undefined;
    return { ok: true, message, data: { report: JSON.stringify(report) } };
  },
);

/** The refusal in the admin's language when the catalog has it; the English sentence otherwise. */
function refusalMessage(t: Translate, report: Extract<ImportReport, { outcome: 'refused' }>, locale: string): string {
  const key = `import.errors.${report.code}`;
  if (!t.has(key)) return report.message;
  const domain = String(report.details.domain ?? '');
  const named = isDomainKey(domain) ? domainName(domain, locale) : domain === 'introduction' ? t('import.introduction') : domain;
  const values: Record<string, string | number> = { ...report.details, domain: named };
  if (values.country !== undefined) values.country = countryName(String(values.country), locale);
  return t(key, values);
}
