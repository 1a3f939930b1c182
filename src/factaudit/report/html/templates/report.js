// factaudit report: filters with their state in the URL. This script never writes HTML:
// it reads the JSON data block, toggles `hidden` and classes, and reads textContent.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var form = document.getElementById('filters');
  var search = document.getElementById('q');
  var status = document.getElementById('filter-status');
  var GROUPS = ['sev', 'verdict', 'rule', 'lang', 'doc'];
  var byId = function (id) { return document.getElementById(id); };
  var lower = function (el) { return el ? el.textContent.toLowerCase() : ''; };

  function boxes(group) {
    return Array.prototype.slice.call(
      form.querySelectorAll('input[type="checkbox"][name="' + group + '"]'));
  }
  function selected(group) {
    var out = new Set();
    boxes(group).forEach(function (b) { if (b.checked) { out.add(b.value); } });
    return out;
  }
  function narrowed(group) {
    return boxes(group).some(function (b) { return !b.checked; });
  }

  var itemText = [];
  for (var i = 0; i < data.items; i++) {
    var row = byId('r' + i);
    itemText.push(lower(row ? row.querySelector('th') : byId('s' + i + '-h')));
  }
  var generalByItem = {};
  data.findings.forEach(function (f) {
    if (f.doc === null && f.item !== null) {
      (generalByItem[f.item] = generalByItem[f.item] || []).push(f.n);
    }
  });

  function apply() {
    var st = {};
    GROUPS.forEach(function (g) { st[g] = selected(g); });
    var q = search.value.trim().toLowerCase();
    var narrow = narrowed('sev') || narrowed('rule');
    var colOK = data.docs.map(function (d) { return st.doc.has(d.id) && st.lang.has(d.lang); });
    var shown = {};
    var visibleFindings = 0;
    data.findings.forEach(function (f) {
      var el = byId('f' + f.n);
      var ok = st.sev.has(f.sev) && st.rule.has(f.rule) && st.verdict.has(f.verdict) &&
        (f.doc === null || colOK[f.doc]) &&
        (!q || lower(el).indexOf(q) !== -1 ||
         (f.item !== null && itemText[f.item].indexOf(q) !== -1));
      shown[f.n] = ok;
      if (el) { el.hidden = !ok; }
      if (ok) { visibleFindings++; }
    });
    var rowOK = [];
    for (var k = 0; k < data.items; k++) {
      rowOK.push((generalByItem[k] || []).some(function (n) { return shown[n]; }));
    }
    data.cells.forEach(function (c) {
      var item = c[0], doc = c[1], verdict = c[2], findings = c[3], hasEvidence = c[4];
      var ev = hasEvidence ? byId('e' + item + '-' + doc) : null;
      var anyShown = findings.some(function (n) { return shown[n]; });
      var ok = colOK[doc] && st.verdict.has(verdict) && (!narrow || anyShown) &&
        (!q || itemText[item].indexOf(q) !== -1 || anyShown || lower(ev).indexOf(q) !== -1);
      var cell = byId('c' + item + '-' + doc);
      if (cell) { cell.classList.toggle('filtered', !ok); }
      if (ev) { ev.hidden = !ok; }
      if (ok) { rowOK[item] = true; }
    });
    var visibleItems = 0;
    rowOK.forEach(function (ok, item) {
      var row = byId('r' + item);
      var section = byId('s' + item);
      if (row) { row.hidden = !ok; }
      if (section) { section.hidden = !ok; }
      if (ok) { visibleItems++; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-col]'), function (el) {
      el.hidden = !colOK[Number(el.getAttribute('data-col'))];
    });
    Array.prototype.forEach.call(document.querySelectorAll('tbody.group'), function (tb) {
      var rows = tb.querySelectorAll('tr.row');
      tb.hidden = !Array.prototype.some.call(rows, function (r) { return !r.hidden; });
    });
    var sources = colOK.filter(Boolean).length;
    status.textContent = 'Showing ' + visibleFindings + ' of ' + data.findings.length +
      ' findings, ' + visibleItems + ' of ' + data.items + ' items, ' + sources + ' of ' +
      data.docs.length + ' sources.';
  }

  function writeURL() {
    var params = new URLSearchParams();
    GROUPS.forEach(function (g) {
      if (!narrowed(g)) { return; }
      var chosen = boxes(g).filter(function (b) { return b.checked; });
      if (!chosen.length) { params.append(g, ''); }
      chosen.forEach(function (b) { params.append(g, b.value); });
    });
    var q = search.value.trim();
    if (q) { params.set('q', q); }
    var query = params.toString();
    var url = location.pathname + (query ? '?' + query : '') + location.hash;
    try { history.replaceState(null, '', url); } catch (e) { /* some browsers refuse on file: */ }
  }

  function readURL() {
    var params = new URLSearchParams(location.search);
    GROUPS.forEach(function (g) {
      if (!params.has(g)) { return; }
      var values = new Set(params.getAll(g));
      boxes(g).forEach(function (b) { b.checked = values.has(b.value); });
    });
    if (params.has('q')) { search.value = params.get('q'); }
  }

  function update() { apply(); writeURL(); }

  form.addEventListener('change', update);
  search.addEventListener('input', update);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  byId('reset').addEventListener('click', function () {
    GROUPS.forEach(function (g) { boxes(g).forEach(function (b) { b.checked = true; }); });
    search.value = '';
    update();
  });
  // A link to something the filters hide (a dimmed cell, a line in a hidden document)
  // shows its target rather than going nowhere.
  document.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (!link) { return; }
    var target = byId(decodeURIComponent(link.getAttribute('href').slice(1)));
    for (var el = target; el && el !== document.body; el = el.parentElement) {
      if (el.hidden) { el.hidden = false; }
    }
  });
  window.addEventListener('hashchange', writeURL);

  readURL();
  form.hidden = false;
  apply();
})();
