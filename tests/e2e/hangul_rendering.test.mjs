// Hangul renders with the app's font stack and no web font. Without a font that has Hangul, a
// browser draws every syllable as the same empty box ("tofu"), so two different syllables that
// look alike in a screenshot mean the learner sees boxes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

test('Hangul syllables render as different glyphs in the app font, with no web font downloaded', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const fontRequests = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fontRequests.push(request.url());
  });
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul');
  const title = page.locator('.korean-title');
  await title.waitFor();
  assert.equal(await title.getAttribute('lang'), 'ko');

  // Two syllables in the page's own font stack, each in a box of the same size at the same
  // left edge, so that two empty boxes would give identical screenshots.
  await page.evaluate(() => {
    for (const [id, text] of [['syllable-han', '한'], ['syllable-geul', '글']]) {
      const box = document.createElement('div');
      box.id = id;
      box.lang = 'ko';
      box.textContent = text;
      box.style.cssText = 'width:80px;height:80px;overflow:hidden;font-size:64px;line-height:80px;background:#fff;color:#000';
      document.querySelector('[data-testid=course-page]').append(box);
    }
  });
  const han = await page.locator('#syllable-han').screenshot();
  const geul = await page.locator('#syllable-geul').screenshot();
  assert.notDeepEqual(han, geul, '한 and 글 look the same: Hangul is drawn as empty boxes');

  // DevTools names the font that drew the syllable: one of the Korean fonts of the app's stack
  // (style/main.css), not a fallback that has no Hangul.
  const devtools = await context.newCDPSession(page);
  await devtools.send('DOM.enable');
  await devtools.send('CSS.enable');
  const { root } = await devtools.send('DOM.getDocument');
  const { nodeId } = await devtools.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#syllable-han' });
  const { fonts } = await devtools.send('CSS.getPlatformFontsForNode', { nodeId });
  const koreanFamilies = ['Noto Sans KR', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic'];
  assert.ok(
    fonts.length > 0 && fonts.every((font) => koreanFamilies.includes(font.familyName)),
    `한 was drawn with ${JSON.stringify(fonts)}, not a Korean font of the app's stack`,
  );
  assert.deepEqual(fontRequests, [], 'no web font is downloaded');
  await context.close();
});
