// A reflection prompt: an ungraded text box whose words are saved as the
// learner types (after a pause, and when they leave the box), said quietly
// in the polite status line. Never right or wrong, never counted. A copy in
// the notebook or the workbook names its module (data-course-page), so the
// module page and the notebook show one text. For print, a paragraph under
// the box holds the words ("Print with my answers"); ruled lines otherwise.

import {createElement, find} from "./dom.js";
import {pageEntry, savedReflection} from "./record.js";
import {changeProgress} from "./progress.js";
import {translate} from "./strings.js";

const SAVE_AFTER_MS = 600;

/** Make the server-rendered reflection `element` keep what the learner writes. */
export function setUpReflection(course, element) {
  const box = find(".course-reflection__answer", element);
  const status = find(".course-reflection__status", element);
  if (!box || !status) return;
  const reflection = {
    id: element.dataset.reflectionId,
    pageKey: element.closest("[data-course-page]")?.dataset.coursePage || course.page.page,
    box,
    status,
    printed: createElement("div", "course-reflection__words"),
    timer: 0,
  };
  find(".course-reflection__note", element)?.setAttribute("hidden", "");
  element.append(reflection.printed);
  showSaved(course, reflection);
  box.addEventListener("input", () => {
    clearTimeout(reflection.timer);
    reflection.timer = setTimeout(() => saveText(course, reflection), SAVE_AFTER_MS);
  });
  box.addEventListener("blur", () => {
    if (!reflection.timer) return;
    clearTimeout(reflection.timer);
    saveText(course, reflection);
  });
  // Another tab, an import or a reset: show the record's words, unless the learner is writing here.
  course.refreshers.set(element, () => {
    if (document.activeElement !== box) showSaved(course, reflection);
  });
}

/** Show the saved words in the box and in the printed copy. */
function showSaved(course, reflection) {
  const text = savedReflection(course.record, reflection.pageKey, reflection.id);
  reflection.box.value = text;
  showPrinted(reflection, text);
}

/** The learner's words for paper, with their line breaks; empty when there are none (ruled lines print instead). */
function showPrinted(reflection, text) {
  reflection.printed.textContent = text;
  reflection.printed.closest(".course-reflection").classList.toggle("has-words", Boolean(text.trim()));
}

/** Save the box's words and say whether they were kept. */
function saveText(course, reflection) {
  reflection.timer = 0;
  const text = reflection.box.value;
  const saved = changeProgress(course, record => {
    const reflections = pageEntry(record, reflection.pageKey).reflections;
    if (text) reflections[reflection.id] = {text, updated: new Date().toISOString()};
    else delete reflections[reflection.id];
  });
  showPrinted(reflection, text);
  reflection.status.textContent = translate(course, saved || course.mode === "memory" ? "reflection.saved" : "reflection.not_saved");
}
