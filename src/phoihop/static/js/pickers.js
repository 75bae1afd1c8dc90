// Search-as-you-type pickers (Tom Select) for the fields that carry data-picker:
//   data-picker="enterprise": a text box of tax codes; suggestions come from data-picker-url (the directory's
//     search, diacritics ignored), the chosen enterprises are posted as comma-separated tax codes;
//   data-picker="local": a select whose options are in the page, searched here the way the directory folds text.
// Without JavaScript both stay what the server rendered: a text box taking tax codes, a plain select.
(function () {
  "use strict";

  // The same folding as core/text.py fold_vi: lower case, marks removed, đ -> d (Unicode does not decompose đ).
  function fold(text) {
    return String(text || "")
      .replace(/[đĐ]/g, "d")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  // Every typed word must occur in the option's text, as in the directory's search.
  function foldedScore(search) {
    var words = fold(search).split(" ").filter(Boolean);
    return function (option) {
      var text = fold(option.text);
      for (var i = 0; i < words.length; i += 1) {
        if (text.indexOf(words[i]) === -1) {
          return 0;
        }
      }
      return 1;
    };
  }

  var messages = {
    no_results: function () {
      return '<div class="no-results">Không tìm thấy.</div>';
    },
    loading: function () {
      return '<div class="spinner-border spinner-border-sm m-2" role="status"><span class="visually-hidden">Đang tìm…</span></div>';
    },
  };

  function enterprisePicker(element) {
    var url = element.getAttribute("data-picker-url");
    var max = element.getAttribute("data-picker-max");
    return new TomSelect(element, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      dataAttr: "data-data",
      delimiter: ",",
      maxItems: max ? parseInt(max, 10) : null,
      create: false,
      highlight: false,
      loadThrottle: 250,
      plugins: max === "1" ? [] : ["remove_button"],
      // The server already matched the words, diacritics ignored; keep what it answered.
      score: function () {
        return function () {
          return 1;
        };
      },
      load: function (query, callback) {
        fetch(url + "?q=" + encodeURIComponent(query), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.ok ? response.json() : { results: [] };
          })
          .then(function (data) {
            callback(data.results);
          })
          .catch(function () {
            callback();
          });
      },
      render: {
        option: function (data, escape) {
          return (
            "<div>" + escape(data.text) +
            (data.detail ? '<div class="small text-body-secondary">' + escape(data.detail) + "</div>" : "") +
            "</div>"
          );
        },
        item: function (data, escape) {
          return "<div>" + escape(data.text) + "</div>";
        },
        no_results: messages.no_results,
        loading: messages.loading,
      },
    });
  }

  function localPicker(element) {
    return new TomSelect(element, {
      score: foldedScore,
      highlight: false,
      allowEmptyOption: true,
      maxOptions: null,
      plugins: element.multiple ? ["remove_button"] : [],
      render: { no_results: messages.no_results },
    });
  }

  function enhance(root) {
    if (typeof TomSelect === "undefined") {
      return;
    }
    var elements = root.querySelectorAll ? Array.from(root.querySelectorAll("[data-picker]")) : [];
    if (root.matches && root.matches("[data-picker]")) {
      elements.push(root);
    }
    elements.forEach(function (element) {
      if (element.tomselect) {
        return;
      }
      if (element.getAttribute("data-picker") === "enterprise") {
        enterprisePicker(element);
      } else {
        localPicker(element);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
  });
  // Fragments htmx swaps in (a form re-rendered with its errors, a row added) get their pickers too.
  document.addEventListener("htmx:load", function (event) {
    enhance(event.target);
  });
})();
