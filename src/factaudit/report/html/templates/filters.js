// Filters: severity, verdict, rule, language and source checkboxes and a search, with their
// state in the address (?sev=error&q=lavrov), so that a copied link opens the same view.
const form = byId('filters');
const search = byId('q');
const GROUPS = ['sev', 'verdict', 'rule', 'lang', 'doc'];
const FILTER = {st: null, q: '', narrow: false, any: false, pass: new Uint8Array(F.length),
  shown: 0};
let SEARCH_TEXT = null;  // per finding, lower case: built on the first search

function boxes(group) {
  return Array.from(form.querySelectorAll('input[type="checkbox"][name="' + group + '"]'));
}
function narrowed(group) { return boxes(group).some((b) => !b.checked); }
function selected(group) {
  const list = boxes(group);
  if (!list.length) { return null; }  // no checkboxes (many sources): everything passes
  return new Set(list.filter((b) => b.checked).map((b) => b.value));
}
function findingText(n) {
  if (SEARCH_TEXT === null) { SEARCH_TEXT = new Array(F.length); }
  let t = SEARCH_TEXT[n];
  if (t === undefined) {
    const i = fv(n, 'item'), j = fv(n, 'doc');
    const parts = [fstr(n, 'msg'), fstr(n, 'found'), fstr(n, 'expected'), fstr(n, 'how'),
      fstr(n, 'ack'), RULES[fv(n, 'rule')], fstr(n, 'quote'), fv(n, 'fp')];
    if (i !== null) { parts.push(ITEMS[i][I.id], ITEMS[i][I.statement]); }
    if (j !== null) {
      parts.push(DOCS[j][D.id], DOCS[j][D.path], DOCS[j][D.title]);
      const q = fv(n, 'qlo');
      const e = q === null ? null : entryAt(j, q);
      if (e) { parts.push(e[2].slice(q - e[1], fv(n, 'qhi') - e[1])); }
    }
    t = SEARCH_TEXT[n] = parts.filter(Boolean).join('\n').toLowerCase();
  }
  return t;
}
const itemText = ITEMS.map((it) => (it[I.id] + '\n' + it[I.statement]).toLowerCase());

function colOK(j) {
  const st = FILTER.st;
  return (st.doc === null || st.doc.has(DOCS[j][D.id])) &&
    (st.lang === null || st.lang.has(DOCS[j][D.lang]));
}
function verdictOK(v) { return FILTER.st.verdict === null || FILTER.st.verdict.has(v); }
const passes = (n) => FILTER.pass[n] === 1;
// a cell is shown when its source and verdict pass, and (when severities or rules are
// narrowed, or a search is typed) when one of its findings passes or its item matches
function cellOK(i, j) {
  if (!colOK(j) || !verdictOK(cellVerdict(i, j))) { return false; }
  const fs = cellFindings(i, j);
  if (FILTER.narrow && !fs.some(passes)) { return false; }
  if (FILTER.q && itemText[i].indexOf(FILTER.q) === -1 && !fs.some(passes)) {
    return cellMentions(i, j).some((k) => (mstr(k, 'raw') + ' ' + mstr(k, 'value') + ' ' +
      DOCS[j][D.id]).toLowerCase().indexOf(FILTER.q) !== -1);
  }
  return true;
}

function applyFilters() {
  const st = {};
  GROUPS.forEach((g) => { st[g] = selected(g); });
  FILTER.st = st;
  FILTER.q = search.value.trim().toLowerCase();
  FILTER.narrow = narrowed('sev') || narrowed('rule');
  FILTER.any = !!FILTER.q || GROUPS.some(narrowed);
  let shown = 0;
  for (let n = 0; n < F.length; n++) {
    const j = fv(n, 'doc');
    const ok = st.sev.has(sevOf(n)) && st.rule.has(RULES[fv(n, 'rule')]) &&
      verdictOK(verdictOf(n)) && (j === null || colOK(j)) &&
      (!FILTER.q || findingText(n).indexOf(FILTER.q) !== -1);
    FILTER.pass[n] = ok ? 1 : 0;
    if (ok) { shown++; }
  }
  FILTER.shown = shown;
  const sources = DOCS.filter((d, j) => colOK(j)).length;
  byId('filter-status').textContent = 'Showing ' + num(shown) + ' of ' + num(F.length) +
    ' findings, ' + num(sources) + ' of ' + num(DOCS.length) + ' sources.';
}

function writeURL() {
  const params = new URLSearchParams();
  GROUPS.forEach((g) => {
    if (!narrowed(g)) { return; }
    const chosen = boxes(g).filter((b) => b.checked);
    if (!chosen.length) { params.append(g, ''); }
    chosen.forEach((b) => params.append(g, b.value));
  });
  const q = search.value.trim();
  if (q) { params.set('q', q); }
  const query = params.toString();
  const url = location.pathname + (query ? '?' + query : '') + location.hash;
  try { history.replaceState(null, '', url); } catch (e) { /* some browsers refuse on file: */ }
}

function readURL() {
  const params = new URLSearchParams(location.search);
  let narrowedAny = false;
  GROUPS.forEach((g) => {
    if (!params.has(g)) { return; }
    const values = new Set(params.getAll(g));
    boxes(g).forEach((b) => { b.checked = values.has(b.value); });
    narrowedAny = true;
  });
  if (params.has('q')) { search.value = params.get('q'); }
  if (narrowedAny) { byId('filter-panel').open = true; }
}
