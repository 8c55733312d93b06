// The module header's progress line ("1 of 3 checklist items · ... · In
// progress") and the "Mark as read" buttons' state.

import {find, findAll} from "./dom.js";
import {moduleProgress} from "./record.js";
import {translate} from "./strings.js";

/** This page as a module: its id and the item and quiz ids it shows now. */
function pageAsModule(course) {
  return {
    id: course.page.page,
    checklist: findAll(".course-checklist__item").map(item => item.dataset.itemId),
    quizzes: findAll(".course-quiz").map(quiz => quiz.dataset.quizId),
  };
}

/** Redraw the header of a module page; other pages have none. */
export function paintModuleHeader(course) {
  if (!find(".course-module")) return;
  const progress = moduleProgress(course.record, pageAsModule(course), course.page.completion);
  for (const button of findAll(".course-read")) button.setAttribute("aria-pressed", String(progress.read));
  const counts = translate(course, "module.progress", {
    checks: progress.ticked, checks_total: progress.items,
    quizzes: progress.correct, quizzes_total: progress.quizzes,
  });
  // One string holds both counts, so translators see the whole sentence:
  // keep only the parts this module has.
  const parts = counts.split(" · ").filter((part, index) => [progress.items, progress.quizzes][index]);
  const line = find(".course-module__progress");
  line.textContent = [...parts, translate(course, progress.stateKey)].join(" · ");
  line.hidden = false;
}
