// The saved record and what it means: pure functions, no storage, no DOM.
// Stored data may have any shape (an old version, another tab, a hand-edited
// file), so every read goes through isPlainObject/ownValue and a wrong shape
// reads as "nothing saved" instead of throwing. Format: ARCHITECTURE.md,
// "Saved progress".

export const RECORD_VERSION = 2;

/** True for a plain `{...}` object (not null, not an array). */
export const isPlainObject = value => value !== null && typeof value === "object" && !Array.isArray(value);

/** `object[key]` when the object has it as its own truthy value, else 0. */
export const ownValue = (object, key) => (isPlainObject(object) && Object.hasOwn(object, key) && object[key]) || 0;

/** An imported object's entries, without the one key that could reach a prototype. */
export const safeEntries = object =>
  isPlainObject(object) ? Object.entries(object).filter(([key]) => key !== "__proto__") : [];

/** A new per-learner random value (16 hex digits): it orders shuffled quiz options, the same on every visit. */
export function newSeed() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return [...bytes].map(byte => byte.toString(16).padStart(2, "0")).join("");
}

/** An empty record for the course `namespace`. */
export const freshRecord = namespace =>
  ({version: RECORD_VERSION, course: namespace, updated: "", last: "", seed: newSeed(), pages: {}});

/**
 * `record` in today's format. Version 1 (before reflections, check-ins and
 * shuffled options) is version 2 without a seed: everything it holds is kept
 * as it is, and it gets a seed. Returns null for any other version.
 */
export function migrateRecord(record) {
  if (!isPlainObject(record) || !isPlainObject(record.pages)) return null;
  if (record.version === 1) record.version = 2;
  if (record.version !== RECORD_VERSION) return null;
  if (typeof record.seed !== "string" || !record.seed) record.seed = newSeed();
  return record;
}

/**
 * The record stored as `raw`, or null when it cannot be read (not JSON, not
 * an object, an unknown version, no pages). A null raw is a fresh record; a
 * version 1 record is migrated.
 */
export function parseRecord(raw, namespace) {
  if (raw == null) return freshRecord(namespace);
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  return migrateRecord(record);
}

/** The entry of page `key` in `record`, created or repaired to the right shape, for writing. */
export function pageEntry(record, key) {
  let entry = ownValue(record.pages, key);
  if (!isPlainObject(entry)) entry = record.pages[key] = {};
  if (!isPlainObject(entry.checks)) entry.checks = {};
  if (!isPlainObject(entry.quizzes)) entry.quizzes = {};
  if (!isPlainObject(entry.reflections)) entry.reflections = {};
  if (!isPlainObject(entry.checkins)) entry.checkins = {};
  return entry;
}

/** Whether item `itemId` of page `pageKey` is ticked in `record`. */
export const isTicked = (record, pageKey, itemId) =>
  ownValue(ownValue(ownValue(record.pages, pageKey), "checks"), itemId) === true;

/** The saved answer of quiz `quizId` on page `pageKey`, or 0. */
export const savedAnswer = (record, pageKey, quizId) =>
  ownValue(ownValue(ownValue(record.pages, pageKey), "quizzes"), quizId);

/** Whether page `pageKey` has a saved answer to any of its quizzes in `record`. */
export const hasSavedQuizzes = (record, pageKey) =>
  safeEntries(ownValue(ownValue(record.pages, pageKey), "quizzes")).length > 0;

/** The saved text of reflection `reflectionId` on page `pageKey`, or "". */
export function savedReflection(record, pageKey, reflectionId) {
  const text = ownValue(ownValue(ownValue(ownValue(record.pages, pageKey), "reflections"), reflectionId), "text");
  return typeof text === "string" ? text : "";
}

