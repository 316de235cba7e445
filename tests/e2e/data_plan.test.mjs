// A first visit that respects the data plan: the service worker keeps the wasm chunks a learner
// needs offline (the course, lesson, review and Device pages, the sync engine, the progress
// digest's reading, the recount, the assignments and the check-in on home, and the help page)
// and no other; a learner saving data
// gets no chunk beyond the pages they open (and, once they record an answer, the sync engine and
// the code that adds up their progress, so home shows it offline); the Device page keeps the
// whole app on request, and then every page opens offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage, LessonPlayerPage, fetchLesson, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

/** The split points a learner needs offline after one visit; home is in the main module. */
const NEEDED_OFFLINE = [
  'course_page', 'lesson_page', 'review_page', 'settings_page', 'sync_engine', 'progress_digest', 'progress_fold',
  'my_assignments', 'wellbeing',
];

/** Which chunk files each split point fetches, as the build recorded (xtask/src/split_wasm.rs). */
function pageFiles() {
  return JSON.parse(readFileSync(new URL('../../target/split-wasm/page-files.json', import.meta.url), 'utf8'));
}

function filesOf(splits) {
  const map = pageFiles();
  return [...new Set(splits.flatMap((split) => {
    assert.ok(map[split], `the build has a split point ${split}`);
    return map[split];
  }))].sort();
}

function isChunk(name) {
  return name.endsWith('.wasm') && !name.endsWith('_bg.wasm');
}

function allChunks() {
  return readdirSync(running.server.dist).filter(isChunk).sort();
}

/** A chunk's size as served to a browser offering gzip (its precompressed sibling). */
function gzipBytes(name) {
  return statSync(join(running.server.dist, `${name}.gz`)).size;
}

/** The chunks the page itself requests from now on (served by the worker or not). */
function chunksRequestedBy(page) {
  const names = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.slice(1);
    if (isChunk(name)) names.push(name);
  });
  return names;
}

/** The chunks kept in the service worker's cache. */
async function keptChunks(page) {
  return page.evaluate(async () => {
    const cache = await caches.open('baeum-chunks');
    return (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1)).sort();
  });
}

/** The chunks the service worker has fetched itself, from its own resource timing. */
async function chunksFetchedByWorker(context) {
  const workers = context.serviceWorkers();
  assert.equal(workers.length, 1, 'one service worker runs');
  const names = await workers[0].evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname.slice(1)));
  return [...new Set(names.filter(isChunk))].sort();
}

/** A browser context whose pages say the learner saves data, as `navigator.connection` does. */
async function savingDataContext() {
  const context = await running.browser.newContext();
  await context.addInitScript(() => {
    const connection = { saveData: true, type: 'wifi', effectiveType: '4g', addEventListener() {}, removeEventListener() {} };
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
  });
  return context;
}

/** Opens `path` with the network off and waits for the page's own mark; no chunk failed. */
async function opensOffline(app, path, testId) {
  await app.open(path);
  await app.page.getByTestId(testId).waitFor();
  assert.equal(await app.page.getByTestId('page-load-failed').count(), 0, `${path} opens offline`);
}

test('a first visit keeps the chunks a learner needs offline and no other, and they open offline', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const requestedByPage = chunksRequestedBy(page);
  const app = new AppPage(page, running.server.url);

  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await app.waitForServiceWorker();
  await page.waitForLoadState('networkidle');

  const needed = filesOf(NEEDED_OFFLINE);
  assert.deepEqual(requestedByPage, [], 'home starts without any chunk');
  assert.deepEqual(await keptChunks(page), needed, 'the worker keeps exactly the offline set');
  // The worker's resource timing keeps 250 entries (the browser's default buffer), fewer than
  // the offline set's files and the precache together: what it lists must all be in the set.
  const fetched = await chunksFetchedByWorker(context);
  assert.deepEqual(fetched.filter((name) => !needed.includes(name)), [], 'and fetched nothing else');
  assert.ok(fetched.length >= Math.min(needed.length, 200), `the worker's own fetches are seen (${fetched.length})`);
  assert.ok(needed.length < allChunks().length, 'some chunks are left for when they are opened');
  for (const later of ['history_page', 'account_page', 'my_classes_page']) {
    const onlyThere = filesOf([later]).filter((name) => !needed.includes(name));
    assert.ok(onlyThere.length > 0, `${later} has chunks of its own, not fetched on a first visit`);
  }

  await context.setOffline(true);
  await opensOffline(app, '/courses/hangul', 'course-page');
  await opensOffline(app, '/courses/hangul/vowels-1', 'lesson-page');
  await opensOffline(app, '/review', 'review-page');
  await opensOffline(app, '/settings', 'settings-page');
  await opensOffline(app, '/', 'home-page');
  await context.close();
});

