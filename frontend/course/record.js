// The saved record and what it means: pure functions, no storage, no DOM.
// Stored data may have any shape (an old version, another tab, a hand-edited
// file), so every read goes through isPlainObject/ownValue and a wrong shape
// reads as "nothing saved" instead of throwing. Format: ARCHITECTURE.md,
// "Saved progress".

export const RECORD_VERSION = 1;

/** True for a plain `{...}` object (not null, not an array). */
export const isPlainObject = value => value !== null && typeof value === "object" && !Array.isArray(value);

/** `object[key]` when the object has it as its own truthy value, else 0. */
export const ownValue = (object, key) => (isPlainObject(object) && Object.hasOwn(object, key) && object[key]) || 0;

/** An imported object's entries, without the one key that could reach a prototype. */
export const safeEntries = object =>
  isPlainObject(object) ? Object.entries(object).filter(([key]) => key !== "__proto__") : [];

/** An empty record for the course `namespace`. */
export const freshRecord = namespace => ({version: RECORD_VERSION, course: namespace, updated: "", last: "", pages: {}});

/**
 * The record stored as `raw`, or null when it cannot be read (not JSON, not
 * an object, an unknown version, no pages). A null raw is a fresh record.
 */
export function parseRecord(raw, namespace) {
  if (raw == null) return freshRecord(namespace);
  let record;
  try {
    record = JSON.parse(raw);
  } catch {
    return null;
  }
  return isPlainObject(record) && record.version === RECORD_VERSION && isPlainObject(record.pages) ? record : null;
}

/** The entry of page `key` in `record`, created or repaired to the right shape, for writing. */
export function pageEntry(record, key) {
  let entry = ownValue(record.pages, key);
  if (!isPlainObject(entry)) entry = record.pages[key] = {};
  if (!isPlainObject(entry.checks)) entry.checks = {};
  if (!isPlainObject(entry.quizzes)) entry.quizzes = {};
  return entry;
}

/** Whether item `itemId` of page `pageKey` is ticked in `record`. */
export const isTicked = (record, pageKey, itemId) =>
  ownValue(ownValue(ownValue(record.pages, pageKey), "checks"), itemId) === true;

/** The saved answer of quiz `quizId` on page `pageKey`, or 0. */
export const savedAnswer = (record, pageKey, quizId) =>
  ownValue(ownValue(ownValue(record.pages, pageKey), "quizzes"), quizId);

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
  const answeredAny = quizIds.some(id => ownValue(quizzes, id));
  const state = done === total ? "complete" : done || answeredAny ? "in_progress" : "not_started";
  return {
    ticked, items: items.length, correct, quizzes: quizIds.length, read,
    fraction: total ? done / total : 1,
    stateKey: `state.${state}`,
  };
}

/**
 * Add `imported` progress into `record`: ticks and read marks are added, a
 * correct answer wins over a wrong one, and nothing already saved is removed.
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
        entry.quizzes[quizId] = {answer: answer.answer.filter(Number.isInteger), correct: answer.correct === true};
      }
    }
  }
  if (!record.last) record.last = typeof imported.last === "string" ? imported.last : "";
  return record;
}

export const EXPORT_FORMAT = "mkdocs-course-progress";

/**
 * Why an exported file cannot be imported into course `namespace` (the
 * `progress.*` string key), or "" when it can. A file that is not ours, from
 * another course or from a newer version changes nothing and says why.
 */
export function importProblem(file, namespace) {
  const progress = isPlainObject(file) && isPlainObject(file.progress) ? file.progress : {};
  if (!isPlainObject(file) || file.format !== EXPORT_FORMAT) return "progress.bad_file";
  if (file.course !== namespace || (progress.course && progress.course !== namespace)) return "progress.other_course";
  if (file.version > RECORD_VERSION || progress.version > RECORD_VERSION) return "progress.newer";
  if (file.version !== RECORD_VERSION || progress.version !== RECORD_VERSION || !isPlainObject(progress.pages)) {
    return "progress.bad_file";
  }
  return "";
}

/** The export file's content for `record`. */
export const exportFile = (record, namespace, now) =>
  JSON.stringify({format: EXPORT_FORMAT, version: RECORD_VERSION, course: namespace, exported: now, progress: record}, null, 1);
