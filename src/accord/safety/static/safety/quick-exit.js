// "Leave this page quickly": replace this page in the history (the Back button does not
// bring it back) and go to an everyday site. Without JavaScript the link still leaves.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-quick-exit]");
  if (!link) return;
  event.preventDefault();
  document.body.hidden = true;
  window.location.replace(link.href);
});
document.addEventListener("keydown", function (event) {
  // Escape, pressed twice within a second, leaves too.
  if (event.key !== "Escape") return;
  var now = Date.now();
  var last = Number(document.body.dataset.lastEscape || 0);
  document.body.dataset.lastEscape = String(now);
  if (now - last < 1000) {
    var link = document.querySelector("a[data-quick-exit]");
    if (link) { document.body.hidden = true; window.location.replace(link.href); }
  }
});
