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
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        input.dispatchEvent(new Event("change"));
      }
    });
  });
  // A file input behind a "Pilih berkas" button shows the names of the chosen files.
  document.querySelectorAll("input[data-pilih-berkas]").forEach(function (input) {
    var shown = document.getElementById(input.id + "-terpilih");
    if (!shown) { return; }
    input.addEventListener("change", function () {
      var names = Array.prototype.map.call(input.files, function (f) { return f.name; });
      shown.textContent = names.length ? names.join(", ") : "Belum ada berkas dipilih.";
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
// Repeated groups of document forms: add, remove and move rows.
(function () {
  "use strict";
  var counter = 0;
  function renumber(root, token, number) {
    root.querySelectorAll("[name], [id], [for]").forEach(function (el) {
      ["name", "id", "for"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value && value.indexOf(token) !== -1) { el.setAttribute(attr, value.split(token).join(number)); }
      });
    });
    root.querySelectorAll("template").forEach(function (inner) { renumber(inner.content, token, number); });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var row = button.closest(".baris");
    if (button.hasAttribute("data-tambah")) {
      var list = button.closest("fieldset[data-daftar]");
      var template = list.querySelector(":scope > template");
      var copy = template.content.cloneNode(true);
      counter += 1;
      renumber(copy, "__" + list.getAttribute("data-kedalaman") + "__", String(Date.now()) + counter);
      list.querySelector(":scope > .baris-baris").appendChild(copy);
    } else if (button.hasAttribute("data-hapus") && row) {
      row.remove();
    } else if (button.hasAttribute("data-naik") && row && row.previousElementSibling) {
      row.parentNode.insertBefore(row, row.previousElementSibling);
    } else if (button.hasAttribute("data-turun") && row && row.nextElementSibling) {
      row.parentNode.insertBefore(row.nextElementSibling, row);
    }
  });
})();
// A name picked from the staff list fills the empty NIP, jabatan and pangkat beside it.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[list=pilihan-pegawai]")) { return; }
    var group = input.closest("fieldset[data-orang]");
    var list = document.getElementById("pilihan-pegawai");
    if (!group || !list) { return; }
    var picked = Array.prototype.find.call(list.options, function (o) { return o.value === input.value; });
    if (!picked) { return; }
    var prefix = input.name.slice(0, -"nama".length);
    ["nip", "jabatan", "pangkat", "golongan"].forEach(function (key) {
      var sibling = group.querySelector("[name='" + prefix + key + "']");
      var value = picked.getAttribute("data-" + key);
      if (sibling && value && !sibling.value) { sibling.value = value; }
    });
  });
})();
