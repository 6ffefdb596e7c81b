import { z } from 'zod';
import {
  assessmentResponse,
  errorResponse,
  savePartBody,
  domainReviewBody,
  newThreadBody,
  replyBody,
  threadResponse,
  threadsResponse,
  threadStatusBody,
  startAssessmentBody,
  suggestionDecisionBody,
  bulkSuggestionDecisionBody,
  bulkSuggestionDecisionResponse,
  suggestionResponse,
  consultationResponse,
  reviewerInviteBody,
  reviewerResponse,
  transitionBody,
  startTranslationBody,
  upToDateBody,
} from '../domain/api-schemas';
import { domainKeys } from '../domain/profile';
import { searchQuerySchema } from '../domain/search/search-query';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' });
const json = (s: z.ZodType) => ({ 'application/json': { schema: schema(s) } });
const error = (description: string) => ({ description, content: json(errorResponse) });
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const slugParamSpec = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } };
const auth = [{ bearer: [] }, { session: [] }];

/** The OpenAPI 3 description of /api/v1, generated from the zod schemas the handlers use. */
export function buildOpenApi() {
  return {
    openapi: '3.0.3',
    info: {
      title: 'MGI Studio API',
      version: '1',
      description:
        'Same rights as the web app. Authenticate with `Authorization: Bearer TOKEN` (mint one with `npm run cli -- token create --email EMAIL`) or a session cookie. Errors are `{ "error": { "code", "message" } }`; a profile you hold no role on answers 404.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token' },
      },
    },
    security: auth,
    paths: {
      '/api/v1/me': {
        get: {
          summary: 'The authenticated user and their roles',
          responses: { '200': { description: 'The user' }, '401': error('Not authenticated') },
        },
      },
      '/api/v1/assessments': {
        post: {
          summary: 'Start a profile of a jurisdiction in a content language',
          requestBody: { required: true, content: json(startAssessmentBody) },
          responses: {
            '201': { description: 'Started', content: json(z.object({ id: z.uuid() })) },
            '400': error('The body is not right'),
            '403': error('Not a consultant of this jurisdiction'),
            '404': error('No such jurisdiction, or no role on it'),
            '409': { description: 'An unpublished profile exists already; its id is in `id`', content: json(errorResponse.extend({ id: z.uuid() })) },
          },
        },
      },
      '/api/v1/assessments/{id}': {
        get: {
          summary: 'A profile with every part and its revision',
          parameters: [idParam],
          responses: { '200': { description: 'The profile', content: json(assessmentResponse) }, '404': error('No such profile, or no role on it') },
        },
      },
      '/api/v1/assessments/{id}/translations': {
        post: {
          summary: 'Start a translation of a profile (in any state) into another content language',
          description:
            'The translation is a profile of its own, of the same jurisdiction, linked to its source (`sourceId`); its parts start as copies of the source\'s text, each recording the source revision it was made from.',
          parameters: [idParam],
          requestBody: { required: true, content: json(startTranslationBody) },
          responses: {
            '201': { description: 'Started', content: json(z.object({ id: z.uuid() })) },
            '400': error('The body is not right, or the language is the source\'s own (`same_language`)'),
            '403': error('Not a consultant of this jurisdiction'),
            '404': error('No such profile, or no role on it'),
            '409': { description: 'An unpublished profile in that language exists already; its id is in `id`', content: json(errorResponse.extend({ id: z.uuid() })) },
          },
        },
      },
      '/api/v1/assessments/{id}/transitions': {
        post: {
          summary: 'Move a profile along the workflow (submit, request_changes, approve, publish)',
          parameters: [idParam],
          requestBody: { required: true, content: json(transitionBody) },
          responses: {
            '200': { description: 'The new state and the recorded transition' },
            '400': error('Incomplete profile (`incomplete`, with `details.missing`), a translation with parts whose source changed (`source_changed`, with `details.stale`), or a missing note'),
            '403': error('A role on the jurisdiction, but not this right (or you edited this round)'),
            '404': error('No such profile, or no role on it'),
            '409': error('The state has moved on (`state_moved`), or approving while suggestions are open (`suggestions_open`, with `details.open`: where and how many)'),
          },
        },
      },
      '/api/v1/assessments/{id}/domains/{domain}/review': {
        post: {
          summary: "Mark one domain accepted or changes-requested (focal points, during review)",
          parameters: [idParam, { name: 'domain', in: 'path', required: true, schema: { type: 'string', enum: [...domainKeys] } }],
          requestBody: { required: true, content: json(domainReviewBody) },
          responses: {
            '200': { description: 'The mark' },
            '400': error('A note is required to request changes'),
            '403': error('Not a focal point of this jurisdiction'),
            '404': error('No such profile or domain, or no role on it'),
            '409': error('The profile is not in review, or suggestions in the domain are still open (`suggestions_open`, with `details.open`: where and how many)'),
          },
        },
      },
      '/api/v1/assessments/{id}/suggestions': {
        get: {
          summary: 'Every open suggested change of a profile, with its author, domain, part, kind and text',
          parameters: [idParam],
          responses: {
            '200': { description: 'The open suggestions, in text order per part', content: json(z.object({ suggestions: z.array(suggestionResponse) })) },
            '404': error('No such profile, or no role on it'),
          },
        },
        post: {
          summary: 'Accept or reject every open suggested change in one domain, or in the whole profile (consultants, in draft)',
          description:
            'Part by part, as when one part is decided: each part with open suggestions moves on by one revision by you (in the live text when it is open in an editor), and every decision is recorded with who suggested it. Without `domain`, the whole profile.',
          parameters: [idParam],
          requestBody: { required: true, content: json(bulkSuggestionDecisionBody) },
          responses: {
            '200': { description: 'How many were decided, per part', content: json(bulkSuggestionDecisionResponse) },
            '400': error('The body is not `{ "decision": "accept" | "reject", "domain"?: <domain> }`'),
            '403': error('A role on the jurisdiction, but not one that edits'),
            '404': error('No such profile, or no role on it'),
            '409': error('The profile is not a draft (`wrong_state`)'),
          },
        },
      },
      '/api/v1/assessments/{id}/consultation': {
        get: {
          summary: 'Per section, who of the focal points and reviewers has read it, commented and suggested (focal points, consultants, admins)',
          description:
            'Reading is recorded when a focal point or reviewer opens a section while the profile is in review. People whose role lapsed or whose account was deactivated are listed with `ended` and left out of `summary`; a removed reviewer is not listed.',
          parameters: [idParam],
          responses: {
            '200': { description: 'Every section in reading order, with each person consulted', content: json(consultationResponse) },
            '403': error('A reviewer: the consultation is not theirs to see'),
            '404': error('No such profile, or no role on it'),
          },
        },
      },
      '/api/v1/assessments/{id}/suggestions/{suggestionId}': {
        post: {
          summary: 'Accept or reject one suggested change (consultants, in draft)',
          description:
            'An accepted suggestion becomes text, a rejected one leaves it; either way the part moves on by one revision by you, and the decision is recorded with who suggested it. When the part is open in an editor, the change is made in the live text, so nothing typed meanwhile is lost.',
          parameters: [idParam, { name: 'suggestionId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: { required: true, content: json(suggestionDecisionBody) },
          responses: {
            '200': { description: 'The decision and the new revision', content: json(z.object({ id: z.uuid(), decision: z.enum(['accepted', 'rejected']), revision: z.number().int().nullable() })) },
            '400': error('The body is not `{ "decision": "accept" | "reject" }`'),
            '403': error('A role on the jurisdiction, but not one that edits'),
            '404': error('No such profile or open suggestion, or no role on it'),
            '409': error('The profile is not a draft (`wrong_state`)'),
          },
        },
      },
      '/api/v1/assessments/{id}/comments': {
        get: {
          summary: 'Every comment thread of a profile, in text order, with its replies',
          parameters: [idParam],
          responses: { '200': { description: 'The threads', content: json(threadsResponse) }, '404': error('No such profile, or no role on it') },
        },
        post: {
          summary: 'Start a thread on a passage (domain, part, quote, body) or reply to one (threadId, body)',
          description:
            'Focal points comment while the profile is in review; consultants start threads in draft and in review and reply in any unpublished state. A new thread marks the quoted passage in the text (the part revision moves on; the text does not change).',
          parameters: [idParam],
          requestBody: { required: true, content: json(z.union([newThreadBody, replyBody])) },
          responses: {
            '201': {
              description: 'The new thread and the part revision, or the reply',
              content: json(z.union([z.object({ thread: threadResponse, revision: z.number().int() }), z.object({ threadId: z.uuid(), comment: threadResponse.shape.comments.element })])),
            },
            '400': error('Empty or over-long comment, a passage not in the text (`passage_not_found`), or a part the domain does not have'),
            '403': error('A role on the jurisdiction, but not one that comments'),
            '404': error('No such profile or thread, or no role on it'),
            '409': error('Not possible in the profile’s state (`comments_closed`), or the text changed since `baseRevision` (`revision_conflict`)'),
          },
        },
      },
      '/api/v1/assessments/{id}/comments/{threadId}': {
        patch: {
          summary: 'Resolve or reopen a thread',
          parameters: [idParam, { name: 'threadId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: { required: true, content: json(threadStatusBody) },
          responses: {
            '200': { description: 'The thread’s status', content: json(z.object({ id: z.uuid(), status: z.enum(['open', 'resolved']) })) },
            '403': error('A role on the jurisdiction, but not one that comments'),
            '404': error('No such profile or thread, or no role on it'),
            '409': error('Not possible in the profile’s state'),
          },
        },
      },
      '/api/v1/jurisdictions/{slug}/reviewers': {
        get: {
          summary: 'The consultation reviewers of a jurisdiction, lapsed ones included (marked)',
          parameters: [slugParamSpec],
          responses: {
            '200': { description: 'The reviewers', content: json(z.object({ reviewers: z.array(reviewerResponse) })) },
            '403': error('A role on the jurisdiction, but not focal point (admins may)'),
            '404': error('No such jurisdiction, or no role on it'),
          },
        },
        post: {
          summary: 'Invite a consultation reviewer (one-time link to set a password)',
          description:
            'Reviewers read the jurisdiction’s profiles while they are in review and comment on them; nothing else. With email configured the link is emailed in `language` and `link` is null; otherwise `link` is returned for you to pass on. An existing account gets the role (or a new `until` and `organisation`) without a link.',
          parameters: [slugParamSpec],
          requestBody: { required: true, content: json(reviewerInviteBody) },
          responses: {
            '201': {
              description: 'Invited',
              content: json(z.object({ userId: z.uuid(), email: z.string(), existingAccount: z.boolean(), emailed: z.boolean(), link: z.string().nullable() })),
            },
            '400': error('The body is not right, or `until` is in the past (`date_in_past`)'),
            '403': error('A role on the jurisdiction, but not focal point (admins may)'),
            '404': error('No such jurisdiction, or no role on it'),
          },
        },
      },
      '/api/v1/jurisdictions/{slug}/reviewers/{userId}': {
        delete: {
          summary: 'Remove a consultation reviewer (effective at once)',
          parameters: [slugParamSpec, { name: 'userId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '204': { description: 'Removed' },
            '403': error('A role on the jurisdiction, but not focal point (admins may)'),
            '404': error('No such jurisdiction or reviewer, or no role on the jurisdiction'),
          },
        },
      },
      '/api/v1/editions': {
        get: {
          summary: 'Every published edition, newest first (public, no authentication)',
          security: [],
          parameters: [
            { name: 'jurisdiction', in: 'query', required: false, schema: { type: 'string' }, description: 'Only this jurisdiction’s editions (its slug).' },
            { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'fr', 'es'] }, description: 'Language of the labels ("2024 June").' },
          ],
          responses: {
            '200': {
              description:
                '`{ "editions": [ { jurisdiction, edition, label, language, title, …, version, versionEdition, corrected, languages } ] }`: each month once per language, by its newest version (a corrected month has `corrected: true`); `languages` lists every language that month’s edition is published in (a profile and its translations published together).',
            },
            '400': error('A malformed slug or locale'),
          },
        },
      },
      '/api/v1/domains/{domain}': {
        get: {
          summary: 'One domain’s two parts from the latest edition of each jurisdiction, side by side (public, no authentication)',
          security: [],
          parameters: [
            { name: 'domain', in: 'path', required: true, schema: { type: 'string', enum: [...domainKeys] } },
            { name: 'country', in: 'query', required: false, schema: { type: 'string' }, description: 'Only jurisdictions of this country (its code, e.g. PE).' },
            { name: 'level', in: 'query', required: false, schema: { type: 'string', enum: ['country', 'state', 'municipality'] } },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'fr', 'es'] }, description: 'Content language: each jurisdiction’s latest edition in it.' },
            { name: 'j', in: 'query', required: false, schema: { type: 'array', items: { type: 'string' }, maxItems: 20 }, style: 'form', explode: true, description: 'Only these jurisdictions (slugs; repeat the parameter).' },
            { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: '20 jurisdictions a page, by name.' },
            { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'fr', 'es'] }, description: 'Language of the domain’s name and the labels.' },
          ],
          responses: {
            '200': {
              description:
                '`{ domain, name, total, page, pageSize, jurisdictions: [ { jurisdiction, name, level, country, language, edition, version, label, title, url, strengths: { doc, findings }, potential: { doc, findings } } ] }`; `findings` is the plain text of each bullet.',
            },
            '400': error('A malformed filter or locale'),
            '404': error('No such domain'),
          },
        },
      },
      '/api/v1/search': {
        get: {
          summary: 'Passages (bullets and paragraphs) of every profile matching words, ranked, paged, with facet counts',
          description:
            'Public: published editions. With a token or session, also the unpublished profiles you may read, each `draft: true`. Accents and case are ignored and words are stemmed in each passage’s language; "quoted words" must appear together, -word leaves a word out, or finds either.',
          security: [],
          parameters: Object.entries((searchQuerySchema as unknown as { shape: Record<string, z.ZodType> }).shape).map(([name, s]) => ({
            name,
            in: 'query',
            required: name === 'q',
            schema: schema(s),
          })),
          responses: {
            '200': {
              description:
                '`{ total, totalIsLowerBound, countLimit, page, pages, facets: { country|level|domain|part|lang|year: [ { value, count, lowerBound? } ] }, results: [ { draft, jurisdiction, edition, title, language, domain, domainName, part, passage, url, text, highlight: [ { text, match } ] } ] }`; 20 results a page. Each facet counts with the other filters applied. ' +
                'A search reads at most `countLimit` (500) matching passages: past that, `totalIsLowerBound` is true and `total` is the limit (more than that many match), the results are the best-ranked of the first 500 the index yields (not of every match), and each facet entry counted from such a scan has `lowerBound: true` (at least `count`). A phrase is checked in at most the first 500 passages holding its words: past those, `totalIsLowerBound` is true with `total` what was found among them. Add words or filters to get exact counts and ranking.',
            },
            '400': error('A parameter that cannot be read (`invalid_query`, with `details.field`): q missing or over 200 characters, an unknown level, domain, part or language, a page past 25'),
            '401': error('A bearer token that is not valid'),
          },
        },
      },
      '/api/v1/editions/{slug}/{edition}': {
        get: {
          summary: 'One edition: title, introduction, the six domains’ two parts, sign-off, and the versions of its month (public)',
          security: [],
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
            {
              name: 'edition',
              in: 'path',
              required: true,
              schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])(-v[1-9]\\d{0,3})?$' },
              description: 'Year and month, e.g. 2024-06: the month’s newest version, corrections included. Or one version, e.g. 2024-06-v1 (the original).',
            },
            { name: 'locale', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'fr', 'es'] }, description: 'Language of the label.' },
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', enum: ['en', 'fr', 'es'] }, description: 'Content language, when the jurisdiction has editions in several.' },
          ],
          responses: {
            '200': {
              description:
                'The edition, with `languages` (every language this month\'s edition is in), `version`, `versionEdition`, `corrected`, `correctedBy` (the version that replaced it, or null) and `versions` (each with its `edition`, `publishedAt`, `correctionNote`, `url`). A version’s content never changes, but `correctedBy`, `versions` and `languages` do: its URL (2024-06-v1) may be kept a minute by shared caches (`s-maxage=60, stale-while-revalidate=300`); the month’s URL is revalidated each time.',
            },
            '400': error('A malformed locale'),
            '404': error('No such edition'),
          },
        },
      },
      '/api/v1/assessments/{id}/sections/{domain}/{part}/up-to-date': {
        post: {
          summary: 'Mark a translated part up to date with its source part',
          description: 'Records the source part\'s current revision as the one this part matches. The body is optional.',
          parameters: [
            idParam,
            { name: 'domain', in: 'path', required: true, schema: { type: 'string', enum: ['introduction', ...domainKeys] } },
            { name: 'part', in: 'path', required: true, schema: { type: 'string', enum: ['body', 'strengths', 'potential'] } },
          ],
          requestBody: { required: false, content: json(upToDateBody) },
          responses: {
            '200': { description: 'Marked', content: json(z.object({ sourceRevision: z.number().int(), stale: z.boolean() })) },
            '400': error('The body is not right, or the profile is not a translation (`not_a_translation`)'),
            '403': error('No right to edit this profile'),
            '404': error('No such profile or part, or no role on it'),
            '409': error('The profile is no longer a draft (`wrong_state`), or the source moved on from `sourceRevision` (`source_moved`, with `details.sourceRevision`)'),
          },
        },
      },
      '/api/v1/assessments/{id}/sections/{domain}/{part}': {
        put: {
          summary: 'Save one part, based on the revision it was edited from',
          parameters: [
            idParam,
            { name: 'domain', in: 'path', required: true, schema: { type: 'string', enum: ['introduction', ...domainKeys] } },
            { name: 'part', in: 'path', required: true, schema: { type: 'string', enum: ['body', 'strengths', 'potential'] } },
          ],
          requestBody: { required: true, content: json(savePartBody) },
          responses: {
            '200': { description: 'Saved', content: json(z.object({ revision: z.number().int() })) },
            '400': error('The body or the document is not allowed; the message says why'),
            '403': error('No right to edit this profile'),
            '404': error('No such profile or part'),
            '409': {
              description:
                'Someone saved meanwhile (`revision_conflict`, with the current `doc` and `revision`, who saved it (`savedBy`, null if that account is gone) and when (`savedAt`)), or the profile is no longer a draft (`wrong_state`)',
              content: json(
                errorResponse.extend({
                  doc: z.unknown().optional(),
                  revision: z.number().int().optional(),
                  savedBy: z.object({ name: z.string() }).nullable().optional(),
                  savedAt: z.iso.datetime().nullable().optional(),
                }),
              ),
            },
            '413': error('Body over 300 KB'),
            '415': error('Not JSON'),
          },
        },
      },
    },
  };
}
