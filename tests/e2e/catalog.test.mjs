// The catalogue (issue 19): every course of the site searched page by page on the server, and
// the pages seen searched again offline on the device with the same rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage, ServerProcess, serverAndBrowserForThisFile, waitOrExplain } from './harness.mjs';

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
  // Help in Thai: the courses with a Thai title.
  await page.getByTestId('catalog-language').selectOption('th');
  await search(page, '');
  assert.deepEqual(await results(page), ['hangul']);
  await page.getByTestId('catalog-language').selectOption('ru');
  await search(page, '');
  assert.deepEqual(await results(page), ['hangul', 'science-basics', 'survival-korean']);
  await page.getByTestId('catalog-language').selectOption('');

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

/**
 * Puts twelve made-up courses before the real ones in `server`'s catalogue (copies of Hangul's
 * entry under other ids and titles), so that home's first twelve are all made up.
 */
function publishTwelveCoursesFirst(server) {
  const catalogPath = join(server.content, 'catalog.json');
  const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
  const hangul = catalog.courses.find((course) => course.id === 'hangul');
  const extra = Array.from({ length: 12 }, (_, number) => ({
    ...hangul,
    id: `extra-${number}`,
    title: { en: `Extra course ${number}`, ko: `추가 강좌 ${number}` },
  }));
  catalog.courses = [...extra, ...catalog.courses];
  writeFileSync(catalogPath, JSON.stringify(catalog));
  // The server prefers precompressed copies; the old ones would hide the new catalogue.
  rmSync(`${catalogPath}.gz`, { force: true });
  rmSync(`${catalogPath}.br`, { force: true });
}

test('home lists the first courses, not the whole catalogue; a course found in the catalogue stays on home, offline too', async () => {
  const server = await ServerProcess.start({ privateContent: true });
  const context = await running.browser.newContext();
  try {
    publishTwelveCoursesFirst(server);
    const page = await context.newPage();
    const homeRequests = [];
    const wholeCatalogue = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/catalog/home') homeRequests.push(url.search);
      if (url.pathname === '/content/catalog.json') wholeCatalogue.push(url.href);
    });
    const app = new AppPage(page, server.url);
    await app.open('/');
    await waitOrExplain(page, page.getByTestId('course-extra-11'), "home's twelfth course");
    assert.equal(await page.getByTestId('course-list').locator(':scope > li').count(), 12);
    assert.equal(await page.getByTestId('course-hangul').count(), 0, 'home lists the first twelve only');
    assert.ok(homeRequests.every((query) => query === ''), `a first visit names no course: ${homeRequests}`);

    // Found in the catalogue and opened, Hangul is the learner's own from then on.
    await page.getByTestId('catalog-link').click();
    await waitOrExplain(page, page.getByTestId('catalog-total'), 'the first page of the catalogue');
    await search(page, 'hangul');
    assert.deepEqual(await results(page), ['hangul']);
    await page.getByTestId('catalog-course-hangul').getByRole('link').first().click();
    await waitOrExplain(page, page.getByTestId('lesson-link-consonants-1'), "Hangul's course page");
    await app.open('/');
    await waitOrExplain(page, page.getByTestId('course-hangul'), 'Hangul on home');
    assert.equal(await page.getByTestId('course-list').locator(':scope > li').count(), 13);
    assert.ok(homeRequests.includes('?with=hangul'), `home asks for the learner's own: ${homeRequests}`);

    // Offline, home lists the same from the device.
    await app.waitForServiceWorker();
    await context.setOffline(true);
    await app.open('/');
    await waitOrExplain(page, page.getByTestId('course-hangul'), 'Hangul on home offline');
    assert.equal(await page.getByTestId('course-list').locator(':scope > li').count(), 13);
    assert.deepEqual(wholeCatalogue, [], "the learners' app never fetches the whole catalogue");
  } finally {
    await context.close();
    await server.stop();
  }
});
