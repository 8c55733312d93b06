// The home page's dashboard: overall bar, one card per module, "Continue
// where you left off" and where progress is kept. The bars and cards need the
// course manifest, fetched once per visit (main.js); until it arrives only the
// storage mode is shown.

import {find, findAll} from "./dom.js";
import {checkinSummary, savedCheckins} from "./record.js";
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
  paintCheckins(course);
  // Without a last-visited module the link keeps starting the course.
  const resume = find(".course-continue", element);
  const last = typeof course.record.last === "string" && modules.get(course.record.last);
  if (resume && last) {
    find("a", resume).href = new URL(last.module.url, course.root);
    find(".course-continue__label", resume).textContent = translate(course, "dashboard.continue");
    find(".course-continue__title", resume).textContent = last.module.title;
  }
}

/**
 * One neutral line per check-in of the course (the manifest lists them):
 * its page, how many times it was taken, the latest date, and how many
 * answers changed since the first take. Never a score or a judgement: the
 * screen may be shared.
 */
function paintCheckins(course) {
  const list = find(".course-checkins__list");
  const checkins = course.manifest.checkins;
  if (!list || !Array.isArray(checkins)) return;
  list.replaceChildren();
  for (const checkin of checkins) {
    const takes = savedCheckins(course.record, checkin.page, checkin.id);
    const summary = checkinSummary(takes, Number(checkin.statements) || 0);
    const date = summary.count ? new Date(summary.latest).toLocaleDateString(document.documentElement.lang || undefined, {dateStyle: "medium"}) : "";
    const key = ["checkin.dashboard_none", "checkin.dashboard_one"][summary.count] || "checkin.dashboard_many";
    const words = translate(course, key, {title: "\u0000", count: summary.count, date, changed: summary.changed, total: summary.total});
    const [before, after] = words.split("\u0000");
    const link = document.createElement("a");
    link.href = new URL(checkin.url, course.root).href;
    link.textContent = checkin.title;
    const item = document.createElement("li");
    item.append(before, link, after ?? "");
    list.append(item);
  }
  list.closest(".course-checkins").hidden = !checkins.length;
}

/** Say where progress is kept: on this device, for this visit only, or nowhere. */
function paintStorageMode(course, element) {
  const line = find(".course-mode", element);
  if (!line) return;
  line.textContent = translate(course, `storage.mode_${course.mode}`);
  line.hidden = false;
}
