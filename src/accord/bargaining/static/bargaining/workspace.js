// The workspace's small helpers: slider values shown as numbers, and a running total of
// the points given to the issues (they must add up to 100). Works without it, too.
(function () {
  "use strict";
  function sliders(root) {
    root.querySelectorAll("input.slider").forEach(function (input) {
      var output = root.querySelector('output[for="' + input.id + '"]');
      if (!output) { return; }
      var show = function () { output.textContent = input.value; };
      input.addEventListener("input", show);
      show();
    });
  }
  function total(form) {
    var label = form.querySelector("[data-points-total]");
    if (!label) { return; }
    var inputs = form.querySelectorAll("input.points");
    var update = function () {
      var sum = 0;
      inputs.forEach(function (i) { sum += parseInt(i.value, 10) || 0; });
      label.textContent = String(sum);
      label.parentElement.classList.toggle("off", sum !== 100);
    };
    inputs.forEach(function (i) { i.addEventListener("input", update); });
    update();
  }
  document.addEventListener("DOMContentLoaded", function () {
    sliders(document);
    document.querySelectorAll("form.preferences").forEach(total);
  });
})();
