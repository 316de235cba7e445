// A learner who uses only the keyboard finds a course, opens a lesson and answers every kind of
// item in it, with Tab, Enter and typing, and always sees where the focus is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppPage, LessonPlayerPage, fetchLesson, serverAndBrowserForThisFile } from './harness.mjs';

const running = serverAndBrowserForThisFile();
const MAX_TABS = 80;

/**
 * Presses Tab until the focused element matches `matches` (run in the page with the element),
 * then checks that the focus is visible (an outline or a shadow). Fails after MAX_TABS presses.
 */
async function tabTo(page, description, matches, argument = null) {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate(([source, value]) => {
      const element = document.activeElement;
      return Boolean(element && element !== document.body && new Function('element', 'value', source)(element, value));
    }, [matches, argument]);
    if (found) {
      const focusShown = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      });
      assert.ok(focusShown, `the focus on ${description} is visible`);
      return;
    }
  }
  throw new Error(`${MAX_TABS} presses of Tab never reached ${description}`);
}

const byTestId = 'return element.dataset.testid === value;';

async function pressButton(page, testId) {
  await tabTo(page, testId, byTestId, testId);
  await page.keyboard.press('Enter');
}

async function typeInto(page, testId, text) {
  await tabTo(page, testId, byTestId, testId);
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

async function answerByKeyboard(page, item) {
  const graded = ['choice', 'listening', 'typed', 'fill_blank', 'ordering'].includes(item.type);
  switch (item.type) {
    case 'choice':
      await pressButton(page, `option-${item.answer}`);
      break;
    case 'listening':
      if (item.response.mode === 'choice') await pressButton(page, `option-${item.response.answer}`);
      else await typeInto(page, 'typed-answer', item.response.answer);
      break;
    case 'typed':
      await typeInto(page, 'typed-answer', item.answer);
      break;
    case 'fill_blank':
      if (item.options && item.options.length) await pressButton(page, `option-${item.options.indexOf(item.answer)}`);
      else await typeInto(page, 'typed-answer', item.answer);
      break;
    case 'ordering':
      for (const word of item.words) {
        await tabTo(
          page,
          `the word ${word}`,
          'return element.closest("[data-testid=word-bank]") && element.textContent.trim() === value && !element.disabled;',
          word,
        );
        await page.keyboard.press('Enter');
      }
      await pressButton(page, 'check');
      break;
    default:
      break;
  }
  if (graded) {
    await page.getByTestId('feedback').waitFor();
    assert.equal(await page.getByTestId('feedback').getAttribute('data-correct'), 'true', `${item.id} answered by keyboard`);
  }
  const before = await page.getByTestId('player-position').innerText();
  await pressButton(page, 'continue');
  await page.waitForFunction((previous) => {
    const position = document.querySelector('[data-testid=player-position]');
    return document.querySelector('[data-testid=lesson-summary]') || (position && position.textContent !== previous);
  }, before);
}

test('a whole lesson with every kind of item, from the home page, with the keyboard alone', async () => {
  const lesson = await fetchLesson(running.server.url, 'survival-korean', 'greetings');
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page, running.server.url);
  await app.open('/');
  await page.getByTestId('course-survival-korean').waitFor();

  await tabTo(page, 'the Survival Korean course', 'return element.closest("[data-testid=course-survival-korean]") && element.tagName === "A";');
  await page.keyboard.press('Enter');
  await page.getByTestId('course-page').waitFor();
  await pressButton(page, 'lesson-link-greetings');

  const player = new LessonPlayerPage(page);
  for (const item of lesson.items) {
    assert.equal(await player.currentItemId(), item.id);
    await answerByKeyboard(page, item);
  }
  await player.waitFinishedAndSaved();
  assert.match(await page.getByTestId('score').innerText(), /\(100%\)/);
  await context.close();
});
