import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './openapi';

describe('the OpenAPI document', () => {
  const doc = buildOpenApi();
  it('describes the authoring endpoints', () => {
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/assessments', '/api/v1/assessments/{id}', '/api/v1/assessments/{id}/sections/{domain}/{part}']),
    );
  });
  it('takes the request schemas from zod', () => {
    const put = doc.paths['/api/v1/assessments/{id}/sections/{domain}/{part}'].put;
    const body = put.requestBody.content['application/json'].schema as unknown as { required: string[]; properties: Record<string, unknown> };
    expect(body.required).toEqual(['doc', 'baseRevision']);
    const post = doc.paths['/api/v1/assessments'].post.requestBody.content['application/json'].schema as unknown as {
      properties: { language: { enum: string[] } };
    };
    expect(post.properties.language.enum).toEqual(['en', 'fr', 'es']);
  });

  it('describes the consultation reviewers of a jurisdiction', () => {
    const reviewers = doc.paths['/api/v1/jurisdictions/{slug}/reviewers'];
    expect(Object.keys(reviewers)).toEqual(['get', 'post']);
    const body = reviewers.post.requestBody.content['application/json'].schema as unknown as { required: string[]; properties: Record<string, unknown> };
    expect(body.required).toEqual(['email', 'name']);
    expect(Object.keys(body.properties)).toEqual(['email', 'name', 'organisation', 'until', 'language']);
    expect(Object.keys(doc.paths['/api/v1/jurisdictions/{slug}/reviewers/{userId}'])).toEqual(['delete']);
  });

  it('describes the consultation: per section, who of the people consulted read, commented and suggested', () => {
    const get = doc.paths['/api/v1/assessments/{id}/consultation'].get;
    expect(Object.keys(get.responses)).toEqual(['200', '403', '404']);
    const body = get.responses['200'].content!['application/json'].schema as unknown as { properties: { domains: { items: { properties: Record<string, unknown> } } } };
    expect(Object.keys(body.properties.domains.items.properties)).toEqual(['domain', 'summary', 'people']);
  });

  it('describes translations: starting one, marking a part up to date, and each part\'s standing', () => {
    expect(Object.keys(doc.paths['/api/v1/assessments/{id}/translations'])).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/assessments/{id}/sections/{domain}/{part}/up-to-date'])).toEqual(['post']);
    const profile = doc.paths['/api/v1/assessments/{id}'].get.responses['200'].content['application/json'];
    const shape = profile.schema as unknown as { properties: Record<string, { properties?: Record<string, { properties?: Record<string, { properties?: Record<string, unknown> }> }> }> };
    expect(Object.keys(shape.properties)).toContain('sourceId');
    expect(Object.keys(shape.properties.sections.properties!.introduction.properties!.body.properties!)).toEqual(['doc', 'revision', 'sourceRevision', 'stale']);
  });
});

describe('the search endpoint in the OpenAPI document', () => {
  it('lists its parameters from the zod schema the handler uses', () => {
    const get = (buildOpenApi().paths as unknown as Record<string, { get: { parameters: Array<{ name: string; required: boolean }> } }>)['/api/v1/search'].get;
    expect(get.parameters.map((p) => p.name)).toEqual(['q', 'country', 'level', 'domain', 'part', 'lang', 'year', 'page']);
    expect(get.parameters.find((p) => p.name === 'q')?.required).toBe(true);
  });
});
