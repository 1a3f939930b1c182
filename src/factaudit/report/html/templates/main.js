// Views and the address: #overview, #claims, #s3 (an item's page), #e3-7 (source 7's
// evidence on item 3), #f12 (a finding), #matrix, #findings, #documents, #d7 and #d7-L31
// (a document, a line). Only the view in use is drawn; j/k move between findings.
const VIEWS = ['overview', 'claims', 'item', 'matrix', 'findings', 'documents', 'doc'];
const OVERVIEW_PARTS = ['totals', 'run', 'warnings', 'changes', 'worst', 'typos', 'others'];
const current = {view: null, target: null};

function showView(name) {
  VIEWS.forEach((v) => { byId(v).hidden = v !== name; });
  if (name !== 'item') { clear(byId('item')); }
  if (name !== 'doc') { clear(byId('doc')); }
  if (name !== 'findings') { clear(byId('findings-list')); }
  const nav = {item: 'claims', doc: 'documents'}[name] || name;
  document.querySelectorAll('#nav a').forEach((a) => {
    if (a.getAttribute('data-nav') === nav) { a.setAttribute('aria-current', 'page'); } else {
      a.removeAttribute('aria-current');
    }
  });
  current.view = name;
}

function parseHash() {
  const hash = decodeURIComponent(location.hash.slice(1));
  let m;
  if (!hash) { return {view: 'overview'}; }
  if ((m = /^s(\d+)$/.exec(hash)) && ITEMS[+m[1]]) { return {view: 'item', i: +m[1]}; }
  if ((m = /^e(\d+)-(\d+)$/.exec(hash)) && ITEMS[+m[1]] && DOCS[+m[2]]) {
    return {view: 'item', i: +m[1], j: +m[2], target: hash};
  }
  if ((m = /^f(\d+)$/.exec(hash)) && F[+m[1]]) {
    const n = +m[1], i = fv(n, 'item'), j = fv(n, 'doc');
    if (i !== null) { return {view: 'item', i, j, target: hash, n}; }
    return {view: 'findings', n, target: hash};
  }
  if ((m = /^d(\d+)(?:-L(\d+))?$/.exec(hash)) && DOCS[+m[1]]) {
    return {view: 'doc', j: +m[1], target: m[2] ? hash : null};
  }
  if ((m = /^m(\d+)$/.exec(hash)) && M[+m[1]]) {
    return {view: 'item', i: mv(+m[1], 'item'), j: mv(+m[1], 'doc'), target: hash};
  }
  if (VIEWS.indexOf(hash) !== -1 && hash !== 'item' && hash !== 'doc') { return {view: hash}; }
  if (OVERVIEW_PARTS.indexOf(hash) !== -1) { return {view: 'overview', target: hash}; }
  return {view: 'overview', target: byId(hash) ? hash : null};
}

function render(route) {
  showView(route.view);
  if (route.view === 'overview') { renderOverview(); } else if (route.view === 'claims') {
    renderClaimsList();
  } else if (route.view === 'item') { renderItem(route.i, route.j === undefined ? null : route.j); } else if (route.view === 'matrix') {
    renderMatrix();
  } else if (route.view === 'findings') { renderFindings(route.n); } else if (route.view === 'documents') {
    renderDocuments();
  } else if (route.view === 'doc') { renderDoc(route.j); }
}

function go(scroll) {
  const route = parseHash();
  render(route);
  current.target = route.target || null;
  document.querySelectorAll('.target').forEach((el) => el.classList.remove('target'));
  const el = route.target ? byId(route.target) : null;
  if (el) {
    el.classList.add('target');
    el.scrollIntoView({block: route.view === 'doc' ? 'center' : 'start'});
    if (el.classList.contains('finding')) { el.focus({preventScroll: true}); }
  } else if (scroll) {
    window.scrollTo(0, 0);
  }
  document.documentElement.setAttribute('data-shown', location.hash);  // drawn: for tests
}

function refresh() {  // after a filter change: the same view, drawn again
  applyFilters();
  writeURL();
  const y = window.scrollY;
  render(parseHash());
  window.scrollTo(0, y);
}

let filterTimer = null;
form.addEventListener('change', refresh);
search.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(refresh, F.length > 20000 ? 250 : 60);
});
form.addEventListener('submit', (e) => { e.preventDefault(); });
byId('reset').addEventListener('click', () => {
  GROUPS.forEach((g) => { boxes(g).forEach((b) => { b.checked = true; }); });
  search.value = '';
  refresh();
});
document.addEventListener('click', (e) => {
  const link = e.target.closest ? e.target.closest('a.rule-link') : null;
  if (!link) { return; }
  e.preventDefault();  // "N findings" of a rule: that rule only, in the findings view
  boxes('rule').forEach((b) => { b.checked = b.value === link.getAttribute('data-rule'); });
  byId('filter-panel').open = true;
  applyFilters();
  writeURL();
  location.hash = '#findings';
});
window.addEventListener('hashchange', () => { go(true); writeURL(); });

// ---------------------------------------------------------------------------- keyboard
function stops() {
  const view = byId(current.view);
  return Array.from(view.querySelectorAll('.finding, a.hl, [data-f]'))
    .filter((el) => el.offsetParent !== null && !(el.matches('[data-f]') && el.querySelector('.finding')));
}
function move(step) {
  const list = stops();
  if (!list.length) { return; }
  let at = list.findIndex((el) => el.classList.contains('kb-current'));
  if (at === -1) {
    const top = list.findIndex((el) => el.getBoundingClientRect().top >= 0);
    at = step > 0 ? (top === -1 ? list.length : top) - 1 : (top === -1 ? list.length : top);
  }
  const next = Math.max(0, Math.min(list.length - 1, at + step));
  list.forEach((el) => el.classList.remove('kb-current'));
  const el = list[next];
  el.classList.add('kb-current');
  if (!el.hasAttribute('tabindex') && el.tagName !== 'A') { el.setAttribute('tabindex', '-1'); }
  el.focus({preventScroll: true});
  el.scrollIntoView({block: 'center'});
}
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) { return; }
  const t = e.target;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
    if (e.key === 'Escape') { t.blur(); }
    return;
  }
  if (e.key === 'j') { move(1); e.preventDefault(); } else if (e.key === 'k') {
    move(-1); e.preventDefault();
  } else if (e.key === '/') { search.focus(); e.preventDefault(); } else if (e.key === 'g') {
    location.hash = '#overview';
  } else if (e.key === '?') { byId('kbd-help').hidden = !byId('kbd-help').hidden; } else if (e.key === 'Enter' && t && t.classList && t.classList.contains('kb-current') && t.tagName !== 'A') {
    const link = t.querySelector('.loc a') || t.querySelector('a');
    if (link) { link.click(); e.preventDefault(); }
  }
});

readURL();
form.hidden = false;
applyFilters();
go(false);
document.documentElement.setAttribute('data-ready', '');
