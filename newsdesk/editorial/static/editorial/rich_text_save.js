// Wagtail's rich-text editor (Draftail) writes its hidden field a quarter of a second after
// the last key, so a form sent sooner (the Save shortcut, a quick click on Save or
// Publish, a preview) would carry the text without its last words. Whenever a form's data
// is gathered (a submission, or a script's `new FormData(form)`), every rich-text editor
// of that form writes its field first, and the gathered data takes the fresh text.
(function () {
  "use strict";
  document.addEventListener(
    "formdata",
    function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      Array.prototype.forEach.call(form.elements, function (field) {
        // Wagtail hands each editor to its field as `draftailEditor`.
        var editor = field.draftailEditor;
        if (!field.name || !editor || typeof editor.saveState !== "function") return;
        editor.saveState();
        event.formData.set(field.name, field.value);
      });
    },
    true
  );
})();
