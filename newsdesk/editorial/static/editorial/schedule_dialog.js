// The publishing schedule's date picker closes once a date is picked: open, it lay over
// the dialog's "Save schedule" button, and the click meant for the button hit the picker.
// The picker triggers its change through jQuery, which only jQuery's own listeners hear.
(function () {
  "use strict";
  var $ = window.jQuery;
  if (!$) return;
  $(document).on("change", "#schedule-publishing-dialog input", function () {
    if ($.fn.datetimepicker) $(this).datetimepicker("hide");
  });
})();
