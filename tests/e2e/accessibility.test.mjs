// axe-core (from npm, injected into the page) checks every page a learner can open against
// WCAG 2.2 A and AA rules, with zero violations allowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, serverAndBrowserForThisFile, sidewaysOverflow, visitEveryPage } from './harness.mjs';

const running = serverAndBrowserForThisFile();

test('every page a learner can open has no WCAG 2.2 A or AA violations that axe-core finds', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  await visitEveryPage(page, running.server.url, async (path) => {
    for (const violation of await axeViolations(page)) problems.push(`${path}: ${violation}`);
  });
  await context.close();
  assert.deepEqual(problems, []);
});

test('with text at 200% on a 360-px phone, no page scrolls sideways', async () => {
  const context = await running.browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const problems = [];
  await visitEveryPage(page, running.server.url, async (path) => {
    // What a browser's text-size setting does: every rem and em doubles. Set through CSSOM: a
    // <style> element is inline style, which the page's Content-Security-Policy refuses.
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%', 'important'));
    const overflow = await sidewaysOverflow(page);
    if (overflow) problems.push(`${path}: ${overflow}`);
  });
  await context.close();
  assert.deepEqual(problems, []);
});
