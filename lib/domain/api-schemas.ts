import { z } from 'zod';
import { locales } from './locales';
import { domainKeys, sectionKeys } from './profile';
import { assessmentStates, MAX_NOTE_LENGTH } from './workflow';
import { MAX_QUOTE_LENGTH } from './editor/passage';

import { MAX_COMMENT_LENGTH } from './comment-limits';
import { holdsNul } from './plain-text';
import { MAX_ORGANISATION_LENGTH } from './roles';

/** Text PostgreSQL can store: no U+0000 (readJson refuses it first; this keeps the schemas honest on their own). */
const storableText = () => z.string().refine((v) => !holdsNul(v), { message: 'holds the character U+0000 (NUL); control characters cannot be stored' });

export { MAX_COMMENT_LENGTH };

/* Request and response shapes of /api/v1, used to validate requests and to generate the OpenAPI document. */

export const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

export const startAssessmentBody = z
  .object({
    jurisdiction: slugParam.describe('Slug of the jurisdiction, e.g. "huaquillas".'),
    language: z.enum(locales).describe('Content language of the profile.'),
    publishAs: z
      .enum(['edition', 'correction'])
      .optional()
      .describe('Decided now: "edition" (default) publishes a new edition dated by the month of publication; "correction" publishes the next version of the latest edition in this language, keeping its label.'),
  })
  .strict();

export const startTranslationBody = z
  .object({ language: z.enum(locales).describe('Content language of the translation; another one than the source profile\'s.') })
  .strict();

export const upToDateBody = z
  .object({
    sourceRevision: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .optional()
      .describe('The source part\'s revision the translator looked at; when given and the source has moved on since, 409 `source_moved` and nothing changes.'),
  })
  .strict();

/** ProseMirror JSON; its content is checked against the profile schema on the server. */
export const profileDocSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.unknown()).optional() })
  .passthrough()
  .describe('A ProseMirror document: paragraphs, bullet and numbered lists, bold, italic, and http/https/mailto links only. At most 256 KB and 5,000 nodes.');

export const savePartBody = z
  .object({
    doc: profileDocSchema,
    baseRevision: z.number().int().min(0).max(2_147_483_647).describe('The revision this text was based on; 0 for a part never saved.'),
  })
  .strict();

export const partSchema = z.object({
  doc: profileDocSchema,
  revision: z.number().int(),
  sourceRevision: z.number().int().nullable().describe('In a translation: the revision of the source part this part was made from or last marked up to date with; null otherwise.'),
  stale: z.boolean().describe('In a translation: true when the source part\'s text changed since `sourceRevision`; always false otherwise.'),
});

export const assessmentResponse = z.object({
  id: z.uuid(),
  jurisdiction: z.string(),
  language: z.enum(locales),
  title: z.string(),
  state: z.enum(assessmentStates),
  sourceId: z.uuid().nullable().describe('For a translation, the id of the profile it translates; null otherwise.'),
  sections: z.object({
    introduction: z.object({ body: partSchema }),
    ...Object.fromEntries(domainKeys.map((d) => [d, z.object({ strengths: partSchema, potential: partSchema })])),
  }),
});

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }),
});

export const sectionParam = z.enum(sectionKeys);

export const transitionBody = z
  .object({
    action: z.enum(['submit', 'request_changes', 'approve', 'publish']),
    note: storableText().max(MAX_NOTE_LENGTH).nullable().optional().describe('Required for request_changes.'),
  })
  .strict();

export const domainReviewBody = z
  .object({
    decision: z.enum(['accept', 'request_changes']),
    note: storableText().max(MAX_NOTE_LENGTH).nullable().optional().describe('Required for request_changes.'),
  })
  .strict();

const commentText = storableText().min(1).max(MAX_COMMENT_LENGTH).describe(`The comment, plain text, at most ${MAX_COMMENT_LENGTH} characters.`);

export const newThreadBody = z
  .object({
    domain: z.enum(sectionKeys).describe('The section: "introduction" or one of the six domains.'),
    part: z.enum(['body', 'strengths', 'potential']).describe('"body" for the introduction, "strengths" or "potential" for a domain.'),
    quote: storableText().min(1).max(MAX_QUOTE_LENGTH).describe('The passage commented on, as it reads in the text (whitespace is collapsed).'),
    occurrence: z.number().int().min(0).max(10_000).optional().describe('Which occurrence of the quoted words, when they appear more than once: 0 (default) is the first.'),
    baseRevision: z.number().int().min(0).optional().describe('The part revision the passage was selected in; refused with 409 if the text changed since.'),
    body: commentText,
  })
  .strict();

