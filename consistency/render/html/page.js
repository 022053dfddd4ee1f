// Inline in every report, allowed by its hash in the page's Content-Security-Policy. The page reads
// fully without it; it adds filters, click-to-scroll from a finding to its pair, and selection of a
// finding by clicking one of its highlights. It only reads the DOM the renderer wrote.
(function () {
  "use strict";
  var filters = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var highlights = Array.prototype.slice.call(document.querySelectorAll("mark.hl"));
  var smooth = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function findingIds(mark) { return mark.getAttribute("data-findings").split(" "); }
  function item(id) { return document.getElementById("finding-" + id); }

  function ticked(group) {
    var values = {};
    filters.querySelectorAll("input[name=" + group + "]:checked").forEach(function (box) {
      values[box.value] = true;
    });
    return values;
  }

  function applyFilters() {
    var categories = ticked("category"), severities = ticked("severity"), visible = {}, count = 0;
    items.forEach(function (li) {
      var show = categories[li.dataset.category] === true && severities[li.dataset.severity] === true;
      li.hidden = !show;
      if (show) { visible[li.dataset.finding] = true; count += 1; }
    });
    // A highlight whose findings are all filtered out loses its colour but keeps its text.
    highlights.forEach(function (mark) {
      mark.classList.toggle("muted", !findingIds(mark).some(function (id) { return visible[id]; }));
    });
    shown.textContent = count + " of " + shown.dataset.total + " findings shown";
  }

  function flash(row) {
    row.classList.remove("flash");
    void row.offsetWidth; // restart the animation when the same row is flashed twice
    row.classList.add("flash");
  }

  function select(id, scrollToPair) {
    var li = item(id);
    items.forEach(function (other) { other.classList.toggle("selected", other === li); });
    highlights.forEach(function (mark) {
      mark.classList.toggle("active", findingIds(mark).indexOf(id) >= 0);
    });
    if (scrollToPair) {
      var rows = li.dataset.beads ? li.dataset.beads.split(" ").map(function (rowId) {
        return document.getElementById(rowId);
      }) : [];
      if (rows.length) { rows[0].scrollIntoView({block: "center", behavior: smooth ? "smooth" : "auto"}); }
      rows.forEach(flash);
    } else {
      li.scrollIntoView({block: "nearest", behavior: smooth ? "smooth" : "auto"});
    }
  }

  document.querySelectorAll("a.jump").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      select(link.closest("li.finding").dataset.finding, true);
    });
  });

  // A highlight can cover several findings: each click selects the next visible one.
  document.querySelector("table.pairs").addEventListener("click", function (event) {
    var ref = event.target.closest("a.ref");
    var mark = event.target.closest("mark.hl");
    var ids;
    if (ref) {
      event.preventDefault();
      ids = [ref.textContent];
    } else if (mark) {
      ids = findingIds(mark);
    } else {
      return;
    }
    ids = ids.filter(function (id) { return !item(id).hidden; });
    if (!ids.length) { return; }
    var current = ids.indexOf((document.querySelector("li.finding.selected") || {dataset: {}}).dataset.finding);
    var id = ids[(current + 1) % ids.length];
    item(id).querySelector("details").open = true;
    select(id, false);
  });

  filters.disabled = false;
  filters.addEventListener("change", applyFilters);
  applyFilters();
})();
