// axe-core (from npm, injected into the page) checks every page a learner can open against
// WCAG 2.2 A and AA rules, with zero violations allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, axeViolations, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();
// Each page with what to wait for before scanning it.
const PAGES = [
  ['/', 'course-hangul'],
  ['/courses/hangul', 'download-status'],
  ['/courses/hangul/vowels-1', 'item'],
  ['/review', 'review-page'],
  ['/history', 'history-page'],
  ['/settings', 'downloaded-courses'],
  ['/me', 'account-page'],
  ['/classes', 'classes-signed-out'],
  ['/teach', 'teach-signed-out'],
  ['/no-such-page', 'not-found'],
];

/** Opens each of PAGES in turn and, once it shows what it is for, runs `check(path)`. */
async function visitEveryPage(page, check) {
  const app = new AppPage(page, running.server.url);
  for (const [path, readyTestId] of PAGES) {
    await app.open(path);
    await page.getByTestId(readyTestId).first().waitFor();
    await check(path);
  }
}

test('every page a learner can open has no WCAG 2.2 A or AA violations that axe-core finds', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  await visitEveryPage(page, async (path) => {
    for (const violation of await axeViolations(page)) problems.push(`${path}: ${violation}`);
  });
  await context.close();
  assert.deepEqual(problems, []);
});

test('with text at 200% on a 360-px phone, no page scrolls sideways', async () => {
  const context = await running.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = [];
  await visitEveryPage(page, async (path) => {
    // What a browser's text-size setting does: every rem and em doubles.
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 1 && getComputedStyle(element).position !== 'absolute')
        .map((element) => element.dataset.testid || element.className || element.tagName.toLowerCase())
        .slice(0, 5);
      return { scrollWidth: document.documentElement.scrollWidth, width, wide };
    });
    if (overflow.scrollWidth > overflow.width) {
      problems.push(`${path}: ${overflow.scrollWidth} px wide in ${overflow.width} px (${overflow.wide.join(', ')})`);
    }
  });
  await context.close();
  assert.deepEqual(problems, []);
});
