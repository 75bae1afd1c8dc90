// What a phone needs beyond the stylesheet. Without JavaScript every table scrolls sideways in its box and every
// filter box shows.
//
// Tables as cards: on a phone a table reads as cards (app.css, `table.table-cards` under 768 px), each row a box, each
// cell beside its column's heading. This script writes those headings onto the cells (`data-label`), from the table's
// own header row, when a page loads and after htmx swaps rows in; the layout itself is the stylesheet's. Left as
// tables that scroll sideways: tables without a header row, with more than one header row or with cells that span
// rows (their columns do not map one to one), and any table marked `data-cards="off"`.
//
// Filter boxes folded: a list's filter boxes (htmx/filter_form.html, `.filter-boxes`) fold behind their "Bộ lọc"
// button on a phone (Bootstrap's collapse) unless a choice is made; the button shows only where this script runs.
(function () {
  "use strict";

  function headings(table) {
    var head = table.tHead;
    if (!head || head.rows.length !== 1 || table.dataset.cards === "off" || table.querySelector("[rowspan]")) {
      return null;
    }
    var names = [];
    Array.prototype.forEach.call(head.rows[0].cells, function (cell) {
      var name = cell.textContent.replace(/\s+/g, " ").trim();
      for (var span = 0; span < (cell.colSpan || 1); span += 1) {
        names.push(name);
      }
    });
    return names;
  }

  // Nothing to read or press: a row's actions when the user has none.
  function blank(cell) {
    return !cell.textContent.trim() && !cell.querySelector("a, button, input, select, textarea, img, svg, progress");
  }

  // The cell's content in one box, so that on a card it stands as one column beside its heading, however many
  // pieces (a link and a badge, text and a form) it is made of. At a desk the box changes nothing.
  function wrap(cell) {
    var value = document.createElement("div");
    value.className = "cell-value";
    while (cell.firstChild) {
      value.appendChild(cell.firstChild);
    }
    cell.appendChild(value);
  }

  function label(root) {
    // Every table each time: rows an htmx swap adds to a table already labelled get their headings too.
    root.querySelectorAll("main table.table").forEach(function (table) {
      var names = headings(table);
      if (!names) {
        return;
      }
      var bodies = Array.prototype.slice.call(table.tBodies);
      if (table.tFoot) {
        bodies.push(table.tFoot);
      }
      bodies.forEach(function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          var column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            var seen = cell.hasAttribute("data-label") || cell.classList.contains("cell-blank");
            if (!seen && blank(cell)) {
              cell.classList.add("cell-blank");
            } else if (!seen && names[column] && cell.colSpan < names.length) {
              // A cell across the whole row (an empty list's message) needs no heading.
              cell.setAttribute("data-label", names[column]);
              wrap(cell);
            }
            column += cell.colSpan || 1;
          });
        });
      });
      table.classList.add("table-cards");
    });
  }

  function fold(root) {
    root.querySelectorAll(".filter-boxes:not(.collapse):not(.show)").forEach(function (boxes) {
      boxes.classList.add("collapse");
    });
    root.querySelectorAll("button.filter-toggle[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    label(document);
    fold(document);
  });
  // A filter swaps the list's #results: its new table is labelled once it is in the page.
  document.addEventListener("htmx:afterSettle", function () {
    label(document);
  });
})();