/** The completed takes of check-in `checkinId` on page `pageKey`, oldest first: [{date, ratings}]. */
export function savedCheckins(record, pageKey, checkinId) {
  const takes = ownValue(ownValue(ownValue(record.pages, pageKey), "checkins"), checkinId);
  if (!Array.isArray(takes)) return [];
  return takes.filter(isUsableTake).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A saved check-in take that can be shown: a date and a list of whole-number ratings (0 for a skipped statement). */
const isUsableTake = take =>
  isPlainObject(take) && typeof take.date === "string" && Array.isArray(take.ratings)
  && take.ratings.every(Number.isInteger);

/**
 * Add a completed take ({date, ratings}) to check-in `checkinId`'s history,
 * kept under `pageKey`, the page that defines it (so a take on any page joins
 * one history). Whatever else is stored there is kept; a history that is not
 * a list starts again.
 */
export function addCheckinTake(record, pageKey, checkinId, take) {
  const checkins = pageEntry(record, pageKey).checkins;
  const takes = ownValue(checkins, checkinId);
  checkins[checkinId] = [...(Array.isArray(takes) ? takes : []), {date: take.date, ratings: [...take.ratings]}];
}

/** Remove the take of `date` from check-in `checkinId`'s history (the others stay). */
export function removeCheckinTake(record, pageKey, checkinId, date) {
  const checkins = pageEntry(record, pageKey).checkins;
  const takes = ownValue(checkins, checkinId);
  if (!Array.isArray(takes)) return;
  checkins[checkinId] = takes.filter(take => !(isPlainObject(take) && take.date === date));
  if (!checkins[checkinId].length) delete checkins[checkinId];
}

/**
 * What the dashboard says of a check-in's history (oldest first): how many
 * takes, the latest date, and how many answers differ between the first take
 * and the latest. Counted, never scored: statements may point in opposite
 * directions, so nothing is added up.
 */
export function checkinSummary(takes, statements) {
  if (!takes.length) return {count: 0, latest: "", changed: 0, total: statements};
  const first = takes[0].ratings;
  const latest = takes.at(-1).ratings;
  let changed = 0;
  for (let index = 0; index < statements; index += 1) {
    if ((first[index] || 0) !== (latest[index] || 0)) changed += 1;
  }
  return {count: takes.length, latest: takes.at(-1).date, changed, total: statements};
}

/**
 * One module's progress under the course's completion rules. Only the ids
 * the module has now count: removed items stay in the record uncounted, new
 * ones start unticked.
 */
export function moduleProgress(record, module, completion) {
  const entry = ownValue(record.pages, module.id);
  const checks = ownValue(entry, "checks");
  const quizzes = ownValue(entry, "quizzes");
  const items = module.checklist || [];
  const quizIds = module.quizzes || [];
  const ticked = items.filter(id => ownValue(checks, id) === true).length;
  const correct = quizIds.filter(id => ownValue(ownValue(quizzes, id), "correct") === true).length;
  const read = ownValue(entry, "read") === true;
  const parts = {read: [Number(read), 1], checklist: [ticked, items.length], quizzes: [correct, quizIds.length]};
  let done = 0;
  let total = 0;
  for (const rule of completion || []) {
    if (!parts[rule]) continue;
    done += parts[rule][0];
    total += parts[rule][1];
  }
  // A quiz the learner gave up on ("Show the answer") counts as started, never as right.
  const answeredAny = quizIds.some(id => ownValue(quizzes, id));
  const state = done === total ? "complete" : done || answeredAny ? "in_progress" : "not_started";
  return {
    ticked, items: items.length, correct, quizzes: quizIds.length, read,
    fraction: total ? done / total : 1,
    stateKey: `state.${state}`,
  };
}

/** A part of a saved quiz answer: an option's number, or the words typed in one blank of a fill-in quiz. */
const isAnswerPart = value => Number.isInteger(value) || typeof value === "string";

/**
 * Add `imported` progress into `record`: ticks and read marks are added, a
 * correct answer wins over a wrong one, a reflection's newer text wins,
 * check-in takes are joined (one per date), and nothing already saved is
 * removed. A version 1 record merges as it is (its pages have the same shape).
 */
export function mergeProgress(record, imported) {
  for (const [pageKey, importedPage] of safeEntries(imported.pages)) {
    if (!isPlainObject(importedPage)) continue;
    const entry = pageEntry(record, pageKey);
    if (importedPage.read === true) entry.read = true;
    for (const [itemId, ticked] of safeEntries(importedPage.checks)) {
      if (ticked === true) entry.checks[itemId] = true;
    }
    for (const [quizId, answer] of safeEntries(importedPage.quizzes)) {
      const current = ownValue(entry.quizzes, quizId);
      const usable = isPlainObject(answer) && Array.isArray(answer.answer);
      const better = !current || (answer.correct === true && current.correct !== true);
      if (usable && better) {
        entry.quizzes[quizId] = {answer: answer.answer.filter(isAnswerPart), correct: answer.correct === true};
        if (answer.gaveUp === true && answer.correct !== true) entry.quizzes[quizId].gaveUp = true;
      }
    }
    for (const [reflectionId, reflection] of safeEntries(importedPage.reflections)) {
      if (!isPlainObject(reflection) || typeof reflection.text !== "string") continue;
      const current = ownValue(entry.reflections, reflectionId);
      const updated = typeof reflection.updated === "string" ? reflection.updated : "";
      if (!current || typeof current.text !== "string" || !current.text || (reflection.text && updated > (current.updated || ""))) {
        entry.reflections[reflectionId] = {text: reflection.text, updated};
      }
    }
    for (const [checkinId, takes] of safeEntries(importedPage.checkins)) {
      if (!Array.isArray(takes)) continue;
      const current = Array.isArray(entry.checkins[checkinId]) ? entry.checkins[checkinId].filter(isUsableTake) : [];
      const dates = new Set(current.map(take => take.date));
      for (const take of takes.filter(isUsableTake)) {
        if (!dates.has(take.date)) current.push({date: take.date, ratings: take.ratings});
        dates.add(take.date);
      }
      entry.checkins[checkinId] = current;
    }
  }
  if (!record.seed && typeof imported.seed === "string") record.seed = imported.seed;
  if (!record.last) record.last = typeof imported.last === "string" ? imported.last : "";
  return record;
}
