// SK Generator editor: small progressive enhancement over server-rendered forms.
// Without this file every button still works (full page posts). With it:
// - the form is checked while typing (debounced) and messages appear beside each field;
// - list buttons (tambah, hapus, naik, turun) redraw the form without a page reload;
// - the step pickers follow the SOP's pelaksana columns as they are typed;
// - the preview appears beside the form; leaving with unsaved changes asks first.
(function () {
  "use strict";
  var base = document.body.getAttribute("data-base") || "";
  var dirty = false;
  var timer = null;
  var sequence = 0;

  function form() { return document.getElementById("formulir"); }

  function post(url, data, headers) {
    return fetch(url, { method: "POST", body: data, headers: headers || {}, credentials: "same-origin" });
  }

  function formData(f, action) {
    var data = new FormData(f);
    if (action) { data.set("_aksi", action); }
    return data;
  }

  function checkUrl(f) {
    return base + "/periksa?berkas=" + encodeURIComponent(f.getAttribute("data-berkas"));
  }

  function showIssues(list, issues) {
    list.innerHTML = "";
    (issues || []).forEach(function (i) {
      var li = document.createElement("li");
      li.className = i.jenis;
      li.title = i.baris;
      var b = document.createElement("b");
      b.textContent = (i.jenis === "error" ? "Kesalahan" : "Peringatan") + " [" + i.kode + "]";
      li.appendChild(b);
      li.appendChild(document.createTextNode(" " + i.pesan));
      list.appendChild(li);
    });
    var field = list.closest(".field");
    if (field) {
      field.classList.toggle("has-error", (issues || []).some(function (i) { return i.jenis === "error"; }));
    }
  }

  function applyCheck(result) {
    var f = form();
    f.querySelectorAll("ul[data-issues]").forEach(function (list) {
      showIssues(list, result.kolom[list.getAttribute("data-issues")]);
    });
    f.querySelectorAll("output[data-kumulatif]").forEach(function (out) {
      var sop = result.waktu[out.getAttribute("data-kumulatif")];
      var value = sop ? sop.kumulatif[Number(out.getAttribute("data-index"))] : "";
      out.textContent = value || "—";
    });
    f.querySelectorAll("output[data-jumlah]").forEach(function (out) {
      var sop = result.waktu[out.getAttribute("data-jumlah")];
      out.textContent = (sop && sop.jumlah) || "—";
    });
    var status = document.getElementById("status");
    if (status) {
      status.innerHTML = "";
      var main = document.createElement("span");
      main.className = "count " + (result.kesalahan ? "error" : "ok");
      main.textContent = result.kesalahan ? result.kesalahan + " kesalahan" : "Tidak ada kesalahan";
      status.appendChild(main);
      if (result.peringatan) {
        var warn = document.createElement("span");
        warn.className = "count warning";
        warn.textContent = result.peringatan + " peringatan";
        status.appendChild(warn);
      }
      status.setAttribute("data-kesalahan", result.kesalahan);
      status.setAttribute("data-peringatan", result.peringatan);
    }
  }

  function check() {
    var f = form();
    var mine = ++sequence;
    post(checkUrl(f), formData(f)).then(function (r) { return r.json(); }).then(function (result) {
      if (mine === sequence) { applyCheck(result); }
    });
  }

  function syncColumns(sopPath) {
    var f = form();
    var columns = [];
    f.querySelectorAll('input[data-kolom="' + sopPath + '"]').forEach(function (input) {
      if (input.value.trim()) { columns.push(input.value.trim()); }
    });
    f.querySelectorAll('select[data-ref="pelaksana"][data-sop="' + sopPath + '"]').forEach(function (select) {
      var index = select.selectedIndex;
      var chosen = select.value;
      select.innerHTML = "";
      columns.forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        select.appendChild(option);
      });
      if (columns.indexOf(chosen) >= 0) { select.value = chosen; }
      else if (index >= 0 && index < columns.length) { select.selectedIndex = index; }
    });
  }

  // One redraw at a time, each from the form as the previous one left it: two quick
  // clicks (hapus, then tambah) must not both start from the same old form.
  var queue = Promise.resolve();

  function redraw(action) {
    queue = queue.then(function () {
      var f = form();
      f.classList.add("busy");
      f.setAttribute("aria-busy", "true");
      return post(f.getAttribute("action"), formData(f, action), { "X-Bagian": "formulir" })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById("formulir");
          if (fresh) { f.replaceWith(fresh); bind(); } else { f.classList.remove("busy"); }
        });
    }).catch(function () {
      var f = form();
      f.classList.remove("busy");
      f.removeAttribute("aria-busy");
    });
  }

  // The records filter (a long regulation catalog): hides the records whose text does
  // not contain every typed word.
  function bindFilter() {
    var box = document.getElementById("saring");
    if (!box) { return; }
    box.addEventListener("input", function (event) {
      event.stopPropagation();
      var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      form().querySelectorAll("fieldset.record").forEach(function (record) {
        var text = record.id.toLowerCase() + " " + Array.prototype.map.call(
          record.querySelectorAll("input, textarea, select, legend"),
          function (el) { return (el.value || el.textContent || "").toLowerCase(); }
        ).join(" ");
        record.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }

  function bind() {
    var f = form();
    if (!f) { return; }
    bindFilter();
    f.addEventListener("input", function (event) {
      dirty = true;
      var kolom = event.target.getAttribute("data-kolom");
      if (kolom !== null) { syncColumns(kolom); }
      clearTimeout(timer);
      timer = setTimeout(check, 350);
    });
    f.addEventListener("change", function () { dirty = true; clearTimeout(timer); timer = setTimeout(check, 150); });
    f.addEventListener("click", function (event) {
      var button = event.target.closest("button[name=_aksi]");
      if (!button) { return; }
      var action = button.value;
      if (action === "simpan") { dirty = false; return; }
      event.preventDefault();
      if (action === "periksa") { check(); return; }
      dirty = true;
      redraw(action);
    });
  }

  function bindPreview() {
    var panel = document.getElementById("pratinjau");
    var pf = document.getElementById("form-pratinjau");
    if (!panel || !pf) { return; }
    function show() {
      panel.innerHTML = '<p class="muted">Menyiapkan pratinjau…</p>';
      post(pf.getAttribute("action"), new FormData(pf)).then(function (r) { return r.text(); }).then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var part = doc.getElementById("pratinjau-isi");
        panel.innerHTML = "";
        if (part) { panel.appendChild(part); }
      });
    }
    pf.addEventListener("submit", function (event) { event.preventDefault(); show(); });
    if (document.getElementById("pesan") && sessionStorage.getItem("pratinjau") === "1") { show(); }
    pf.addEventListener("submit", function () { sessionStorage.setItem("pratinjau", "1"); });
  }

  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  document.addEventListener("DOMContentLoaded", function () { bind(); bindPreview(); });
})();
