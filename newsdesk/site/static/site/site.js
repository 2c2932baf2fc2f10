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
