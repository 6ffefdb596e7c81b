import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The id of the open profile of a jurisdiction in a language, starting one if needed. */
export async function openProfile(request: APIRequestContext, jurisdiction: string, language: string, baseURL: string) {
  const response = await request.post('/api/v1/assessments', {
    data: { jurisdiction, language },
    headers: { origin: baseURL },
  });
  expect([201, 409]).toContain(response.status());
  return (await response.json()).id as string;
}

export function editorOf(page: Page, section: string, part: string) {
  const root = page.getByTestId(`editor-${section}-${part}`);
  return { root, text: root.getByRole('textbox'), status: root.getByTestId('save-status') };
}
