// The interface in the learner's language, end to end: the first start follows the browser's
// languages; every page in every language shows no raw message id, fits a phone and passes
// axe-core's WCAG 2.2 A and AA rules; and the language picker switches the interface and is
// remembered, with its text, offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppPage, axeViolations, serverAndBrowserForThisFile, sidewaysOverflow, visitEveryPage } from './harness.mjs';

const running = serverAndBrowserForThisFile();
const LOCALES = new URL('../../locales/', import.meta.url);

function translationSource(tag) {
  return readFileSync(new URL(`${tag}.ftl`, LOCALES), 'utf8');
}

/** A one-line message without arguments, in `tag`, or in English when `tag` lacks it. */
function simpleMessage(tag, id) {
  const pattern = new RegExp(`^${id} = ([^{}\\n]+)$`, 'm');
  const match = pattern.exec(translationSource(tag)) ?? pattern.exec(translationSource('en'));
  if (!match) throw new Error(`${id} is not a one-line message`);
  return match[1].trim();
}

const MESSAGE_IDS = [...translationSource('en').matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((match) => match[1]);
// Each interface language with a locale a learner's phone reports for it.
const BROWSER_LOCALES = {
  ko: 'ko-KR', en: 'en-US', vi: 'vi-VN', ru: 'ru-RU', kk: 'kk-KZ', th: 'th-TH', tr: 'tr-TR', mn: 'mn-MN',
  zh: 'zh-CN',
};

for (const [tag, browserLocale] of Object.entries(BROWSER_LOCALES)) {
  test(`in ${tag}, chosen by the browser, no page shows a message id, scrolls sideways on a phone or fails axe`, async () => {
    const context = await running.browser.newContext({ locale: browserLocale, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const problems = [];
    await visitEveryPage(page, running.server.url, async (path) => {
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (lang !== tag) problems.push(`${path}: <html lang="${lang}">`);
      const text = await page.evaluate(() => document.body.innerText);
      const rawIds = MESSAGE_IDS.filter((id) => new RegExp(`(^|[^a-z0-9-])${id}($|[^a-z0-9-])`).test(text));
      if (rawIds.length > 0) problems.push(`${path}: shows ${rawIds.join(', ')}`);
      const overflow = await sidewaysOverflow(page);
      if (overflow) problems.push(`${path}: ${overflow}`);
      for (const violation of await axeViolations(page)) problems.push(`${path}: ${violation}`);
    });
    const homeLink = page.getByRole('link', { name: simpleMessage(tag, 'nav-courses'), exact: true });
    assert.equal(await homeLink.count(), 1, 'the menu is in the browser\'s language');
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('the language picker switches the interface, and the choice works offline, help language untouched', async () => {
  const context = await running.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const translationRequests = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    // The later tables (`<tag>.later.txt`: the check-in's words, which the Device page's
    // check-in switch uses) come with the code that shows them, English's included.
    if (path.startsWith('/locales/') && !path.endsWith('.later.txt')) translationRequests.push(path);
  });
  const app = new AppPage(page, running.server.url);
  await app.open('/settings');
  await app.waitForServiceWorker();
  const helpLanguage = await page.getByTestId('help-language').inputValue();
  // English is in the app itself: nothing is fetched for it.
  assert.deepEqual(translationRequests, []);

  await Promise.all([
    page.waitForEvent('load'),
    page.getByTestId('interface-language').selectOption('vi'),
  ]);
  await app.waitReady();
  await page.getByTestId('interface-language').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  assert.equal(await page.getByTestId('interface-language').inputValue(), 'vi');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), simpleMessage('vi', 'settings-title'));
  assert.equal(await page.getByTestId('help-language').inputValue(), helpLanguage);
  // Sizes are written with Vietnamese's decimal comma (a quota in MB or GB has a decimal).
  assert.match(await page.getByTestId('storage-use').innerText(), /\d,\d [MG]B/);
  // Only the chosen language was downloaded.
  assert.deepEqual([...new Set(translationRequests)], ['/locales/vi.txt']);

  await context.setOffline(true);
  await page.reload();
  await app.waitReady();
  await page.getByTestId('interface-language').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'vi');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), simpleMessage('vi', 'settings-title'));
  await page.getByRole('link', { name: simpleMessage('vi', 'nav-courses'), exact: true }).click();
  await page.getByTestId('course-hangul').waitFor();
  await context.close();
});
