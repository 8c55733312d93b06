// Where the record lives and how it is saved, so that a learner never loses
// progress to a full, disabled or corrupt store (issue 13).
//
// - The record is read again before every change, so what another tab saved
//   survives, and a `storage` event repaints this tab (main.js).
// - A failed save (storage full) is retried at the next change: the record
//   in memory keeps every change, and a notice says what is not saved and,
//   later, that saving works again.
// - A record that cannot be read is set aside in one of BACKUP_SLOTS, never
//   overwritten silently. With no free slot, or no room, the learner is
//   offered the unreadable record as a download, and their next change starts
//   a fresh record, so no visit is stuck failing to save.
// - "Don't keep my progress on this device" keeps the record in
//   sessionStorage: it lasts for the visit (this tab) and leaves nothing in
//   localStorage. Even the choice is kept only in sessionStorage: a
//   localStorage flag would itself tell anyone who looks that this course was
//   used here. The cost: a new visit saves on the device again until the
//   learner chooses again, and the dashboard says which mode is on.
// - Storage that throws on reading (private mode, site data blocked) keeps the
//   record in memory for the visit.

import {freshRecord, mergeProgress, parseRecord} from "./record.js";
import {offerUnreadableRecord, showNotice} from "./notices.js";

const KEY_PREFIX = "mkdocs-course:";
// Bounded, so corrupt records cannot fill the quota; each one is kept until
// the learner erases it, and when all are taken the learner gets a download.
const BACKUP_SLOTS = ["backup", "backup-2", "backup-3"];
// In sessionStorage only: see the note above.
const VISIT_ONLY_FLAG = "visit-only";

/** The storage key of course `namespace`'s record. */
export const recordKey = namespace => KEY_PREFIX + namespace;

/** Whether storage `key` belongs to the course whose record key is `courseKey`. */
export const isCourseKey = (key, courseKey) => key === courseKey || key.startsWith(`${courseKey}:`);

/** The Storage the record lives in for the current mode, or null when it lives in memory. */
export function recordStore(course) {
  if (course.mode === "memory") return null;
  return course.mode === "visit" ? sessionStorage : localStorage;
}

/**
 * Choose where the record lives on this page load: the learner's choice for
 * this visit, or the device; memory when storage cannot even be read.
 */
export function chooseMode(course) {
  if (course.mode) return;
  try {
    course.mode = readFlag(course) ? "visit" : "device";
    recordStore(course).getItem(course.key);
  } catch {
    course.mode = "memory";
    showNotice(course, "storage", "storage.unavailable");
  }
}

/** Whether the learner chose "this visit only" in this tab. */
function readFlag(course) {
  try {
    return sessionStorage.getItem(`${course.key}:${VISIT_ONLY_FLAG}`) === "true";
  } catch {
    return false;
  }
}

/**
 * Read the record from storage into `course.record` and return it. Unsaved
 * changes (after a failed save) are kept: the stored record is merged into
 * them rather than replacing them.
 */
export function loadRecord(course) {
  const store = recordStore(course);
  if (!store) return (course.record ||= freshRecord(course.page.namespace));
  let raw;
  try {
    raw = store.getItem(course.key);
  } catch {
    course.mode = "memory";
    showNotice(course, "storage", "storage.unavailable");
    return (course.record ||= freshRecord(course.page.namespace));
  }
  if (course.unreadable != null && raw === course.unreadable) return course.record;
  const stored = parseRecord(raw, course.page.namespace);
  if (!stored) return startAfresh(course, store, raw);
  // Nothing stored yet: keep the seed this visit already shows shuffled options with.
  if (raw == null && course.record?.seed) stored.seed = course.record.seed;
  course.record = course.saveFailed && course.record ? mergeProgress(course.record, stored) : stored;
  return course.record;
}

