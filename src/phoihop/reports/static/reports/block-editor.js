// Block editor: a button from the insert list writes its placeholder into the text at the cursor.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-insert]") : null;
    if (!button) {
      return;
    }
    var area = document.getElementById(button.getAttribute("data-insert-target"));
    if (!(area instanceof HTMLTextAreaElement)) {
      return;
    }
    var code = button.getAttribute("data-insert");
    var start = area.selectionStart;
    var end = area.selectionEnd;
    area.value = area.value.slice(0, start) + code + area.value.slice(end);
    area.focus();
    area.selectionStart = area.selectionEnd = start + code.length;
  });
})();
