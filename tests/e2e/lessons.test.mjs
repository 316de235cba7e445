// A learner completes a Hangul lesson and a vocabulary lesson in the browser: hears the audio,
// types Korean, is told which jamo was wrong, and resumes a lesson after closing the tab.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, LessonPlayerPage, fetchLesson, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();

async function playWholeLesson(page, lesson, { mistakes = {} } = {}) {
  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) {
    assert.equal(await player.currentItemId(), item.id);
    const mistake = mistakes[item.id];
    if (mistake) await mistake(player, item);
    await player.answerCorrectly(item);
  }
  await player.waitFinishedAndSaved();
  return page.getByTestId('score').innerText();
}

test('a Hangul lesson with audio, a typing mistake explained jamo by jamo, and a score', async () => {
  const lesson = await fetchLesson(running.server.url, 'hangul', 'consonants-1');
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/consonants-1');

  const typedItem = lesson.items.find((item) => item.type === 'typed');
  const letterItem = lesson.items.find((item) => item.type === 'hangul_letter');
  const mistakes = {
    [letterItem.id]: async () => {
      // The letter's clip is a real Opus file that the browser loads. Its button is a drawn
      // loudspeaker with a name for screen readers, not an emoji.
      const play = page.getByTestId('play-audio').first();
      assert.equal(await play.locator('svg').count(), 1);
      assert.equal((await play.innerText()).trim(), '');
      assert.ok((await play.getAttribute('aria-label')).length > 0);
      await play.click();
      await page.waitForFunction(() => {
        const audio = document.querySelector('[data-testid=item] audio');
        return audio && audio.readyState >= 1 && !audio.error;
      });
    },
    [typedItem.id]: async (player) => {
      // 나 typed as 너: the vowel is wrong, and the feedback says so.
      await player.typeAnswer('너');
      assert.equal(await player.feedbackIsCorrect(), false);
      const explanation = await page.getByTestId('jamo-diff').innerText();
      assert.match(explanation, /vowel is ㅏ, not ㅓ/);
    },
  };
  const score = await playWholeLesson(page, lesson, { mistakes });
  const graded = lesson.items.filter((item) => ['choice', 'listening', 'typed', 'fill_blank', 'ordering'].includes(item.type)).length;
  assert.equal(score, `${graded - 1} of ${graded} right the first time (${Math.round(((graded - 1) / graded) * 100)}%)`);
  await context.close();
});

test('a vocabulary lesson, closed half-way and resumed where it stopped', async () => {
  const lesson = await fetchLesson(running.server.url, 'survival-korean', 'greetings');
  const context = await running.browser.newContext();
  let page = await context.newPage();
  let app = new AppPage(page, running.server.url);
  await app.open('/courses/survival-korean/greetings');
  const player = new LessonPlayerPage(page);
  const half = Math.floor(lesson.items.length / 2);
  for (const item of lesson.items.slice(0, half)) await player.answerCorrectly(item);

  // The position is saved once the answers before it are stored; then the learner closes the
  // tab and comes back later.
  await page.waitForFunction(
    (position) => JSON.parse(localStorage.getItem('baeum.lesson-session.survival-korean.greetings') || '{}').position === position,
    half,
  );
  await page.close();
  page = await context.newPage();
  app = new AppPage(page, running.server.url);

  // The course's outline marks the lesson started, with how far, and the others new.
  await app.open('/courses/survival-korean');
  const unit = page.locator('section.unit', { has: page.getByTestId('lesson-link-greetings') });
  const greetings = unit.locator('li', { has: page.getByTestId('lesson-link-greetings') }).getByTestId('lesson-state');
  await unit.locator('li [data-testid=lesson-state][data-state=started]').waitFor();
  assert.equal(await greetings.getAttribute('data-state'), 'started');
  const started = (await greetings.innerText()).match(new RegExp(`Started: (\\d+) of ${lesson.items.length} steps`));
  assert.ok(started, await greetings.innerText());
  assert.ok(Number(started[1]) >= half && Number(started[1]) <= half + 1, started[0]);
  assert.match(await unit.getByTestId('unit-progress').innerText(), /^0 of \d+ lessons done$/);
  assert.ok((await unit.locator('[data-testid=lesson-state][data-state=new]').count()) > 0);

  await app.open('/courses/survival-korean/greetings');
  const resumed = new LessonPlayerPage(page);
  assert.equal(await resumed.currentItemId(), lesson.items[half].id);
  for (const item of lesson.items.slice(half)) await resumed.answerCorrectly(item);
  await resumed.waitFinishedAndSaved();
  assert.match(await page.getByTestId('score').innerText(), /\(100%\)/);

  // Done now, with a drawn tick, and counted in its unit's share.
  await app.open('/courses/survival-korean');
  await unit.locator('li [data-testid=lesson-state][data-state=done]').waitFor();
  assert.equal(await greetings.getAttribute('data-state'), 'done');
  assert.equal(await greetings.locator('svg').count(), 1);
  assert.match(await unit.getByTestId('unit-progress').innerText(), /^1 of \d+ lessons done$/);
  await context.close();
});

test('a lesson that does not exist is an error on that page, not a blank app', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/no-such-lesson');
  await page.getByTestId('load-error').waitFor();
  assert.match(await page.getByTestId('load-error').innerText(), /has no lesson/);
  await app.navigate('Courses');
  await page.getByTestId('course-hangul').waitFor();
  await context.close();
});

test('glosses follow the browser\'s language (Chinese) and then the help language the learner picks (Kazakh)', async () => {
  const lesson = await fetchLesson(running.server.url, 'hangul', 'vowels-1');
  const reading = lesson.items[0];
  assert.equal(reading.type, 'reading');
  // The reading's first words, before any Markdown emphasis.
  const opening = (language) => reading.text[language].split('**')[0].trim();
  const context = await running.browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/courses/hangul/vowels-1');
  await page.getByTestId('item').getByText(opening('zh')).waitFor();

  await app.open('/settings');
  assert.equal(await page.getByTestId('help-language').inputValue(), 'zh');
  await page.getByTestId('help-language').selectOption('kk');
  await app.open('/courses/hangul/vowels-1');
  await page.getByTestId('item').getByText(opening('kk')).waitFor();
  await context.close();
});
