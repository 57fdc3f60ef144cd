// A live story's new entries without a reload. The page works without this file: a reload shows the same entries.
// It asks for the story's cached entries fragment every few seconds; the browser revalidates with the fragment's
// ETag, so an unchanged poll is a bodiless 304 from the page cache or the proxy in front.
(function () {
  "use strict";
  var section = document.querySelector("[data-live-src]");
  if (!section || !window.fetch || !window.DOMParser) {
    return;
  }
  var source = section.getAttribute("data-live-src");
  var seconds = Math.max(5, parseInt(section.getAttribute("data-live-every"), 10) || 10);
  var status = section.querySelector("[data-live-status]");
  var lastTag = null;
  var timer = null;

  function anchors(root) {
    return Array.prototype.map.call(root.querySelectorAll(".live-entry"), function (entry) {
      return entry.id;
    });
  }

  function refresh() {
    if (document.hidden) {
      return;
    }
    fetch(source, { cache: "no-cache", credentials: "omit" }).then(function (response) {
      if (!response.ok) {
        return null;
      }
      var tag = response.headers.get("ETag");
      if (tag && tag === lastTag) {
        return null;
      }
      lastTag = tag;
      return response.text();
    }).then(function (html) {
      if (!html) {
        return;
      }
      var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-entries]");
      var current = section.querySelector("[data-live-entries]");
      if (!fresh || !current) {
        return;
      }
      var before = anchors(current);
      var added = anchors(fresh).filter(function (id) {
        return before.indexOf(id) < 0;
      }).length;
      // The fragment is the server's own sanitised HTML, the same the article shows.
      current.parentNode.replaceChild(document.importNode(fresh, true), current);
      if (added > 0 && status) {
        status.textContent = added === 1 ? "1 new update" : added + " new updates";
      }
      if (fresh.hasAttribute("data-live-ended")) {
        clearInterval(timer);
      }
    }).catch(function () { /* the next poll tries again; a reload always works */ });
  }

  timer = setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      refresh();
    }
  });
})();
