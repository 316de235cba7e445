// The learners' app starts with its main wasm alone; every other page's code is a chunk fetched
// when the page first opens (as are the assignments on home and the whole-log fold, when they
// are needed), and a chunk that cannot be fetched leaves a way to try again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppPage,
  LessonPlayerPage,
  axeViolations,
  createLearner,
  fetchLesson,
  serverAndBrowserForThisFile,
  signInOnAccountPage,
} from './harness.mjs';

const running = serverAndBrowserForThisFile();

/** A wasm the page fetched that is a page's chunk, not the main module. */
function isPageChunk(url) {
  return url.endsWith('.wasm') && !url.endsWith('_bg.wasm');
}

/** The paths of the wasm files `page` fetches from now on, in order, as they are fetched. */
function wasmFetchedBy(page) {
  const paths = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.wasm')) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test('the home page starts without any page chunk; a lesson fetches its own when it opens', async () => {
  // No service worker, so every fetch is the page's own and none is served from a precache.
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetchedWasm = wasmFetchedBy(page);
  const app = new AppPage(page, running.server.url);

  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  // Whatever home would fetch later (its progress, a chunk for it) has been fetched by now.
  await page.waitForLoadState('networkidle');
  assert.equal(fetchedWasm.length, 1, `only the main module at start: ${fetchedWasm}`);
  assert.match(fetchedWasm[0], /^\/baeum-web-[0-9a-f]{1,16}_bg\.wasm$/);

  await page.goto(`${running.server.url}/courses/hangul/vowels-1`);
  await page.getByTestId('lesson-page').waitFor();
  const lessonChunks = fetchedWasm.filter(isPageChunk);
  assert.ok(
    lessonChunks.some((path) => /^\/split_lesson_page-[0-9a-f]{1,16}\.wasm$/.test(path)),
    `the lesson page's chunk was fetched: ${lessonChunks}`,
  );
  const otherPages = lessonChunks.filter(
    (path) => path.startsWith('/split_') && !path.startsWith('/split_lesson_page-'),
  );
  assert.deepEqual(otherPages, [], 'no other page is fetched with it');
  await page.getByTestId('item').first().waitFor();
  await context.close();
});

test('a page whose chunk cannot be fetched says so, and opens on Try again or after a reload', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let chunksReachable = false;
  await page.route(
    (url) => isPageChunk(url.pathname),
    (route) => (chunksReachable ? route.continue() : route.abort('internetdisconnected')),
  );
  const app = new AppPage(page, running.server.url);

  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await app.navigate('Device');
  const failure = page.getByTestId('page-load-failed');
  await failure.waitFor();
  assert.match(await failure.innerText(), /could not be downloaded/);
  assert.deepEqual(await axeViolations(page), [], 'the failure view passes axe');
  // The rest of the app still works: the menu goes back home.
  await app.navigate('Courses');
  await page.getByTestId('course-hangul').waitFor();

  await app.navigate('Device');
  await failure.waitFor();
  chunksReachable = true;
  await failure.getByRole('button', { name: 'Try again' }).click();
  await page.getByTestId('settings-page').waitFor();
  assert.equal(await page.getByTestId('page-load-failed').count(), 0);

  // A page whose chunk is gone for good (a tab left open across an update) offers a reload,
  // which starts the app again on the same page.
  chunksReachable = false;
  await app.navigate('Me');
  await failure.waitFor();
  chunksReachable = true;
  const reloaded = page.waitForEvent('load');
  await failure.getByRole('button', { name: 'Reload the app' }).click();
  await reloaded;
  await app.waitReady();
  assert.equal(new URL(page.url()).pathname, '/me');
  await page.getByTestId('account-page').waitFor();
  await context.close();
});

test("a signed-in learner's home fetches the assignments chunk, and says so when it cannot", async () => {
  const learner = await createLearner(running.server.url, 'chunk-learner');
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  let assignmentsReachable = false;
  const fetchedWasm = wasmFetchedBy(page);
  await page.route(
    (url) => url.pathname.startsWith('/split_my_assignments-'),
    (route) => (assignmentsReachable ? route.continue() : route.abort('internetdisconnected')),
  );
  const app = await signInOnAccountPage(page, running.server.url, learner);

  await app.navigate('Courses');
  const failure = page.getByTestId('page-load-failed');
  await failure.waitFor();
  assert.match(await failure.innerText(), /assignments could not be downloaded/);
  assert.ok(
    fetchedWasm.some((path) => /^\/split_my_assignments-[0-9a-f]{1,16}\.wasm$/.test(path)),
    `home asked for the assignments chunk: ${fetchedWasm}`,
  );
  // The rest of home is there.
  await page.getByTestId('course-hangul').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'home with the failure passes axe');

  assignmentsReachable = true;
  await failure.getByRole('button', { name: 'Try again' }).click();
  await page.getByTestId('my-assignments').waitFor();
  await page.getByTestId('no-assignments').waitFor();
  assert.equal(await page.getByTestId('page-load-failed').count(), 0);
  await context.close();
});

test('a log the saved digest does not cover is recounted by the fold chunk, to the same progress', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetchedWasm = wasmFetchedBy(page);
  const foldFetched = () => fetchedWasm.some((path) => /^\/split_progress_fold-[0-9a-f]{1,16}\.wasm$/.test(path));
  const app = new AppPage(page, running.server.url);
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  await app.open('/courses/hangul/vowels-1');
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();

  // Home grows the digest over the new statements: no fold, so no fold chunk.
  await app.open('/');
  const progress = page.getByTestId('progress-hangul');
  await progress.waitFor();
  const grown = await progress.innerText();
  await page.waitForLoadState('networkidle');
  assert.equal(foldFetched(), false, `growing needs no fold: ${fetchedWasm}`);

  // A statement in the log that the saved digest does not account for (written without the
  // order number the app gives each one) makes the next start fold the whole log.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const opening = indexedDB.open('baeum');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const database = opening.result;
      const transaction = database.transaction('statements', 'readwrite');
      const statements = transaction.objectStore('statements');
      const cursor = statements.openCursor();
      cursor.onsuccess = () => {
        const key = String(cursor.result.key);
        const fresh = crypto.randomUUID();
        statements.put(JSON.parse(JSON.stringify(cursor.result.value).replaceAll(key, fresh)), fresh);
      };
      transaction.oncomplete = () => { database.close(); resolve(); };
      transaction.onerror = () => reject(transaction.error);
    };
  }));
  await app.open('/');
  await progress.waitFor();
  assert.equal(await progress.innerText(), grown, 'the fold shows what growing showed');
  assert.ok(foldFetched(), `the fold's chunk was fetched: ${fetchedWasm}`);
  assert.equal(await page.getByTestId('progress-error').count(), 0);
  await context.close();
});
