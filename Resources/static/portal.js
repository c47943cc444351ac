// Optional enhancement: move focus to the error summary after a failed submission,
// for browsers that ignore `autofocus` on it. The portal works without this script.
(function () {
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) { summary.focus(); }
})();
