// A learner's own account on "Me": changing the password signs other devices out, "sign out on
// every device" ends every session, and deleting the account removes it and its answers from
// the server and from this device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, createLearner, serverAndBrowserForThisFile, signInOnAccountPage } from './harness.mjs';

const running = serverAndBrowserForThisFile();

async function api(method, path, { token, basic, body } = {}) {
  const headers = { 'x-experience-api-version': '2.0.0' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (basic) headers.authorization = `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${running.server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
  return { status: response.status, body: parsed };
}

async function signInByApi(username, password) {
  return api('POST', '/api/sessions', { body: { username, password } });
}

/** How many statements about `accountId` this page's IndexedDB log holds. */
function localStatementsOf(page, accountId) {
  return page.evaluate((id) => new Promise((resolve, reject) => {
    const opening = indexedDB.open('baeum');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const database = opening.result;
      const reading = database.transaction('statements').objectStore('statements').getAll();
      reading.onsuccess = () => {
        database.close();
        const text = (record) => JSON.stringify(record);
        resolve(reading.result.filter((record) => text(record).includes(id)).length);
      };
      reading.onerror = () => reject(reading.error);
    };
  }), accountId);
}

test('a learner changes the password, signs out everywhere and deletes the account from Me', async () => {
  const learner = await createLearner(running.server.url, 'leaving-learner');
  const me = await api('GET', '/api/me', { basic: learner });
  const accountId = me.body.id;
  // An answer recorded on another device, already on the server.
  const posted = await api('POST', '/xapi/statements', {
    basic: learner,
    body: {
      actor: me.body.actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
      object: { id: 'https://baeum.example/lessons/elsewhere' },
      timestamp: '2030-01-01T09:00:00.000Z',
    },
  });
  assert.equal(posted.status, 200, JSON.stringify(posted.body));
  const otherDevice = await signInByApi(learner.username, learner.password);
  assert.equal(otherDevice.status, 200);

  const context = await running.browser.newContext();
  const page = await context.newPage();
  await signInOnAccountPage(page, running.server.url, learner);
  await page.getByTestId('account-actions').waitFor();
  assert.deepEqual(await axeViolations(page), [], "Me with the account's actions passes axe");
  // Sync brings the answer from the other device onto this one.
  await page.waitForFunction(async (id) => {
    const count = await new Promise((resolve) => {
      const opening = indexedDB.open('baeum');
      opening.onsuccess = () => {
        const reading = opening.result.transaction('statements').objectStore('statements').getAll();
        reading.onsuccess = () => { opening.result.close(); resolve(reading.result.filter((r) => JSON.stringify(r).includes(id)).length); };
      };
    });
    return count > 0;
  }, accountId, { timeout: 30_000, polling: 250 });

  // A wrong current password changes nothing.
  await page.getByTestId('current-password').fill('not my password');
  await page.getByTestId('new-password').fill('a brand new password');
  await page.getByTestId('change-password').click();
  await page.locator('[data-testid=account-action-result][data-problem=true]').waitFor();
  assert.equal((await api('GET', '/api/me', { token: otherDevice.body.token })).status, 200);

  await page.getByTestId('current-password').fill(learner.password);
  await page.getByTestId('new-password').fill('a brand new password');
  await page.getByTestId('change-password').click();
  await page.getByTestId('account-action-result').filter({ hasText: 'Password changed' }).waitFor();
  assert.equal((await api('GET', '/api/me', { token: otherDevice.body.token })).status, 401, 'the other device is signed out');
  assert.equal((await signInByApi(learner.username, learner.password)).status, 401, 'the old password no longer works');
  await page.getByTestId('signed-in-as').waitFor();

  const laterDevice = await signInByApi(learner.username, 'a brand new password');
  assert.equal(laterDevice.status, 200);
  await page.getByTestId('sign-out-everywhere').click();
  await page.getByTestId('sign-in-form').waitFor();
  assert.equal((await api('GET', '/api/me', { token: laterDevice.body.token })).status, 401, 'every session ended');

  await page.getByTestId('username').fill(learner.username);
  await page.getByTestId('password').fill('a brand new password');
  await page.getByTestId('sign-in').click();
  await page.getByTestId('account-actions').waitFor();
  assert.match(await page.getByTestId('delete-account-explained').innerText(), /saved as a file is the school's copy/);
  assert.ok(await page.getByTestId('delete-account').isDisabled(), 'deletion waits for the confirmation');
  await page.getByTestId('delete-password').fill('a brand new password');
  await page.getByTestId('delete-confirm').check();
  await page.getByTestId('delete-account').click();
  await page.getByTestId('account-action-result').filter({ hasText: 'account was deleted' }).waitFor();
  await page.getByTestId('sign-in-form').waitFor();

  assert.equal((await signInByApi(learner.username, 'a brand new password')).status, 401, 'the account is gone');
  assert.equal(await localStatementsOf(page, accountId), 0, "this device forgot the account's answers");
  const session = await page.evaluate(() => new Promise((resolve, reject) => {
    const opening = indexedDB.open('baeum');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const reading = opening.result.transaction('session').objectStore('session').get('current');
      reading.onsuccess = () => { opening.result.close(); resolve(reading.result ?? null); };
    };
  }));
  assert.equal(session, null, 'and its session');
  await context.close();
});

test("a teacher's account is made in the teachers' app with an admin's invitation; learners choose no role", async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${running.server.url}/me`);
  await page.getByTestId('sign-in-form').waitFor();
  assert.equal(await page.getByTestId('role').count(), 0, 'no learner/teacher choice');
  assert.equal(await page.getByTestId('invitation-code').count(), 0);

  await page.goto(`${running.server.url}/teach`);
  await page.getByTestId('teach-signed-out').waitFor();
  await page.getByTestId('username').fill('new-teacher');
  await page.getByTestId('password').fill('a teacher password');
  await page.getByTestId('sign-up').click();
  await page.getByTestId('account-problem').filter({ hasText: 'invitation code' }).waitFor();
  assert.equal((await signInByApi('new-teacher', 'a teacher password')).status, 401, 'nothing was created');

  await page.getByTestId('invitation-code').fill(running.server.inviteTeacher().toLowerCase());
  await page.getByTestId('sign-up').click();
  await page.getByTestId('teach-signed-out').waitFor({ state: 'detached' });
  const session = await signInByApi('new-teacher', 'a teacher password');
  assert.equal(session.status, 200);
  assert.equal(session.body.account.role, 'teacher');
  await context.close();
});
