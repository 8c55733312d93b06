// A quiz that teaches. The server renders the answer key in a closed
// <details> so the page works without JavaScript; here the key becomes
// per-option marks, feedback and an explanation. A wrong answer shows only
// the chosen options' feedback and "Not quite" (never which option is
// right), so trying again is worth it; the right option and the explanation
// appear after a right answer, or when the learner asks "Show the answer"
// (offered before answering too, and after a wrong answer), which is saved as
// given up, not as right. A fill-in-the-blank quiz is blanks.js. The buttons and the live status
// region exist only here, as only JavaScript uses them. Focus stays where the
// learner is: on "Try again" after checking, on "Check answer" after trying
// again.

import {find, findAll} from "./dom.js";
import {pageEntry, savedAnswer} from "./record.js";
import {shuffledOrder} from "./shuffle.js";
import {translate} from "./strings.js";
import {createControls, saveAnswer, showControls} from "./quiz-controls.js";
import {whenUsed} from "./parts.js";

// Fill-in-the-blank quizzes are rarer: their code is a part of its own.
const setUpBlankQuiz = whenUsed(() => import("./blanks.js"), "setUpBlankQuiz");

/** Whether `chosen` (option values) is exactly the set of right options. */
export const isRightAnswer = (chosen, rightOptions) =>
  chosen.length === rightOptions.size && chosen.every(value => rightOptions.has(value));

/** Turn the server-rendered quiz `element` into an interactive one. */
export function setUpQuiz(course, element) {
  if (element.dataset.quizKind === "blanks") {
    setUpBlankQuiz(course, element);
    return;
  }
  const answerKey = find(".course-quiz__answer", element);
  const options = find(".course-quiz__options", element);
  if (!answerKey || !options) return;
  const quiz = {
    id: element.dataset.quizId,
    pageKey: course.page.page,
    element,
    options,
    inputs: findAll(".course-quiz__input", element),
    rightOptions: new Set(),
    ...createControls(course, element),
    explanation: find(".course-quiz__explanation", answerKey),
    shown: null, // what the quiz shows: {chosen, state} with state "right", "wrong" or "revealed"
  };
  moveAnswerKeyIntoOptions(element, answerKey, options, quiz);
  if (element.dataset.quizShuffle === "true") shuffleOptions(course, quiz);

  quiz.submit.addEventListener("click", () => {
    const chosen = quiz.inputs.filter(input => input.checked).map(input => input.value);
    if (!chosen.length) {
      quiz.status.textContent = translate(course, "quiz.choose");
      return;
    }
    const isRight = isRightAnswer(chosen, quiz.rightOptions);
    showAnswer(course, quiz, chosen, isRight ? "right" : "wrong");
    saveAnswer(course, quiz, {answer: chosen.map(Number), correct: isRight});
    quiz.retry.focus();
  });
  quiz.retry.addEventListener("click", () => {
    clearAnswer(quiz);
    quiz.submit.focus();
  });
  quiz.reveal.addEventListener("click", () => {
    const chosen = quiz.shown?.chosen || [];
    showAnswer(course, quiz, chosen, "revealed");
    saveAnswer(course, quiz, {answer: chosen.map(Number), correct: false, gaveUp: true});
    quiz.retry.focus();
  });
  restoreSavedAnswer(course, quiz);
  // Another tab may answer or reset this quiz: show what the record says.
  course.refreshers.set(element, () => refreshFromRecord(course, quiz));
}

/** Move each feedback next to its option and the explanation below them; drop the <details>. */
function moveAnswerKeyIntoOptions(element, answerKey, options, quiz) {
  options.after(quiz.actions, quiz.status);
  for (const keyItem of findAll(".course-quiz__key-item", answerKey)) {
    const option = find(`.course-quiz__option[data-option="${keyItem.dataset.option}"]`, element);
    const feedback = find(".course-quiz__feedback", keyItem);
    if (keyItem.dataset.correct === "true") quiz.rightOptions.add(keyItem.dataset.option);
    if (option && feedback) {
      feedback.hidden = true;
      option.append(feedback);
    }
  }
  if (quiz.explanation) {
    quiz.explanation.hidden = true;
    quiz.status.after(quiz.explanation);
  }
  answerKey.remove();
}

/**
 * Show the options in this learner's own order. The order is drawn from the
 * record's seed, which is saved now if it is not yet, so a reload shows the
 * same order. Printing puts the author's order back (`followPrinting`).
 */
function shuffleOptions(course, quiz) {
  const seed = course.record?.seed || "";
  const rows = findAll(":scope > .course-quiz__option", quiz.options);
  const byNumber = new Map(rows.map(row => [Number(row.dataset.option), row]));
  if (byNumber.size !== rows.length) return;
  quiz.order = shuffledOrder(rows.length, seed, quiz.id).map(number => byNumber.get(number)).filter(Boolean);
  quiz.options.dataset.courseOrder = "shuffled";
  showOrder(quiz, "shuffled");
  course.shuffled.add(quiz);
  followPrinting(course);
  if (!course.seedSaved && course.unreadable == null) {
    course.seedSaved = true;
    course.changeProgress(() => {});
  }
}

