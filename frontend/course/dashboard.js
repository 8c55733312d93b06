// The home page's dashboard (overall bar, one card per module, "Continue
// where you left off", the storage mode) and the navigation's "Complete" marks.
// Both need the course manifest, fetched once per visit (main.js).

import {find, findAll} from "./dom.js";
import {checkinSummary, moduleProgress, savedCheckins} from "./record.js";
import {translate} from "./strings.js";

/** A page's path as the navigation links it, so "a/index.html" and "a/" match. */
const pagePath = url => url.pathname.replace(/index\.html$/, "");

/** Set a progress bar to `fraction` (0 to 1); return the whole percentage shown. */
function setBar(bar, fraction) {
  const percent = Math.round(fraction * 100);
  bar.style.setProperty("--p", `${percent}%`);
  bar.setAttribute("aria-valuenow", percent);
  return percent;
}

/** Each module of the manifest with its progress, keyed by module id. */
function progressByModule(course) {
  const byId = new Map();
  for (const module of course.manifest.modules) {
    byId.set(module.id, {module, progress: moduleProgress(course.record, module, course.page.completion)});
  }
  return byId;
}

/** Redraw the dashboard, where the page has one. */
export function paintDashboard(course) {
  paintStorageMode(course);
  if (!course.manifest) return;
  const modules = progressByModule(course);
  const overall = find(".course-overall");
  if (overall) {
    let total = 0;
    for (const {progress} of modules.values()) total += progress.fraction;
    const percent = setBar(find(".course-bar", overall), total / course.manifest.modules.length);
    find(".course-overall__text", overall).textContent = translate(course, "dashboard.overall", {percent});
    overall.hidden = false;
  }
  for (const card of findAll(".course-card")) {
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
  const resume = find(".course-continue");
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
function paintStorageMode(course) {
  const line = find(".course-mode");
  if (!line) return;
  line.textContent = translate(course, `storage.mode_${course.mode}`);
  line.hidden = false;
  const choice = find(".course-visit-only");
  if (choice) {
    choice.checked = course.mode === "visit";
    choice.disabled = course.mode === "memory";
  }
}

/** Mark each completed module's link in the navigation (the word is the accessible name; the tick is CSS). */
export function paintNavigationMarks(course) {
  if (!course.manifest) return;
  const done = new Set();
  for (const {module, progress} of progressByModule(course).values()) {
    if (progress.fraction === 1) done.add(pagePath(new URL(module.url, course.root)));
  }
  for (const link of findAll(".md-nav--primary a.md-nav__link[href]")) {
    if (!link.hash && done.has(pagePath(link))) link.dataset.courseDone = translate(course, "state.complete");
    else delete link.dataset.courseDone;
  }
}
