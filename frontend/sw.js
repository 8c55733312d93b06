// sw.js: the course's service worker, so that after one visit the whole course
// works offline (ARCHITECTURE.md, "Offline").
//
// The build writes this file to the site root as `sw.js`, with one line put in
// front of it: `self.COURSE_OFFLINE = {version, files}`, where `files` lists
// every file of the site (pages as their directory URLs, assets, the search
// index, the workbook PDF) relative to the site root, and `version` is a hash
// of all their contents. A new deployment therefore changes this file's bytes,
// which is what makes the browser install the new worker.
//
// Strategy: everything is served from one cache per version (cache first),
// falling back to the network for anything not listed. Learners' progress is
// in localStorage, which a service worker can neither read nor clear: an
// update never touches it.
//
// When the course turns offline use off, and while `mkdocs serve` runs, the
// build writes this file with `retired: true` instead: a browser that kept an
// earlier worker fetches it on its next visit, and that worker then deletes
// the caches and lets every request through to the network. (A missing sw.js
// would not do: the browser keeps the old worker, and its cached pages, when
// the update check gets a 404.)

const offline = self.COURSE_OFFLINE;
const cachePrefix = "mkdocs-course-offline:" + self.registration.scope + ":";
const cacheName = cachePrefix + (offline.version || "");

/** Return the absolute URL of a site file listed relative to the scope. */
function siteUrl(relativePath) {
  return new URL(relativePath, self.registration.scope).href;
}

/** Return the cache key of a request: its URL without query or fragment. */
function cacheKey(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  return url.href;
}

/** Copy every listed file into this version's cache (all or nothing). */
async function precacheSite() {
  const cache = await caches.open(cacheName);
  // `cache: "reload"` skips the browser's HTTP cache, so a new version never
  // stores a stale copy of a file the previous deployment served.
  await cache.addAll(offline.files.map(path => new Request(siteUrl(path), {cache: "reload"})));
}

/** Delete the caches of earlier versions of this course; keep other sites' caches. */
async function dropEarlierVersions() {
  const names = await caches.keys();
  const earlier = names.filter(name => name.startsWith(cachePrefix) && name !== cacheName);
  await Promise.all(earlier.map(name => caches.delete(name)));
  return earlier.length > 0;
}

/** Tell every open page of the course that a new version now serves it. */
async function announceUpdate() {
  const pages = await self.clients.matchAll({type: "window"});
  for (const page of pages) page.postMessage({type: "course-offline-updated", version: offline.version});
}

/** Answer from the cache, else from the network; a page missing offline gets the cached 404 page. */
async function respond(request) {
  // caches.match, not caches.open: opening would create the cache again if a
  // retiring worker has just deleted it.
  const fromCache = url => caches.match(url, {cacheName});
  const key = cacheKey(request);
  const cached = (await fromCache(key)) || (key.endsWith("/") ? undefined : await fromCache(key + "/"));
  if (cached) return cached;
  try {
    return await fetch(request);
  } catch (offlineError) {
    if (request.mode === "navigate") {
      const notFound = await fromCache(siteUrl("404.html"));
      if (notFound) return notFound;
    }
    throw offlineError;
  }
}

/** Delete every cache of this course, so that pages come from the network again. */
async function dropAllVersions() {
  const names = await caches.keys();
  await Promise.all(names.filter(name => name.startsWith(cachePrefix)).map(name => caches.delete(name)));
}

if (offline.retired) {
  // No fetch handler: every request goes to the network. The worker does not
  // unregister itself, because a page still served from the old cache would
  // register the old worker again at once; the first page that comes from the
  // network (its page data says offline use is off) unregisters it.
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", event => event.waitUntil(dropAllVersions().then(() => self.clients.claim())));
} else {
  self.addEventListener("install", event => {
    // Take over as soon as the new version is cached: every page is served
    // from one version's cache, so versions never mix within a visit's files.
    event.waitUntil(precacheSite().then(() => self.skipWaiting()));
  });

  self.addEventListener("activate", event => {
    event.waitUntil((async () => {
      const replacedOne = await dropEarlierVersions();
      await self.clients.claim();
      if (replacedOne) await announceUpdate();
    })());
  });

  self.addEventListener("fetch", event => {
    const request = event.request;
    if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
    event.respondWith(respond(request));
  });
}
