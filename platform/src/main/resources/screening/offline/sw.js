// The service worker of the offline screening app (scope /screening/offline/). It keeps a copy of the app's page,
// its script and style, and the checklists, so that a screener can answer a checklist without a network. It
// keeps nothing else: no case, no person, no other page of the platform. Sending is done by the page itself.
'use strict';

const CACHE = 'opennrm-offline-screening-2';
const SCOPE = new URL(self.registration.scope);
// the app, its checklists and manifest, and the scripts and style its page loads: the page is loaded before the
// worker controls it, so they would not pass through the worker's fetch below until a second visit, and a page
// reloaded without a network would then come without its script (OfflineScreeningBrowserTests reloads it offline)
const KEEP = ['app', 'checklists', 'manifest.webmanifest',
  '/assets/js/offline-screening.js', '/assets/js/opennrm.js', '/assets/css/opennrm.css',
  '/webjars/htmx.org/dist/htmx.min.js'].map((path) => new URL(path, SCOPE).href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(KEEP.map((url) =>
    fetch(url, { credentials: 'same-origin' })
      .then((response) => (keepable(response) ? cache.put(url, response) : undefined))
      .catch(() => undefined)))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('opennrm-offline-screening-') && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

// only the app itself and the platform's own scripts, styles and images: never a page holding a case
function kept(url) {
  return url.origin === SCOPE.origin
    && (url.href.startsWith(SCOPE.href) || url.pathname.startsWith('/assets/') || url.pathname.startsWith('/webjars/'))
    && !url.pathname.endsWith('/sw.js');
}

// a redirect (to the sign-in page, after the session ended) or an error is never kept in place of the app
function keepable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

// network first, so that a screener online always has the checklists in force; the copy when offline
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (!kept(url)) {
    return;
  }
  event.respondWith(fetch(request)
    .then((response) => {
      if (keepable(response)) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(url.href.split('?')[0], copy));
      }
      return response;
    })
    .catch(() => caches.match(url.href.split('?')[0])
      .then((copy) => copy || Response.error())));
});
