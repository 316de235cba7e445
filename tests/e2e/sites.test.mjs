// One server, several sites (issue 19): each site's host shows its own name and courses, from
// the first screen on and offline, and a learner who moves from one site to another signs in
// there and finds their history, stored once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppPage,
  LessonPlayerPage,
  createLearner,
  fetchLesson,
  serverAndBrowserForThisFile,
  signInOnAccountPage,
  waitOrExplain,
} from './harness.mjs';

const running = serverAndBrowserForThisFile(async ({ server }) => {
  server.site('set', 'naju', '--name', 'ko=나주', '--name', 'en=Naju', '--host', 'naju.localhost',
    '--course', 'hangul', '--course', 'science-basics');
  server.site('set', 'almaty', '--name', 'ru=Алматы', '--name', 'en=Almaty', '--host', 'almaty.localhost',
    '--course', 'hangul', '--course', 'survival-korean');
});

/** The course cards home shows, by course id. */
async function homeCourses(page) {
  await page.getByTestId('course-hangul').waitFor();
  return page.locator('[data-testid^="course-"].course-card, li[data-testid^="course-"]').evaluateAll(
    (cards) => cards.map((card) => card.dataset.testid.replace(/^course-/, '')).sort(),
  );
}

test('each site shows its own name and courses, on the first screen, in the app and offline', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const naju = running.server.siteUrl('naju.localhost');

  // The first screen, before the app: the site's name and only its courses.
  const response = await page.goto(`${naju}/`);
  assert.equal(response.status(), 200);
  const screen = page.getByTestId('first-screen');
  if (await screen.count()) {
    const cards = await screen.locator('[data-testid^="first-screen-course-"]').evaluateAll(
      (found) => found.map((card) => card.dataset.testid.replace('first-screen-course-', '')).sort(),
    );
    assert.deepEqual(cards, ['hangul', 'science-basics']);
  }
  const app = new AppPage(page, naju);
  await app.waitReady();
  assert.equal(await page.getByTestId('site-name').innerText(), 'Naju');
  assert.deepEqual(await homeCourses(page), ['hangul', 'science-basics']);

  // Offline, on another page, the header still names the site.
  await app.waitForServiceWorker();
  await context.setOffline(true);
  await app.open('/settings');
  assert.equal(await page.getByTestId('site-name').innerText(), 'Naju');
  await context.setOffline(false);

  // Another site on the same server: its own name and courses.
  const almaty = new AppPage(page, running.server.siteUrl('almaty.localhost'));
  await almaty.open('/');
  assert.equal(await page.getByTestId('site-name').innerText(), 'Almaty');
  assert.deepEqual(await homeCourses(page), ['hangul', 'survival-korean']);

  // The server's own address is no site's: every course, no site's name.
  const platform = new AppPage(page, running.server.url);
  await platform.open('/');
  await page.getByTestId('course-vietnamese-starter').waitFor();
  assert.equal(await page.getByTestId('site-name').count(), 0);
  await context.close();
});

test('a learner who moves to another site signs in there and finds their history, once', async () => {
  const learner = await createLearner(running.server.url, 'moves-to-almaty');
  const lesson = await fetchLesson(running.server.url, 'hangul', 'consonants-2');
  // One browser: each site is its own origin, so the second starts with nothing on the device.
  const context = await running.browser.newContext();
  const najuPage = await context.newPage();
  const naju = running.server.siteUrl('naju.localhost');
  const najuApp = await signInOnAccountPage(najuPage, naju, learner);
  await najuApp.open('/courses/hangul/consonants-2');
  const player = new LessonPlayerPage(najuPage);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();
  await najuPage.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.textContent.includes('Synced'), null, { timeout: 30_000 });

  const almatyPage = await context.newPage();
  const almaty = running.server.siteUrl('almaty.localhost');
  const almatyApp = await signInOnAccountPage(almatyPage, almaty, learner);
  await almatyApp.navigate('Courses');
  await waitOrExplain(almatyPage, almatyPage.getByTestId('progress-hangul'), 'the history pulled at the new site');
  await almatyPage.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.textContent.includes('Synced'), null, { timeout: 30_000 });
  await najuApp.open('/');
  await almatyApp.open('/');
  const progressOn = async (page) => page.getByTestId('progress-hangul').innerText();
  await almatyPage.getByTestId('progress-hangul').waitFor();
  await najuPage.getByTestId('progress-hangul').waitFor();
  assert.equal(await progressOn(almatyPage), await progressOn(najuPage));

  // The one store holds each answer once, whichever site it came through.
  const authorization = `Basic ${Buffer.from(`${learner.username}:${learner.password}`).toString('base64')}`;
  const answers = await (await fetch(`${running.server.url}/xapi/statements?limit=500`, {
    headers: { authorization, 'x-experience-api-version': '2.0.0' },
  })).json();
  const ids = answers.statements.map((statement) => statement.id);
  assert.equal(ids.length, lesson.items.length + 1, 'the answers and the completed lesson');
  assert.equal(new Set(ids).size, ids.length);
  await context.close();
});
