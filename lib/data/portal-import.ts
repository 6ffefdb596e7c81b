import 'server-only';
import { isDeepStrictEqual } from 'node:util';
import { and, eq, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../../db/client';
import { editions, jurisdictions, type Jurisdiction } from '../../db/schema';
import type { FrozenProfile } from '../domain/edition';
import { validateProfileDoc } from '../domain/editor/validate-doc';
import type { Locale } from '../domain/locales';
import { MAX_IMPORT_BYTES } from '../domain/portal-import/limits';
import { parsePortalPage, type PortalProfile } from '../domain/portal-import/parse-portal-page';
import { countryCodeOf, countryName } from '../domain/countries';
import { sameCountry } from '../domain/portal-import/title';
import { toFrozenProfile } from '../domain/portal-import/to-frozen-profile';
import { domainKeys, type DomainKey, type DomainPart } from '../domain/profile';
import type { JurisdictionLevel } from '../domain/roles';
import type { Actor } from '../policy';
import { assertCan } from './guards';
import { insertImportedEdition } from './imported-editions';
import { isUniqueViolation } from './errors';

export interface ImportRequest {
  text: string;
  /** The file's name, recorded in the edition's note. */
  source: string;
  /** For titles that name no country and jurisdictions not yet known. */
  country?: string | null;
  /** Check and describe, write nothing. */
  dryRun: boolean;
}

/** What was read: enough for a person to check the file before confirming. */
export interface ImportSummary {
  jurisdiction: { slug: string; name: string; country: string; level: JurisdictionLevel; isNew: boolean };
  title: string;
  language: Locale;
  /** The language of the label's month name, to print the label as the file has it. */
  interfaceLanguage: Locale;
  year: number;
  month: number;
  introductionBlocks: number;
  bullets: Record<DomainKey, Record<DomainPart, number>>;
  skipped: PortalProfile['skipped'];
}

export type ImportReport =
  | ({ source: string; outcome: 'would_create' | 'created' | 'unchanged' } & ImportSummary)
  | {
      source: string;
      outcome: 'refused';
      /** A parser code (see parse-portal-page.ts) or one of the codes below. */
      code: string;
      /** Set when the refusal is about one place in the file. */
      line?: number;
      /** English, for the CLI and logs; the browser translates `code` with `details`. */
      message: string;
      details: Record<string, string | number>;
    };

type Refused = Extract<ImportReport, { outcome: 'refused' }>;

const refused = (source: string, code: string, message: string, details: Record<string, string | number> = {}): Refused => ({
  source,
  outcome: 'refused',
  code,
  message,
  details,
});

/** The admin's import, from the browser or the API. */
export async function importPortalPage(actor: Actor | null, request: ImportRequest): Promise<ImportReport> {
  assertCan(actor, 'import_editions');
  return unsafeImportPortalPage(request);
}

/**
 * Reads one saved portal page and, unless it is a dry run, publishes it as an
 * imported edition: the jurisdiction is found or created and the edition
 * inserted in one transaction, so a refused file leaves nothing behind.
 * Importing the same file again finds its edition and changes nothing.
 * Unchecked: for the CLI, which runs with the server's own rights.
 */
export async function unsafeImportPortalPage(request: ImportRequest): Promise<ImportReport> {
  const { source } = request;
  if (Buffer.byteLength(request.text, 'utf8') > MAX_IMPORT_BYTES) {
    return refused(source, 'file_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1000} KB; a saved profile page is about 30 KB.`, {
      limit: MAX_IMPORT_BYTES / 1000,
    });
  }
  if (request.text.includes('\u0000')) {
    return refused(source, 'not_text', 'The file is not text: save the portal page as text (.txt) and import that.');
  }
  const parsed = parsePortalPage(request.text);
  if (!parsed.ok) {
    const { code, line, message, details } = parsed.error;
    return { ...refused(source, code, message, details), line };
  }
  const profile = parsed.profile;
  const content = normalisedContent(profile);
  if ('refusal' in content) return refused(source, 'doc_invalid', content.refusal);

  const db = await getDb();
  // A concurrent import of the same jurisdiction or edition loses the race on a
  // unique index; the second attempt then finds what the first one wrote.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => importInTransaction(tx, request, profile, content.profile));
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function normalisedContent(profile: PortalProfile): { profile: FrozenProfile } | { refusal: string } {
  const frozen = toFrozenProfile(profile);
  const check = (doc: unknown, where: string) => {
    const result = validateProfileDoc(doc);
    if (!result.ok) throw new Error(`${where}: ${result.message}`);
    return result.doc;
  };
  try {
    return {
      profile: {
        introduction: check(frozen.introduction, 'The introduction'),
        domains: Object.fromEntries(
          domainKeys.map((d) => [d, { strengths: check(frozen.domains[d].strengths, d), potential: check(frozen.domains[d].potential, d) }]),
        ) as FrozenProfile['domains'],
      },
    };
  } catch (error) {
    return { refusal: (error as Error).message };
  }
}

async function importInTransaction(tx: Tx, request: ImportRequest, profile: PortalProfile, content: FrozenProfile): Promise<ImportReport> {
  const { source } = request;
  const found = await findJurisdiction(tx, source, profile, request.country ?? null);
  if ('refusal' in found) return found.refusal;

  const summary = (j: ImportSummary['jurisdiction']): ImportSummary => ({
    jurisdiction: j,
    title: profile.title,
    language: profile.language,
    interfaceLanguage: profile.interfaceLanguage,
    year: profile.year,
    month: profile.month,
    introductionBlocks: profile.introduction.length,
    bullets: Object.fromEntries(
      domainKeys.map((d) => [d, { strengths: profile.domains[d].strengths.length, potential: profile.domains[d].potential.length }]),
    ) as ImportSummary['bullets'],
    skipped: profile.skipped,
  });

  const existing = found.existing;
  const described = existing
    ? { slug: existing.slug, name: existing.name, country: existing.country, level: existing.level, isNew: false }
    : { ...found.create, isNew: true };
  if (existing) {
    const [edition] = await tx
      .select({ title: editions.title, content: editions.content })
      .from(editions)
      .where(
        and(eq(editions.jurisdictionId, existing.id), eq(editions.language, profile.language), eq(editions.year, profile.year), eq(editions.month, profile.month)),
      );
    if (edition) {
      if (edition.title === profile.title && isDeepStrictEqual(edition.content, content)) {
        return { source, outcome: 'unchanged', ...summary(described) };
      }
      const when = `${profile.year}-${String(profile.month).padStart(2, '0')}`;
      return refused(
        source,
        'edition_differs',
        `${existing.name} already has an edition in this language for ${when}, with different text. Published editions never change, so this file was not imported.`,
        { name: existing.name, when },
      );
    }
  }
  if (request.dryRun) return { source, outcome: 'would_create', ...summary(described) };
  const j = existing ?? (await tx.insert(jurisdictions).values(found.create).returning())[0];
  await insertImportedEdition(tx, j, { ...editionOf(profile, content), source });
  return { source, outcome: 'created', ...summary(described) };
}

const editionOf = (profile: PortalProfile, content: FrozenProfile) => ({
  language: profile.language,
  year: profile.year,
  month: profile.month,
  title: profile.title,
  content,
});

type Found =
  | { existing: Jurisdiction }
  | { existing: null; create: { slug: string; name: string; country: string; level: JurisdictionLevel; parentId: string | null } }
  | { refusal: Refused };

/**
 * The jurisdiction the title names: one whose slug is the title's name without
 * its prefix ("Cantón Huaquillas" → huaquillas), or whose name is the title's.
 * A country that contradicts the one on record refuses the file rather than
 * attach the edition to the wrong place.
 */
async function findJurisdiction(tx: Tx, source: string, profile: PortalProfile, givenCountry: string | null): Promise<Found> {
  const t = profile.jurisdiction;
  const candidates = await tx
    .select()
    .from(jurisdictions)
    .where(or(eq(jurisdictions.slug, t.slug), sql`lower(${jurisdictions.name}) = lower(${t.name})`));
  const existing = candidates.find((c) => c.slug === t.slug) ?? candidates[0];
  const claimedName = t.country ?? givenCountry;
  // Countries are stored as codes; the title (or --country) names one in any of the three languages.
  const claimed = claimedName ? countryCodeOf(claimedName) : null;
  if (claimedName && !claimed) {
    return {
      refusal: refused(
        source,
        'country_unknown',
        `"${claimedName}" names no country known in English, French or Spanish. Give the country's name or its ISO code (--country on the command line).`,
        { name: t.name, claimed: claimedName },
      ),
    };
  }
  if (existing) {
    if (claimed && !isStoredCountry(claimed, existing.country)) {
      return {
        refusal: refused(
          source,
          'country_mismatch',
          `The file names ${t.name} in ${claimedName}, but the jurisdiction "${existing.slug}" (${existing.name}) is in ${countryName(existing.country, 'en')}. Correct the country, or give the jurisdiction another slug first.`,
          { name: t.name, claimed: claimedName!, slug: existing.slug, country: existing.country },
        ),
      };
    }
    return { existing };
  }
  if (!claimed) {
    return {
      refusal: refused(
        source,
        'country_required',
        `The title does not name the country of ${t.name}, and no jurisdiction "${t.slug}" exists yet. Give the country (--country on the command line).`,
        { name: t.name, slug: t.slug },
      ),
    };
  }
  const isCountry =
    t.level === null && (sameCountry(claimedName!, t.name) || countryCodeOf(t.name) === claimed || countryCodeOf(t.coreName) === claimed);
  const level: JurisdictionLevel = isCountry ? 'country' : (t.level ?? 'municipality');
  const countries = isCountry ? [] : await tx.select().from(jurisdictions).where(eq(jurisdictions.level, 'country'));
  const parent = countries.find((c) => isStoredCountry(claimed, c.country));
  return { existing: null, create: { slug: t.slug, name: t.name, country: claimed, level, parentId: parent?.id ?? null } };
}

/** Whether a stored country (a code, or a name a migration could not map) is this code. */
function isStoredCountry(code: string, stored: string): boolean {
  return stored === code || countryCodeOf(stored) === code;
}
