// The filters fold behind "Filter" on a narrow screen and are shown on a wide one; CSS does
// that without JavaScript (::details-content). This keeps the <details> element's own state
// in step on a wide screen, so assistive technology and scripts see the fields as open too.
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48.01rem)");
  function sync() {
    if (!wide.matches) return;
    var panels = document.querySelectorAll("details.filter-panel");
    for (var i = 0; i < panels.length; i++) panels[i].open = true;
  }
  sync();
  wide.addEventListener("change", sync);
})();
