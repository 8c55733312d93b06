// The tools that keep progress (home page, under the dashboard) and the
// "Erase everything" control (there and wherever a page has the marker, such
// as the help page). Each handler is thin: the work is in record.js and
// storage.js. Anything that removes progress asks once with confirm().

import {downloadText, find, setUpOnce} from "./dom.js";
import {exportFile, importProblem} from "./progress-file.js";
import {mergeProgress} from "./record.js";
import {eraseOfflineCopies} from "./offline-copies.js";
import {eraseEverything, hasSavedOnDevice, loadRecord, setVisitOnly} from "./storage.js";
import {changeProgress} from "./progress.js";
import {repaint} from "./paint.js";
import {translate} from "./strings.js";

/** Write string `key` into the status line of the tool holding `control`. */
function say(course, control, key, values) {
  find("[role=status]", control.closest(".course-tool")).textContent = translate(course, key, values);
}

/** Wire every progress tool on the page. */
export function setUpProgressTools(course) {
  setUpOnce(".course-export", button => button.addEventListener("click", () => exportProgress(course)));
  setUpOnce(".course-import", input => input.addEventListener("change", () => importProgress(course, input)));
  setUpOnce(".course-reset", button => button.addEventListener("click", () => resetModule(course, button)));
  setUpOnce(".course-reset-all", button => button.addEventListener("click", () => resetCourse(course, button)));
  setUpOnce(".course-visit-only", box => {
    box.addEventListener("change", () => chooseVisitOnly(course, box));
    course.painters.set(box, () => paintVisitOnly(course, box));
    paintVisitOnly(course, box);
  });
  setUpOnce(".course-erase-all", button => button.addEventListener("click", () => erase(course, button)));
}

/** Show the storage mode in the "Don't keep my progress on this device" box (it cannot be chosen without storage). */
function paintVisitOnly(course, box) {
  box.checked = course.mode === "visit";
  box.disabled = course.mode === "memory";
}

/** Download the record as a progress file. */
function exportProgress(course) {
  const namespace = course.page.namespace;
  const text = exportFile(loadRecord(course), namespace, new Date().toISOString());
  downloadText(text, `progress-${namespace.replace(/[^\w-]/g, "")}.json`);
}

/**
 * Merge the chosen file into the record. It says "imported" only once the
 * merged record is saved; otherwise the progress shows for this visit and the
 * learner is told to keep the file (which is never changed) and try again.
 */
async function importProgress(course, input) {
  let file;
  try {
    file = JSON.parse(await input.files[0].text());
  } catch {
    file = null;
  }
  input.value = "";
  const problem = importProblem(file, course.page.namespace);
  if (problem) {
    say(course, input, problem);
    return;
  }
  const saved = changeProgress(course, record => mergeProgress(record, file.progress));
  repaint(course, {external: true});
  say(course, input, saved || course.mode === "memory" ? "progress.imported" : "progress.import_not_saved");
}

/** Clear the chosen module's progress, after one question. */
function resetModule(course, button) {
  const option = find(".course-reset-select").selectedOptions[0];
  if (!option || !confirm(translate(course, "progress.confirm_module", {title: option.text}))) return;
  changeProgress(course, record => delete record.pages[option.value]);
  repaint(course, {external: true});
  say(course, button, "progress.done_reset");
}

/** Clear the whole course's progress, after one question. */
function resetCourse(course, button) {
  if (!confirm(translate(course, "progress.confirm_course"))) return;
  changeProgress(course, record => {
    record.pages = {};
    record.last = "";
  });
  repaint(course, {external: true});
  say(course, button, "progress.done_reset");
}

/** "Don't keep my progress on this device": asks first when that removes what is saved here. */
function chooseVisitOnly(course, box) {
  const removesProgress = box.checked && hasSavedOnDevice(course);
  if (removesProgress && !confirm(translate(course, "progress.confirm_visit_only"))) {
    box.checked = false;
    return;
  }
  const switched = setVisitOnly(course, box.checked);
  repaint(course);
  say(course, box, switched ? `progress.now_${course.mode}` : "progress.mode_failed");
}

/** Erase everything the course saved on this device (progress, and the pages kept for offline reading), after one question. */
async function erase(course, button) {
  if (!confirm(translate(course, "progress.confirm_erase"))) return;
  eraseEverything(course);
  repaint(course, {external: true});
  try {
    await eraseOfflineCopies(course.root);
  } catch {
    // A refused Cache Storage holds nothing of ours.
  }
  say(course, button, "progress.erased");
}