export const replyBody = z.object({ threadId: z.uuid().describe('The thread answered.'), body: commentText }).strict();

export const threadStatusBody = z.object({ status: z.enum(['open', 'resolved']).describe('"resolved" to resolve, "open" to reopen.') }).strict();

const commentResponse = z.object({ id: z.uuid(), author: z.string().nullable(), body: z.string(), createdAt: z.string() });

export const threadResponse = z.object({
  id: z.uuid(),
  domain: z.enum(sectionKeys),
  part: z.enum(['body', 'strengths', 'potential']),
  quote: z.string(),
  status: z.enum(['open', 'resolved']),
  anchored: z.boolean().describe('False once the commented passage has been deleted from the text; the quote stays.'),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  comments: z.array(commentResponse),
});

export const threadsResponse = z.object({ threads: z.array(threadResponse) });

/** Inviting a consultation reviewer on a jurisdiction (its focal points and admins). */
export const reviewerInviteBody = z
  .object({
    email: z.email().max(320).describe('Their email; an existing account gets the role without a new link.'),
    name: storableText().trim().min(1).max(200).describe('Their name, as shown beside their comments.'),
    organisation: storableText().trim().max(MAX_ORGANISATION_LENGTH).nullish().describe('The ministry or organisation they review for.'),
    until: z.iso.date().nullish().describe('Last day (YYYY-MM-DD, UTC) on which the role holds; after it the role lapses on its own. Omit for no end.'),
    language: z.enum(locales).default('en').describe('Language of the invitation email, and of the new account.'),
  })
  .strict();

export const reviewerResponse = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  until: z.string().nullable().describe('Last day of the role (YYYY-MM-DD), or null.'),
  lapsed: z.boolean().describe('The end date has passed: the person sees nothing of the jurisdiction any more.'),
  pending: z.boolean().describe('The person has not set a password yet.'),
  invitedAt: z.string(),
});

/** POST /api/v1/assessments/{id}/suggestions/{suggestionId}. */
export const suggestionDecisionBody = z.object({ decision: z.enum(['accept', 'reject']) }).strict();

export const bulkSuggestionDecisionBody = z
  .object({
    decision: z.enum(['accept', 'reject']),
    domain: z.enum(sectionKeys).optional().describe('One domain (or `introduction`); without it, the whole profile.'),
  })
  .strict();

export const bulkSuggestionDecisionResponse = z.object({
  decision: z.enum(['accepted', 'rejected']),
  decided: z.number().int().describe('How many suggestions were decided in all.'),
  parts: z.array(z.object({ domain: z.string(), part: z.string(), decided: z.number().int(), revision: z.number().int().nullable() })),
});

export const suggestionResponse = z.object({
  id: z.uuid(),
  domain: z.string().describe('The section: one of the six domains, or `introduction`.'),
  part: z.string(),
  kind: z.enum(['insert', 'delete', 'replace']),
  inserted: z.string().describe('The suggested new text (empty for a deletion).'),
  deleted: z.string().describe('The text suggested for removal (empty for an insertion).'),
  author: z.object({ id: z.uuid().nullable(), name: z.string().nullable() }),
  at: z.string().nullable(),
  comment: z.string().nullable(),
});

/** GET /api/v1/assessments/{id}/consultation: per section, who of the people consulted read, commented and suggested there. */
export const consultationResponse = z.object({
  domains: z.array(
    z.object({
      domain: z.string().describe('The section: `introduction` or one of the six domains, in reading order.'),
      summary: z
        .object({ people: z.number().int(), read: z.number().int(), commented: z.number().int(), suggested: z.number().int() })
        .describe('Over the people still taking part (not lapsed or deactivated): how many, and how many of them read, commented and suggested here.'),
      people: z.array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          role: z.enum(['focal_point', 'reviewer']),
          organisation: z.string().nullable(),
          ended: z.enum(['lapsed', 'deactivated']).nullable().describe('Why the person no longer takes part: the role’s end date passed, or the account was deactivated.'),
          pending: z.boolean().describe('Invited, has not set a password yet.'),
          read: z.object({ firstAt: z.string(), lastAt: z.string() }).nullable().describe('When they first and last opened the section while the profile was in review; null if never.'),
          comments: z.object({ count: z.number().int(), lastAt: z.string().nullable() }),
          suggestions: z.object({ open: z.number().int(), decided: z.number().int(), lastAt: z.string().nullable().describe('When their newest open suggestion here was made.') }),
        }),
      ),
    }),
  ),
});
