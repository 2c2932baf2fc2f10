// A new live update's text is ready to type in: the focus goes to the first paragraph's
// editor once Wagtail has drawn it (it is drawn after the page loads). Editing an update
// that exists keeps the page's own focus.
(function () {
  "use strict";
  if (!/\/add\/?$/.test(window.location.pathname)) return;
  var tries = 0;
  function focusText() {
    var editor = document.querySelector('[data-contentpath="body"] [contenteditable="true"]');
    if (editor) {
      editor.focus();
      return;
    }
    if (++tries < 100) window.setTimeout(focusText, 50);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusText);
  } else {
    focusText();
  }
})();
