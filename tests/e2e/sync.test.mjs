// Progress reaches the school exactly once: answers made offline survive a reload and arrive
// when the connection returns; a tab closed in the middle of a push loses and duplicates
// nothing; two devices of the same learner converge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppPage,
  LessonPlayerPage,
  createLearner as createLearnerAccount,
  fetchLesson,
  lessonCount,
  serverAndBrowserForThisFile,
  signInOnAccountPage,
  waitOrExplain,
} from './harness.mjs';

const running = serverAndBrowserForThisFile();

function createLearner(username) {
  return createLearnerAccount(running.server.url, username);
}

/** Every statement the server holds for this learner, following `more` links. */
async function statementsOnServer(learner) {
  const authorization = `Basic ${Buffer.from(`${learner.username}:${learner.password}`).toString('base64')}`;
  const headers = { authorization, 'x-experience-api-version': '2.0.0' };
  const me = await (await fetch(`${running.server.url}/api/me`, { headers })).json();
  let url = `${running.server.url}/xapi/statements?agent=${encodeURIComponent(JSON.stringify(me.actor ?? me.account?.actor))}&limit=100`;
  const statements = [];
  while (url) {
    const response = await fetch(url, { headers });
    assert.equal(response.status, 200, await response.clone().text());
    const page = await response.json();
    statements.push(...page.statements);
    url = page.more ? new URL(page.more, running.server.url).toString() : null;
  }
  return statements;
}

async function waitForServerCount(learner, expected, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let statements = [];
  while (Date.now() < deadline) {
    statements = await statementsOnServer(learner);
    if (statements.length >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return statements;
}

function signIn(page, learner) {
  return signInOnAccountPage(page, running.server.url, learner);
}

function assertNoDuplicates(statements) {
  const ids = statements.map((statement) => statement.id);
  assert.equal(new Set(ids).size, ids.length, 'every statement is stored once');
}

test('answers made offline survive a reload and arrive once when the connection returns', async () => {
  const learner = await createLearner('offline-learner');
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = await signIn(page, learner);
  await app.waitForServiceWorker();
  // Open the lesson online once so its files are on the device, then lose the connection.
  await app.open('/courses/hangul/vowels-1');
  await new LessonPlayerPage(page).item().waitFor();
  await context.setOffline(true);

  const player = new LessonPlayerPage(page);
  const half = Math.floor(lesson.items.length / 2);
  for (const item of lesson.items.slice(0, half)) await player.answerCorrectly(item);
  // Reload once the app has saved its place, which it does after the answers are stored.
  await page.waitForFunction(
    (position) => JSON.parse(localStorage.getItem('baeum.lesson-session.hangul.vowels-1') || '{}').position === position,
    half,
  );
  await page.reload();
  await app.waitReady();
  const resumed = new LessonPlayerPage(page);
  for (const item of lesson.items.slice(half)) await resumed.answerCorrectly(item);
  await resumed.waitFinishedAndSaved();

  // One statement per item and one for the completed lesson, all waiting on the device.
  const expected = lesson.items.length + 1;
  await page.waitForFunction(
    (count) => document.querySelector('[data-testid=sync-indicator] [data-waiting]')?.getAttribute('data-waiting') === String(count),
    expected,
  );
  assert.equal((await statementsOnServer(learner)).length, 0, 'nothing reached the server while offline');

  await context.setOffline(false);
  const arrived = await waitForServerCount(learner, expected);
  assert.equal(arrived.length, expected);
  assertNoDuplicates(arrived);
  await page.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.textContent.includes('Synced'));
  await context.close();
});

test('a tab closed during a push loses nothing and duplicates nothing', async () => {
  const learner = await createLearner('closing-learner');
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-2');
  const context = await running.browser.newContext();
  let page = await context.newPage();
  await signIn(page, learner);

  // The server stores the push, but the tab never hears back: it is closed first. The push is
  // held until the lesson is saved on the device, because the first push may leave while the
  // lesson is still being answered (2 s after the first answer), on a slow machine.
  let heldPushes = 0;
  let lessonSaved;
  const saved = new Promise((resolve) => { lessonSaved = resolve; });
  await context.route('**/xapi/statements', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    heldPushes += 1;
    await saved;
    await route.fetch();
    await page.close();
  });
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/vowels-2');
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();
  lessonSaved();
  await page.waitForEvent('close', { timeout: 30_000 });
  assert.ok(heldPushes >= 1, 'a push was under way when the tab closed');
  await context.unroute('**/xapi/statements');

  // The learner opens the app again: whatever was not acknowledged is sent again, idempotently.
  page = await context.newPage();
  const reopened = new AppPage(page, running.server.url);
  await reopened.open('/');
  const expected = lesson.items.length + 1;
  await page.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.textContent.includes('Synced'), null, { timeout: 30_000 });
  const stored = await waitForServerCount(learner, expected);
  assert.equal(stored.length, expected);
  assertNoDuplicates(stored);
  await context.close();
});