test('saving data, a first visit fetches no chunk; a page the learner opens is kept for offline', async () => {
  const context = await savingDataContext();
  const page = await context.newPage();
  const requestedByPage = chunksRequestedBy(page);
  const app = new AppPage(page, running.server.url);

  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await app.waitForServiceWorker();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requestedByPage, [], 'home starts without any chunk');
  assert.deepEqual(await keptChunks(page), [], 'the worker keeps no chunk');
  assert.deepEqual(await chunksFetchedByWorker(context), [], 'nor fetched one');

  // Opening a course fetches its page's chunks, which the worker keeps.
  await page.getByTestId('course-hangul').getByRole('link').click();
  await page.getByTestId('course-page').getByRole('heading', { level: 1 }).waitFor();
  const coursePage = filesOf(['course_page']);
  assert.deepEqual([...new Set(requestedByPage)].sort(), coursePage, 'the page asked for its own chunks');
  await page.waitForFunction(async (expected) => {
    const cache = await caches.open('baeum-chunks');
    return (await cache.keys()).length === expected;
  }, coursePage.length);
  assert.deepEqual(await keptChunks(page), coursePage, 'only what was opened is kept');
  assert.deepEqual(await chunksFetchedByWorker(context), coursePage, 'and nothing more was fetched');

  await context.setOffline(true);
  await page.reload();
  await app.waitReady();
  await page.getByTestId('course-page').getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.getByTestId('page-load-failed').count(), 0);
  await context.close();
});

test('saving data, a learner who did a lesson sees their progress on home offline', async () => {
  const context = await savingDataContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await app.waitForServiceWorker();

  await app.open('/courses/hangul/vowels-1');
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();
  // The first answer recorded had the page fetch the digest's chunk, which the worker keeps.
  const digestFiles = filesOf(['progress_digest']);
  await page.waitForFunction(async (expected) => {
    const cache = await caches.open('baeum-chunks');
    const kept = (await cache.keys()).map((request) => new URL(request.url).pathname.slice(1));
    return expected.every((name) => kept.includes(name));
  }, digestFiles);

  await context.setOffline(true);
  await app.open('/');
  await page.getByTestId('progress-hangul').waitFor();
  assert.match(await page.getByTestId('progress-hangul').innerText(), /1 of \d+ lessons/);
  assert.equal(await page.getByTestId('progress-error').count(), 0, 'progress is added up offline');
  await context.close();
});

test('"Keep the whole app on this device" says its size, keeps every chunk, and then every page opens offline', async () => {
  // Saving data, so that nothing but what the learner opens and asks for is on the device.
  const context = await savingDataContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/');
  await app.waitForServiceWorker();
  await app.navigate('Device');
  await page.getByTestId('settings-page').waitFor();

  const settingsPage = filesOf(['settings_page']);
  const missing = allChunks().filter((name) => !settingsPage.includes(name));
  const missingKilobytes = Math.round(missing.reduce((sum, name) => sum + gzipBytes(name), 0) / 1000);
  const keep = page.getByTestId('whole-app-keep');
  await keep.waitFor();
  assert.equal(
    await keep.innerText(),
    `Keep the whole app on this device (${missingKilobytes} KB)`,
    'the button says what it will download',
  );
  await keep.click();
  await page.getByTestId('whole-app-kept').waitFor({ timeout: 30_000 });
  assert.deepEqual(await keptChunks(page), allChunks(), 'every chunk is on the device');

  await context.setOffline(true);
  await opensOffline(app, '/history', 'history-page');
  await opensOffline(app, '/me', 'account-page');
  await opensOffline(app, '/classes', 'classes-page');
  await opensOffline(app, '/courses/hangul/vowels-1', 'lesson-page');
  await opensOffline(app, '/settings', 'whole-app-kept');
  assert.equal(await page.getByTestId('whole-app-keep').count(), 0, 'nothing is left to keep');
  await context.close();
});
