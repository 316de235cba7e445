// The app shell installs and then starts with the network off, and with the server stopped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppPage, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

test('the shell is installable and starts offline, then without a server', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);

  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await app.waitForServiceWorker();
  assert.equal(await app.connection().getAttribute('data-online'), 'true');

  // Chromium itself says the app can be installed.
  const devtools = await context.newCDPSession(page);
  const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito windows, where Chromium never offers installation;
  // every other reason would be the app's fault.
  const appErrors = installabilityErrors.filter((error) => error.errorId !== 'in-incognito');
  assert.deepEqual(appErrors, [], 'no installability errors');
  await devtools.detach();

  // Visit a course online once, so its outline is cached.
  await page.getByTestId('course-hangul').getByRole('link').click();
  await page.getByTestId('course-page').getByRole('heading', { level: 1 }).waitFor();

  await context.setOffline(true);
  await page.reload();
  await app.waitReady();
  await page.locator('[data-testid=connection][data-online=false]').waitFor({ timeout: 5000 });
  await page.getByTestId('course-page').getByRole('heading', { level: 1 }).waitFor();
  await app.navigate('Device');
  await page.getByTestId('settings-page').waitFor();
  assert.match(await page.getByTestId('connection-detail').innerText(), /Offline/);
  await app.navigate('Courses');
  await page.getByTestId('course-hangul').waitFor();

  // The school's server is switched off entirely; the app still starts.
  await context.setOffline(false);
  await running.server.stop();
  await page.reload();
  await app.waitReady();
  await page.getByTestId('home-page').waitFor();
  await page.getByTestId('course-hangul').waitFor();
  await context.close();
  await running.server.launch();
});

test('a new deployment is offered as "update ready" without breaking the open page', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/settings');
  await app.waitForServiceWorker();

  // Deploy a new version: any change to the service worker script is a new version.
  // The precompressed copies are what browsers get, so they go as a new build would replace them.
  appendFileSync(join(running.server.dist, 'sw.js'), '\n// deployment 2\n');
  rmSync(join(running.server.dist, 'sw.js.gz'), { force: true });
  rmSync(join(running.server.dist, 'sw.js.br'), { force: true });
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((registration) => registration.update()));
  await page.getByTestId('update-ready').waitFor({ timeout: 30_000 });
  // The open page still works while the update waits.
  await page.getByTestId('settings-page').waitFor();

  const reloaded = page.waitForEvent('load');
  await page.getByTestId('update-ready').getByRole('button', { name: 'Update now' }).click();
  await reloaded;
  await app.waitReady();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.equal(await page.getByTestId('update-ready').count(), 0);
  await context.close();
});

test('unknown addresses show a way back, not a blank page', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/no/such/page');
  await page.getByTestId('not-found').waitFor();
  await app.navigate('Back to your courses');
  await page.getByTestId('home-page').waitFor();
  await context.close();
});
