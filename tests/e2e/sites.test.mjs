// One server, several sites (issue 19): each site's host shows its own name and courses, from
// the first screen on and offline; a learner who moves from one site to another signs in
// there and finds their history, stored once; a teacher invited to one site teaches there,
// and another site's admin does not see that class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppPage,
  LessonPlayerPage,
  createLearner,
  fetchLesson,
  serverAndBrowserForThisFile,
  signIn,
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

  // The first screen, before the app (the page as served): the site's name and only its
  // courses.
  const response = await page.goto(`${naju}/`);
  assert.equal(response.status(), 200);
  const html = await response.text();
  const cards = [...html.matchAll(/data-testid="first-screen-course-([a-z0-9-]+)"/g)].map((found) => found[1]).sort();
  assert.deepEqual(cards, ['hangul', 'science-basics']);
  assert.match(html, /<span class="brand-site" lang="en" data-testid="site-name">Naju<\/span>/);
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

/** An account made through the API, and its session. */
async function accountWithSession(username, password, invitation) {
  const post = (path, body) => fetch(`${running.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const created = await post('/api/accounts', { username, password, invitation });
  assert.equal(created.status, 201, await created.text());
  const session = await post('/api/sessions', { username, password });
  assert.equal(session.status, 200);
  return session.json();
}

/** The invitation code `baeum-server admin invite-teacher` printed. */
function invitationTo(site) {
  const printed = running.server.admin('invite-teacher', '--site', site);
  return printed.match(/[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}/)[0];
}

test("a teacher invited to one site teaches there; another site's admin never sees the class", async () => {
  const teacherSession = await accountWithSession('ms-na', 'teacher-password-5', invitationTo('naju'));
  const adminSession = await accountWithSession('almaty-head', 'teacher-password-6', invitationTo('almaty'));
  assert.match(running.server.site('staff', 'almaty', 'almaty-head', 'admin'), /now admin/);

  const context = await running.browser.newContext();
  const page = await context.newPage();
  const naju = running.server.siteUrl('naju.localhost');
  const najuTeach = new AppPage(page, naju);
  await signIn(page, najuTeach, '/teach', 'teach-signed-out', 'ms-na', 'teacher-password-5', teacherSession);
  // The teachers' app names the site too.
  assert.equal(await page.getByTestId('site-name').innerText(), 'Naju');
  await page.getByTestId('new-class-name').fill('Naju 5-1');
  await page.getByTestId('create-class').click();
  const card = page.getByTestId('class-card').filter({ hasText: 'Naju 5-1' });
  await card.waitFor();
  await card.getByTestId('class-link').click();
  await page.getByTestId('class-page').waitFor();
  const classId = page.url().split('/').pop();

  // At Almaty's address the class is nobody's: not listed for its teacher, 404 for the
  // admin of Almaty.
  const almaty = running.server.siteUrl('almaty.localhost');
  const almatyPage = await context.newPage();
  const almatyTeach = new AppPage(almatyPage, almaty);
  await signIn(almatyPage, almatyTeach, '/teach', 'teach-signed-out', 'ms-na', 'teacher-password-5', teacherSession);
  assert.equal(await almatyPage.getByTestId('site-name').innerText(), 'Almaty');
  await almatyPage.getByTestId('no-classes').waitFor();
  assert.equal(await almatyPage.getByTestId('class-card').count(), 0);
  const asked = (token, id) => almatyPage.evaluate(async ([bearer, wanted]) => {
    const answers = [];
    for (const path of [`/api/classes/${wanted}`, `/api/classes/${wanted}/dashboard`, '/api/classes']) {
      const response = await fetch(path, { headers: { authorization: `Bearer ${bearer}` } });
      answers.push([response.status, path === '/api/classes' ? (await response.json()).classes.length : null]);
    }
    return answers;
  }, [token, id]);
  assert.deepEqual(await asked(adminSession.token, classId), [[404, null], [404, null], [200, 0]]);
  await context.close();
});

/** A learner joins a class on the classes page at `baseUrl`; returns the class's line. */
async function joinOnClassesPage(page, baseUrl, learner, joinCode) {
  const app = await signInOnAccountPage(page, baseUrl, learner);
  await app.open('/classes');
  await page.getByTestId('join-code').fill(joinCode);
  await page.getByTestId('join-class').click();
  const line = page.getByTestId('learner-class');
  await waitOrExplain(page, line.getByTestId('learner-class-schools'), 'the joint class in the list');
  return line;
}

test('a joint class: a Naju teacher and an Almaty teacher, learners of both, each school named', async () => {
  const najuSession = await accountWithSession('naju-exchange', 'teacher-password-7', invitationTo('naju'));
  const almatySession = await accountWithSession('almaty-exchange', 'teacher-password-8', invitationTo('almaty'));
  const context = await running.browser.newContext();

  // The Naju teacher makes the class and a teacher code for the partner school.
  const najuPage = await context.newPage();
  const naju = running.server.siteUrl('naju.localhost');
  const najuTeach = new AppPage(najuPage, naju);
  await signIn(najuPage, najuTeach, '/teach', 'teach-signed-out', 'naju-exchange', 'teacher-password-7', najuSession);
  await najuPage.getByTestId('new-class-name').fill('Naju–Almaty exchange');
  await najuPage.getByTestId('create-class').click();
  await najuPage.getByTestId('class-card').filter({ hasText: 'Naju–Almaty exchange' }).getByTestId('class-link').click();
  await najuPage.getByTestId('make-teacher-code').click();
  const teacherCode = await najuPage.getByTestId('teacher-code').getAttribute('data-code');
  const joinCode = await najuPage.getByTestId('join-code-display').getAttribute('data-code');
  assert.match(teacherCode, /^[A-Z2-9]{8}$/);

  // The Almaty teacher takes it up at Almaty's address and lands on its page.
  const almatyPage = await context.newPage();
  const almaty = running.server.siteUrl('almaty.localhost');
  const almatyTeach = new AppPage(almatyPage, almaty);
  await signIn(almatyPage, almatyTeach, '/teach', 'teach-signed-out', 'almaty-exchange', 'teacher-password-8', almatySession);
  await almatyPage.getByTestId('teacher-code-input').fill(teacherCode.toLowerCase());
  await almatyPage.getByTestId('take-up-class').click();
  await waitOrExplain(almatyPage, almatyPage.getByTestId('class-schools'), "the class's page at Almaty");
  assert.equal(await almatyPage.getByTestId('class-schools').innerText(), 'Schools: Naju, Almaty');
  assert.deepEqual(
    await almatyPage.getByTestId('class-teacher').evaluateAll((items) => items.map((item) => item.dataset.username)),
    ['naju-exchange', 'almaty-exchange'],
  );
  // The code is the owner's to give: not shown to the partner.
  assert.equal(await almatyPage.getByTestId('teacher-code').count(), 0);

  // A learner of each school joins at their own school's address with the one join code; the
  // class names both schools in the learner's language (Almaty's learner reads Russian).
  const najuLearner = await createLearner(running.server.url, 'naju-exchange-pupil');
  const almatyLearner = await createLearner(running.server.url, 'almaty-exchange-pupil');
  const najuLearnerPage = await (await running.browser.newContext()).newPage();
  const najuLine = await joinOnClassesPage(najuLearnerPage, naju, najuLearner, joinCode);
  assert.equal((await najuLine.getByTestId('learner-class-schools').innerText()).trim(), '· Naju, Almaty');
  const russianContext = await running.browser.newContext({ locale: 'ru-RU' });
  const almatyLearnerPage = await russianContext.newPage();
  const almatyLine = await joinOnClassesPage(almatyLearnerPage, almaty, almatyLearner, joinCode);
  assert.equal((await almatyLine.getByTestId('learner-class-schools').innerText()).trim(), '· Naju, Алматы');
  assert.match(await almatyLine.innerText(), /naju-exchange, almaty-exchange/);

  // Either teacher's dashboard shows both learners, and each school's alone when chosen.
  await almatyTeach.open(almatyPage.url().replace(almaty, ''));
  const dashboardLearners = () => almatyPage.getByTestId('dashboard-learner').evaluateAll(
    (items) => items.map((item) => item.dataset.username).sort(),
  );
  await waitOrExplain(almatyPage, almatyPage.getByTestId('dashboard-learner').nth(1), 'both learners on the dashboard');
  assert.deepEqual(await dashboardLearners(), ['almaty-exchange-pupil', 'naju-exchange-pupil']);
  await almatyPage.getByTestId('dashboard-site-filter').selectOption('naju');
  await almatyPage.waitForFunction(() => document.querySelectorAll('[data-testid=dashboard-learner]').length === 1);
  assert.deepEqual(await dashboardLearners(), ['naju-exchange-pupil']);
  await almatyPage.getByTestId('dashboard-site-filter').selectOption('');
  await almatyPage.waitForFunction(() => document.querySelectorAll('[data-testid=dashboard-learner]').length === 2);

  // The partner leaves: back on the list, where the class is no longer at Almaty.
  await almatyPage.getByTestId('leave-class').click();
  await almatyPage.getByTestId('teach-page').waitFor();
  await almatyPage.getByTestId('no-classes').waitFor();
  await russianContext.close();
  await najuLearnerPage.context().close();
  await context.close();
});

test("a site's admin chooses its courses, invites a teacher and reads its report in the teachers' app", async () => {
  const session = await accountWithSession('naju-runner', 'teacher-password-9', invitationTo('naju'));
  assert.match(running.server.site('staff', 'naju', 'naju-runner', 'admin'), /now admin/);
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const naju = running.server.siteUrl('naju.localhost');
  const teach = new AppPage(page, naju);
  await signIn(page, teach, '/teach', 'teach-signed-out', 'naju-runner', 'teacher-password-9', session);
  await page.getByTestId('site-link').click();
  await waitOrExplain(page, page.getByTestId('site-role'), "the site's page");
  assert.equal(await page.getByTestId('site-title').innerText(), 'Naju');
  assert.equal(await page.getByTestId('site-role').innerText(), 'You run this site.');

  // Naju offers Hangul and science; its admin takes science off.
  assert.equal(await page.getByTestId('site-courses-only').isChecked(), true);
  assert.equal(await page.getByTestId('site-course-science-basics').isChecked(), true);
  await page.getByTestId('site-course-science-basics').uncheck();
  const savedFirst = page.waitForResponse((answer) => answer.url().endsWith('/api/site/courses'));
  await page.getByTestId('save-site-courses').click();
  const first = await savedFirst;
  assert.equal(first.status(), 200, await first.text());
  await waitOrExplain(page, page.getByTestId('site-courses-saved').filter({ hasText: 'Saved' }), 'the courses saved');
  const learnerPage = await (await running.browser.newContext()).newPage();
  const response = await learnerPage.goto(`${naju}/`);
  const cards = [...(await response.text()).matchAll(/data-testid="first-screen-course-([a-z0-9-]+)"/g)].map((found) => found[1]);
  assert.deepEqual(cards, ['hangul']);
  await learnerPage.context().close();

  // An invitation to teach at Naju, and the site's report (nobody learned here this month
  // in this test's classes, or too few to show).
  await page.getByTestId('invite-teacher').click();
  assert.match(await page.getByTestId('invitation-code').getAttribute('data-code'), /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
  await page.getByTestId('site-report').getByRole('heading').waitFor();
  await waitOrExplain(page, page.locator('[data-testid=site-report-empty], [data-testid=site-report-row]').first(), 'the report');

  // A teacher of the site is not offered the page; at the platform's address there is none.
  const refused = await page.evaluate(async (token) => (await fetch('/api/site/courses', {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ all: true }),
  })).status, (await accountWithSession('naju-plain-teacher', 'teacher-password-10', invitationTo('naju'))).token);
  assert.equal(refused, 403);

  // That teacher is on the staff list once the page is opened again; its admin makes her an
  // admin, then takes her off the staff; its own role it cannot change.
  await teach.open('/teach/site');
  const member = page.getByTestId('site-staff-naju-plain-teacher');
  await waitOrExplain(page, member, 'the new teacher on the staff list');
  assert.equal(await member.getAttribute('data-role'), 'teacher');
  await page.getByTestId('site-staff-role-naju-plain-teacher').selectOption('admin');
  await waitOrExplain(page, page.locator('[data-testid=site-staff-naju-plain-teacher][data-role=admin]'), 'her made an admin');
  await page.getByTestId('site-staff-remove-naju-runner').click();
  await waitOrExplain(page, page.getByTestId('site-staff-problem'), 'the refusal to change the own role');
  assert.equal(await page.getByTestId('site-staff-naju-runner').count(), 1);
  await page.getByTestId('site-staff-remove-naju-plain-teacher').click();
  await page.getByTestId('site-staff-naju-plain-teacher').waitFor({ state: 'detached' });

  // Naju offers science again, for the tests that follow.
  await page.getByTestId('site-course-science-basics').check();
  const saved = page.waitForResponse((answer) => answer.url().endsWith('/api/site/courses'));
  await page.getByTestId('save-site-courses').click();
  assert.equal((await saved).status(), 200);

  // Its admin features science on home, before Hangul: the site's first screen lists it
  // first; taken off again, home is in the catalogue's order.
  const firstScreen = async () => {
    const learner = await (await running.browser.newContext()).newPage();
    const html = await (await learner.goto(`${naju}/`)).text();
    await learner.context().close();
    return [...html.matchAll(/data-testid="first-screen-course-([a-z0-9-]+)"/g)].map((found) => found[1]);
  };
  assert.deepEqual(await firstScreen(), ['hangul', 'science-basics']);
  await teach.open('/teach/site');
  await waitOrExplain(page, page.getByTestId('site-featured'), 'the featured courses');
  await page.getByTestId('site-featured-choice').selectOption('science-basics');
  await page.getByTestId('site-featured-add').click();
  await waitOrExplain(page, page.getByTestId('site-featured-science-basics'), 'science featured');
  assert.deepEqual(await firstScreen(), ['science-basics', 'hangul']);
  await page.getByTestId('site-featured-choice').selectOption('hangul');
  await page.getByTestId('site-featured-add').click();
  await waitOrExplain(page, page.getByTestId('site-featured-hangul'), 'Hangul featured');
  await page.getByTestId('site-featured-up-hangul').click();
  await waitOrExplain(page, page.locator('.site-featured-list li:first-child[data-testid=site-featured-hangul]'), 'Hangul moved up');
  assert.deepEqual(await firstScreen(), ['hangul', 'science-basics']);
  for (const id of ['hangul', 'science-basics']) {
    await page.getByTestId(`site-featured-remove-${id}`).click();
    await page.getByTestId(`site-featured-${id}`).waitFor({ state: 'detached' });
  }
  await context.close();
});
