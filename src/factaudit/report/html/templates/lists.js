// Long lists, a page at a time: every finding the filters let through; the documents with
// findings, and a search over every document the report knows.
const PAGE = 50;
const LISTS = {findings: 0, documents: 0};

function visibleFindings() {
  const out = [];
  for (let n = 0; n < F.length; n++) { if (passes(n)) { out.push(n); } }
  return out;
}

function renderFindings(focus) {
  const all = visibleFindings();
  if (focus !== undefined && focus !== null) {
    const at = all.indexOf(focus);
    if (at !== -1) { LISTS.findings = Math.floor(at / PAGE); }
  }
  const pages = Math.max(1, Math.ceil(all.length / PAGE));
  LISTS.findings = Math.min(LISTS.findings, pages - 1);
  const list = clear(byId('findings-list'));
  list.setAttribute('start', LISTS.findings * PAGE + 1);
  all.slice(LISTS.findings * PAGE, (LISTS.findings + 1) * PAGE).forEach((n) =>
    list.appendChild(findingCard(n, {item: true})));
  pager(byId('findings-pager'), all.length, LISTS.findings, PAGE, (p) => {
    LISTS.findings = p; renderFindings(); byId('findings').scrollIntoView();
  }, 'finding');
}

function docMatches(j, q) {
  const d = DOCS[j];
  return [d[D.id], d[D.title], d[D.path], d[D.publisher]].some((x) => x && x.toLowerCase().indexOf(q) !== -1);
}

function renderDocuments() {
  const q = byId('doc-q').value.trim().toLowerCase();
  let docs = [];
  DOCS.forEach((d, j) => {
    if (!colOK(j)) { return; }
    if (q ? docMatches(j, q) : INDEX.byDoc[j].length > 0) { docs.push(j); }
  });
  const count = (j) => INDEX.byDoc[j].filter(passes).length;
  docs = docs.map((j) => [j, count(j)]).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((x) => x[0]);
  const without = DOCS.filter((d, j) => INDEX.byDoc[j].length === 0).length;
  const absent = DATA.documents_audited - DOCS.length;
  const note = [];
  if (!q) { note.push('Documents with findings, most first.'); }
  if (without) { note.push(plural(without, 'document') + ' without findings ' + (q ? 'are searched too.' : 'are not listed: search finds them.')); }
  if (absent) { note.push(plural(absent, 'more document') + ' in which nothing was found are not in this report.'); }
  byId('documents-note').textContent = note.join(' ');
  const pages = Math.max(1, Math.ceil(docs.length / PAGE));
  LISTS.documents = Math.min(LISTS.documents, pages - 1);
  const list = clear(byId('documents-list'));
  list.setAttribute('start', LISTS.documents * PAGE + 1);
  docs.slice(LISTS.documents * PAGE, (LISTS.documents + 1) * PAGE).forEach((j) => {
    const d = DOCS[j];
    const sevs = {};
    INDEX.byDoc[j].forEach((n) => { if (passes(n)) { sevs[sevOf(n)] = (sevs[sevOf(n)] || 0) + 1; } });
    list.appendChild(h('li', {class: 'doc-entry'}, [h('a', {href: '#d' + j}, d[D.title] || d[D.id]), ' ',
      h('code', null, d[D.id]), ' ', h('span', {class: 'lang'}, d[D.lang]),
      d[D.published] ? ' ' + d[D.published] : '', ' · ',
      SEV.filter((s) => sevs[s]).map((s, k) => [k ? ', ' : '', sevBadge(s), ' ' + num(sevs[s])]),
      Object.keys(sevs).length ? '' : 'no findings']));
  });
  if (!docs.length) { list.appendChild(h('li', {class: 'none'}, q ? 'No document matches.' : 'No document has findings.')); }
  pager(byId('documents-pager'), docs.length, LISTS.documents, PAGE, (p) => {
    LISTS.documents = p; renderDocuments();
  }, 'document');
}

let docSearchTimer = null;
byId('doc-q').addEventListener('input', () => {
  clearTimeout(docSearchTimer);
  docSearchTimer = setTimeout(() => { LISTS.documents = 0; renderDocuments(); }, 120);
});