/**
 * Paper keeps the author's order of shuffled options (a printed page is
 * shared and compared), and the screen gets the learner's order back after.
 * Both the print events and the print media query are followed: a browser's
 * print preview fires one or the other.
 */
function followPrinting(course) {
  if (course.printing) return;
  course.printing = true;
  const show = order => {
    for (const quiz of course.shuffled) {
      if (quiz.element.isConnected) showOrder(quiz, order);
      else course.shuffled.delete(quiz);
    }
  };
  addEventListener("beforeprint", () => show("author"));
  addEventListener("afterprint", () => show("shuffled"));
  matchMedia("print").addEventListener("change", event => show(event.matches ? "author" : "shuffled"));
}

/** Put `quiz`'s options in the learner's order ("shuffled") or the author's ("author"). */
function showOrder(quiz, order) {
  const rows = order === "shuffled"
    ? quiz.order
    : [...quiz.order].sort((a, b) => Number(a.dataset.option) - Number(b.dataset.option));
  quiz.options.append(...rows);
  quiz.options.dataset.courseOrder = order;
}

/**
 * Mark the quiz as answered with `chosen` ticked. `state` "right" or
 * "revealed" shows every option's verdict and the explanation; "wrong" only
 * the chosen options' feedback, so the right option stays to be found.
 */
function showAnswer(course, quiz, chosen, state) {
  const revealsKey = state !== "wrong";
  for (const input of quiz.inputs) {
    const option = input.closest(".course-quiz__option");
    const right = quiz.rightOptions.has(input.value);
    const feedback = find(".course-quiz__feedback", option);
    const mark = find(".course-quiz__mark", option) || input.parentNode.appendChild(document.createElement("span"));
    input.checked = chosen.includes(input.value);
    input.disabled = true;
    option.classList.remove("is-right", "is-wrong", "is-chosen");
    mark.className = "course-quiz__mark";
    if (revealsKey) {
      option.classList.add(right ? "is-right" : "is-wrong");
      mark.textContent = translate(course, right ? "quiz.correct" : "quiz.wrong")
        + (input.checked ? ` · ${translate(course, "quiz.your_choice")}` : "");
    } else if (input.checked) {
      option.classList.add("is-chosen");
      mark.textContent = translate(course, "quiz.your_choice");
    } else {
      mark.remove();
    }
    if (feedback) feedback.hidden = !input.checked;
  }
  if (quiz.explanation) quiz.explanation.hidden = !revealsKey;
  const status = {right: "quiz.right", wrong: "quiz.not_right", revealed: "quiz.revealed"}[state];
  quiz.status.textContent = translate(course, status);
  showControls(quiz, state);
  quiz.shown = {chosen, state};
}

/** Put the quiz back as it was before answering. */
function clearAnswer(quiz) {
  for (const input of quiz.inputs) {
    const option = input.closest(".course-quiz__option");
    const feedback = find(".course-quiz__feedback", option);
    input.checked = false;
    input.disabled = false;
    option.classList.remove("is-right", "is-wrong", "is-chosen");
    find(".course-quiz__mark", option)?.remove();
    if (feedback) feedback.hidden = true;
  }
  if (quiz.explanation) quiz.explanation.hidden = true;
  quiz.status.textContent = "";
  showControls(quiz, null);
  quiz.shown = null;
}

/** The saved answer as {chosen (option values), state}, or null when there is none or it names an option the quiz lacks. */
function savedState(course, quiz) {
  const saved = savedAnswer(course.record, quiz.pageKey, quiz.id);
  if (!Array.isArray(saved.answer)) return null;
  const chosen = saved.answer.map(String);
  if (!chosen.every(value => quiz.inputs.some(input => input.value === value))) return null;
  if (saved.gaveUp === true) return {chosen, state: "revealed"};
  if (!chosen.length) return null;
  return {chosen, state: isRightAnswer(chosen, quiz.rightOptions) ? "right" : "wrong"};
}

/**
 * Show the saved answer, marked again against today's key. An answer naming
 * an option the quiz no longer has is dropped, so it is not counted.
 */
function restoreSavedAnswer(course, quiz) {
  const saved = savedAnswer(course.record, quiz.pageKey, quiz.id);
  if (!saved) return;
  const shown = savedState(course, quiz);
  if (!shown) {
    course.changeProgress(record => delete pageEntry(record, quiz.pageKey).quizzes[quiz.id]);
    return;
  }
  showAnswer(course, quiz, shown.chosen, shown.state);
  const isRight = shown.state === "right";
  if (isRight !== saved.correct && shown.state !== "revealed") {
    saveAnswer(course, quiz, {answer: shown.chosen.map(Number), correct: isRight});
  }
}

/** Show what the record says now (another tab answered, or reset, this quiz). */
function refreshFromRecord(course, quiz) {
  const shown = savedState(course, quiz);
  if (shown && (String(shown.chosen) !== String(quiz.shown?.chosen) || shown.state !== quiz.shown?.state)) {
    showAnswer(course, quiz, shown.chosen, shown.state);
  } else if (!shown && quiz.shown) clearAnswer(quiz);
}
