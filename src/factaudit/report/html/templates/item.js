// One page per claim, entity or term: what the claims file says, the timeline of every
// source's statement (SVG made at build time), then the sources that contradict it, those
// that support it and those that are silent, side by side, a few at a time.
const PER_COLUMN = 10;

function itemColumns(i) {
  const problem = [], ok = [], other = [];
  const spoke = new Set();
  INDEX.itemCells[i].forEach((c) => {
    const j = c[1];
    spoke.add(j);
    if (!colOK(j) || !cellOK(i, j)) { return; }
    const v = VERD[c[2]];
    if (PROBLEMS.has(v)) { problem.push(j); } else if (v === 'supported') { ok.push(j); } else {
      other.push(j);
    }
  });
  const silent = [];
  DOCS.forEach((d, j) => { if (!spoke.has(j) && colOK(j)) { silent.push(j); } });
  const weight = (j) => -cellFindings(i, j).filter((n) => sevOf(n) === 'error').length;
  problem.sort((a, b) => weight(a) - weight(b) || a - b);
  return {problem, ok, other, silent};
}

function column(cls, title, entries, make, focus) {
  if (focus !== null && entries.indexOf(focus) > 0) {
    entries = [focus].concat(entries.filter((j) => j !== focus));
  }
  const list = h('div', {class: 'col-list'});
  const sec = h('section', {class: 'col ' + cls}, [h('h3', null, [title, ' ',
    h('span', {class: 'count'}, '(' + num(entries.length) + ')')]), list]);
  if (!entries.length) { list.appendChild(h('p', {class: 'none'}, 'none')); return sec; }
  sec.appendChild(more(list, entries, cls === 'col-silent' ? 50 : PER_COLUMN, make));
  return sec;
}

function silentEntry(j) {
  const d = DOCS[j];
  return h('p', {class: 'silent-src'}, [h('a', {href: '#d' + j}, d[D.id]), ' ',
    h('span', {class: 'lang'}, d[D.lang]), d[D.published] ? ' ' + d[D.published] : '']);
}

function renderItem(i, focus) {
  const view = clear(byId('item'));
  const it = ITEMS[i];
  const claim = it[I.kind] === 'claim';
  const cols = itemColumns(i);
  const kv = it[I.details].map((r) => h('div', null, [h('dt', null, r[0]), h('dd', null, r[1])]));
  if (it[I.origin]) { kv.push(h('div', null, [h('dt', null, 'declared in'), h('dd', null, h('code', null, it[I.origin]))])); }
  const article = h('article', {class: 'item-page kind-' + it[I.kind], id: 's' + i, 'aria-labelledby': 's' + i + '-h'}, [
    h('p', {class: 'crumbs'}, [h('a', {href: '#claims'}, 'Claims'), ' › ', it[I.id]]),
    h('h2', {id: 's' + i + '-h'}, [h('span', {class: 'kind'}, it[I.kind]), ' ', h('code', null, it[I.id])]),
    h('p', {class: 'statement'}, it[I.statement]),
    h('dl', {class: 'kv'}, kv)]);
  if (it[I.acks].length) {
    article.appendChild(h('ul', {class: 'acks', 'aria-label': 'Acknowledged discrepancies'},
      it[I.acks].map((a) => h('li', null, ['⚑ acknowledged in ', h('code', null, a[0]),
        a[3] ? ' (found ' + a[3] + ')' : '', ' until ' + a[2] + ': ' + a[1]]))));
  }
  const tl = byId('tl-' + i);  // a <template>: its SVG is drawn only on this page
  if (tl) {
    article.appendChild(h('h3', null, 'Timeline'));
    article.appendChild(document.importNode(tl.content, true));
  } else if (claim) {
    article.appendChild(h('p', {class: 'hint'}, 'No source that speaks to this claim has a publication date: no timeline.'));
  }
  const general = INDEX.byItem[i].filter((n) => fv(n, 'doc') === null && passes(n));
  if (general.length) {
    article.appendChild(h('section', {class: 'ev general'}, [h('h3', null, 'Across the corpus'),
      h('ul', {class: 'findings'}, general.map((n) => findingCard(n)))]));
  }
  const grid = h('div', {class: 'columns'});
  grid.appendChild(column('col-problem', claim ? '✗ Refuted or in conflict' : '✎ Misspelled or variant',
    cols.problem, (j) => evidence(i, j), focus));
  grid.appendChild(column('col-ok', claim ? '✓ Supported' : '✓ Spelled right',
    cols.ok, (j) => evidence(i, j, {compact: true}), focus));
  if (cols.other.length) {
    grid.appendChild(column('col-other', 'Other verdicts', cols.other, (j) => evidence(i, j), focus));
  }
  grid.appendChild(column('col-silent', '– Silent', cols.silent, silentEntry, null));
  article.appendChild(grid);
  view.appendChild(article);
}

function renderClaimsList() {
  const box = clear(byId('claims-list'));
  const rows = ITEMS.map((it, i) => {
    const counts = {};
    INDEX.itemCells[i].forEach((c) => {
      if (!colOK(c[1])) { return; }
      const v = c[3] ? 'acknowledged' : VERD[c[2]];
      counts[v] = (counts[v] || 0) + 1;
    });
    const problems = (counts.refuted || 0) + (counts.conflicting || 0) + (counts.typo || 0) + (counts.variant || 0);
    return {i, counts, problems};
  }).filter((r) => !FILTER.q || itemText[r.i].indexOf(FILTER.q) !== -1 || INDEX.byItem[r.i].some(passes));
  rows.sort((a, b) => b.problems - a.problems || a.i - b.i);
  const order = ['refuted', 'conflicting', 'typo', 'variant', 'acknowledged', 'supported', 'out-of-scope'];
  const table = h('table', {class: 'items'}, [h('thead', null, h('tr', null, [
    h('th', {scope: 'col'}, 'item'), h('th', {scope: 'col'}, 'statement'), h('th', {scope: 'col'}, 'sources')]))]);
  const body = h('tbody');
  rows.forEach((r) => {
    const it = ITEMS[r.i];
    body.appendChild(h('tr', null, [
      h('th', {scope: 'row'}, [h('a', {href: '#s' + r.i}, it[I.id]), ' ', h('span', {class: 'kind'}, it[I.kind])]),
      h('td', null, it[I.statement]),
      h('td', null, order.filter((v) => r.counts[v]).map((v, k) => [k ? ' ' : '', badge(v), ' ' + num(r.counts[v])]))]));
  });
  table.appendChild(body);
  box.appendChild(h('div', {class: 'scroll'}, table));
}
