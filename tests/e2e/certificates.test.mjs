// Enrolment and certificates (issue 21): a site's admin takes the Hangul course by
// application; a learner applies with no connection (sent when it returns), is told a
// certificate needs the site's approval, is approved on the site's page, completes the course
// (the last lesson in the app, the others as another device of theirs recorded them), asks
// for its certificate,
// is told what is missing until the server counts every lesson, gets it, and shows it with no
// connection; another browser, with the server stopped, checks it from its QR code's link and
// refuses a changed copy. The site's admin withdraws one on the site's page, and from then on
// its learner sees it withdrawn and checking it says so.
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
  server.site('set', 'almaty', '--name', 'ko=알마티', '--name', 'ru=Алматы', '--name', 'en=Almaty',
    '--host', 'almaty.localhost', '--course', 'hangul', '--course', 'survival-korean');
});

/** The Hangul course's lessons, from the server's catalogue. */
async function hangulLessons(baseUrl) {
  const catalog = await (await fetch(`${baseUrl}/content/catalog.json`)).json();
  const course = catalog.courses.find((entry) => entry.id === 'hangul');
  const manifest = await (await fetch(`${baseUrl}/content/${course.manifest}`)).json();
  return manifest.units.flatMap((unit) => unit.lessons.map((lesson) => lesson.id));
}

/** Records `lessons` completed with full marks, as another device of the learner's would. */
async function completedElsewhere(baseUrl, learner, lessons) {
  const authorization = `Basic ${Buffer.from(`${learner.username}:${learner.password}`).toString('base64')}`;
  const session = await (await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(learner),
  })).json();
  const statements = lessons.map((lesson, index) => ({
    actor: session.account.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: `https://baeum.invalid/activities/course/hangul/lesson/${lesson}` },
    result: { completion: true, success: true, score: { scaled: 1 } },
    timestamp: new Date(Date.UTC(2026, 11, 1, 9, index)).toISOString(),
  }));
  const response = await fetch(`${baseUrl}/xapi/statements`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', 'x-experience-api-version': '2.0.0' },
    body: JSON.stringify(statements),
  });
  assert.equal(response.status, 200, await response.text());
}

