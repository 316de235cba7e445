// The teacher's and the joining learner's journeys: a teacher creates a class and assigns a
// lesson with a due date; a learner in another time zone joins with the code from the board and
// sees the assignment due at the same instant in their own local time. A teacher offline queues
// an assignment that is sent when the connection returns, and the dashboard opens offline from
// the device's copy, saying which moment it shows. A learner completes the assigned lesson
// offline; once the phone is online, sync delivers it and the teacher's dashboard shows it done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, LessonPlayerPage, axeViolations, fetchLesson, serverAndBrowserForThisFile, signIn } from './harness.mjs';

const running = serverAndBrowserForThisFile();

async function api(method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${running.server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Creates an account through the API (the harness starts the server without demo accounts); a
 * teacher signs up with an invitation made on the server's command line, as a school does.
 */
async function createAccount(username, password, role) {
  const body = role === 'teacher'
    ? { username, password, invitation: running.server.inviteTeacher() }
    : { username, password };
  const created = await api('POST', '/api/accounts', { body });
  assert.ok([200, 201].includes(created.status), `account ${username}: ${JSON.stringify(created.body)}`);
  const session = await api('POST', '/api/sessions', { body: { username, password } });
  assert.equal(session.status, 200);
  return session.body;
}

/** The unit that holds a lesson and the English titles, read from the course manifest. */
async function namesOf(courseId, lessonId) {
  const catalog = await (await fetch(`${running.server.url}/content/catalog.json`)).json();
  const course = catalog.courses.find((entry) => entry.id === courseId);
  const manifest = await (await fetch(`${running.server.url}/content/${course.manifest}`)).json();
  const unit = manifest.units.find((entry) => entry.lessons.some((lesson) => lesson.id === lessonId));
  const lesson = unit.lessons.find((entry) => entry.id === lessonId);
  return { unitId: unit.id, target: `${manifest.title.en} › ${unit.title.en} › ${lesson.title.en}` };
}

async function unitOf(courseId, lessonId) {
  return (await namesOf(courseId, lessonId)).unitId;
}

async function assignLesson(page, { courseId, unitId, lessonId, due, note }) {
  await page.getByTestId('assign-course').selectOption(courseId);
  await page.getByTestId('assign-unit').selectOption(unitId);
  await page.getByTestId('assign-lesson').selectOption(lessonId);
  await page.getByTestId('assign-due').fill(due);
  await page.getByTestId('assign-note').fill(note);
  await page.getByTestId('assign-submit').click();
}

/** Text with every kind of space as a plain space (ICU writes a narrow no-break space before PM). */
const plain = (text) => text.replace(/\s/g, ' ');

/** Teacher in Seoul (UTC+9), learner in Ho Chi Minh City (UTC+7), both reading English. */
const SEOUL = { timezoneId: 'Asia/Seoul', locale: 'en-US' };
const HO_CHI_MINH_CITY = { timezoneId: 'Asia/Ho_Chi_Minh', locale: 'en-US' };

test('a teacher creates a class and assigns a lesson; a learner joins with the code and sees it due in their own time', async () => {
  const teacherSession = await createAccount('ms-kim', 'teacher-password-1', 'teacher');
  const learnerSession = await createAccount('linh', 'learner-password-1', 'learner');

  const teacherContext = await running.browser.newContext(SEOUL);
  const teacherPage = await teacherContext.newPage();
  const teacherApp = new AppPage(teacherPage, running.server.url);
  await signIn(teacherPage, teacherApp, '/teach', 'teach-signed-out', 'ms-kim', 'teacher-password-1', teacherSession);

  await teacherPage.getByTestId('new-class-name').fill('Class 4-2');
  await teacherPage.getByTestId('create-class').click();
  const card = teacherPage.getByTestId('class-card').filter({ hasText: 'Class 4-2' });
  const joinCode = await card.getByTestId('join-code-display').getAttribute('data-code');
  assert.match(joinCode, /^[A-Z2-9]{8}$/, 'a short code of unambiguous characters');
  // The board shows it in two groups of four, easier to copy and read aloud.
  assert.equal(await card.getByTestId('join-code-display').innerText(), `${joinCode.slice(0, 4)} ${joinCode.slice(4)}`);
  assert.deepEqual(await axeViolations(teacherPage), [], "the teacher's classes page passes axe");

  await card.getByTestId('class-link').click();
  await teacherPage.getByTestId('class-page').waitFor();
  await teacherPage.locator('[data-testid=class-title]', { hasText: 'Class 4-2' }).waitFor();
  await teacherPage.getByTestId('no-members').waitFor();
  const classId = teacherPage.url().split('/').pop();

  const { unitId, target } = await namesOf('hangul', 'consonants-1');
  // 17:30 in Seoul on 14 March 2030 is 08:30 UTC and 15:30 in Ho Chi Minh City.
  await assignLesson(teacherPage, {
    courseId: 'hangul', unitId, lessonId: 'consonants-1', due: '2030-03-14T17:30', note: 'Practise ㄱ ㄴ ㄷ aloud',
  });
  const sentRow = teacherPage.locator('[data-testid=assignment-row]:not([data-queued])');
  await sentRow.waitFor();
  // Named as the teacher knows it, once the course's titles are loaded.
  await sentRow.filter({ hasText: target }).waitFor();
  assert.equal(plain(await sentRow.innerText()), `${target} · due Mar 14, 2030, 5:30 PM · whole class · “Practise ㄱ ㄴ ㄷ aloud”`);
  assert.equal(await teacherPage.getByTestId('assignment-waiting').count(), 0);

  // What the server stored is the instant the teacher meant.
  const stored = await api('GET', `/api/classes/${classId}/assignments`, { token: teacherSession.token });
  assert.equal(stored.body.assignments.length, 1);
  assert.equal(new Date(stored.body.assignments[0].due_at).toISOString(), '2030-03-14T08:30:00.000Z');

  // The learner, at home in another time zone.
  const learnerContext = await running.browser.newContext(HO_CHI_MINH_CITY);
  const learnerPage = await learnerContext.newPage();
  const learnerApp = new AppPage(learnerPage, running.server.url);
  await signIn(learnerPage, learnerApp, '/classes', 'classes-signed-out', 'linh', 'learner-password-1', learnerSession);
  await learnerPage.getByTestId('no-assignments').waitFor();

  // A mistyped code is explained, not just refused.
  const wrongCode = joinCode.startsWith('ABCD') ? 'EFGHJKMN' : 'ABCDEFGH';
  await learnerPage.getByTestId('join-code').fill(wrongCode);
  await learnerPage.getByTestId('join-class').click();
  await learnerPage.locator('[data-testid=join-problem]', { hasText: 'No class has this code' }).waitFor();

  // Typed in lower case with the space from the board: still the code.
  await learnerPage.getByTestId('join-code').fill(`${joinCode.slice(0, 4)} ${joinCode.slice(4)}`.toLowerCase());
  await learnerPage.getByTestId('join-class').click();
  await learnerPage.locator('[data-testid=join-result]', { hasText: 'You joined Class 4-2 (teacher: ms-kim).' }).waitFor();
  await learnerPage.getByTestId('learner-class').filter({ hasText: 'Class 4-2' }).waitFor();

  const assignment = learnerPage.getByTestId('my-assignment');
  await assignment.waitFor();
  await assignment.getByRole('link', { name: target }).waitFor();
  assert.equal(await assignment.getByTestId('my-assignment-teacher').innerText(), 'ms-kim');
  const due = assignment.getByTestId('my-assignment-due');
  assert.equal(plain(await due.innerText()), 'Mar 14, 2030, 3:30 PM');
  assert.equal(new Date(await due.getAttribute('datetime')).toISOString(), '2030-03-14T08:30:00.000Z');
  assert.equal(await assignment.getByTestId('my-assignment-note').innerText(), 'Practise ㄱ ㄴ ㄷ aloud');
  assert.match(await assignment.getByTestId('my-assignment-status').innerText(), /^Not started \(0 of 1 lesson done\)$/);
  assert.equal(await assignment.getByTestId('my-assignment-overdue').count(), 0);

  // The teacher sees the new member and the dashboard row for them.
  await teacherPage.reload();
  await teacherApp.waitReady();
  await teacherPage.locator('[data-testid=member][data-username=linh]').waitFor();
  const cell = teacherPage.locator('[data-testid=dashboard-cell][data-learner=linh]');
  await cell.waitFor();
  assert.equal(await cell.getAttribute('data-status'), 'not_started');
  assert.match(await cell.innerText(), /Not started/);
  assert.match(await teacherPage.getByTestId('dashboard-as-of').innerText(), /^As of /);

  await teacherContext.close();
  await learnerContext.close();
});

test('offline, an assignment waits on the device and is sent once when online; the dashboard opens offline', async () => {
  const teacherSession = await createAccount('mr-park', 'teacher-password-2', 'teacher');
  const created = await api('POST', '/api/classes', { token: teacherSession.token, body: { name: 'Island school' } });
  assert.equal(created.status, 201);
  const classId = created.body.id;

  const context = await running.browser.newContext(SEOUL);
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await signIn(page, app, '/teach', 'teach-signed-out', 'mr-park', 'teacher-password-2', teacherSession);
  await app.waitForServiceWorker();
  await page.getByTestId('class-card').filter({ hasText: 'Island school' }).getByTestId('class-link').click();
  await page.getByTestId('class-page').waitFor();
  await page.getByTestId('dashboard-as-of').filter({ hasText: 'As of' }).waitFor();
  // Open the pickers once online, so the course manifest is in the service worker's cache.
  const unitId = await unitOf('hangul', 'consonants-1');
  await page.getByTestId('assign-course').selectOption('hangul');
  await page.getByTestId('assign-unit').selectOption(unitId);

  await context.setOffline(true);
  await page.locator('[data-testid=connection][data-online=false]').waitFor();
  await assignLesson(page, {
    courseId: 'hangul', unitId, lessonId: 'consonants-1', due: '2030-04-01T09:00', note: 'Homework for the ferry',
  });
  await page.locator('[data-testid=assign-notice]', { hasText: 'sent when you are online again' }).waitFor();
  const waiting = page.locator('[data-testid=assignment-row][data-queued=true]');
  await waiting.getByTestId('assignment-waiting').waitFor();
  assert.match(await waiting.innerText(), /Waiting to send/);
  const queuedId = await waiting.getAttribute('data-assignment-id');
  // A UUIDv7 made on the device.
  assert.match(queuedId, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal((await api('GET', `/api/classes/${classId}/assignments`, { token: teacherSession.token })).body.assignments.length, 0);

  // The app restarts offline: the queue and the dashboard come from the device.
  await page.reload();
  await app.waitReady();
  await page.locator('[data-testid=assignment-row][data-queued=true] [data-testid=assignment-waiting]').waitFor();
  await page.getByTestId('dashboard-as-of').filter({ hasText: 'As of' }).waitFor();
  await page.getByTestId('dashboard-offline').waitFor();

  // Back online: the queue is sent by itself, once.
  await context.setOffline(false);
  await page.locator(`[data-testid=assignment-row][data-assignment-id="${queuedId}"]:not([data-queued])`).waitFor();
  assert.equal(await page.getByTestId('assignment-waiting').count(), 0);
  const stored = await api('GET', `/api/classes/${classId}/assignments`, { token: teacherSession.token });
  assert.deepEqual(stored.body.assignments.map((entry) => entry.id), [queuedId]);
  assert.equal(stored.body.assignments[0].note, 'Homework for the ferry');
  assert.equal(new Date(stored.body.assignments[0].due_at).toISOString(), '2030-04-01T00:00:00.000Z');

  // Another page load sends nothing twice.
  await page.reload();
  await app.waitReady();
  await page.locator(`[data-testid=assignment-row][data-assignment-id="${queuedId}"]`).waitFor();
  const again = await api('GET', `/api/classes/${classId}/assignments`, { token: teacherSession.token });
  assert.equal(again.body.assignments.length, 1);

  await context.close();
});

test('a teacher removes a learner only after confirming, and a new code replaces the old one', async () => {
  const teacherSession = await createAccount('ms-lee', 'teacher-password-3', 'teacher');
  const learnerSession = await createAccount('timur', 'learner-password-3', 'learner');
  const created = await api('POST', '/api/classes', { token: teacherSession.token, body: { name: 'Almaty evening' } });
  const oldCode = created.body.join_code;
  const joined = await api('POST', '/api/classes/join', { token: learnerSession.token, body: { join_code: oldCode } });
  assert.equal(joined.status, 200);

  const context = await running.browser.newContext(SEOUL);
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await signIn(page, app, '/teach', 'teach-signed-out', 'ms-lee', 'teacher-password-3', teacherSession);
  await page.getByTestId('class-link').click();
  const member = page.locator('[data-testid=member][data-username=timur]');
  await member.waitFor();

  await member.getByTestId('remove-member').click();
  assert.match(await member.innerText(), /Remove timur from this class\?/);
  await member.getByRole('button', { name: 'Keep' }).click();
  assert.equal((await api('GET', `/api/classes/${created.body.id}`, { token: teacherSession.token })).body.members.length, 1);

  await member.getByTestId('remove-member').click();
  await member.getByTestId('confirm-remove').click();
  await page.getByTestId('no-members').waitFor();
  assert.equal((await api('GET', `/api/classes/${created.body.id}`, { token: teacherSession.token })).body.members.length, 0);

  await page.getByTestId('rotate-code').click();
  await page.locator(`[data-testid=join-code-display]:not([data-code="${oldCode}"])`).waitFor();
  const newCode = await page.getByTestId('join-code-display').getAttribute('data-code');
  assert.notEqual(newCode, oldCode);
  const withOldCode = await api('POST', '/api/classes/join', { token: learnerSession.token, body: { join_code: oldCode } });
  assert.equal(withOldCode.status, 404);

  await page.getByTestId('rename-class-input').fill('Almaty Saturday');
  await page.getByTestId('rename-class').click();
  await page.locator('[data-testid=class-title]', { hasText: 'Almaty Saturday' }).waitFor();

  await context.close();
});

test('the learner completes the assigned lesson offline; after sync the dashboard shows it done', async () => {
  const teacherSession = await createAccount('ms-han', 'teacher-password-4', 'teacher');
  const learnerSession = await createAccount('minh', 'learner-password-4', 'learner');
  const created = await api('POST', '/api/classes', { token: teacherSession.token, body: { name: 'Grade 4 science' } });
  const classId = created.body.id;
  const joined = await api('POST', '/api/classes/join', { token: learnerSession.token, body: { join_code: created.body.join_code } });
  assert.equal(joined.status, 200);
  const assignmentId = '0190a5b0-0000-7000-8000-000000000004';
  const assigned = await api('PUT', `/api/assignments/${assignmentId}`, {
    token: teacherSession.token,
    body: { class_id: classId, course_id: 'hangul', lesson_id: 'consonants-1', due_at: '2030-05-01T17:00:00+09:00' },
  });
  assert.equal(assigned.status, 201);

  const learnerContext = await running.browser.newContext(HO_CHI_MINH_CITY);
  const learnerPage = await learnerContext.newPage();
  const learnerApp = new AppPage(learnerPage, running.server.url);
  await signIn(learnerPage, learnerApp, '/classes', 'classes-signed-out', 'minh', 'learner-password-4', learnerSession);
  await learnerApp.waitForServiceWorker();
  const card = learnerPage.locator(`[data-testid=my-assignment][data-assignment-id="${assignmentId}"]`);
  await card.waitFor();
  assert.equal(await card.getAttribute('data-status'), 'not_started');

  // The lesson opens from the assignment while online, then the phone goes offline.
  await card.getByRole('link').click();
  const lesson = await fetchLesson(running.server.url, 'hangul', 'consonants-1');
  const player = new LessonPlayerPage(learnerPage);
  assert.equal(await player.currentItemId(), lesson.items[0].id);
  await learnerContext.setOffline(true);
  await learnerPage.locator('[data-testid=connection][data-online=false]').waitFor();
  for (const item of lesson.items) {
    if (item.id === 'build-na') {
      // One slip (너 for 나), so the item shows up among the class's most missed.
      await player.typeAnswer('너');
      assert.equal(await player.feedbackIsCorrect(), false);
    }
    await player.answerCorrectly(item);
  }
  await player.waitFinishedAndSaved();
  const graded = lesson.items.filter((item) => ['choice', 'listening', 'typed', 'fill_blank', 'ordering'].includes(item.type)).length;
  const expectedPercent = `${Math.round(((graded - 1) / graded) * 100)}%`;
  await learnerPage.locator('[data-testid=sync-indicator] [data-waiting]:not([data-waiting="0"])').waitFor();
  const onServerWhileOffline = await api('GET', '/api/my/assignments', { token: learnerSession.token });
  assert.equal(onServerWhileOffline.body.assignments[0].status, 'not_started');

  // Online again: sync pushes by itself.
  await learnerContext.setOffline(false);
  await learnerPage.locator('[data-testid=sync-indicator] [data-waiting="0"]').waitFor({ timeout: 30_000 });
  const mine = await api('GET', '/api/my/assignments', { token: learnerSession.token });
  assert.equal(mine.body.assignments[0].status, 'done');
  await learnerApp.open('/classes');
  await learnerPage.locator(`[data-testid=my-assignment][data-assignment-id="${assignmentId}"][data-status=done]`).waitFor();
  // At home without a connection, the assignments open from the device's copy.
  await learnerContext.setOffline(true);
  await learnerPage.reload();
  await learnerApp.waitReady();
  await learnerPage.locator(`[data-testid=my-assignment][data-assignment-id="${assignmentId}"][data-status=done]`).waitFor();
  assert.match(await learnerPage.getByTestId('my-assignments-as-of').innerText(), /^As of /);
  assert.match(await learnerPage.getByTestId('my-assignments-problem').innerText(), /could not be reached/);
  // Home shows them too, offline: their code is a chunk the service worker stored.
  await learnerApp.open('/');
  await learnerPage.locator(`[data-testid=home-page] [data-testid=my-assignment][data-assignment-id="${assignmentId}"][data-status=done]`).waitFor();
  await learnerContext.setOffline(false);

  const teacherContext = await running.browser.newContext(SEOUL);
  const teacherPage = await teacherContext.newPage();
  const teacherApp = new AppPage(teacherPage, running.server.url);
  await signIn(teacherPage, teacherApp, '/teach', 'teach-signed-out', 'ms-han', 'teacher-password-4', teacherSession);
  await teacherApp.open(`/teach/classes/${classId}`);
  const cell = teacherPage.locator('[data-testid=dashboard-cell][data-learner=minh]');
  await cell.waitFor();
  assert.equal(await cell.getAttribute('data-status'), 'done');
  assert.deepEqual(await axeViolations(teacherPage), [], 'the class dashboard passes axe');
  assert.match(plain(await cell.innerText()), new RegExp(`Done\\s+1 of 1\\s+${expectedPercent}`));
  // The missed item is named by the question the learner saw, its Korean and its lesson, read
  // from the lesson; the ids are only in its tooltip.
  const missedItem = /^Put ㄴ and ㅏ together in one block\. 나 · ㄱ, ㄴ, ㄷ, ㄹ and ㅁ — missed 1 of 2 times, by 1 learner$/;
  const missed = teacherPage.getByTestId('missed-items').locator('li').first();
  await missed.locator('[lang=ko]', { hasText: '나' }).waitFor();
  assert.match(plain(await missed.innerText()), missedItem);
  assert.equal(await missed.getByTestId('missed-item-name').getAttribute('title'), 'consonants-1 / build-na');
  assert.equal(await missed.locator('.missed-question').getAttribute('lang'), 'en');

  // The drill-down shows the lesson done, and the CSV export carries the same row.
  await cell.getByRole('link', { name: 'minh' }).click();
  await teacherPage.locator('[data-testid=learner-name]', { hasText: 'minh' }).waitFor();
  assert.equal(await teacherPage.getByTestId('learner-assignment').getAttribute('data-status'), 'done');
  const learnerMissed = teacherPage.getByTestId('learner-missed-items').locator('li').first();
  await learnerMissed.locator('[lang=ko]', { hasText: '나' }).waitFor();
  assert.match(plain(await learnerMissed.innerText()), /^Put ㄴ and ㅏ together in one block\. 나 · ㄱ, ㄴ, ㄷ, ㄹ and ㅁ/);
  assert.deepEqual(await axeViolations(teacherPage), [], 'the learner drill-down passes axe');
  await teacherApp.open(`/teach/classes/${classId}`);
  await teacherPage.locator('[data-testid=dashboard-cell][data-learner=minh]').waitFor();
  const [download] = await Promise.all([
    teacherPage.waitForEvent('download'),
    teacherPage.getByTestId('download-csv').click(),
  ]);
  assert.equal(download.suggestedFilename(), `baeum-class-${classId}.csv`);
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(await download.path(), 'utf8');
  const row = csv.split('\r\n').find((line) => line.includes('minh'));
  assert.ok(row, `a row for minh in ${csv}`);
  assert.match(row, /done/);
  assert.match(row, new RegExp(((graded - 1) / graded).toFixed(3).replace('.', '\\.')));

  await learnerContext.close();
  await teacherContext.close();
});

test('joining explains a malformed code, being offline, and too many wrong codes with the wait', async () => {
  const teacherSession = await createAccount('mr-choi', 'teacher-password-5', 'teacher');
  const learnerSession = await createAccount('aigerim', 'learner-password-5', 'learner');
  const created = await api('POST', '/api/classes', { token: teacherSession.token, body: { name: 'Guessing is slow' } });
  const rightCode = created.body.join_code;

  const context = await running.browser.newContext(HO_CHI_MINH_CITY);
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await signIn(page, app, '/classes', 'classes-signed-out', 'aigerim', 'learner-password-5', learnerSession);
  await page.getByTestId('join-class-form').waitFor();

  await page.getByTestId('join-code').fill('hello');
  await page.getByTestId('join-class').click();
  await page.locator('[data-testid=join-problem]', { hasText: 'This is not a class code' }).waitFor();

  await context.setOffline(true);
  await page.getByTestId('join-code').fill(rightCode);
  await page.getByTestId('join-class').click();
  await page.locator('[data-testid=join-problem]', { hasText: 'You are offline.' }).waitFor();
  await context.setOffline(false);
  await page.locator('[data-testid=connection][data-online=true]').waitFor();

  // Someone guesses codes with this account until the server makes them wait.
  const wrongCode = rightCode.startsWith('ABCD') ? 'EFGHJKMN' : 'ABCDEFGH';
  let refused;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    refused = await api('POST', '/api/classes/join', { token: learnerSession.token, body: { join_code: wrongCode } });
    if (refused.status === 429) break;
    assert.equal(refused.status, 404);
  }
  assert.equal(refused.status, 429);

  // Even the right code now waits, and the learner is told for how long.
  await page.getByTestId('join-code').fill(rightCode);
  await page.getByTestId('join-class').click();
  const problem = page.locator('[data-testid=join-problem]', { hasText: 'Too many wrong codes.' });
  await problem.waitFor();
  assert.match(await problem.innerText(), /^Too many wrong codes\. Wait \d+ (seconds|minutes) and try again\.$/);
  assert.equal(await page.getByTestId('learner-class').count(), 0);

  await context.close();
});

test('at school the learner downloads the assigned lessons in one go; at home, with no server, the lesson opens and is done', async () => {
  const teacherSession = await createAccount('mr-lee', 'teacher-password-6', 'teacher');
  const learnerSession = await createAccount('tuan', 'learner-password-6', 'learner');
  const created = await api('POST', '/api/classes', { token: teacherSession.token, body: { name: 'Island homework' } });
  const joined = await api('POST', '/api/classes/join', { token: learnerSession.token, body: { join_code: created.body.join_code } });
  assert.equal(joined.status, 200);
  const assignmentId = '0190a5b0-0000-7000-8000-000000000006';
  const assigned = await api('PUT', `/api/assignments/${assignmentId}`, {
    token: teacherSession.token,
    body: { class_id: created.body.id, course_id: 'hangul', lesson_id: 'vowels-3', due_at: '2030-05-02T17:00:00+09:00' },
  });
  assert.equal(assigned.status, 201);
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-3');

  const context = await running.browser.newContext(HO_CHI_MINH_CITY);
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await signIn(page, app, '/classes', 'classes-signed-out', 'tuan', 'learner-password-6', learnerSession);
  await app.waitForServiceWorker();
  const card = page.locator(`[data-testid=my-assignment][data-assignment-id="${assignmentId}"]`);
  await card.waitFor();
  assert.deepEqual(await axeViolations(page), [], "the learner's classes and assignments pass axe");
  await page.getByTestId('assigned-download').click();
  await page.getByTestId('assigned-download-status').filter({ hasText: 'on this device' }).waitFor({ timeout: 60_000 });

  // Home: no school server at all. The lesson was never opened before.
  await running.server.stop();
  try {
    await card.getByRole('link').click();
    const player = new LessonPlayerPage(page);
    for (const item of lesson.items) {
      assert.equal(await player.currentItemId(), item.id);
      await player.answerCorrectly(item);
    }
    await player.waitFinishedAndSaved();
  } finally {
    await running.server.launch();
  }
  await context.close();
});
