// Parts of the page that only some pages have (a dashboard, a check-in, a
// fill-in-the-blank quiz ...) are files of their own, downloaded only by a page
// that has one (ARCHITECTURE.md, "Page weight"); `make assets` finds every
// dynamic import of a module here and serves it as a file next to course.js.

/**
 * The function `name` of the module that `load` imports, loaded on its first
 * call (later calls reuse the loaded module). When the module cannot be loaded
 * (offline with no copy kept, or a new deployment in between), the part stays
 * as the server rendered it, which works without JavaScript.
 */
export const whenUsed = (load, name) => (...args) => load().then(module => module[name](...args), () => {});
