import type { Page } from '@playwright/test';
import { expect, test } from './support/app-test';
import { demo, loginAs } from './support/auth';
import { editorOf, openProfile } from './support/profiles';

async function pasteHtml(page: Page, html: string) {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', content.replace(/<[^>]+>/g, ''));
    const target = document.activeElement as HTMLElement;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

const word = `
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;</span></span><b>Primera</b> medida <span style='color:red;font-size:20pt'>roja</span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;</span></span><i>Segunda</i> medida</p>
<table><tr><td>tabla</td></tr></table><img src="https://example.org/x.png">`;

const googleDocs = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><ul style="margin-top:0"><li dir="ltr"><p dir="ltr"><span style="font-weight:700;color:#222">Negrita</span><span style="font-size:11pt"> y normal</span></p></li><li><p><span style="font-style:italic">Cursiva</span></p></li></ul><h1>Título</h1></b>`;

test.describe('pasting from office suites keeps lists and emphasis, and drops the rest', () => {
  test('from Word', async ({ page, baseURL }) => {
    await loginAs(page, demo.consultant);
    const id = await openProfile(page.request, 'lima', 'es', baseURL!);
    await page.goto(`/assessments/${id}/sections/whole_of_government`);
    const part = editorOf(page, 'whole_of_government', 'strengths');
    await part.text.click();
    await pasteHtml(page, word);
    await expect(part.text.locator('ul > li')).toHaveCount(2);
    await expect(part.text.locator('ul > li').first()).toHaveText('Primera medida roja');
    await expect(part.text.locator('strong')).toHaveText('Primera');
    await expect(part.text.locator('em')).toHaveText('Segunda');
    await expect(part.text.locator('img, table, [style]')).toHaveCount(0);
    await expect(part.status).toHaveText('Saved');
  });

  test('from Google Docs', async ({ page, baseURL }) => {
    await loginAs(page, demo.consultant);
    const id = await openProfile(page.request, 'lima', 'es', baseURL!);
    await page.goto(`/assessments/${id}/sections/whole_of_government`);
    const part = editorOf(page, 'whole_of_government', 'potential');
    await part.text.click();
    await pasteHtml(page, googleDocs);
    await expect(part.text.locator('ul > li')).toHaveCount(2);
    await expect(part.text.locator('strong')).toHaveText('Negrita');
    await expect(part.text.locator('em')).toHaveText('Cursiva');
    await expect(part.text.locator('h1, [style]')).toHaveCount(0);
    await expect(part.text).toContainText('Título');
  });
});
