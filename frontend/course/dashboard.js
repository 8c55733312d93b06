// The home page's dashboard: overall bar, one card per module, "Continue
// where you left off" and where progress is kept. The bars and cards need the
// course manifest, fetched once per visit (main.js); until it arrives only the
// storage mode is shown.

import {find, findAll} from "./dom.js";
import {progressByModule} from "./navigation-marks.js";
import {translate} from "./strings.js";

/** Set a progress bar to `fraction` (0 to 1); return the whole percentage shown. */
function setBar(bar, fraction) {
  const percent = Math.round(fraction * 100);
  bar.style.setProperty("--p", `${percent}%`);
  bar.setAttribute("aria-valuenow", percent);
  return percent;
}

/** Draw the dashboard `element` now and after every change. */
export function setUpDashboard(course, element) {
  course.painters.set(element, () => paintDashboard(course, element));
  paintDashboard(course, element);
}

/** Redraw the dashboard `element` from the record. */
function paintDashboard(course, element) {
  paintStorageMode(course, element);
  if (!course.manifest) return;
  const modules = progressByModule(course);
  const overall = find(".course-overall", element);
  if (overall) {
    let total = 0;
    for (const {progress} of modules.values()) total += progress.fraction;
    const percent = setBar(find(".course-bar", overall), total / course.manifest.modules.length);
    find(".course-overall__text", overall).textContent = translate(course, "dashboard.overall", {percent});
    overall.hidden = false;
  }
  for (const card of findAll(".course-card", element)) {
    const entry = modules.get(card.dataset.module);
    if (!entry) continue;
    const state = find(".course-card__state", card);
    setBar(find(".course-bar", card), entry.progress.fraction);
    state.dataset.state = entry.progress.stateKey;
    state.textContent = translate(course, entry.progress.stateKey);
    state.parentNode.hidden = false;
  }
  // Without a last-visited module the link keeps starting the course.
  const resume = find(".course-continue", element);
  const last = typeof course.record.last === "string" && modules.get(course.record.last);
  if (resume && last) {
    find("a", resume).href = new URL(last.module.url, course.root);
    find(".course-continue__label", resume).textContent = translate(course, "dashboard.continue");
    find(".course-continue__title", resume).textContent = last.module.title;
  }
}

/** Say where progress is kept: on this device, for this visit only, or nowhere. */
function paintStorageMode(course, element) {
  const line = find(".course-mode", element);
  if (!line) return;
  line.textContent = translate(course, `storage.mode_${course.mode}`);
  line.hidden = false;
}
