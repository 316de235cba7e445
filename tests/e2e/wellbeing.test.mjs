// A pupil who is struggling (issue 23): she taps a sad face on home's check-in and "I would like
// to talk to someone"; only the teacher of the class she chose sees it, another class's teacher
// does not, and she sees where to get help in her own language. A check-in made offline arrives
// once the phone is online again. The help page passes axe in every interface language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AppPage, axeViolations, serverAndBrowserForThisFile, signInOnAccountPage } from './harness.mjs';

const running = serverAndBrowserForThisFile();

const CHECKED_IN = 'https://baeum.invalid/xapi/verbs/checked-in';

async function api(method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (path.startsWith('/xapi/')) headers['x-experience-api-version'] = '2.0.0';
  const response = await fetch(`${running.server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** An account made through the API (a teacher with an invitation), with its session. */
async function createAccount(username, role) {
  const password = `${username} password 1`;
  const body = role === 'teacher'
    ? { username, password, invitation: running.server.inviteTeacher() }
    : { username, password };
  const created = await api('POST', '/api/accounts', { body });
  assert.ok([200, 201].includes(created.status), `account ${username}: ${JSON.stringify(created.body)}`);
  const session = await api('POST', '/api/sessions', { body: { username, password } });
  assert.equal(session.status, 200);
  return { username, password, token: session.body.token };
}

async function createClass(teacher, name) {
  const created = await api('POST', '/api/classes', { token: teacher.token, body: { name } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

async function join(learner, joinCode) {
  const joined = await api('POST', '/api/classes/join', { token: learner.token, body: { join_code: joinCode } });
  assert.equal(joined.status, 200, JSON.stringify(joined.body));
}

/** The check-ins the server holds for `reader`'s own reading (xAPI, filtered by the verb). */
async function checkInsReadBy(reader) {
  const found = await api('GET', `/xapi/statements?verb=${encodeURIComponent(CHECKED_IN)}`, { token: reader.token });
  assert.equal(found.status, 200, JSON.stringify(found.body));
  return found.body.statements;
}

async function waitForCheckIns(reader, count) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const statements = await checkInsReadBy(reader);
    if (statements.length >= count) return statements;
    assert.ok(Date.now() < deadline, `${count} check-ins did not reach the server: ${statements.length}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A signed-in browser for `account`: a learner through the account page, a teacher too. */
async function signedIn(account, contextOptions = {}) {
  const context = await running.browser.newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  const app = await signInOnAccountPage(page, running.server.url, account);
  return { context, page, app };
}

/** Answers home's check-in: a face, maybe the wish to talk, and who may see it. */
async function checkIn(page, { face, talk = false, share = null, words = '' }) {
  const card = page.getByTestId('check-in');
  await card.waitFor();
  // A face is a radio button behind its picture: the pupil taps the picture (its label). The
  // pictures are drawn (SVG), not emoji, which a phone without an emoji font shows as boxes.
  assert.equal(await card.locator('label.check-in-face svg').count(), 5);
  assert.equal(await card.locator('label.check-in-face').filter({ hasText: /\p{Extended_Pictographic}/u }).count(), 0);
  await page.locator(`label[for="check-in-face-${face}"]`).click();
  assert.equal(await page.getByTestId(`check-in-face-${face}`).isChecked(), true);
  if (words) await page.getByTestId('check-in-words').fill(words);
  if (talk) await page.getByTestId('check-in-talk').check();
  if (share) {
    // The learner's classes arrive from the server after the card shows.
    await page.locator(`[data-testid=check-in-share] option[value="${share}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('check-in-share').selectOption(share);
  }
  await page.getByTestId('check-in-save').click();
  await page.getByTestId('check-in-saved').waitFor();
}

/**
 * Home offers the check-in once a day, to each pupil on every device: the next day comes by
 * the browser's clock, set a day on (Playwright's clock, installed at the first call; it flows
 * on from there). `setSystemTime` moves it without firing the app's timers at once, as
 * `fastForward` would (no browser does that). The server takes a statement dated ahead.
 */
const daysAhead = new WeakMap();
async function nextDay(page) {
  const context = page.context();
  if (!daysAhead.has(context)) await context.clock.install();
  const days = (daysAhead.get(context) ?? 0) + 1;
  daysAhead.set(context, days);
  await context.clock.setSystemTime(Date.now() + days * 24 * 3600 * 1000);
}

async function wellbeingOnClassPage(page, app, classId) {
  await app.open(`/teach/classes/${classId}`);
  const panel = page.getByTestId('class-wellbeing');
  await panel.waitFor();
  await page.locator('[data-testid=wellbeing-none], [data-testid=wellbeing-learner]').first().waitFor();
  return panel;
}

test('a check-in is the pupil\'s alone until shared, and then only the chosen class\'s teacher sees it', async () => {
  const kim = await createAccount('ms-kim', 'teacher');
  const lee = await createAccount('mr-lee', 'teacher');
  const mina = await createAccount('mina', 'learner');
  const korean = await createClass(kim, 'Korean 1');
  const science = await createClass(lee, 'Science 4');
  await join(mina, korean.join_code);
  await join(mina, science.join_code);

  const pupil = await signedIn(mina);
  await pupil.app.open('/');
  await pupil.page.getByTestId('check-in').waitFor();
  assert.deepEqual(await axeViolations(pupil.page), [], 'home with the check-in passes axe');
  await checkIn(pupil.page, { face: 2, talk: true, words: 'I miss my friends' });
  // A low check-in shows where to get help.
  await pupil.page.getByTestId('check-in-help-link').waitFor();
  const mine = await waitForCheckIns(mina, 1);
  assert.equal(mine[0].result.response, 'I miss my friends');

  // Neither teacher sees it: not on the class page, not through xAPI.
  const teacherKim = await signedIn(kim);
  const kimsPanel = await wellbeingOnClassPage(teacherKim.page, teacherKim.app, korean.id);
  assert.equal(await kimsPanel.getByTestId('wellbeing-learner').count(), 0);
  assert.deepEqual(await checkInsReadBy(kim), []);

  // The next day she shares with Ms Kim's class and asks to talk.
  await nextDay(pupil.page);
  await pupil.app.open('/');
  await checkIn(pupil.page, { face: 1, talk: true, share: korean.id });
  await waitForCheckIns(mina, 2);

  await wellbeingOnClassPage(teacherKim.page, teacherKim.app, korean.id);
  const shown = teacherKim.page.locator('[data-testid=wellbeing-learner][data-learner=mina]');
  await shown.waitFor();
  assert.equal(await shown.getByTestId('wellbeing-request').count(), 1, 'her open request');
  assert.equal(await teacherKim.page.getByText('I miss my friends').count(), 0, 'the unshared one stays hers');
  assert.deepEqual(await axeViolations(teacherKim.page), [], 'the class page with a shared check-in passes axe');
  // Offline, the class page reopens with what she shared, saying as of when.
  await teacherKim.app.waitForServiceWorker();
  await teacherKim.context.setOffline(true);
  await teacherKim.page.reload();
  await teacherKim.app.waitReady();
  await teacherKim.page.locator('[data-testid=wellbeing-learner][data-learner=mina] [data-testid=wellbeing-request]').waitFor();
  await teacherKim.page.getByTestId('class-wellbeing-as-of').filter({ hasText: 'As of' }).waitFor();
  await teacherKim.context.setOffline(false);
  await teacherKim.app.open('/teach');
  await teacherKim.page.locator('[data-testid=open-requests][data-count="1"]').waitFor();

  // Mr Lee, her science teacher, sees nothing of it.
  const teacherLee = await signedIn(lee);
  const leesPanel = await wellbeingOnClassPage(teacherLee.page, teacherLee.app, science.id);
  assert.equal(await leesPanel.getByTestId('wellbeing-learner').count(), 0);
  await teacherLee.app.open('/teach');
  await teacherLee.page.locator('[data-testid=open-requests][data-count="0"]').waitFor();
  assert.deepEqual(await checkInsReadBy(lee), []);

  // Ms Kim marks the request seen: it is no longer open.
  await wellbeingOnClassPage(teacherKim.page, teacherKim.app, korean.id);
  await teacherKim.page.getByTestId('wellbeing-mark-seen').click();
  await teacherKim.page.getByTestId('wellbeing-request').waitFor({ state: 'detached' });
  // It stays in her recent check-ins, marked with when it was seen.
  await teacherKim.page.getByTestId('wellbeing-request-seen').waitFor();
  await teacherKim.app.open('/teach');
  await teacherKim.page.locator('[data-testid=open-requests][data-count="0"]').waitFor();

  // The help link leads to the help page.
  await pupil.app.open('/');
  await nextDay(pupil.page);
  await pupil.app.open('/');
  await checkIn(pupil.page, { face: 1 });
  await pupil.page.getByTestId('check-in-help-link').click();
  await pupil.page.getByTestId('help-line').first().waitFor();
  for (const opened of [pupil, teacherKim, teacherLee]) await opened.context.close();
});

test('a check-in made offline arrives once the connection returns, and another device does not ask again that day', async () => {
  const joon = await createAccount('joon', 'learner');
  const pupil = await signedIn(joon);
  await pupil.app.waitForServiceWorker();
  await pupil.app.open('/');
  await pupil.page.getByTestId('check-in').waitFor();
  await pupil.context.setOffline(true);
  await checkIn(pupil.page, { face: 4, words: 'good day' });
  await pupil.page.waitForFunction(
    () => document.querySelector('[data-testid=sync-indicator] [data-waiting]')?.getAttribute('data-waiting') === '1',
  );
  assert.deepEqual(await checkInsReadBy(joon), [], 'nothing reached the server while offline');
  // The help page opens offline too.
  await pupil.app.open('/help');
  await pupil.page.getByTestId('help-line').first().waitFor();

  await pupil.context.setOffline(false);
  const arrived = await waitForCheckIns(joon, 1);
  assert.equal(arrived.length, 1);
  assert.equal(arrived[0].result.score.raw, 4);

  // Once a day for the pupil, not for each device: her laptop, signed in the same day, pulls
  // the check-in and does not ask again (the card, shown while home is read, is hidden).
  const laptop = await signedIn(joon);
  await laptop.app.open('/');
  await laptop.page.waitForFunction(
    () => document.querySelector('[data-testid=check-in]')?.hidden === true,
    null,
    { timeout: 30_000 },
  );
  await laptop.context.close();
  await pupil.context.close();
});

const LOCALES = { ko: 'ko-KR', en: 'en-US', vi: 'vi-VN', ru: 'ru-RU', kk: 'kk-KZ', th: 'th-TH', tr: 'tr-TR', mn: 'mn-MN', zh: 'zh-CN' };

function helpTitle(tag) {
  const source = readFileSync(new URL(`../../locales/${tag}.ftl`, import.meta.url), 'utf8');
  return /^help-title = (.*)$/m.exec(source)[1].trim();
}

for (const [tag, locale] of Object.entries(LOCALES)) {
  test(`the help page in ${tag} lists the help lines and passes axe`, async () => {
    const context = await running.browser.newContext({ locale, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const app = new AppPage(page, running.server.url);
    await app.open('/help');
    await page.getByTestId('help-line').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), tag);
    assert.equal((await page.locator('h1').innerText()).trim(), helpTitle(tag));
    // Korea's lines first: the youth line 1388 and Danuri 1577-1366 can be called from the page.
    const calls = await page.getByTestId('help-line-call').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    assert.ok(calls.includes('tel:1388') && calls.includes('tel:15771366'), calls.join(' '));
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}

test('on a shared device the next pupil\'s export holds none of the previous pupil\'s check-ins, and a private wish to talk says nobody was told', async () => {
  const mina = await createAccount('mina-shared', 'learner');
  const tuan = await createAccount('tuan-shared', 'learner');
  const first = await signedIn(mina);
  await first.app.open('/');
  await checkIn(first.page, { face: 1, talk: true, words: 'miss home' });
  // Kept to herself: the app must not let her believe a teacher will come.
  assert.match(await first.page.getByTestId('check-in-talk-note').innerText(), /Only you can see this/);
  await waitForCheckIns(mina, 1);

  // She signs out; the next pupil signs in on the same browser.
  await first.app.open('/me');
  await first.page.getByTestId('sign-out').click();
  await first.page.getByTestId('sign-in').waitFor();
  await first.page.getByTestId('username').fill(tuan.username);
  await first.page.getByTestId('password').fill(tuan.password);
  await first.page.getByTestId('sign-in').click();
  await first.page.getByTestId('signed-in-as').waitFor();
  // A guest is never offered a check-in (whoever signs in next would take it over); he is,
  // the same day: she answered today, he did not.
  await first.app.open('/');
  await checkIn(first.page, { face: 4 });

  await first.app.open('/history');
  await first.page.getByTestId('export-with-check-ins').check();
  const downloading = first.page.waitForEvent('download');
  await first.page.getByTestId('export-history').click();
  const statements = JSON.parse(readFileSync(await (await downloading).path(), 'utf8'));
  const checkIns = statements.filter((statement) => statement.verb?.id === CHECKED_IN);
  assert.equal(checkIns.length, 1, JSON.stringify(checkIns));
  assert.equal(checkIns.every((statement) => JSON.stringify(statement).includes('miss home')), false);
  await first.context.close();
});

test('a pupil stops sharing on the Device page, even offline, and the teacher no longer sees her check-ins', async () => {
  const park = await createAccount('ms-park', 'teacher');
  const sora = await createAccount('sora-stops', 'learner');
  const korean = await createClass(park, 'Korean 2');
  await join(sora, korean.join_code);

  const pupil = await signedIn(sora);
  await pupil.app.waitForServiceWorker();
  await pupil.app.open('/');
  await checkIn(pupil.page, { face: 2, talk: true, share: korean.id, words: 'new school is hard' });
  await waitForCheckIns(sora, 1);
  const shared = async () => (await api('GET', `/api/classes/${korean.id}/wellbeing`, { token: park.token })).body.learners;
  assert.equal((await shared()).length, 1, 'Ms Park sees the shared check-in');

  // The Device page lists Ms Park with one shared answer.
  await pupil.app.open('/settings');
  const row = pupil.page.getByTestId('shared-class');
  await row.waitFor();
  assert.match(await row.innerText(), /ms-park, teacher of Korean 2 · 1 answer/);
  assert.deepEqual(await axeViolations(pupil.page), [], 'the Device page with a shared check-in passes axe');

  // Offline, she stops sharing: the withdrawal waits in the outbox.
  await pupil.context.setOffline(true);
  await row.getByTestId('stop-sharing').click();
  await pupil.page.getByTestId('sharing-stopped').waitFor();
  await pupil.page.getByTestId('shared-check-ins-none').waitFor();
  assert.equal((await shared()).length, 1, 'nothing reached the server while offline');

  await pupil.context.setOffline(false);
  const deadline = Date.now() + 60_000;
  while ((await shared()).length > 0) {
    assert.ok(Date.now() < deadline, 'the withdrawal did not reach the server');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Her teacher's panel lists nobody, and the request to talk is no longer open.
  const teacher = await signedIn(park);
  const panel = await wellbeingOnClassPage(teacher.page, teacher.app, korean.id);
  assert.equal(await panel.getByTestId('wellbeing-learner').count(), 0);
  assert.equal(await teacher.page.getByText('new school is hard').count(), 0);
  const open = await api('GET', '/api/wellbeing/open-requests', { token: park.token });
  assert.equal(open.body.open, 0);
  // Reloaded, the Device page still says nothing is shared.
  await pupil.page.reload();
  await pupil.page.getByTestId('shared-check-ins-none').waitFor();
  for (const opened of [pupil, teacher]) await opened.context.close();
});
