// factaudit report, core: the data, its indexes, and an element builder. The script never
// parses HTML: every element is made with createElement, every text set as a text node.
const DATA = JSON.parse(document.getElementById('report-data').textContent);
const S = DATA.S;
const F = DATA.F;
const M = DATA.M;
const DOCS = DATA.docs;
const ITEMS = DATA.items;
const FF = {};
DATA.fields.F.forEach((k, i) => { FF[k] = i; });
const MF = {};
DATA.fields.M.forEach((k, i) => { MF[k] = i; });
const SEV = DATA.sevs;
const VERD = DATA.verdicts;
const STAT = DATA.statuses;
const RULES = DATA.rules;
const LABEL = {
  'supported': 'supported', 'refuted': 'refuted', 'conflicting': 'conflicting',
  'not-enough-info': 'not enough info', 'typo': 'typo', 'variant': 'variant',
  'out-of-scope': 'out of scope', 'acknowledged': 'acknowledged', 'read': 'read',
};
const ICON = {
  'supported': '✓', 'refuted': '✗', 'conflicting': '⇄', 'not-enough-info': '–',
  'typo': '✎', 'variant': '≈', 'out-of-scope': '∅', 'acknowledged': '⚑', 'read': '·',
};
const SEV_ICON = {'error': '✗', 'warning': '!', 'info': 'i', 'acknowledged': '⚑'};
const PROBLEMS = new Set(['refuted', 'conflicting', 'typo', 'variant']);
const D = {id: 0, path: 1, lang: 2, langSource: 3, published: 4, title: 5, url: 6,
  publisher: 7, translationOf: 8, findings: 9, text: 10, lines: 11, first: 12, urlText: 13};
const I = {id: 0, kind: 1, statement: 2, expected: 3, details: 4, origin: 5, acks: 6};

// Rows come compact (see data.py): trailing nulls left out, offsets counted from the span.
// Made whole and absolute once, here.
function absolute(rows, fields, cue) {
  const width = fields.length;
  const start = fields.indexOf('start'), end = fields.indexOf('end');
  const qlo = fields.indexOf('qlo'), qhi = fields.indexOf('qhi');
  const cs = fields.indexOf('cue_start'), ce = fields.indexOf('cue_end');
  for (const row of rows) {
    while (row.length < width) { row.push(null); }
    const s = row[start];
    if (s === null) { continue; }
    if (row[end] !== null) { row[end] = s + row[end]; }
    const e = row[end] === null ? s : row[end];
    if (row[qlo] !== null) { row[qlo] = s - row[qlo]; }
    if (row[qhi] !== null) { row[qhi] = e + row[qhi]; }
    if (cue) { row[cs] = s - row[cs]; row[ce] = row[cs] + row[ce]; }
  }
}
absolute(F, DATA.fields.F, false);
absolute(M, DATA.fields.M, true);
DOCS.forEach((d) => { while (d.length < 14) { d.push(null); } });

const byId = (id) => document.getElementById(id);
const str = (i) => (i === null || i === undefined ? null : S[i]);
const fv = (n, key) => F[n][FF[key]];
const mv = (k, key) => M[k][MF[key]];
const fstr = (n, key) => str(F[n][FF[key]]);
const mstr = (k, key) => str(M[k][MF[key]]);
const verdictOf = (n) => VERD[fv(n, 'verdict')] || 'not-enough-info';
const sevOf = (n) => SEV[fv(n, 'sev')];
const num = (x) => x.toLocaleString('en');
const plural = (n, word, words) => num(n) + ' ' + (n === 1 ? word : (words || word + 's'));

function h(tag, attrs, children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) { continue; }
      if (k === 'class') { el.className = v; } else if (k === 'href') {
        el.setAttribute('href', safeHref(v));
      } else { el.setAttribute(k, v === true ? '' : String(v)); }
    }
  }
  add(el, children);
  return el;
}
function add(el, children) {
  if (children === null || children === undefined || children === false) { return el; }
  if (!Array.isArray(children)) { children = [children]; }
  for (const c of children) {
    if (c === null || c === undefined || c === false) { continue; }
    if (Array.isArray(c)) { add(el, c); } else if (typeof c === 'object') {
      el.appendChild(c);
    } else { el.appendChild(document.createTextNode(String(c))); }
  }
  return el;
}
// Links go inside the page, or to http(s) addresses the build already checked.
function safeHref(v) {
  const s = String(v);
  return (s.charAt(0) === '#' || /^https?:\/\/[^\s"'<>]+$/i.test(s)) ? s : '#';
}
function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } return el; }

function badge(v) {
  return h('span', {class: 'badge v-' + v}, [
    h('span', {'aria-hidden': 'true'}, ICON[v] || ''), ' ' + (LABEL[v] || v)]);
}
function sevBadge(s) {
  return h('span', {class: 'badge sev-' + s}, [
    h('span', {'aria-hidden': 'true'}, SEV_ICON[s]), ' ' + s]);
}

