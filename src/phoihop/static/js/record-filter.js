// Indicator form: show only the filter fields of the record kind being counted. Without this script every
// kind's fields stay visible, each under its own heading, and only the chosen kind's values are saved.
(function () {
  "use strict";

  function sync(form) {
    var select = form.querySelector("select[name='record_kind']");
    if (!select) {
      return;
    }
    form.querySelectorAll(".record-filter-group").forEach(function (group) {
      group.classList.toggle("d-none", group.getAttribute("data-record-kind") !== select.value);
      group.disabled = group.getAttribute("data-record-kind") !== select.value;
    });
  }

  function syncAll() {
    document.querySelectorAll("form.indicator-form").forEach(sync);
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof HTMLSelectElement && target.name === "record_kind") {
      sync(target.form);
    }
  });
  document.addEventListener("DOMContentLoaded", syncAll);
  document.addEventListener("htmx:afterSwap", syncAll);
})();
