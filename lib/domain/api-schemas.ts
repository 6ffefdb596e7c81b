import { z } from 'zod';
import { locales } from './locales';
import { domainKeys, sectionKeys } from './profile';
import { assessmentStates, MAX_NOTE_LENGTH } from './workflow';

/* Request and response shapes of /api/v1, used to validate requests and to generate the OpenAPI document. */

export const slugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(60);

export const startAssessmentBody = z
  .object({
    jurisdiction: slugParam.describe('Slug of the jurisdiction, e.g. "huaquillas".'),
    language: z.enum(locales).describe('Content language of the profile.'),
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

export const partSchema = z.object({ doc: profileDocSchema, revision: z.number().int() });

export const assessmentResponse = z.object({
  id: z.uuid(),
  jurisdiction: z.string(),
  language: z.enum(locales),
  title: z.string(),
  state: z.enum(assessmentStates),
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
    note: z.string().max(MAX_NOTE_LENGTH).nullable().optional().describe('Required for request_changes.'),
  })
  .strict();

export const domainReviewBody = z
  .object({
    decision: z.enum(['accept', 'request_changes']),
    note: z.string().max(MAX_NOTE_LENGTH).nullable().optional().describe('Required for request_changes.'),
  })
  .strict();