// ---------------------------------------------------------------------------- indexes
const INDEX = (function () {
  const byItem = ITEMS.map(() => []);
  const byDoc = DOCS.map(() => []);
  const byCell = new Map();
  const general = [];
  F.forEach((row, n) => {
    const i = row[FF.item], j = row[FF.doc];
    if (i !== null) { byItem[i].push(n); }
    if (j !== null) { byDoc[j].push(n); }
    if (i !== null && j !== null) {
      const key = i * DOCS.length + j;
      const list = byCell.get(key);
      if (list) { list.push(n); } else { byCell.set(key, [n]); }
    } else { general.push(n); }
  });
  const mByCell = new Map();
  const mByDoc = DOCS.map(() => []);
  M.forEach((row, k) => {
    const key = row[MF.item] * DOCS.length + row[MF.doc];
    const list = mByCell.get(key);
    if (list) { list.push(k); } else { mByCell.set(key, [k]); }
    mByDoc[row[MF.doc]].push(k);
  });
  const cells = new Map();
  const itemCells = ITEMS.map(() => []);
  DATA.cells.forEach((c) => {
    cells.set(c[0] * DOCS.length + c[1], c);
    itemCells[c[0]].push(c);
  });
  return {byItem, byDoc, byCell, general, mByCell, mByDoc, cells, itemCells};
})();
const cellKey = (i, j) => i * DOCS.length + j;
// verdict of a cell, and what it shows ("acknowledged" when every deciding finding is)
function cellVerdict(i, j) {
  const c = INDEX.cells.get(cellKey(i, j));
  return c ? VERD[c[2]] : 'not-enough-info';
}
function cellDisplay(i, j) {
  const c = INDEX.cells.get(cellKey(i, j));
  return c ? (c[3] ? 'acknowledged' : VERD[c[2]]) : 'not-enough-info';
}
const cellFindings = (i, j) => INDEX.byCell.get(cellKey(i, j)) || [];
const cellMentions = (i, j) => INDEX.mByCell.get(cellKey(i, j)) || [];

// ---------------------------------------------------------------------------- texts
let TEXTS = null;  // parsed when first needed: document views and quotes
function texts() {
  if (TEXTS === null) { TEXTS = JSON.parse(byId('report-texts').textContent); }
  return TEXTS;
}
// the carried piece of text holding an offset of document j: [line, offset, text, cuts]
function entryAt(j, offset) {
  const entries = texts()[j];
  if (!entries) { return null; }
  let lo = 0, hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (offset < e[1]) { hi = mid - 1; } else if (offset > e[1] + e[2].length) { lo = mid + 1; } else {
      return e;
    }
  }
  return null;
}
// text[lo:hi] of document j with marks [start, end, class, label]: a <q> of text nodes
function excerpt(j, lo, hi, marks, fallback) {
  const e = (j === null || lo === null) ? null : entryAt(j, lo);
  if (!e) {
    return fallback ? h('q', {class: 'excerpt'}, fallback) : null;
  }
  const base = e[1], line = e[2];
  hi = Math.min(hi, base + line.length);
  const q = h('q', {class: 'excerpt'});
  // "…" where the text goes on, unless the quote starts or ends a sentence there
  const starts = lo === base ? !(e[3] & 1) : /[.!?…]["'”’)\]]*\s+$/.test(line.slice(Math.max(0, lo - base - 4), lo - base));
  const ends = hi === base + line.length ? !(e[3] & 2) : /[.!?…]["'”’)\]]*$/.test(line.slice(0, hi - base));
  if (!starts) { q.appendChild(h('span', {class: 'cut'}, '…')); }
  add(q, pieces(line, base, lo, hi, marks, true));
  if (!ends) { q.appendChild(h('span', {class: 'cut'}, '…')); }
  return q;
}
// text cut where marks start and end; each marked piece a <mark> (or a link) with its label
function pieces(line, base, lo, hi, marks, collapse) {
  const cuts = new Set([lo, hi]);
  const inside = marks.filter((m) => m[1] > lo && m[0] < hi && m[1] > m[0]);
  inside.forEach((m) => { cuts.add(Math.max(lo, m[0])); cuts.add(Math.min(hi, m[1])); });
  const order = Array.from(cuts).sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k], b = order[k + 1];
    let t = line.slice(a - base, b - base);
    if (collapse) { t = t.replace(/\s+/g, ' '); }
    const active = inside.filter((m) => m[0] <= a && m[1] >= b);
    if (!active.length) { out.push(t); continue; }
    const cls = Array.from(new Set(active.map((m) => m[2]))).sort().join(' ');
    const link = active.find((m) => m[4]);
    const title = active.map((m) => m[3]).filter(Boolean).join('; ') || null;
    out.push(h(link ? 'a' : 'mark', {class: cls, href: link ? link[4] : null, title: title}, t));
    active.forEach((m) => {
      if (m[1] === b && m[5]) { out.push(h('span', {class: 'tag ' + m[2].replace('hl ', '')}, m[5])); }
    });
  }
  return out;
}

// where a finding is: "path:line:col" with a link to its line, or where it was declared
function findingPlace(n) {
  const j = fv(n, 'doc');
  if (j !== null && fv(n, 'line') !== null) {
    return {text: DOCS[j][D.path] + ':' + fv(n, 'line') + ':' + fv(n, 'col'),
      href: '#d' + j + '-L' + fv(n, 'line')};
  }
  if (j !== null) { return {text: DOCS[j][D.path], href: '#d' + j}; }
  return {text: fstr(n, 'where'), href: null};
}
function findingQuote(n) {
  const sev = sevOf(n);
  const start = fv(n, 'start'), end = fv(n, 'end');
  const marks = start === null ? [] : [[start, Math.max(end === null ? start : end, start + 1),
    'hl sev-' + sev, null]];
  return excerpt(fv(n, 'doc'), fv(n, 'qlo'), fv(n, 'qhi'), marks, fstr(n, 'quote'));
}
function mentionQuote(k) {
  return excerpt(mv(k, 'doc'), mv(k, 'qlo'), mv(k, 'qhi'),
    [[mv(k, 'cue_start'), mv(k, 'cue_end'), 'cue', 'cue'],
      [mv(k, 'start'), mv(k, 'end'), 'val', 'value read']], null);
}
const itemLabel = (i) => ITEMS[i][I.id];
