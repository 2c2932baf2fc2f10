// Tags by typing (newsdesk/editorial/autocomplete.py): a pick adds a chip, never replaces.
(function () {
  "use strict";

  function csrfToken(box) {
    var form = box.closest("form");
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUp(box) {
    if (box.dataset.ndReady) return;
    box.dataset.ndReady = "1";
    var input = box.querySelector(".nd-autocomplete__input");
    var chosen = box.querySelector(".nd-autocomplete__chosen");
    var list = box.querySelector(".nd-autocomplete__options");
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function chosenIds() {
      return Array.prototype.map.call(
        chosen.querySelectorAll("input[type=hidden]"),
        function (hidden) { return hidden.value; }
      );
    }

    function changed() {
      // Wagtail's unsaved-changes check listens for input and change events on the form.
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function addChip(id, label) {
      id = String(id);
      if (chosenIds().indexOf(id) === -1) {
        var item = document.createElement("li");
        item.className = "nd-autocomplete__chip";
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = box.dataset.name;
        hidden.value = id;
        var text = document.createElement("span");
        text.textContent = label;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "nd-autocomplete__remove";
        remove.setAttribute("aria-label", box.dataset.removeLabel + " " + label);
        remove.textContent = "×";
        item.append(hidden, text, " ", remove);
        chosen.appendChild(item);
        changed();
      }
      input.value = "";
      close();
      input.focus();
    }

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
    }

    function show(results, query) {
      list.innerHTML = "";
      var ids = chosenIds();
      options = results.filter(function (r) { return ids.indexOf(String(r.id)) === -1; });
      var exact = results.some(function (r) {
        return r.label.toLocaleLowerCase() === query.toLocaleLowerCase();
      });
      if (box.hasAttribute("data-may-create") && query && !exact) {
        options.push({ create: query, label: box.dataset.createLabel.replace("%s", query) });
      }
      if (!options.length) {
        var empty = document.createElement("li");
        empty.textContent = box.dataset.emptyLabel;
        empty.setAttribute("aria-disabled", "true");
        list.appendChild(empty);
      }
      options.forEach(function (option, i) {
        var item = document.createElement("li");
        item.setAttribute("role", "option");
        item.textContent = option.label;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          pick(i);
        });
        list.appendChild(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(options.length ? 0 : -1);
    }

    function pick(index) {
      var option = options[index];
      if (!option) return;
      if (!option.create) {
        addChip(option.id, option.label);
        return;
      }
      var body = new URLSearchParams({ edition: box.dataset.edition, name: option.create });
      fetch(box.dataset.url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(box) },
      })
        .then(function (response) { return response.json(); })
        .then(function (tag) {
          if (tag.error) {
            show([], "");
            list.firstChild.textContent = tag.error;
          } else {
            addChip(tag.id, tag.label);
          }
        });
    }

    function search() {
      var query = input.value.trim();
      if (!query) {
        close();
        return;
      }
      var ticket = ++asked;
      var url = box.dataset.url + "?" + new URLSearchParams({ edition: box.dataset.edition, q: query });
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (ticket === asked) show(data.results || [], query);
        });
    }

    input.addEventListener("input", function (event) {
      // Typing in the box is not a change of the article's tags.
      event.stopPropagation();
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight((active - 1 + options.length) % options.length);
      } else if (event.key === "Enter") {
        event.preventDefault(); // never submits the article form
        if (active >= 0) pick(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    chosen.addEventListener("click", function (event) {
      var button = event.target.closest(".nd-autocomplete__remove");
      if (!button) return;
      button.closest("li").remove();
      changed();
      input.focus();
    });
  }

  function setUpAll() {
    document.querySelectorAll("[data-nd-autocomplete]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
  // Wagtail re-renders parts of the form after a save; pick up a new box.
  new MutationObserver(setUpAll).observe(document.documentElement, { childList: true, subtree: true });
})();
