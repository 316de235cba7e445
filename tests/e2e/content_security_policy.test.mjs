// The Content-Security-Policy in the browser: every page of both apps is served with it and
// starts under it (every other test fails on any violation, see harness.mjs), and the harness's
// check really sees what the policy refuses: inline script and inline style in a page, and a
// fetch to another origin from the service worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, LEARNER_PAGES, serverAndBrowserForThisFile, waitForCspViolation } from './harness.mjs';

const running = serverAndBrowserForThisFile();

test('every page of both apps is served with the policy and has no inline script', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  for (const [path, readyTestId] of LEARNER_PAGES) {
    const response = await page.goto(`${running.server.url}${path}`);
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/, `${path}: ${policy}`);
    assert.match(policy, /(^|; )style-src 'self'(;|$)/, `${path}: ${policy}`);
    assert.match(policy, /(^|; )frame-ancestors 'none'(;|$)/, `${path}: ${policy}`);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff', path);
    assert.equal(response.headers()['referrer-policy'], 'no-referrer', path);
    await app.waitReady();
    await page.getByTestId(readyTestId).first().waitFor();
    const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src]), style')]
      .map((element) => element.outerHTML.slice(0, 80)));
    assert.deepEqual(inline, [], `${path} holds inline code`);
  }
  await context.close();
});

test('an inline script put into the page is refused, and the harness reports it', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await new AppPage(page, running.server.url).open('/');
  // An allowed inline script runs as it is inserted, so "not yet run" right after is "refused".
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.head.append(script);
    return window.injectedScriptRan === true;
  });
  assert.equal(ran, false, 'the inline script ran');
  const reported = await waitForCspViolation((violation) => violation.directive === 'script-src-elem');
  assert.ok(reported.some((violation) => violation.page === `${running.server.url}/`), JSON.stringify(reported));
  await context.close();
});

test('an inline style attribute is refused, and the harness reports it', async () => {
  const context = await running.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await new AppPage(page, running.server.url).open('/');
  const applied = await page.evaluate(() => {
    const marker = document.createElement('p');
    marker.textContent = 'styled?';
    document.body.append(marker);
    marker.setAttribute('style', 'display: none');
    return getComputedStyle(marker).display === 'none';
  });
  assert.equal(applied, false, 'the style attribute was applied');
  const reported = await waitForCspViolation((violation) => violation.directive === 'style-src-attr');
  assert.ok(reported.length > 0);
  await context.close();
});

test('a fetch to another origin from the service worker is refused, and the harness reports it', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/');
  await app.waitForServiceWorker();
  const [worker] = context.serviceWorkers();
  assert.ok(worker, 'the service worker is running');
  const outcome = await worker.evaluate(
    () => fetch('http://elsewhere.invalid/steal').then(() => 'fetched', (error) => `refused: ${error}`),
  );
  assert.match(outcome, /^refused/);
  const reported = await waitForCspViolation((violation) => (violation.console ?? '').includes('elsewhere.invalid'));
  assert.ok(reported.length > 0);
  await context.close();
});
