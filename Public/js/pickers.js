// Check-box pickers (FormViews.checkboxPicker): filter the list as one types. Without
// JavaScript the picker's "Search" button posts the form back and the server filters, so this
// only saves the round trip. Matching folds case, accents and apostrophes as the server does.
// The page may load this file once per picker: each picker is set up once.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\u2019/g, "'").toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }

  function setUp(picker) {
    if (picker.hasAttribute("data-picker-ready")) return;
    picker.setAttribute("data-picker-ready", "");
    var filter = picker.querySelector("[data-picker-filter]");
    var status = picker.querySelector("[data-picker-status]");
    var button = picker.querySelector("[data-picker-button]");
    var items = Array.prototype.slice.call(picker.querySelectorAll(".picker-item"));
    var groups = Array.prototype.slice.call(picker.querySelectorAll(".picker-group"));
    if (!filter || !status) return;
    // Filtering happens as one types, so the Search button goes: Enter in another field then
    // sends the form with its own Save button, as without pickers.
    if (button) button.remove();
    var keys = items.map(function (item) {
      var box = item.querySelector("input");
      return fold(item.textContent + " " + (box ? box.value : ""));
    });
    var timer = null;

    // `keep`: after a click, what is shown stays shown, so nothing moves under the pointer.
    function apply(keep) {
      var term = fold(filter.value.trim());
      var shown = 0;
      var chosen = 0;
      var matched = 0;
      items.forEach(function (item, i) {
        var box = item.querySelector("input");
        var isChosen = box && box.checked;
        var isMatch = term === "" || keys[i].indexOf(term) !== -1;
        if (isChosen) chosen += 1;
        if (isMatch && !isChosen) matched += 1;
        item.hidden = !(isMatch || isChosen || (keep && !item.hidden));
        if (!item.hidden) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector(".picker-item:not([hidden])");
      });
      var text =
        term !== "" && matched === 0
          ? fill(picker.getAttribute("data-picker-nomatch") || "", { term: filter.value.trim() })
          : fill(picker.getAttribute("data-picker-template") || "", {
              shown: String(shown),
              total: String(items.length),
              chosen: String(chosen),
            });
      if (status.textContent !== text) status.textContent = text;
    }

    filter.addEventListener("input", function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () {
        apply(false);
      }, 120); // the live status is announced once typing pauses
    });
    // Enter in the search field filters; it does not send the form.
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        apply(false);
      }
    });
    picker.addEventListener("change", function (event) {
      if (event.target && event.target.type === "checkbox") apply(true);
    });
    apply(false);
  }

  function setUpAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-picker]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
