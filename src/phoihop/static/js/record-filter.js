// Indicator form: show only the filter fields and the counting modes of the record kind being counted. Without this
// script every kind's fields stay visible, each under its own heading, and only the chosen kind's values are saved;
// a counting mode the kind does not support is refused by the server with a message.
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
    var counting = form.querySelector("select[name='counting']");
    if (!counting || !counting.dataset.countings) {
      return;
    }
    var supported = JSON.parse(counting.dataset.countings)[select.value];
    Array.prototype.forEach.call(counting.options, function (option) {
      var offered = !option.value || !supported || supported.indexOf(option.value) >= 0;
      option.hidden = !offered;
      option.disabled = !offered;
    });
    if (counting.selectedOptions.length && counting.selectedOptions[0].disabled) {
      counting.value = "";
    }
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