/** An account made through the API with an invitation to a site, and its session. */
async function staffWithSession(username, password, site) {
  const printed = running.server.admin('invite-teacher', '--site', site);
  const invitation = printed.match(/[A-Z0-9]{4}(?:-[A-Z0-9]{4}){3}/)[0];
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


let almatyHead;
/** The first test's certificate, in its compact form. */
let issuedToAigerim;
/** Almaty's admin (made once for the file) signed in to the teachers' app in a browser of its own. */
async function almatyAdminPage() {
  almatyHead ??= (async () => {
    const session = await staffWithSession('almaty-head', 'admin-password-1', 'almaty');
    assert.match(running.server.site('staff', 'almaty', 'almaty-head', 'admin'), /now admin/);
    return session;
  })();
  const session = await almatyHead;
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const teach = new AppPage(page, running.server.siteUrl('almaty.localhost'));
  await signIn(page, teach, '/teach', 'teach-signed-out', 'almaty-head', 'admin-password-1', session);
  await teach.open('/teach/site');
  return { context, page, teach };
}

/** Approves `username`'s application on the site's page. */
async function approve(admin, username) {
  await admin.teach.open('/teach/site');
  const row = admin.page.getByTestId('site-application').filter({ hasText: username });
  await waitOrExplain(admin.page, row.getByTestId('approve-application'), `the application of ${username}`);
  await row.getByTestId('approve-application').click();
  await waitOrExplain(admin.page, row.getByTestId('site-application-state').getByText('Approved'), 'the approval');
}

test('a learner gets the certificate of a completed course, and another browser checks it offline', async () => {
  const almaty = running.server.siteUrl('almaty.localhost');
  const learner = await createLearner(running.server.url, 'aigerim');
  // Node reaches the server at its own address (the sites' names are the browser's).
  const lessons = await hangulLessons(running.server.url);
  assert.equal(lessons[0], 'vowels-1');
  await completedElsewhere(running.server.url, learner, lessons.slice(1));

  // Almaty takes Hangul by application, two places: its admin says so on the site's page.
  const admin = await almatyAdminPage();
  await admin.page.getByTestId('site-enrolment').waitFor();
  await admin.page.getByTestId('enrolment-course').selectOption('hangul');
  await admin.page.getByTestId('enrolment-mode').selectOption('application');
  await admin.page.getByTestId('enrolment-capacity').fill('2');
  await admin.page.getByTestId('enrolment-save').click();
  await waitOrExplain(admin.page, admin.page.getByTestId('site-enrolment-modes').getByText(/By application \(2 places\)/), 'the course by application');

  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = await signInOnAccountPage(page, almaty, learner);
  await app.waitForServiceWorker();
  // Hangul's page says that Almaty takes it by application, and leads to where to apply.
  await app.open('/courses/hangul');
  const notice = page.getByTestId('course-enrolment');
  await waitOrExplain(page, notice.getByText(/takes this course by application/), "the course page saying how the site takes it");
  await notice.getByRole('link').click();
  await page.getByTestId('certificates-page').waitFor();
  await page.getByTestId('certificates-none').waitFor();
  const hangulHere = page.locator('[data-testid=course-by-application][data-course=hangul]');
  await waitOrExplain(page, hangulHere.getByTestId('apply'), 'Hangul offered by application');
  await page.getByTestId('applications-none').waitFor();

  // Applied with no connection: kept on the device, sent when the connection returns.
  await context.setOffline(true);
  await hangulHere.getByTestId('apply').click();
  await waitOrExplain(page, hangulHere.getByTestId('application-queued'), 'the application queued offline');
  // The learner goes on to home; the connection returns there, and the app sends it.
  await app.open('/');
  await page.getByTestId('course-hangul').waitFor();
  await context.setOffline(false);
  const basic = `Basic ${Buffer.from(`${learner.username}:${learner.password}`).toString('base64')}`;
  let sent = [];
  for (let tries = 0; tries < 100 && sent.length === 0; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    sent = await (await fetch(`${running.server.url}/api/my/applications`, { headers: { authorization: basic } })).json();
  }
  assert.equal(sent.length, 1, 'the application sent from home when the connection returned');
  assert.equal(sent[0].course, 'hangul');
  await app.open('/certificates');
  await waitOrExplain(page, hangulHere.getByTestId('application-here-state').getByText("Waiting for the site's decision"), 'the application sent');
  assert.match(await page.getByTestId('my-application-state').innerText(), /Waiting for the site's decision/);

  // Not approved yet: no certificate, and the page says why.
  const ask = async () => {
    await page.getByTestId('certificate-course-select').selectOption('hangul');
    await page.getByTestId('certificate-name-input').fill('Айгерим Нурланова');
    await page.getByTestId('certificate-request').click();
  };
  await ask();
  await waitOrExplain(page, page.getByTestId('certificate-request-result').getByText(/not enrolled in it yet/), 'the certificate refused before approval');

  // The admin approves on the site's page; the learner's page says so.
  await approve(admin, 'aigerim');
  await admin.context.close();
  await app.open('/certificates');
  await waitOrExplain(page, hangulHere.getByTestId('application-here-state').getByText('Approved'), 'the approval seen by the learner');

  // The page shows how far the learner is: the server counts 15 of 16 lessons.
  await waitOrExplain(page, page.locator('[data-testid=completion-progress][data-course=hangul]').getByText(`${lessons.length - 1} of ${lessons.length} lessons count`), 'the progress toward the certificate');

  // Asked too early: the server counts 15 of 16 lessons and says which one is missing.
  await ask();
  await waitOrExplain(page, page.getByTestId('certificate-not-yet'), 'the course not complete yet');
  const notYet = await page.getByTestId('certificate-request-result').innerText();
  assert.match(notYet, new RegExp(`${lessons.length - 1} of ${lessons.length}`));
  assert.match(notYet, /Six basic vowels/, notYet);

  // The last lesson, in the app; once it reaches the server the certificate is issued.
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  await app.open('/courses/hangul/vowels-1');
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) await player.answerCorrectly(item);
  await player.waitFinishedAndSaved();
  await page.waitForFunction(() => document.querySelector('[data-testid=sync-indicator]')?.textContent.includes('Synced'), null, { timeout: 30_000 });
  await app.open('/certificates');
  await ask();
  const card = page.getByTestId('certificate');
  await waitOrExplain(page, card, 'the certificate issued');
  assert.equal(await card.count(), 1);
  assert.equal(await page.getByTestId('certificate-course').innerText(), '한글');
  assert.equal(await page.getByTestId('certificate-name').innerText(), 'Айгерим Нурланова');
  assert.match(await page.getByTestId('certificate-site').innerText(), /알마티 · Almaty/);
  assert.equal(await page.locator('[data-testid=certificate-qr] svg').count(), 1);
  const compact = await page.getByTestId('certificate-code').inputValue();
  assert.match(compact, /^BC1\.[A-Za-z0-9_-]+\.z[1-9A-HJ-NP-Za-km-z]+$/);
  issuedToAigerim = compact;

  // The learning history lists it.
  await app.open('/history');
  await waitOrExplain(page, page.getByTestId('history-certificate'), 'the certificate in the history');
  assert.match(await page.getByTestId('history-certificate').innerText(), /Hangul: the Korean alphabet · Almaty/);
  assert.match(await page.getByTestId('history-application').innerText(), /Hangul: the Korean alphabet · almaty · .* · Approved/);

  // It stays on the device: offline, both pages show it from there.
  await context.setOffline(true);
  await app.open('/certificates');
  await page.getByTestId('certificate').waitFor();
  await page.getByTestId('certificates-as-of').waitFor();
  await app.open('/history');
  await page.getByTestId('history-certificate').waitFor();
  await context.setOffline(false);

  // The interviewer's phone: it opened the verify page once online (the app and the sites'
  // keys are on it), then checks with the server stopped.
  const verifierContext = await running.browser.newContext();
  const verifier = await verifierContext.newPage();
  const verifyApp = new AppPage(verifier, almaty);
  await verifyApp.open('/verify');
  await verifier.getByTestId('verify-page').waitFor();
  await verifyApp.waitForServiceWorker();
  // Chromium on Linux has no QR reader of its own: no camera button, text and files only.
  assert.equal(await verifier.getByTestId('verify-scan').count(), 0);
  // The trust list is kept once fetched: the page says nothing of missing keys.
  await verifier.waitForFunction(() => !document.querySelector('[data-testid=verify-no-keys]'));
  await running.server.stop();
  try {
    // The QR code's link, opened in a new tab: the app starts from the device.
    const scanned = await verifierContext.newPage();
    await scanned.goto(`${almaty}/verify#${compact}`);
    const verdict = scanned.getByTestId('verdict');
    await waitOrExplain(scanned, verdict, 'the verdict, offline');
    assert.equal(await verdict.getAttribute('data-valid'), 'true');
    const detail = await scanned.getByTestId('verdict-detail').innerText();
    assert.match(detail, /Almaty/);
    assert.match(detail, /Айгерим Нурланова/);
    assert.match(detail, /8 hours/);
    await scanned.getByTestId('verdict-as-of').waitFor();

    // A copy whose name was changed, opened as a link in the open page, is refused and says
    // what it claims.
    const [prefix, claims, proof] = compact.split('.');
    const changed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'));
    changed.n = 'Someone Else';
    const forged = [prefix, Buffer.from(JSON.stringify(changed)).toString('base64url'), proof].join('.');
    await verifier.evaluate((hash) => { window.location.hash = hash; }, forged);
    await verifier.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.dataset.valid === 'false');
    assert.match(await verifier.getByTestId('verdict-detail').innerText(), /changed after it was signed/);
    assert.match(await verifier.getByTestId('verdict-claims').innerText(), /Someone Else/);

    // Something that is no certificate at all.
    await verifier.getByTestId('verify-text').fill('hello');
    await verifier.getByTestId('verify-check').click();
    await waitOrExplain(
      verifier,
      verifier.getByText('This is not a certificate, or it is damaged or cut short.'),
      'the unreadable verdict',
    );
  } finally {
    await running.server.launch();
  }
  await verifierContext.close();
  await context.close();
});

