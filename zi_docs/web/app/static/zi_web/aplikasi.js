// zi-docs web: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";
  // Drag and drop onto an upload form fills its file input.
  document.querySelectorAll("form[data-seret]").forEach(function (form) {
    var input = form.querySelector("input[type=file]");
    if (!input) { return; }
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (event) { event.preventDefault(); form.classList.add("diseret"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function () { form.classList.remove("diseret"); });
    });
    form.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) { input.files = event.dataTransfer.files; }
    });
  });
  // A filter box hides table rows that do not contain the typed text.
  document.querySelectorAll("input[data-saring]").forEach(function (box) {
    var rows = document.querySelectorAll(box.getAttribute("data-saring"));
    box.addEventListener("input", function () {
      var wanted = box.value.toLowerCase();
      rows.forEach(function (row) {
        row.hidden = wanted !== "" && row.textContent.toLowerCase().indexOf(wanted) === -1;
      });
    });
  });
})();
