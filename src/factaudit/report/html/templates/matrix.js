// The claims × sources matrix: its header row and first column stay in view while it
// scrolls; sources and items with nothing but "not enough info" can be hidden; rows and
// columns sort by problems; columns come a page at a time.
const MATRIX_COLUMNS = 40;
const MATRIX = {page: 0};

function problemScore(i, j) {
  const v = cellDisplay(i, j);
  if (v === 'refuted' || v === 'conflicting') { return 3; }
  if (v === 'typo' || v === 'variant') { return 2; }
  if (v === 'acknowledged') { return 1; }
  return 0;
}

function matrixLayout() {
  const hide = byId('matrix-hide').checked;
  const byProblems = byId('matrix-order').value === 'problems';
  const colScore = new Map();
  const rowScore = ITEMS.map(() => 0);
  const rowSays = ITEMS.map(() => false);
  DATA.cells.forEach((c) => {
    const i = c[0], j = c[1];
    if (!cellOK(i, j)) { return; }
    const s = problemScore(i, j);
    colScore.set(j, (colScore.get(j) || 0) + s);
    rowScore[i] += s;
    rowSays[i] = true;
  });
  const all = !hide && !FILTER.any;  // every source and item, also those that say nothing
  let cols = [];
  DOCS.forEach((d, j) => {
    if (colOK(j) && (all || colScore.has(j))) { cols.push(j); }
  });
  let rows = ITEMS.map((it, i) => i).filter((i) => all || rowSays[i] ||
    (!hide && FILTER.q && itemText[i].indexOf(FILTER.q) !== -1));
  if (byProblems) {
    cols = cols.sort((a, b) => (colScore.get(b) || 0) - (colScore.get(a) || 0) || a - b);
    rows = rows.sort((a, b) => rowScore[b] - rowScore[a] || a - b);
  }
  return {cols, rows, hidden: DOCS.length - cols.length};
}

function matrixCell(i, j) {
  const display = cellDisplay(i, j), verdict = cellVerdict(i, j);
  const claim = ITEMS[i][I.kind] === 'claim';
  const values = [];
  if (claim) {
    cellMentions(i, j).forEach((k) => values.push(mstr(k, 'value')));
  } else { cellFindings(i, j).forEach((n) => values.push(fstr(n, 'found'))); }
  const distinct = Array.from(new Set(values.filter(Boolean)));
  const value = distinct.slice(0, 3).join(', ') + (distinct.length > 3 ? ', …' : '');
  const hasEvidence = cellFindings(i, j).length || cellMentions(i, j).length;
  let title = ITEMS[i][I.id] + ' in ' + DOCS[j][D.id] + ': ' + LABEL[verdict];
  if (display === 'acknowledged') {
    const reasons = new Set(cellFindings(i, j).map((n) => fstr(n, 'ack')).filter(Boolean));
    title += ' — acknowledged: ' + Array.from(reasons).sort().join('; ');
  }
  if (value) { title += ' — found ' + value; }
  const inner = [h('span', {class: 'icon', 'aria-hidden': 'true'}, ICON[display] || ''), ' ',
    h('span', {class: 'word'}, LABEL[display] || display),
    display !== verdict ? [' ', h('span', {class: 'base'}, '(' + LABEL[verdict] + ')')] : null,
    value ? [' ', h('span', {class: 'val'}, value)] : null];
  const content = hasEvidence ? h('a', {href: '#e' + i + '-' + j, title}, inner)
    : h('span', {title}, inner);
  return h('td', {id: 'c' + i + '-' + j, class: 'cell v-' + display +
    (cellOK(i, j) ? '' : ' filtered'), 'data-col': j}, content);
}

function renderMatrix() {
  const layout = matrixLayout();
  const pages = Math.max(1, Math.ceil(layout.cols.length / MATRIX_COLUMNS));
  MATRIX.page = Math.min(MATRIX.page, pages - 1);
  const cols = layout.cols.slice(MATRIX.page * MATRIX_COLUMNS, (MATRIX.page + 1) * MATRIX_COLUMNS);
  pager(byId('matrix-pager'), layout.cols.length, MATRIX.page, MATRIX_COLUMNS, (p) => {
    MATRIX.page = p; renderMatrix();
  }, 'source');
  if (layout.hidden && byId('matrix-hide').checked) {
    add(byId('matrix-pager'), [' · ', plural(layout.hidden, 'source') + ' with nothing to show hidden']);
  }
  const table = clear(byId('matrix-table'));
  table.appendChild(h('caption', null, 'Verdict of every source on every claim, entity and term'));
  table.appendChild(h('thead', null, h('tr', null, [h('th', {scope: 'col', class: 'corner'}, 'Item')].concat(
    cols.map((j) => h('th', {scope: 'col', class: 'src', 'data-col': j, title: DOCS[j][D.title] || DOCS[j][D.id]},
      [h('a', {href: '#d' + j}, DOCS[j][D.id]), ' ', h('span', {class: 'lang'}, DOCS[j][D.lang])]))))));
  [['Claims', (i) => ITEMS[i][I.kind] === 'claim'], ['Names and terms', (i) => ITEMS[i][I.kind] !== 'claim']].forEach((g, k) => {
    const rows = layout.rows.filter(g[1]);
    if (!rows.length) { return; }
    const body = h('tbody', {class: 'group', 'data-group': k}, h('tr', {class: 'group-head'},
      h('th', {scope: 'rowgroup', colspan: cols.length + 1}, g[0])));
    rows.forEach((i) => {
      body.appendChild(h('tr', {id: 'r' + i, class: 'row kind-' + ITEMS[i][I.kind]},
        [h('th', {scope: 'row'}, [h('a', {href: '#s' + i}, ITEMS[i][I.id]), ' ',
          h('span', {class: 'stmt'}, ITEMS[i][I.statement])])].concat(cols.map((j) => matrixCell(i, j)))));
    });
    table.appendChild(body);
  });
}

byId('matrix-hide').addEventListener('change', () => { MATRIX.page = 0; renderMatrix(); });
byId('matrix-order').addEventListener('change', () => { MATRIX.page = 0; renderMatrix(); });