test("a site's admin withdraws a certificate; its learner and any verifier then see it withdrawn", async () => {
  const almaty = running.server.siteUrl('almaty.localhost');
  const learner = await createLearner(running.server.url, 'bolat');
  await completedElsewhere(running.server.url, learner, await hangulLessons(running.server.url));
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = await signInOnAccountPage(page, almaty, learner);
  await app.open('/certificates');
  // Hangul is by application at Almaty (the first test): apply, and be approved.
  const hangulHere = page.locator('[data-testid=course-by-application][data-course=hangul]');
  await waitOrExplain(page, hangulHere.getByTestId('apply'), 'Hangul offered by application');
  await hangulHere.getByTestId('apply').click();
  await hangulHere.getByTestId('application-here-state').waitFor();
  const admin = await almatyAdminPage();
  await approve(admin, 'bolat');

  // Both places are taken now: a third learner waits, first on the list, and the admin
  // declines with a reason the learner reads.
  const dana = await createLearner(running.server.url, 'dana');
  const danaContext = await running.browser.newContext();
  const danaPage = await danaContext.newPage();
  const danaApp = await signInOnAccountPage(danaPage, almaty, dana);
  await danaApp.open('/certificates');
  const danaHangul = danaPage.locator('[data-testid=course-by-application][data-course=hangul]');
  await waitOrExplain(danaPage, danaHangul.getByTestId('apply'), 'Hangul offered by application');
  await danaHangul.getByTestId('apply').click();
  await waitOrExplain(danaPage, danaHangul.getByText('On the waiting list: place 1'), 'the waiting-list place');
  await admin.teach.open('/teach/site');
  const danaRow = admin.page.getByTestId('site-application').filter({ hasText: 'dana' });
  await waitOrExplain(admin.page, danaRow.getByText('On the waiting list: place 1'), "the waiting list on the site's page");
  admin.page.once('dialog', (dialog) => dialog.accept('The spring group is full; please apply in autumn.'));
  await danaRow.getByTestId('decline-application').click();
  await waitOrExplain(admin.page, danaRow.getByText(/Declined: The spring group is full/), 'the decline');
  await danaApp.open('/certificates');
  await waitOrExplain(danaPage, danaPage.getByTestId('my-application-state').getByText('Declined: The spring group is full; please apply in autumn.'), 'the reason, for the learner');
  // Declined, she may apply again.
  await danaHangul.getByTestId('apply').waitFor();
  await danaContext.close();

  await app.open('/certificates');
  await page.getByTestId('certificate-course-select').selectOption('hangul');
  await page.getByTestId('certificate-name-input').fill('Bolat Sarsenov');
  await page.getByTestId('certificate-request').click();
  await waitOrExplain(page, page.getByTestId('certificate'), 'the certificate issued');
  const compact = await page.getByTestId('certificate-code').inputValue();

  // Almaty's admin withdraws it on the site's page.
  const adminPage = admin.page;
  await admin.teach.open('/teach/site');
  const row = adminPage.getByTestId('site-certificate').filter({ hasText: 'Bolat Sarsenov' });
  await waitOrExplain(adminPage, row, "the certificate in the site's list");
  adminPage.once('dialog', (dialog) => dialog.accept());
  await row.getByTestId('revoke-certificate').click();
  await waitOrExplain(adminPage, row.getByText(/Withdrawn/), 'the certificate withdrawn');
  assert.equal(await row.getByTestId('revoke-certificate').count(), 0);
  const adminContext = admin.context;

  // The learner's page says so, and so does checking it.
  await app.open('/certificates');
  await waitOrExplain(page, page.getByTestId('certificate-revoked'), 'the withdrawn mark');
  await app.open(`/verify#${compact}`);
  await page.waitForFunction(() => document.querySelector('[data-testid=verdict]')?.dataset.valid === 'false');
  assert.match(await page.getByTestId('verdict-detail').innerText(), /withdrew it on/);
  await adminContext.close();
  await context.close();
});

