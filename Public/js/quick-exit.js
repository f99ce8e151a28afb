// "Leave this site": hide the page at once, end the session, and replace this page in the
// history with a neutral site, so Back does not bring it back. Pressing Shift three times
// does the same, and so does the button at the bottom corner of a narrow screen (for a phone,
// which has no Shift key). Without JavaScript each is a plain link away.
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  if (!exit) return;

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    var token = exit.getAttribute("data-csrf");
    if (token && navigator.sendBeacon) {
      navigator.sendBeacon("/logout", new URLSearchParams({ csrf_token: token }));
    }
    window.location.replace(exit.href);
  }

  exit.addEventListener("click", leave);
  var corner = document.querySelector(".quick-exit-corner");
  if (corner) corner.addEventListener("click", leave);

  var presses = 0, last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }  // only Shift, three times in a row
    if (event.repeat) return;
    var now = Date.now();
    presses = now - last < 800 ? presses + 1 : 1;
    last = now;
    if (presses >= 3) leave();
  });

  // A page restored from the back-forward cache is fetched again (and so asks the server).
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.style.visibility = "hidden";
      window.location.reload();
    }
  });
})();
