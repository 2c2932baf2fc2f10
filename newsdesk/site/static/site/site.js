/* "More news" without leaving the page. Without this script the link simply opens the
   next page; with it, the next slice is fetched as an HTML fragment and appended in place.
   A day that continues across slices keeps a single heading. */
(function () {
  "use strict";

  function mergeDays(list, incoming) {
    var firstNew = null;
    Array.prototype.forEach.call(incoming.querySelectorAll("[data-feed-day]"), function (day) {
      var last = list.lastElementChild;
      var items = day.querySelector("ol");
      if (!firstNew) {
        firstNew = day.querySelector("a");
      }
      if (last && last.getAttribute("data-feed-day") === day.getAttribute("data-feed-day") && items) {
        var target = last.querySelector("ol");
        while (items.firstElementChild) {
          target.appendChild(document.adoptNode(items.firstElementChild));
        }
      } else {
        list.appendChild(document.adoptNode(day));
      }
    });
    return firstNew;
  }

  function loadMore(link) {
    var feed = link.closest("[data-feed]");
    var list = feed && feed.querySelector("[data-feed-days]");
    if (!list || link.getAttribute("aria-busy") === "true") {
      return;
    }
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("fragment", "1");
    link.setAttribute("aria-busy", "true");
    fetch(url.toString(), { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var incoming = new DOMParser().parseFromString(html, "text/html");
        var firstNew = mergeDays(list, incoming);
        var next = incoming.querySelector("[data-feed-more]");
        link.removeAttribute("aria-busy");
        if (next) {
          link.href = next.getAttribute("href");
        } else {
          (link.closest(".feed-more") || link).remove();
        }
        if (firstNew) {
          firstNew.focus();
        }
      })
      .catch(function () {
        // Fall back to the plain link: the next page still works without the script.
        window.location.assign(link.href);
      });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-feed-more]");
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    loadMore(link);
  });
})();

/* Live coverage: an open live page asks the server, at the interval the server sets,
   whether updates were published since the newest one it shows. New updates wait behind a
   "N new updates" button, so the page never moves under the reader; a click inserts them
   at the top of the list. Polling stops when the coverage ends. Without this script a
   reload shows the new updates. Texts come from the page and the server, translated. */
(function () {
  "use strict";

  var section = document.querySelector("[data-live]");
  if (!section || !window.fetch) {
    return;
  }
  var list = section.querySelector("[data-live-list]");
  var button = section.querySelector("[data-live-show]");
  var status = section.querySelector("[data-live-status]");
  var cursor = section.getAttribute("data-live-cursor") || "";
  var seconds = parseInt(section.getAttribute("data-live-poll"), 10) || 10;
  var timer = null;
  var pending = null;

  function say(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(seconds, 1) * 1000);
  }

  function check() {
    var url = new URL(section.getAttribute("data-live-poll-url"), window.location.href);
    if (cursor) {
      url.searchParams.set("after", cursor);
    }
    fetch(url.toString(), { headers: { Accept: "application/json" }, credentials: "omit" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (typeof data.poll === "number" && data.poll > 0) {
          seconds = data.poll;
        }
        if (data.count > 0 && data.fragment) {
          pending = data.fragment;
          button.textContent = data.notice;
          button.hidden = false;
        }
        if (data.ended) {
          say(section.getAttribute("data-live-ended-text"));
          return;
        }
        schedule();
      })
      .catch(function () {
        // A failed check is retried at the next interval; the page stays as it is.
        schedule();
      });
  }

  function show() {
    if (!pending) {
      return;
    }
    var url = pending;
    button.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, credentials: "omit" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var incoming = new DOMParser().parseFromString(html, "text/html");
        var fresh = incoming.querySelector("[data-live-cursor]");
        var items = fresh ? fresh.querySelectorAll("[data-live-update]") : [];
        var first = list.firstElementChild;
        var focusTarget = null;
        Array.prototype.forEach.call(items, function (item) {
          if (item.id && document.getElementById(item.id)) {
            return; // already on the page
          }
          var node = document.adoptNode(item);
          list.insertBefore(node, first);
          focusTarget = focusTarget || node;
        });
        if (fresh && fresh.getAttribute("data-live-cursor")) {
          cursor = fresh.getAttribute("data-live-cursor");
        }
        pending = null;
        button.hidden = true;
        button.removeAttribute("aria-busy");
        if (focusTarget) {
          focusTarget.setAttribute("tabindex", "-1");
          focusTarget.focus({ preventScroll: false });
        }
      })
      .catch(function () {
        button.removeAttribute("aria-busy");
        say(section.getAttribute("data-live-error-text"));
      });
  }

  button.addEventListener("click", show);
  schedule();
})();

// Most read: one anonymous beacon per article page view. No cookie, no identifier; the
// server keeps only a count per article per hour.
(function () {
  "use strict";
  var article = document.querySelector("[data-count-view]");
  if (!article || !navigator.sendBeacon) {
    return;
  }
  var url = article.getAttribute("data-count-view");
  function send() {
    navigator.sendBeacon(url, "");
  }
  if (document.visibilityState === "prerender") {
    document.addEventListener("visibilitychange", function once() {
      if (document.visibilityState === "visible") {
        document.removeEventListener("visibilitychange", once);
        send();
      }
    });
  } else {
    send();
  }
})();