test("where the browser reads QR codes, the verify page scans one with the camera and checks it", async () => {
  assert.ok(issuedToAigerim, 'the first test issued a certificate');
  const almaty = running.server.siteUrl('almaty.localhost');
  // What a phone's Chromium has and Linux's lacks: a BarcodeDetector, here one that "sees" the
  // certificate's QR code (its link) once the camera (Chromium's test pattern) shows a frame.
  const context = await running.browser.newContext();
  await context.addInitScript((seen) => {
    window.BarcodeDetector = class {
      constructor(options) { this.formats = options.formats; }
      async detect(source) {
        if (!(source instanceof HTMLVideoElement) || source.readyState < 2) return [];
        return this.formats.includes('qr_code') ? [{ format: 'qr_code', rawValue: seen }] : [];
      }
    };
  }, `${almaty}/verify#${issuedToAigerim}`);
  const page = await context.newPage();
  const app = new AppPage(page, almaty);
  await app.open('/verify');
  await page.getByTestId('verify-page').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid=verify-no-keys]'));
  await page.getByTestId('verify-scan').click();
  const verdict = page.getByTestId('verdict');
  await waitOrExplain(page, verdict, 'the verdict of the scanned code');
  assert.equal(await verdict.getAttribute('data-valid'), 'true');
  assert.match(await page.getByTestId('verdict-detail').innerText(), /Айгерим Нурланова/);
  // The camera is off once the code was read.
  assert.equal(await page.getByTestId('verify-camera').isHidden(), true);
  assert.equal(await page.evaluate(() => document.querySelector('[data-testid=verify-camera]').srcObject
    .getTracks().every((track) => track.readyState === 'ended')), true);
  await context.close();
});
