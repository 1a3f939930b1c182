// The first screen: the claims that are refuted or in conflict, most sources first, each
// with its expected value, what the sources say and a quoted sentence; then typos by item;
// then everything else by rule. Totals and charts follow (made at build time).
const WORST_SHOWN = 8;
const VALUES_SHOWN = 4;

function problemGroups(i) {
  // found value → {docs: [j], first: n, ack: all acknowledged?}
  const groups = new Map();
  for (const n of INDEX.byItem[i]) {
    const v = verdictOf(n), j = fv(n, 'doc');
    if (j === null || !passes(n) || (v !== 'refuted' && v !== 'conflicting')) { continue; }
    const key = fstr(n, 'found') || '(no value)';
    let g = groups.get(key);
    if (!g) { g = {value: key, docs: new Set(), first: n, open: 0, verdict: v}; groups.set(key, g); }
    g.docs.add(j);
    if (sevOf(n) !== 'acknowledged') { g.open++; }
    if (sevOf(n) === 'error' && sevOf(g.first) !== 'error') { g.first = n; }
  }
  return Array.from(groups.values()).sort((a, b) => b.docs.size - a.docs.size ||
    (a.value < b.value ? -1 : 1));
}

function worstClaims() {
  const out = [];
  ITEMS.forEach((it, i) => {
    if (it[I.kind] !== 'claim') { return; }
    const groups = problemGroups(i);
    if (!groups.length) { return; }
    const docs = new Set();
    let errors = 0;
    groups.forEach((g) => { g.docs.forEach((j) => docs.add(j)); });
    INDEX.byItem[i].forEach((n) => { if (passes(n) && sevOf(n) === 'error') { errors++; } });
    out.push({i, groups, sources: docs.size, errors});
  });
  return out.sort((a, b) => (b.errors > 0) - (a.errors > 0) || b.sources - a.sources || a.i - b.i);
}

function supportedCount(i) {
  return INDEX.itemCells[i].filter((c) => VERD[c[2]] === 'supported' && colOK(c[1])).length;
}

function problemCard(w) {
  const it = ITEMS[w.i];
  const verdicts = new Set(w.groups.map((g) => g.verdict));
  const head = h('h3', null, [h('a', {href: '#s' + w.i}, it[I.id]), ' ',
    Array.from(verdicts).map((v) => [badge(v), ' ']),
    h('span', {class: 'count'}, plural(w.sources, 'source') +
      (w.errors ? ', ' + plural(w.errors, 'open error') : ', all acknowledged or below error'))]);
  const says = h('ul', {class: 'says'});
  w.groups.slice(0, VALUES_SHOWN).forEach((g) => {
    const docs = Array.from(g.docs);
    const n = g.first, j = fv(n, 'doc');
    const place = findingPlace(n);
    says.appendChild(h('li', {class: 'say sev-' + sevOf(n), 'data-f': n}, [
      h('p', {class: 'who'}, [h('span', {class: 'lbl'}, 'says'), ' ', h('b', {class: 'val'}, g.value),
        ' ', h('span', {class: 'n'}, '— ' + plural(docs.length, 'source') + ': '),
        docs.slice(0, 3).map((d, k) => [k ? ', ' : '', h('a', {href: '#e' + w.i + '-' + d}, DOCS[d][D.id])]),
        docs.length > 3 ? [' and ', h('a', {href: '#s' + w.i}, num(docs.length - 3) + ' more')] : null]),
      h('blockquote', {class: 'quote'}, [findingQuote(n), ' ', sevBadge(sevOf(n)), ' ',
        place.href ? h('a', {class: 'loc', href: place.href}, place.text) : null]),
      fstr(n, 'ack') ? h('p', {class: 'ack'}, '⚑ acknowledged: ' + fstr(n, 'ack')) : null,
      j === null ? null : null]));
  });
  if (w.groups.length > VALUES_SHOWN) {
    says.appendChild(h('li', {class: 'say more-values'}, h('a', {href: '#s' + w.i},
      '+ ' + plural(w.groups.length - VALUES_SHOWN, 'other value'))));
  }
  const ok = supportedCount(w.i);
  if (ok) {
    says.appendChild(h('li', {class: 'say ok'}, [badge('supported'), ' ',
      plural(ok, 'source') + (it[I.expected] ? ' state ' + it[I.expected] : ' agree')]));
  }
  return h('article', {class: 'problem' + (w.errors ? '' : ' settled'), id: 'p' + w.i}, [head,
    h('p', {class: 'statement'}, it[I.statement]),
    h('p', {class: 'expected'}, [h('span', {class: 'lbl'}, 'expected'), ' ',
      it[I.expected] ? h('b', null, it[I.expected]) : 'the sources must agree with each other']),
    says]);
}

function renderWorst() {
  const box = clear(byId('worst'));
  const worst = worstClaims();
  box.appendChild(h('h2', {id: 'worst-h'}, 'What is wrong'));
  if (!worst.length) {
    box.appendChild(h('p', {class: 'none'}, FILTER.shown < F.length
      ? 'No claim is refuted or in conflict among the findings the filters show.'
      : 'No claim is refuted or in conflict: every source that speaks to a claim agrees with it.'));
    return;
  }
  box.appendChild(h('p', {class: 'hint'}, plural(worst.length, 'claim') +
    ' refuted or in conflict, open errors first, then by the number of sources.'));
  const list = h('div', {class: 'problems'});
  box.appendChild(list);
  const button = more(list, worst, WORST_SHOWN, problemCard);
  box.appendChild(button);
}

