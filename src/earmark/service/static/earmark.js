// earmark web UI: keyboard shortcuts for the review queue (no framework, no build step).
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  var form = document.getElementById("decide");
  if (!queue) { return; }
  var rows = Array.prototype.slice.call(queue.querySelectorAll("tbody tr[data-id]"));
  var sel = Math.min(parseInt(queue.dataset.sel || "0", 10) || 0, Math.max(rows.length - 1, 0));

  function show() {
    rows.forEach(function (r, i) { r.classList.toggle("sel", i === sel); });
    if (rows[sel]) { rows[sel].scrollIntoView({ block: "nearest" }); }
  }

  function open(action) {
    if (!form || !rows[sel]) { return; }
    var id = rows[sel].dataset.id;
    form.hidden = false;
    form.action = "/reviews/" + encodeURIComponent(id) + "/decide";
    form.elements.action.value = action;
    // Save and next: the queue comes back with the same position selected (the next hit).
    var params = new URLSearchParams(window.location.search);
    params.set("sel", String(sel));
    form.elements.back.value = "/reviews?" + params.toString();
    document.getElementById("decide-id").textContent = id;
    document.getElementById("decide-what").textContent =
      { clear: "Clear", confirm: "Confirm", escalate: "Escalate" }[action];
    var clear = document.getElementById("reason-clear");
    var confirm = document.getElementById("reason-confirm");
    var useConfirm = action === "confirm";
    confirm.disabled = !useConfirm; confirm.hidden = !useConfirm;
    clear.disabled = useConfirm; clear.hidden = useConfirm;
    (useConfirm ? confirm : clear).focus();
  }

  if (form) {
    form.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); form.submit(); }
      if (ev.key === "Escape") { form.hidden = true; document.activeElement.blur(); }
    });
  }

  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (ev.key === "j") { sel = Math.min(sel + 1, rows.length - 1); show(); }
    else if (ev.key === "k") { sel = Math.max(sel - 1, 0); show(); }
    else if (ev.key === "c") { ev.preventDefault(); open("clear"); }
    else if (ev.key === "x") { ev.preventDefault(); open("confirm"); }
    else if (ev.key === "e") { ev.preventDefault(); open("escalate"); }
    else if (ev.key === "/") { ev.preventDefault(); document.getElementById("filter-list").focus(); }
    else { return; }
  });
  show();
})();
