// The learner-facing words. The engine hands every string course.js shows in
// the page data (strings.py, in the site's language); a key it lacks shows as
// itself rather than throwing, so a stale page never breaks.

/** The string `key` with each `{name}` replaced by `values[name]`. */
export function translate(course, key, values = {}) {
  const template = String(course.page?.strings?.[key] ?? key);
  return template.replace(/\{(\w+)\}/g, (placeholder, name) => values[name] ?? placeholder);
}