function renderTypos() {
  const box = clear(byId('typos'));
  const rows = [];
  ITEMS.forEach((it, i) => {
    if (it[I.kind] === 'claim') { return; }
    const forms = new Map();
    let total = 0;
    for (const n of INDEX.byItem[i]) {
      if (!passes(n)) { continue; }
      const v = verdictOf(n);
      if (v !== 'typo' && v !== 'variant') { continue; }
      const key = fstr(n, 'found') || '?';
      let f = forms.get(key);
      if (!f) { f = {form: key, count: 0, docs: new Set(), first: n, verdict: v}; forms.set(key, f); }
      f.count++;
      total++;
      if (fv(n, 'doc') !== null) { f.docs.add(fv(n, 'doc')); }
    }
    if (total) { rows.push({i, total, forms: Array.from(forms.values()).sort((a, b) => b.count - a.count)}); }
  });
  if (!rows.length) { return; }
  rows.sort((a, b) => b.total - a.total || a.i - b.i);
  box.appendChild(h('h2', {id: 'typos-h'}, 'Typos and variants'));
  box.appendChild(h('p', {class: 'hint'}, 'Names and terms spelled otherwise than the claims files say, by item, most first.'));
  const table = h('table', {class: 'typos'}, [h('thead', null, h('tr', null,
    ['item', 'should read', 'found (times, sources)', 'where first'].map((t) => h('th', {scope: 'col'}, t))))]);
  const body = h('tbody');
  table.appendChild(body);
  const button = more(body, rows, 10, (r) => {
    const it = ITEMS[r.i];
    const first = r.forms[0].first;
    const place = findingPlace(first);
    return h('tr', {'data-f': first}, [
      h('th', {scope: 'row'}, h('a', {href: '#s' + r.i}, it[I.id])),
      h('td', null, h('b', null, it[I.expected] || '')),
      h('td', null, r.forms.slice(0, 5).map((f, k) => [k ? ' · ' : '', badge(f.verdict), ' ',
        h('span', {class: 'form found'}, f.form), ' ×' + num(f.count) + ' (' + plural(f.docs.size, 'source') + ')']).concat(
        r.forms.length > 5 ? [' · +' + (r.forms.length - 5) + ' more'] : [])),
      h('td', null, place.href ? h('a', {href: place.href}, place.text) : place.text || '')]);
  });
  box.appendChild(h('div', {class: 'scroll'}, table));
  box.appendChild(button);
}

function renderOthers() {
  const box = clear(byId('others'));
  const byRule = new Map();
  for (let n = 0; n < F.length; n++) {
    if (!passes(n)) { continue; }
    const i = fv(n, 'item'), v = verdictOf(n);
    const shown = i !== null && ((ITEMS[i][I.kind] === 'claim' && (v === 'refuted' || v === 'conflicting') && fv(n, 'doc') !== null) ||
      (ITEMS[i][I.kind] !== 'claim' && (v === 'typo' || v === 'variant')));
    if (shown) { continue; }
    const r = RULES[fv(n, 'rule')];
    let g = byRule.get(r);
    if (!g) { g = {rule: r, counts: {}, total: 0, first: n}; byRule.set(r, g); }
    g.counts[sevOf(n)] = (g.counts[sevOf(n)] || 0) + 1;
    g.total++;
  }
  if (!byRule.size) { return; }
  box.appendChild(h('h2', {id: 'others-h'}, 'Other findings'));
  const list = h('ul', {class: 'rules'});
  Array.from(byRule.values()).sort((a, b) => b.total - a.total).forEach((g) => {
    list.appendChild(h('li', {'data-f': g.first}, [h('code', {class: 'rule'}, g.rule), ' ',
      h('a', {href: '?' + new URLSearchParams({rule: g.rule}).toString() + '#findings', class: 'rule-link', 'data-rule': g.rule},
        plural(g.total, 'finding')), ': ',
      SEV.filter((s) => g.counts[s]).map((s, k) => [k ? ', ' : '', sevBadge(s), ' ' + num(g.counts[s])]),
      h('br'), h('span', {class: 'example'}, ['e.g. ', fstr(g.first, 'msg')])]));
  });
  box.appendChild(list);
}

function renderChanges() {
  const box = clear(byId('changes'));
  if (DATA.baseline === null) { return; }
  const fresh = [];
  for (let n = 0; n < F.length; n++) { if (fv(n, 'new') === 1 && passes(n)) { fresh.push(n); } }
  box.appendChild(h('h2', {id: 'changes-h'}, 'Since the baseline'));
  box.appendChild(h('p', {class: 'hint'}, ['Compared with ', h('code', null, DATA.baseline), ': ',
    plural(fresh.length, 'new finding'), ', ', plural(DATA.fixed.length, 'finding'), ' fixed.']));
  if (fresh.length) {
    box.appendChild(h('h3', null, '★ New'));
    const list = h('ul', {class: 'findings'});
    box.appendChild(list);
    box.appendChild(more(list, fresh, 5, (n) => findingCard(n, {compact: true, item: true, noId: true})));
  }
  if (DATA.fixed.length) {
    box.appendChild(h('h3', null, '✓ Fixed (no longer found)'));
    const list = h('ul', {class: 'fixed'});
    box.appendChild(list);
    box.appendChild(more(list, DATA.fixed, 10, (e) => h('li', null, [
      h('code', {class: 'rule'}, e[0] || ''), ' ', e[1] || '(corpus)',
      e[2] ? ' in ' + e[2] : '', e[3] !== null ? ' (found ' + JSON.stringify(e[3]) + ')' : '',
      e[4] ? ' — was ' + e[4] : '', ' ', h('code', {class: 'fp'}, e[5] || '')])));
  }
}

function renderOverview() {
  renderWorst();
  renderTypos();
  renderOthers();
  renderChanges();
}
