// Pieces every view uses: a finding, the evidence of one source on one item, a pager.
function diffPieces(list) {
  return list.map((p) => (p[1] ? h('mark', {class: 'd'}, p[0]) : p[0]));
}

function findingCard(n, opts) {
  opts = opts || {};
  const sev = sevOf(n), verdict = verdictOf(n);
  const place = findingPlace(n);
  const head = h('p', {class: 'fhead'}, [sevBadge(sev), ' ', badge(verdict), ' ',
    h('code', {class: 'rule'}, RULES[fv(n, 'rule')]),
    fv(n, 'new') === 1 ? [' ', h('span', {class: 'badge new'}, '★ new')] : null,
    opts.item && fv(n, 'item') !== null ? [' ', h('a', {class: 'itemref', href: '#s' + fv(n, 'item')},
      itemLabel(fv(n, 'item')))] : null,
    place.text ? [' ', h('span', {class: 'loc'}, place.href ? h('a', {href: place.href}, place.text)
      : place.text)] : null]);
  const li = h('li', {class: 'finding sev-' + sev, id: opts.noId ? null : 'f' + n,
    'data-f': n, tabindex: '-1'}, [head, h('p', {class: 'msg'}, fstr(n, 'msg'))]);
  const quote = findingQuote(n);
  if (quote) { li.appendChild(h('p', {class: 'quote'}, quote)); }
  const diff = fv(n, 'diff');
  if (diff !== null) {
    li.appendChild(h('p', {class: 'diff'}, [h('span', {class: 'lbl'}, 'found'), ' ',
      h('span', {class: 'form found'}, diffPieces(DATA.D[diff][0])), ' ',
      h('span', {class: 'lbl'}, 'canonical'), ' ',
      h('span', {class: 'form canonical'}, diffPieces(DATA.D[diff][1]))]));
  }
  const kv = [];
  const row = (k, v, cls) => kv.push(h('div', {class: cls || null}, [h('dt', null, k), h('dd', null, v)]));
  if (fstr(n, 'expected') !== null) { row('expected', fstr(n, 'expected')); }
  if (fstr(n, 'found') !== null) { row('found', fstr(n, 'found')); }
  if (!opts.compact && fstr(n, 'how')) { row('how', fstr(n, 'how')); }
  if (fstr(n, 'ack')) { row('acknowledged', fstr(n, 'ack'), 'ack'); }
  if (!opts.compact) { row('fingerprint', h('code', null, fv(n, 'fp'))); }
  li.appendChild(h('dl', {class: 'kv'}, kv));
  return li;
}

function mentionsTable(ks) {
  if (!ks.length) { return null; }
  return h('table', {class: 'mentions'}, [
    h('caption', null, 'Mentions: where this source speaks to the claim'),
    h('thead', null, h('tr', null, ['passage (cue and value marked)', 'read', 'normalized',
      'how', 'verdict'].map((t) => h('th', {scope: 'col'}, t)))),
    h('tbody', null, ks.map((k) => {
      const j = mv(k, 'doc');
      const line = mv(k, 'line');
      const where = line === null ? DOCS[j][D.path]
        : DOCS[j][D.path] + ':' + line + ':' + mv(k, 'col');
      return h('tr', {id: 'm' + k}, [
        h('td', null, [mentionQuote(k), ' ', h('a', {class: 'loc',
          href: line === null ? '#d' + j : '#d' + j + '-L' + line}, where)]),
        h('td', null, h('mark', {class: 'val'}, mstr(k, 'raw'))),
        h('td', null, h('code', null, mstr(k, 'value'))),
        h('td', null, mstr(k, 'how') + '; cue “' + mstr(k, 'cue') + '”'),
        h('td', null, badge(STAT[mv(k, 'status')]))]);
    }))]);
}

function docHeading(j, extra) {
  const d = DOCS[j];
  return [h('a', {href: '#d' + j}, d[D.id]), ' ', h('span', {class: 'lang'}, d[D.lang]),
    d[D.published] ? [' ', h('span', {class: 'date'}, d[D.published])] : null, extra || null];
}

// the evidence of source j on item i: its findings and its mentions
function evidence(i, j, opts) {
  opts = opts || {};
  const display = cellDisplay(i, j);
  const fs = cellFindings(i, j).filter(passes);
  const sec = h('section', {class: 'ev', id: 'e' + i + '-' + j, 'aria-labelledby': 'e' + i + '-' + j + '-h'},
    h('h4', {id: 'e' + i + '-' + j + '-h'}, docHeading(j, [' ', badge(display)])));
  if (fs.length) { sec.appendChild(h('ul', {class: 'findings'}, fs.map((n) => findingCard(n)))); }
  const ks = cellMentions(i, j);
  if (ks.length && opts.compact) {
    sec.appendChild(h('ul', {class: 'says-list'}, ks.map((k) => h('li', null, [
      h('b', {class: 'val'}, mstr(k, 'value')), ' ', mentionQuote(k)]))));
  } else if (ks.length) { sec.appendChild(mentionsTable(ks)); }
  return sec;
}

// "1–50 of 1,234" with previous and next buttons; onPage(page) redraws
function pager(el, total, page, size, onPage, what) {
  clear(el);
  if (total <= size) {
    el.textContent = total ? plural(total, what || 'entry', what ? what + 's' : 'entries') : '';
    return;
  }
  const last = Math.ceil(total / size) - 1;
  const from = page * size + 1, to = Math.min(total, (page + 1) * size);
  const prev = h('button', {type: 'button', class: 'prev', disabled: page === 0}, '‹ previous');
  const next = h('button', {type: 'button', class: 'next', disabled: page >= last}, 'next ›');
  prev.addEventListener('click', () => onPage(page - 1));
  next.addEventListener('click', () => onPage(page + 1));
  add(el, [num(from) + '–' + num(to) + ' of ' + num(total) + (what ? ' ' + what + 's' : '') + ' ',
    prev, ' ', next]);
}

// a list that shows `size` entries and a button for more
function more(list, entries, size, make) {
  let shown = 0;
  const button = h('button', {type: 'button', class: 'more'});
  function step() {
    entries.slice(shown, shown + size).forEach((e) => list.appendChild(make(e)));
    shown = Math.min(entries.length, shown + size);
    button.textContent = 'show ' + Math.min(size, entries.length - shown) + ' more of ' +
      num(entries.length - shown);
    button.hidden = shown >= entries.length;
  }
  button.addEventListener('click', step);
  step();
  return button;
}
