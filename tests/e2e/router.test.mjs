// The learners' app routes itself (src/router.rs): a link into the app opens its page without a
// page load and at the top, back and forward follow, the menu marks the page shown, an unknown
// address shows the not-found page, and the browser keeps the clicks that are not the app's (a
// link opened in a new tab, the skip link to a place on the same page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

/** The names of the main menu's links marked as the current page. */
function currentInMenu(page) {
  return page.locator('nav.app-nav a[aria-current="page"]').allInnerTexts();
}

/** Marks the document, so that a page load (which makes a new one) shows. */
async function markDocument(page) {
  await page.evaluate(() => { window.routerTestDocument = true; });
}

async function sameDocument(page) {
  return page.evaluate(() => window.routerTestDocument === true);
}

function pathOf(page) {
  return new URL(page.url()).pathname;
}

test('links open pages in the running app, at the top; back and forward follow; the menu marks the page', async () => {
  const context = await running.browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 360, height: 640 },
  });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await markDocument(page);
  assert.deepEqual(await currentInMenu(page), ['Courses']);

  await app.navigate('Device');
  await page.getByTestId('settings-page').waitFor();
  assert.equal(pathOf(page), '/settings');
  assert.deepEqual(await currentInMenu(page), ['Device']);

  await page.goBack();
  await page.getByTestId('course-hangul').waitFor();
  assert.equal(pathOf(page), '/');
  assert.deepEqual(await currentInMenu(page), ['Courses']);

  await page.getByTestId('course-hangul').getByRole('link').click();
  await page.getByTestId('course-page').getByRole('heading', { level: 1 }).waitFor();
  assert.equal(pathOf(page), '/courses/hangul');
  assert.deepEqual(await currentInMenu(page), []);

  // The course's last lesson is far down a phone's screen; its lesson opens at the top.
  const lastLesson = page.locator('[data-testid^="lesson-link-"]').last();
  await lastLesson.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the course page was scrolled down');
  const lessonPath = new URL(await lastLesson.evaluate((link) => link.href)).pathname;
  await lastLesson.click();
  await page.getByTestId('lesson-page').waitFor();
  assert.equal(pathOf(page), lessonPath);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the lesson opens at the top');

  await page.goBack();
  await page.getByTestId('course-page').getByRole('heading', { level: 1 }).waitFor();
  assert.equal(pathOf(page), '/courses/hangul');
  await page.goForward();
  await page.getByTestId('lesson-page').waitFor();
  assert.equal(pathOf(page), lessonPath);
  assert.ok(await sameDocument(page), 'no page load on the way');
  await context.close();
});

test('an unknown address shows the not-found page, whose link goes home inside the app', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses');
  await page.getByTestId('not-found').waitFor();
  await markDocument(page);
  await page.getByTestId('not-found').getByRole('link').click();
  await page.getByTestId('course-hangul').waitFor();
  assert.equal(pathOf(page), '/');
  assert.ok(await sameDocument(page), 'no page load');
  await context.close();
});

test('the browser keeps a link opened in a new tab, and the skip link moves the focus', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await markDocument(page);

  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: 'Device', exact: true }).click({ modifiers: ['ControlOrMeta'] }),
  ]);
  await opened.waitForURL(/\/settings$/);
  assert.equal(pathOf(page), '/', 'the first tab stays where it was');
  await opened.close();

  // The skip link, used from the keyboard as it is meant to be.
  await page.locator('a.skip-link').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.location.hash === '#main');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.getByTestId('course-hangul').waitFor();
  assert.ok(await sameDocument(page), 'no page load');
  await context.close();
});
