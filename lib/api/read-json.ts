import 'server-only';
import type { z } from 'zod';
import { InvalidInputError, DataError } from '../data/errors';
import { describeShapeProblem, jsonShapeProblem } from '../domain/json-shape';

export const MAX_JSON_BYTES = 300 * 1024;

class PayloadError extends DataError {}

/** Reads a JSON request body, refusing wrong content types, oversize and malformed bodies with a clear message. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new PayloadError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.', 415);
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_JSON_BYTES) throw new PayloadError('payload_too_large', 'The request body is larger than 300 KB.', 413);
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_JSON_BYTES) {
    throw new PayloadError('payload_too_large', 'The request body is larger than 300 KB.', 413);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InvalidInputError('invalid_json', `The body is not valid JSON: ${(error as Error).message}`);
  }
  const problem = jsonShapeProblem(body);
  if (problem) throw new InvalidInputError(problem.code, describeShapeProblem(problem), { path: problem.path });
  return parseBody(schema, body);
}

/** Checks an already parsed body against a schema, naming each problem by its path. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new InvalidInputError('invalid_body', `The request body is not right: ${problems.join('; ')}`, { problems });
  }
  return parsed.data;
}
