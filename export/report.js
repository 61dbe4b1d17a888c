// evident report: make a clicked sentence, or one chosen with Enter or
// Space, the page's target, so that its details show (the style sheet
// shows a targeted or focused sentence's details; without this script
// focus alone does it) and the address links to it.
(function () {
  "use strict";
  function choose(s) {
    if (location.hash !== "#" + s.id) {
      location.hash = s.id;
    }
  }
  document.addEventListener("click", function (e) {
    var s = e.target.closest && e.target.closest(".s[id]");
    if (s) {
      choose(s);
    }
  });
  document.addEventListener("keydown", function (e) {
    var s = e.target;
    if ((e.key === "Enter" || e.key === " ") && s.id && s.classList && s.classList.contains("s")) {
      e.preventDefault();
      choose(s);
    }
  });
})();