test('two devices of the same learner converge on the same progress', async () => {
  const learner = await createLearner('two-devices');
  const lesson = await fetchLesson(running.server.url, 'hangul', 'consonants-2');
  const phone = await running.browser.newContext();
  const laptop = await running.browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, learner);
  const phoneApp = new AppPage(phonePage, running.server.url);
  await phoneApp.open('/courses/hangul/consonants-2');
  const player = new LessonPlayerPage(phonePage);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();
  await waitForServerCount(learner, lesson.items.length + 1);

  // The laptop signs in later and goes home at once, in the app: the history shows there as
  // it arrives, without a reload.
  const laptopPage = await laptop.newPage();
  const laptopApp = await signIn(laptopPage, learner);
  await laptopApp.navigate('Courses');
  await waitOrExplain(laptopPage, laptopPage.getByTestId('progress-hangul'), 'the pulled history on home');
  // "Synced" comes only once the history is here, so a reload after it shows it from the log.
  await laptopPage.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.textContent.includes('Synced'), null, { timeout: 30_000 });
  await laptopApp.open('/');
  await phoneApp.open('/');
  const progressOn = async (page) => page.getByTestId('progress-hangul').innerText();
  await waitOrExplain(laptopPage, laptopPage.getByTestId('progress-hangul'), 'the history on home after a reload');
  await phonePage.getByTestId('progress-hangul').waitFor();
  assert.equal(await progressOn(laptopPage), await progressOn(phonePage));
  const lessons = await lessonCount(running.server.url, 'hangul');
  assert.match(await progressOn(laptopPage), new RegExp(`1 of ${lessons} lessons`));
  assert.equal(await laptopPage.getByTestId('streak').innerText(), await phonePage.getByTestId('streak').innerText());
  await phone.close();
  await laptop.close();
});

/** The saved place in a lesson, as the player keeps it on the device. */
function savedPosition(page, courseId, lessonId) {
  return page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) || 'null')?.position ?? null,
    `baeum.lesson-session.${courseId}.${lessonId}`,
  );
}

test('an answer that cannot be written does not move the saved lesson position', async () => {
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-3');
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/vowels-3');
  const player = new LessonPlayerPage(page);
  await player.answerCorrectly(lesson.items[0]);
  await page.waitForFunction(
    () => JSON.parse(localStorage.getItem('baeum.lesson-session.hangul.vowels-3') || '{}').position === 1,
  );

  // From now on the database refuses every write to the outbox, as a closed connection does.
  await page.evaluate(() => {
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, options) {
      const stores = typeof names === 'string' ? [names] : [...names];
      if (mode === 'readwrite' && stores.includes('outbox')) {
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      }
      return original.call(this, names, mode, options);
    };
  });
  await player.answerCorrectly(lesson.items[1]);
  // Every write of the run is done (the failure is shown), and the position stayed before the
  // answer that was lost.
  await page.locator('[data-testid=lesson-save-status][data-state=failed][data-pending="0"]').waitFor();
  assert.equal(await savedPosition(page, 'hangul', 'vowels-3'), 1);

  await page.reload();
  await app.waitReady();
  assert.equal(await new LessonPlayerPage(page).currentItemId(), lesson.items[1].id, 'the lost answer is asked again');
  await context.close();
});

