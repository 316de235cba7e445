// The catalogue (issue 19): every course of the site searched page by page on the server, and
// the pages seen searched again offline on the device with the same rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, serverAndBrowserForThisFile, waitOrExplain } from './harness.mjs';

const running = serverAndBrowserForThisFile(async ({ server }) => {
  server.site('set', 'naju', '--name', 'en=Naju', '--host', 'naju.localhost',
    '--course', 'hangul', '--course', 'science-basics');
});

/** The course ids of the results shown. */
async function results(page) {
  return page.getByTestId('catalog-results').locator('li').evaluateAll(
    (cards) => cards.map((card) => card.dataset.testid.replace(/^catalog-course-/, '')).sort(),
  );
}

/** Searches for `words` (and a subject) and waits for the answer. */
async function search(page, words, subject = '') {
  const before = await page.getByTestId('catalog-total').getAttribute('data-total').catch(() => null);
  await page.getByTestId('catalog-search').fill(words);
  await page.getByTestId('catalog-subject').selectOption(subject);
  await page.getByTestId('catalog-search-button').click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=catalog-search-button]')?.disabled,
  );
  return before;
}

test('home links to the catalogue, which searches and filters the courses the site offers', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/');
  await page.getByTestId('catalog-link').click();
  await waitOrExplain(page, page.getByTestId('catalog-total'), 'the first page of the catalogue');
  assert.deepEqual(await results(page), ['hangul', 'science-basics', 'survival-korean', 'vietnamese-starter']);

  await search(page, 'HANGUL');
  assert.deepEqual(await results(page), ['hangul']);
  await search(page, '', 'science');
  assert.deepEqual(await results(page), ['science-basics']);
  await search(page, 'no such course at all');
  assert.equal(await page.getByTestId('catalog-total').getAttribute('data-total'), '0');

  // A site's catalogue is its own courses.
  const naju = new AppPage(page, running.server.siteUrl('naju.localhost'));
  await naju.open('/catalog');
  await waitOrExplain(page, page.getByTestId('catalog-total'), "Naju's catalogue");
  assert.deepEqual(await results(page), ['hangul', 'science-basics']);
  await context.close();
});

test('offline, the catalogue searches the pages seen before on the device', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/catalog');
  await waitOrExplain(page, page.getByTestId('catalog-total'), 'the first page of the catalogue');
  await app.waitForServiceWorker();
  await context.setOffline(true);
  await search(page, 'korean');
  await page.getByTestId('catalog-offline').waitFor();
  assert.match(await page.getByTestId('catalog-offline').innerText(), /4 courses seen/);
  assert.deepEqual(await results(page), ['hangul', 'survival-korean']);
  // Reopened offline, the page comes from the device and searches the same way.
  await app.open('/catalog');
  await page.getByTestId('catalog-offline').waitFor();
  await search(page, '', 'science');
  assert.deepEqual(await results(page), ['science-basics']);
  await context.close();
});
