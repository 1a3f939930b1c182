// One document: its metadata and its text with line numbers; every finding highlighted in
// place with its label in words, every value read underlined, each linking to its evidence.
function docMarks(j) {
  const marks = [];
  INDEX.byDoc[j].forEach((n) => {
    const start = fv(n, 'start');
    if (start === null || !passes(n)) { return; }
    const end = Math.max(fv(n, 'end') === null ? start : fv(n, 'end'), start + 1);
    const sev = sevOf(n);
    marks.push([start, end, 'hl sev-' + sev, RULES[fv(n, 'rule')] + ': ' + fstr(n, 'msg'),
      '#f' + n, SEV_ICON[sev] + ' ' + sev]);
  });
  INDEX.mByDoc[j].forEach((k) => {
    const i = mv(k, 'item');
    marks.push([mv(k, 'start'), mv(k, 'end'), 'val', ITEMS[i][I.id] + ': ' + mstr(k, 'raw') + ' → ' +
      mstr(k, 'value'), '#e' + i + '-' + j, null]);
    marks.push([mv(k, 'cue_start'), mv(k, 'cue_end'), 'cue', null, null, null]);
  });
  return marks.sort((a, b) => a[0] - b[0]);
}

function lineGap(count) {
  return h('div', {class: 'gap'}, '⋯ ' + plural(count, 'line') + ' without findings');
}

function renderDoc(j) {
  const view = clear(byId('doc'));
  const d = DOCS[j];
  const kv = [];
  const row = (k, v) => kv.push(h('div', null, [h('dt', null, k), h('dd', null, v)]));
  row('id', h('code', null, d[D.id]));
  row('file', h('code', null, d[D.path]));
  row('language', d[D.lang] + ' (' + d[D.langSource] + ')');
  row('published', d[D.published] || 'unknown');
  if (d[D.publisher]) { row('publisher', d[D.publisher]); }
  if (d[D.translationOf]) { row('translation of', h('code', null, d[D.translationOf])); }
  if (d[D.url]) { row('url', h('a', {href: d[D.url], rel: 'noopener noreferrer'}, d[D.url])); } else if (d[D.urlText]) {
    row('url', d[D.urlText]);
  }
  row('findings', num(INDEX.byDoc[j].length));
  const article = h('article', {class: 'doc', id: 'd' + j, 'aria-labelledby': 'd' + j + '-h'}, [
    h('p', {class: 'crumbs'}, [h('a', {href: '#documents'}, 'Documents'), ' › ', d[D.id]]),
    h('h2', {id: 'd' + j + '-h'}, d[D.title] || d[D.id]),
    h('dl', {class: 'kv'}, kv),
    h('p', {class: 'legend-line'}, ['In the text: ', h('mark', {class: 'hl sev-error'}, 'finding'),
      h('span', {class: 'tag'}, '✗ error'), ' (its severity in words after it) · ',
      h('mark', {class: 'val'}, 'value read'), ' · ', h('mark', {class: 'cue'}, 'cue'),
      '. Each links to its evidence.'])]);
  const entries = texts()[j] || [];
  const text = h('div', {class: 'text', lang: d[D.lang]});
  if (!entries.length) {
    text.appendChild(h('p', {class: 'hint'}, d[D.text] === 0 && d[D.findings]
      ? 'The text of this document could not be read again (moved or changed since the audit).'
      : 'Nothing was found in this document.'));
  }
  const marks = docMarks(j);
  const firstLine = d[D.first];
  let previous = null;
  if (entries.length && entries[0][0] > firstLine) { text.appendChild(lineGap(entries[0][0] - firstLine)); }
  let m0 = 0;
  entries.forEach((e) => {
    if (previous !== null && e[0] > previous + 1) { text.appendChild(lineGap(e[0] - previous - 1)); }
    const lo = e[1], hi = e[1] + e[2].length;
    while (m0 < marks.length && marks[m0][1] <= lo && marks[m0][0] < lo) { m0++; }
    const here = [];
    for (let k = m0; k < marks.length && marks[k][0] < hi; k++) {
      if (marks[k][1] > lo) { here.push(marks[k]); }
    }
    const same = previous === e[0];
    text.appendChild(h('div', {class: 'ln' + (e[3] ? ' part' : ''), id: same ? null : 'd' + j + '-L' + e[0]}, [
      h('a', {class: 'no', href: '#d' + j + '-L' + e[0], 'aria-label': 'line ' + e[0]}, same ? '' : String(e[0])),
      h('span', {class: 'tx'}, [(e[3] & 1) ? h('span', {class: 'cut'}, '… ') : null,
        pieces(e[2], lo, lo, hi, here, false), (e[3] & 2) ? h('span', {class: 'cut'}, ' …') : null])]));
    previous = e[0];
  });
  if (previous !== null && d[D.lines]) {
    const last = firstLine + d[D.lines] - 1;
    if (last > previous) { text.appendChild(lineGap(last - previous)); }
  }
  article.appendChild(text);
  view.appendChild(article);
}