test('the first answer recorded asks the browser to keep the storage', async () => {
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-4');
  const context = await running.browser.newContext();
  await context.addInitScript(() => {
    window.persistCalls = 0;
    const original = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function () {
      window.persistCalls += 1;
      return original.call(this);
    };
  });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/vowels-4');
  const player = new LessonPlayerPage(page);
  await player.item().waitFor();
  assert.equal(await page.evaluate(() => window.persistCalls), 0, 'nothing recorded, nothing asked');
  await player.answerCorrectly(lesson.items[0]);
  // The position is saved after the answer is stored, which is when the browser was asked.
  await page.waitForFunction(
    () => JSON.parse(localStorage.getItem('baeum.lesson-session.hangul.vowels-4') || '{}').position === 1,
  );
  assert.equal(await page.evaluate(() => window.persistCalls), 1);
  await player.answerCorrectly(lesson.items[1]);
  await page.waitForFunction(
    () => JSON.parse(localStorage.getItem('baeum.lesson-session.hangul.vowels-4') || '{}').position === 2,
  );
  assert.equal(await page.evaluate(() => window.persistCalls), 1, 'asked once per page');
  await context.close();
});

/** The actor the server gives this learner's statements. */
async function actorOf(learner) {
  const authorization = `Basic ${Buffer.from(`${learner.username}:${learner.password}`).toString('base64')}`;
  const me = await (await fetch(`${running.server.url}/api/me`, { headers: { authorization } })).json();
  return me.actor ?? me.account?.actor;
}

/**
 * Two tabs of one browser: a lesson is going on in one while the learner signs in, then out,
 * in the other. With `withoutBroadcastChannel` the lesson tab's browser lacks the channel, so
 * only the re-read of the stored session before each record can notice.
 */
async function signInWhileALessonIsOpenInAnotherTab(username, lessonId, { withoutBroadcastChannel }) {
  const learner = await createLearner(username);
  const lesson = await fetchLesson(running.server.url, 'hangul', lessonId);
  const context = await running.browser.newContext();
  const lessonTab = await context.newPage();
  if (withoutBroadcastChannel) await lessonTab.addInitScript(() => { delete window.BroadcastChannel; });
  await new AppPage(lessonTab, running.server.url).open(`/courses/hangul/${lessonId}`);
  const player = new LessonPlayerPage(lessonTab);
  // The first answer is a guest's.
  await player.answerCorrectly(lesson.items[0]);
  const signedIn = (value) => lessonTab.locator(`[data-testid=sync-indicator] [data-signed-in="${value}"]`);
  await signedIn(false).waitFor();

  const accountTab = await context.newPage();
  await signIn(accountTab, learner);
  if (!withoutBroadcastChannel) await signedIn(true).waitFor();
  // The learner goes back to the lesson's tab (a tab behind another has its timers slowed).
  await lessonTab.bringToFront();
  for (const item of lesson.items.slice(1)) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();
  await signedIn(true).waitFor();

  const expected = lesson.items.length + 1;
  // Each look at the server signs in with HTTP Basic (an Argon2 check in a debug build), so
  // the wait is given more time than the other tests'.
  const stored = await waitForServerCount(learner, expected, 90_000);
  assert.equal(stored.length, expected, 'every answer of the lesson tab reached the account');
  assertNoDuplicates(stored);
  const actor = await actorOf(learner);
  for (const statement of stored) assert.deepEqual(statement.actor, actor);

  await accountTab.getByTestId('sign-out').click();
  await accountTab.getByTestId('sign-in-form').waitFor();
  if (!withoutBroadcastChannel) await signedIn(false).waitFor();
  await context.close();
}

test('signing in and out in one tab is seen by the other, and its answers go to the account', async () => {
  await signInWhileALessonIsOpenInAnotherTab('tab-learner', 'consonants-1', { withoutBroadcastChannel: false });
});

test('a tab that never hears of the sign-in still records for the account', async () => {
  await signInWhileALessonIsOpenInAnotherTab('stale-tab-learner', 'consonants-3', { withoutBroadcastChannel: true });
});
