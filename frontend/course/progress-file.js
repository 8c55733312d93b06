// The progress file a learner exports and imports (home page tools): pure
// functions, no storage, no DOM. Its own module, as only the progress tools
// use it.

import {RECORD_VERSION, isPlainObject} from "./record.js";

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
  // A file exported before version 2 is read as it is: its pages have today's shape.
  const known = version => version === 1 || version === RECORD_VERSION;
  if (!known(file.version) || !known(progress.version) || !isPlainObject(progress.pages)) return "progress.bad_file";
  return "";
}

/** The export file's content for `record`. */
export const exportFile = (record, namespace, now) =>
  JSON.stringify({format: EXPORT_FORMAT, version: RECORD_VERSION, course: namespace, exported: now, progress: record}, null, 1);