/** Set the unreadable `raw` record aside and start a fresh one. */
function startAfresh(course, store, raw) {
  course.record = freshRecord(course.page.namespace);
  if (setAside(course, store, raw)) {
    saveRecord(course);
    showNotice(course, "unreadable", "storage.reset_notice");
  } else {
    // Kept in storage until the next change, so that leaving now loses nothing.
    course.unreadable = raw;
    offerUnreadableRecord(course, raw);
  }
  return course.record;
}

/** Copy `raw` into the first free backup slot; false when every slot is taken or it does not fit. */
function setAside(course, store, raw) {
  for (const slot of BACKUP_SLOTS) {
    const key = `${course.key}:${slot}`;
    try {
      if (store.getItem(key) != null) continue;
      store.setItem(key, raw);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Write `course.record` and return whether it was saved. A failure shows one
 * notice and is retried by the next change; the first success after one says so.
 */
export function saveRecord(course) {
  course.record.updated = new Date().toISOString();
  const store = recordStore(course);
  if (!store) return false;
  try {
    store.setItem(course.key, JSON.stringify(course.record));
  } catch {
    course.saveFailed = true;
    showNotice(course, "saving", "storage.full");
    return false;
  }
  course.unreadable = null;
  if (course.saveFailed) {
    course.saveFailed = false;
    showNotice(course, "saving", "storage.saved_again");
  }
  return true;
}

/** Every key of this course in `store` (record, backups, flags). */
function courseKeys(course, store) {
  const keys = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (isCourseKey(key, course.key) || isThemeKey(key)) keys.push(key);
  }
  return keys;
}

/**
 * Whether `key` is one of Material's keys for this site.
 * Material keeps this site's own choices (palette, consent, ...) under the
 * site's path followed by a dot (md-base.js); they are traces of the visit too.
 */
function isThemeKey(key) {
  const scope = window.__md_scope?.pathname;
  return Boolean(scope) && key.startsWith(`${scope}.`);
}

/**
 * Remove everything this course saved on this device, in localStorage and
 * sessionStorage, and start a fresh record in memory. A store the browser
 * refuses to open holds nothing of ours. The learner's "this visit only"
 * choice is written again, in sessionStorage, so the rest of the visit keeps it.
 */
export function eraseEverything(course) {
  for (const name of ["localStorage", "sessionStorage"]) {
    try {
      const store = window[name];
      for (const key of courseKeys(course, store)) store.removeItem(key);
    } catch {
      // Disabled storage: nothing was saved there.
    }
  }
  course.record = freshRecord(course.page.namespace);
  course.unreadable = null;
  course.saveFailed = false;
  if (course.mode === "visit") {
    try {
      writeFlag(course, true);
    } catch {
      course.mode = "memory";
    }
  }
}

/** Remember (or forget) the "this visit only" choice in sessionStorage. */
function writeFlag(course, visitOnly) {
  const key = `${course.key}:${VISIT_ONLY_FLAG}`;
  if (visitOnly) sessionStorage.setItem(key, "true");
  else sessionStorage.removeItem(key);
}

/** Whether this course has anything saved in localStorage (so going visit-only would remove it). */
export function hasSavedOnDevice(course) {
  try {
    return courseKeys(course, localStorage).some(key => isCourseKey(key, course.key));
  } catch {
    return false;
  }
}

/**
 * Switch between keeping progress on this device and for this visit only,
 * moving the record; return whether it worked (the mode stays as it was if not).
 * Going visit-only removes everything the course saved in localStorage.
 */
export function setVisitOnly(course, visitOnly) {
  if (course.mode === "memory" || (course.mode === "visit") === visitOnly) return course.mode !== "memory";
  loadRecord(course);
  const text = JSON.stringify(course.record);
  try {
    if (visitOnly) {
      sessionStorage.setItem(course.key, text);
      writeFlag(course, true);
      for (const key of courseKeys(course, localStorage)) {
        if (isCourseKey(key, course.key)) localStorage.removeItem(key);
      }
    } else {
      localStorage.setItem(course.key, text);
      writeFlag(course, false);
      sessionStorage.removeItem(course.key);
    }
  } catch {
    return false;
  }
  course.mode = visitOnly ? "visit" : "device";
  return true;
}
