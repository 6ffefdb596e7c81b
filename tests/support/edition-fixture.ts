import fs from 'node:fs';
import path from 'node:path';
import type { EditionView } from '@/lib/data/editions';
import type { FrozenProfile, SignOff } from '@/lib/domain/edition';
import type { Locale } from '@/lib/domain/locales';
import { parsePortalPage } from '@/lib/domain/portal-import/parse-portal-page';
import { toFrozenProfile } from '@/lib/domain/portal-import/to-frozen-profile';
import { domainKeys } from '@/lib/domain/profile';

/** A sign-off as a publication through the app records it. */
export const reviewedSignOff: SignOff = {
  submittedBy: 'Ana Consultora',
  submittedAt: '2026-03-02T09:15:00.000Z',
  approvedBy: 'Jean-Loïc Focal',
  approvedAt: '2026-03-09T14:40:00.000Z',
  publishedBy: 'Zoë Admin',
  publishedAt: '2026-03-10T08:05:00.000Z',
  resolvedComments: 3,
};

/** An edition built in memory, without a database (the PDF needs only the view). */
export function editionView(content: FrozenProfile, overrides: Partial<EditionView> = {}): EditionView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'lima',
    language: 'fr',
    year: 2026,
    month: 3,
    version: 1,
    correctsEditionId: null,
    title: 'Profil de gouvernance des migrations : Lima (Pérou)',
    content,
    jurisdiction: { name: 'Lima', level: 'municipality', country: 'Peru' },
    signOff: reviewedSignOff,
    note: null,
    publishedAt: new Date('2026-03-10T08:05:00.000Z'),
    ...overrides,
  };
}

/** An empty profile, each part filled by `part(domain, part)`. */
export function profileOf(introduction: unknown, part: (domain: string, part: 'strengths' | 'potential') => unknown): FrozenProfile {
  return {
    introduction,
    domains: Object.fromEntries(domainKeys.map((d) => [d, { strengths: part(d, 'strengths'), potential: part(d, 'potential') }])) as FrozenProfile['domains'],
  };
}

/** One of the real profiles in seeds/portal-pages/, as an edition imported from it. */
export function seedEdition(file: string): EditionView {
  const parsed = parsePortalPage(fs.readFileSync(path.join(import.meta.dirname, '../../seeds/portal-pages', file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.code}`);
  const p = parsed.profile;
  return editionView(toFrozenProfile(p), {
    slug: path.basename(file).split('-')[0],
    language: p.language as Locale,
    year: p.year,
    month: p.month,
    title: p.title,
    jurisdiction: { name: p.jurisdiction.name, level: p.jurisdiction.level ?? 'municipality', country: p.jurisdiction.country ?? '' },
    signOff: { submittedBy: null, submittedAt: null, approvedBy: null, approvedAt: null, publishedBy: null, publishedAt: new Date(Date.UTC(p.year, p.month - 1, 1)).toISOString(), resolvedComments: 0, importedFrom: file },
    publishedAt: new Date(Date.UTC(p.year, p.month - 1, 1)),
  });
}
