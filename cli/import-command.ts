import fs from 'node:fs';
import path from 'node:path';
import { unsafeImportPortalPage, type ImportReport } from '../lib/data/portal-import';
import { countryName } from '../lib/domain/countries';
import { editionLabel, editionSlug } from '../lib/domain/edition';
import { localeNames } from '../lib/domain/locales';
import { domainKeys, domainNames } from '../lib/domain/profile';
import { consoleOutput, type CliOutput } from './output';

const outcomes = {
  would_create: 'would be imported (dry run: nothing written)',
  created: 'imported',
  unchanged: 'already imported: nothing new created',
  refused: 'refused: nothing of it written',
} as const;

/** What the operator reads for one file: the outcome, then what the file holds. */
export function describeReport(report: ImportReport): string {
  const head = `${report.source}: ${outcomes[report.outcome]}`;
  if (report.outcome === 'refused') return `${head}\n  ${report.message}`;
  const j = report.jurisdiction;
  const lines = [
    head,
    `  Jurisdiction: ${j.name} (${j.slug}), ${j.level} in ${countryName(j.country, 'en')}${j.isNew ? ' (new)' : ''}`,
    `  Edition: ${editionLabel(report.year, report.month, report.interfaceLanguage)} (${editionSlug(report.year, report.month)}), in ${localeNames[report.language]}`,
    `  Title: ${report.title}`,
    `  Introduction: ${report.introductionBlocks} paragraph(s)`,
    ...domainKeys.map((d) => `  ${domainNames[d].en}: ${report.bullets[d].strengths} + ${report.bullets[d].potential} bullets`),
    ...report.skipped.map((s) => `  Skipped line ${s.line}, a page leftover: "${s.text}"`),
  ];
  return lines.join('\n');
}

/**
 * `npm run import -- FILE…`: each file on its own, so that a bad one is
 * reported and the others still go in. Returns false when any was refused.
 */
export async function runImport(files: string[], options: { dryRun: boolean; country?: string }, io: CliOutput = consoleOutput): Promise<boolean> {
  const tally = { would_create: 0, created: 0, unchanged: 0, refused: 0 };
  for (const [index, file] of files.entries()) {
    const source = path.basename(file);
    let report: ImportReport;
    try {
      const text = fs.readFileSync(file, 'utf8');
      report = await unsafeImportPortalPage({ text, source, country: options.country, dryRun: options.dryRun });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
      report = { source, outcome: 'refused', code: 'unreadable', message: `Cannot read ${file}: ${reason}.`, details: {} };
    }
    tally[report.outcome]++;
    const progress = files.length > 1 ? `[${index + 1}/${files.length}] ` : '';
    (report.outcome === 'refused' ? io.stderr : io.stdout).write(`${progress}${describeReport(report)}\n`);
  }
  const parts = [
    options.dryRun ? `${tally.would_create} would be imported` : `${tally.created} imported`,
    `${tally.unchanged} already imported`,
    `${tally.refused} refused`,
  ];
  // The CLI speaks English; the count still agrees with its noun.
  io.stdout.write(`\n${files.length} ${new Intl.PluralRules('en').select(files.length) === 'one' ? 'file' : 'files'}: ${parts.join(', ')}.\n`);
  return tally.refused === 0;
}
