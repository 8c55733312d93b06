// offline-copies.js: what the offline service worker (frontend/sw.js) keeps of
// this site on the device: a copy of every page in the Cache Storage, and the
// worker's registration. "Erase everything" removes both, because a page
// kept for offline reading is something the course saved on this device too.

/** The prefix of this site's offline caches (the same rule as sw.js and offline.js). */
function cachePrefix(siteRoot) {
  return `mkdocs-course-offline:${siteRoot.href}:`;
}

/**
 * Delete this site's offline copies and unregister its worker; resolve when done.
 * Pages open now keep working from the network; a browser without these
 * features has nothing to remove.
 */
export async function eraseOfflineCopies(siteRoot) {
  if ("caches" in window) {
    const names = await caches.keys();
    await Promise.all(names.filter(name => name.startsWith(cachePrefix(siteRoot))).map(name => caches.delete(name)));
  }
  const registration = await navigator.serviceWorker?.getRegistration(siteRoot.href);
  if (registration && registration.scope === siteRoot.href) await registration.unregister();
}
