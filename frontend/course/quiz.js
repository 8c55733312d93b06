// A quiz. The server renders the answer key in a closed <details> so the
// page works without JavaScript; here the key becomes per-option marks,
// feedback and an explanation, shown once the learner has answered. The
// buttons and the live status region exist only here, as only JavaScript
// uses them. Focus stays where the learner is: on "Try again" after checking,
// on "Check answer" after trying again.

import {createButton, createElement, find, findAll} from "./dom.js";
import {pageEntry, savedAnswer} from "./record.js";
import {changeProgress} from "./progress.js";
import {translate} from "./strings.js";

/** Whether `chosen` (option values) is exactly the set of right options. */
export const isRightAnswer = (chosen, rightOptions) =>
  chosen.length === rightOptions.size && chosen.every(value => rightOptions.has(value));

/** Turn the server-rendered quiz `element` into an interactive one. */
export function setUpQuiz(course, element) {
  const answerKey = find(".course-quiz__answer", element);
  const options = find(".course-quiz__options", element);
  if (!answerKey || !options) return;
  const quiz = {
    id: element.dataset.quizId,
    pageKey: course.page.page,
    inputs: findAll(".course-quiz__input", element),
    rightOptions: new Set(),
    status: createElement("div", "course-quiz__status"),
    submit: createButton("md-button--primary course-quiz__submit", translate(course, "quiz.submit")),
    retry: createButton("course-quiz__retry", translate(course, "quiz.retry")),
    explanation: find(".course-quiz__explanation", answerKey),
    shown: null,
  };
  moveAnswerKeyIntoOptions(element, answerKey, options, quiz);

  quiz.submit.addEventListener("click", () => {
    const chosen = quiz.inputs.filter(input => input.checked).map(input => input.value);
    if (!chosen.length) {
      quiz.status.textContent = translate(course, "quiz.choose");
      return;
    }
    saveAnswer(course, quiz, chosen, showAnswer(course, quiz, chosen));
    quiz.retry.focus();
  });
  quiz.retry.addEventListener("click", () => {
    clearAnswer(quiz);
    quiz.submit.focus();
  });
  restoreSavedAnswer(course, quiz);
  // Another tab may answer or reset this quiz: show what the record says.
  course.refreshers.set(element, () => refreshFromRecord(course, quiz));
}

/** Move each feedback next to its option and the explanation below them; drop the <details>. */
function moveAnswerKeyIntoOptions(element, answerKey, options, quiz) {
  const actions = createElement("div", "course-quiz__actions");
  quiz.retry.hidden = true;
  quiz.status.setAttribute("role", "status");
  quiz.status.setAttribute("aria-live", "polite");
  actions.append(quiz.submit, quiz.retry);
  options.after(actions, quiz.status);
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

/** Mark every option right or wrong with `chosen` ticked; return whether the answer is right. */
function showAnswer(course, quiz, chosen) {
  for (const input of quiz.inputs) {
    const option = input.closest(".course-quiz__option");
    const right = quiz.rightOptions.has(input.value);
    const feedback = find(".course-quiz__feedback", option);
    const mark = find(".course-quiz__mark", option) || input.parentNode.appendChild(document.createElement("span"));
    input.checked = chosen.includes(input.value);
    input.disabled = true;
    option.classList.add(right ? "is-right" : "is-wrong");
    mark.className = "course-quiz__mark";
    mark.textContent = translate(course, right ? "quiz.correct" : "quiz.wrong")
      + (input.checked ? ` · ${translate(course, "quiz.your_choice")}` : "");
    if (feedback) feedback.hidden = !input.checked;
  }
  const isRight = isRightAnswer(chosen, quiz.rightOptions);
  if (quiz.explanation) quiz.explanation.hidden = false;
  quiz.status.textContent = translate(course, isRight ? "quiz.right" : "quiz.not_right");
  quiz.submit.hidden = true;
  quiz.retry.hidden = false;
  quiz.shown = chosen;
  return isRight;
}

/** Put the quiz back as it was before answering. */
function clearAnswer(quiz) {
  for (const input of quiz.inputs) {
    const option = input.closest(".course-quiz__option");
    const feedback = find(".course-quiz__feedback", option);
    input.checked = false;
    input.disabled = false;
    option.classList.remove("is-right", "is-wrong");
    find(".course-quiz__mark", option)?.remove();
    if (feedback) feedback.hidden = true;
  }
  if (quiz.explanation) quiz.explanation.hidden = true;
  quiz.status.textContent = "";
  quiz.retry.hidden = true;
  quiz.submit.hidden = false;
  quiz.shown = null;
}

/** Save `chosen` and whether it is right as the quiz's answer. */
function saveAnswer(course, quiz, chosen, isRight) {
  changeProgress(course, record => {
    pageEntry(record, quiz.pageKey).quizzes[quiz.id] = {answer: chosen.map(Number), correct: isRight};
  });
}

/** The saved answer as option values, or [] when there is none. */
function savedChoice(course, quiz) {
  const saved = savedAnswer(course.record, quiz.pageKey, quiz.id);
  return Array.isArray(saved.answer) ? saved.answer.map(String) : [];
}

/**
 * Show the saved answer, marked again against today's key. An answer naming
 * an option the quiz no longer has is dropped, so it is not counted.
 */
function restoreSavedAnswer(course, quiz) {
  const chosen = savedChoice(course, quiz);
  if (!chosen.length) return;
  if (!chosen.every(value => quiz.inputs.some(input => input.value === value))) {
    changeProgress(course, record => delete pageEntry(record, quiz.pageKey).quizzes[quiz.id]);
    return;
  }
  const isRight = showAnswer(course, quiz, chosen);
  if (isRight !== savedAnswer(course.record, quiz.pageKey, quiz.id).correct) saveAnswer(course, quiz, chosen, isRight);
}

/** Show what the record says now (another tab answered, or reset, this quiz). */
function refreshFromRecord(course, quiz) {
  const chosen = savedChoice(course, quiz);
  const valid = chosen.length && chosen.every(value => quiz.inputs.some(input => input.value === value));
  if (valid && String(chosen) !== String(quiz.shown)) showAnswer(course, quiz, chosen);
  else if (!valid && quiz.shown) clearAnswer(quiz);
}
