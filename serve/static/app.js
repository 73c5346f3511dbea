// ex99 serve's page. The URL is the state: /?q=…&doc=… (and tab=…) says
// what the left pane shows, /doc/NAME#L171-175 which release is open
// beside it and which lines are highlighted; every view is rendered from
// the URL, so links can be shared and the back button works.
//
// Safety: release text (and every name, metric and answer) is put in the
// page with text nodes only, never as markup.
'use strict';

const $ = (sel) => document.querySelector(sel);

// el makes an element with attributes and children; a string child is
// text, never markup.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// marked turns text with \u0001…\u0002 around matched words into text
// nodes and <mark> elements.
function marked(s) {
  const f = document.createDocumentFragment();
  let on = false;
  for (const part of String(s || '').split(/([\u0001\u0002])/)) {
    if (part === '\u0001') on = true;
    else if (part === '\u0002') on = false;
    else if (part) f.append(on ? el('mark', {}, part) : document.createTextNode(part));
  }
  return f;
}

function plain(s) { return String(s || '').replace(/[\u0001\u0002]/g, ''); }

// ---- the URL as state ----

const tabs = ['ask', 'search', 'releases', 'facts', 'check'];

function state() {
  const u = new URL(location.href);
  const p = u.searchParams;
  let tab = p.get('tab') || 'ask';
  if (!tabs.includes(tab)) tab = 'ask';
  const st = { tab, q: p.get('q') || '', doc: p.get('doc') || '', filter: p.get('filter') || '', reader: null };
  if (u.pathname.startsWith('/doc/')) {
    let name = u.pathname.slice(5);
    try { name = decodeURIComponent(name); } catch (e) { /* as it is */ }
    const m = /^#L(\d+)(?:-(\d+))?$/.exec(u.hash);
    const from = m ? +m[1] : 0;
    st.reader = { doc: name, from, to: m && m[2] ? Math.max(+m[2], from) : from };
  }
  return st;
}

function urlOf(st) {
  const p = new URLSearchParams();
  if (st.tab && st.tab !== 'ask') p.set('tab', st.tab);
  if (st.q && (st.tab === 'ask' || st.tab === 'search')) p.set('q', st.q);
  if (st.doc) p.set('doc', st.doc);
  if (st.filter && st.tab === 'facts') p.set('filter', st.filter);
  const qs = p.toString();
  let u = st.reader ? '/doc/' + encodeURIComponent(st.reader.doc) : '/';
  if (qs) u += '?' + qs;
  if (st.reader && st.reader.from) u += '#L' + st.reader.from + (st.reader.to > st.reader.from ? '-' + st.reader.to : '');
  return u;
}

function go(st, replace) {
  const u = urlOf(st);
  if (u !== location.pathname + location.search + location.hash) {
    history[replace ? 'replaceState' : 'pushState'](null, '', u);
  }
  render();
}

// link makes a link to a state; a plain click goes there without a reload.
function link(st, ...children) {
  const a = el('a', { href: urlOf(st) }, ...children);
  a.addEventListener('click', (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    go(st);
    if (st.reader) focusReader = true;
  });
  return a;
}

// readerLink opens a release at lines, keeping the left pane as it is.
function readerLink(doc, from, to, ...children) {
  const st = Object.assign(state(), { reader: { doc, from, to: Math.max(to || from, from) } });
  const a = link(st, ...children);
  a.classList.add('cite');
  a.dataset.doc = doc;
  a.dataset.from = from;
  a.dataset.to = Math.max(to || from, from);
  return a;
}

function ref(doc, from, to) { return doc + ':' + from + (to > from ? '-' + to : ''); }

// ---- the API ----

let busyTries = 0;

// api fetches a JSON API, waiting out a busy index (503) a few times.
async function api(path, params) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) if (v) u.searchParams.set(k, v);
  for (let i = 0; ; i++) {
    let resp;
    try {
      resp = await fetch(u, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new Error('ex99 serve cannot be reached (' + e.message + ')');
    }
    if (resp.status === 503 && i < 8) {
      busyTries++;
      say('The index is being updated (ex99 add or rm); trying again…');
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    const body = await resp.json().catch(() => ({ error: 'bad answer from the server (' + resp.status + ')' }));
    if (!resp.ok) {
      const err = new Error(body.error || ('error ' + resp.status));
      err.status = resp.status;
      throw err;
    }
    return body;
  }
}

function say(msg, isError) {
  const s = $('#status');
  s.textContent = msg || '';
  s.classList.toggle('error', !!isError);
}

// ---- releases (the picker) ----

let releases = [];
let docsTag = '';

async function loadDocs() {
  const headers = docsTag ? { 'If-None-Match': docsTag } : {};
  let resp;
  try {
    resp = await fetch('/api/docs?brief=1', { headers });
  } catch (e) {
    return false;
  }
  if (resp.status === 304 || !resp.ok) return false;
  docsTag = resp.headers.get('ETag') || '';
  const body = await resp.json();
  releases = body.releases || [];
  builtin = !!body.builtin;
  fillPicker();
  return true;
}

let builtin = false;

function releaseLabel(d) {
  const parts = [d.company || d.name];
  if (d.period_text) parts.push(d.period_text);
  return parts.join(' — ') + '  (' + d.name + ')';
}

function fillPicker() {
  const sel = $('#doc');
  const want = state().doc;
  const opts = document.createDocumentFragment();
  opts.append(new Option('All releases (' + releases.length + ')', ''));
  for (const d of releases) opts.append(new Option(releaseLabel(d), d.name)); // text, not markup
  if (want && !releases.some((d) => d.name === want)) opts.append(new Option(want + ' (not in the index)', want));
  sel.replaceChildren(opts);
  sel.value = want;
}

// docsChanged draws again the views that show the list of releases.
function docsChanged() {
  const st = state();
  if (st.tab === 'releases' || (st.tab === 'ask' && !st.q)) {
    shown = '';
    return render();
  }
}

function releaseOf(name) { return releases.find((d) => d.name === name); }

// ---- rendering ----

let shown = '';        // what the left pane shows (its state's key)
let focusReader = false;

async function render() {
  const st = state();
  for (const t of tabs) {
    const a = $('#tab-' + t);
    a.href = urlOf({ tab: t, q: st.q, doc: st.doc });
    if (t === st.tab) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    $('#view-' + t).hidden = t !== st.tab;
  }
  const asks = st.tab === 'ask' || st.tab === 'search';
  $('#go').textContent = st.tab === 'search' ? 'Search' : 'Ask';
  $('#q-label-text').textContent = st.tab === 'search' ? 'Search the releases’ text' : 'Question';
  $('#q-hint').hidden = st.tab === 'search';
  $('#search-hint').hidden = st.tab !== 'search';
  if (asks) $('#q').value = st.q;
  if ($('#doc').value !== st.doc) $('#doc').value = st.doc;
  document.title = (st.q && asks ? st.q + ' — ' : '') + 'ex99';
  const key = JSON.stringify([st.tab, st.q, st.doc]);
  const pane = key === shown ? Promise.resolve() : showPane(st, key);
  await Promise.all([pane, showReader(st.reader, asks)]);
}

async function showPane(st, key) {
  shown = key;
  say('');
  const view = $('#view-' + st.tab);
  try {
    switch (st.tab) {
      case 'ask': return await showAsk(view, st, key);
      case 'search': return await showSearch(view, st, key);
      case 'releases': return showReleases(view);
      case 'facts': return await showFacts(view, st, key);
      case 'check': return await showCheck(view, st, key);
    }
  } catch (e) {
    if (shown === key) { say(e.message, true); view.replaceChildren(); shown = ''; }
  }
}

// ---- ask ----

async function showAsk(view, st, key) {
  if (!st.q) {
    view.replaceChildren(el('p', { class: 'hint' }, builtin
      ? 'No index yet: ex99 answers from its built-in release (Innovo Group, Q2 fiscal 2004). Add your own with ex99 add.'
      : docsTag ? releases.length + ' release' + (releases.length === 1 ? '' : 's') + ' in the index. Ask a question above.' : ''));
    return;
  }
  say('Asking…');
  const ans = await api('/api/ask', { q: st.q, doc: st.doc, explain: '1' });
  if (shown !== key) return;
  say('');
  view.replaceChildren(answerView(ans));
  markCurrentCite();
  // the first citation opens beside the answer, unless a release is open
  const first = (ans.citations && ans.citations[0]) || null;
  if (first && !state().reader && window.matchMedia('(min-width: 801px)').matches) {
    go(Object.assign(state(), { reader: { doc: first.doc, from: first.line, to: first.end_line } }), true);
  }
}

function answerView(ans) {
  const box = el('article', { class: 'answer kind-' + ans.kind, 'aria-label': 'Answer' });
  if (ans.kind === 'passage') box.append(el('p', { class: 'value' }, marked(ans.marked || ans.answer)));
  else box.append(el('p', { class: 'value' }, ans.answer));
  const dl = el('dl', { class: 'what' });
  const row = (k, v, cls) => { if (v) dl.append(el('dt', {}, k), el('dd', { class: cls || null }, v)); };
  if (ans.kind === 'fact' || ans.kind === 'computed') {
    row('Value', ans.value ? ans.value + (ans.unit ? ' ' + ans.unit : '') : '');
    row('Metric', ans.metric);
    row('Entity', ans.entity);
    row('Period', ans.period);
  }
  row('Formula', ans.formula, 'formula');
  row('Note', ans.note);
  const from = ans.doc || (ans.citations && ans.citations[0] && ans.citations[0].doc);
  if (from) {
    const d = releaseOf(from);
    row('Release', d ? releaseLabel(d) : from);
  }
  if (ans.explain) {
    row('Read as', ans.explain.parse, 'readas');
    row('Path', ans.explain.path + (ans.explain.scope ? ' (' + ans.explain.scope.length + ' release' + (ans.explain.scope.length === 1 ? '' : 's') + ' searched)' : ''));
  }
  if (dl.childElementCount) box.append(dl);
  const none = ans.kind === 'none';
  const cites = none ? (ans.closest || []) : (ans.citations || []);
  if (cites.length) {
    box.append(el('h3', {}, none ? 'Closest passages' : cites.length === 1 ? 'Source' : 'Sources'));
    box.append(citeList(cites));
  }
  if (ans.others && ans.others.length) {
    box.append(el('h3', {}, 'Other releases answer too'));
    const ul = el('ul', {});
    for (const o of ans.others) ul.append(el('li', {}, link(Object.assign(state(), { doc: o.doc, reader: null }), o.doc), ': ' + o.answer));
    box.append(ul);
  }
  return box;
}

function citeList(cites) {
  const ul = el('ul', { class: 'cites' });
  for (const c of cites) {
    const end = c.end_line || c.line;
    ul.append(el('li', {},
      readerLink(c.doc, c.line, end, el('span', { class: 'cite-ref' }, ref(c.doc, c.line, end))),
      c.role ? el('span', { class: 'role' }, c.role) : null,
      el('pre', { class: 'cited' }, c.text)));
  }
  return ul;
}

// markCurrentCite marks the citation whose lines the reader shows.
function markCurrentCite() {
  const r = state().reader;
  for (const a of document.querySelectorAll('a.cite')) {
    const cur = !!r && a.dataset.doc === r.doc && +a.dataset.from === r.from && +a.dataset.to === r.to;
    a.classList.toggle('current', cur);
    if (cur) a.setAttribute('aria-current', 'location'); else a.removeAttribute('aria-current');
    const li = a.closest('li');
    if (li) li.classList.toggle('current', cur);
  }
}

// ---- search ----

async function showSearch(view, st, key) {
  if (!st.q) {
    view.replaceChildren(el('p', { class: 'hint' }, 'Words to look for in the releases’ passages, e.g. “conference call”.'));
    return;
  }
  say('Searching…');
  const res = await api('/api/search', { q: st.q, doc: st.doc, limit: '50' });
  if (shown !== key) return;
  const hits = res.hits || [];
  say(hits.length ? '' : 'No passage matches.');
  const groups = new Map();
  for (const h of hits) {
    if (!groups.has(h.doc)) groups.set(h.doc, []);
    groups.get(h.doc).push(h);
  }
  const out = [];
  for (const [doc, hs] of groups) {
    const d = releaseOf(doc);
    const g = el('section', { class: 'group' }, el('h3', {}, doc, d && d.company ? el('span', { class: 'section' }, '  ' + d.company + (d.period_text ? ', ' + d.period_text : '')) : null));
    for (const h of hs) {
      g.append(el('div', { class: 'hit' },
        readerLink(h.doc, h.line, h.end_line, el('span', { class: 'cite-ref' }, 'line ' + h.line + (h.end_line > h.line ? '-' + h.end_line : ''))),
        h.section ? el('span', { class: 'section' }, '  ' + h.section) : null,
        el('p', {}, marked(h.marked || h.text))));
    }
    out.push(g);
  }
  view.replaceChildren(el('p', { class: 'count' }, hits.length + ' passage' + (hits.length === 1 ? '' : 's') + ' in ' + groups.size + ' release' + (groups.size === 1 ? '' : 's')), ...out);
  markCurrentCite();
}

// ---- releases ----

function showReleases(view) {
  const body = el('tbody', {});
  for (const d of releases) {
    body.append(el('tr', {},
      el('td', {}, link({ tab: 'releases', doc: '', reader: { doc: d.name, from: 0, to: 0 } }, d.name)),
      el('td', {}, d.company || ''),
      el('td', {}, d.period_text || ''),
      el('td', {}, d.format || ''),
      el('td', { class: 'num' }, String(d.lines)),
      el('td', { class: 'num' }, String(d.facts)),
      el('td', {}, link({ tab: 'ask', doc: d.name }, 'ask'), ' · ',
        link({ tab: 'facts', doc: d.name }, 'facts'), ' · ',
        link({ tab: 'check', doc: d.name }, 'check'))));
  }
  const head = el('tr', {}, ...['Release', 'Company', 'Period', 'Format', 'Lines', 'Facts', ''].map((h) => el('th', { scope: 'col' }, h)));
  view.replaceChildren(
    el('p', { class: 'count' }, releases.length + ' release' + (releases.length === 1 ? '' : 's') + (builtin ? ' (the built-in release: no index yet)' : '')),
    el('table', { class: 'grid' }, el('thead', {}, head), body));
}

// ---- facts ----

function needDoc(view, what) {
  view.replaceChildren(el('p', { class: 'hint' }, 'Pick a release above to see its ' + what + '.'));
}

async function showFacts(view, st, key) {
  if (!st.doc) return needDoc(view, 'facts');
  say('Loading facts…');
  const res = await api('/api/facts', { doc: st.doc });
  if (shown !== key) return;
  say('');
  const facts = res.facts || [];
  const filter = el('input', { type: 'search', 'aria-label': 'Filter facts', placeholder: 'Filter: metric, entity, period, value…', value: state().filter });
  const count = el('span', { class: 'count' });
  const csv = el('a', { class: 'button light', download: st.doc + '.facts.csv' }, 'Download CSV');
  const body = el('tbody', {});
  const rows = facts.map((f) => {
    const tr = el('tr', {},
      el('td', { class: 'nowrap' }, readerLink(f.doc, f.start, f.end, ref('', f.start, f.end).slice(1))),
      el('td', {}, f.described || f.metric),
      el('td', {}, f.entity || ''),
      el('td', {}, f.period_text || ''),
      el('td', { class: 'num' }, f.value),
      el('td', { class: 'nowrap' }, f.unit || ''),
      el('td', {}, f.source || ''));
    tr.dataset.search = [f.described, f.entity, f.period_text, f.value, f.printed, f.unit, f.source].join(' ').toLowerCase();
    body.append(tr);
    return tr;
  });
  const apply = () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let n = 0;
    for (const tr of rows) {
      const hit = words.every((w) => tr.dataset.search.includes(w));
      tr.hidden = !hit;
      if (hit) n++;
    }
    count.textContent = n + ' of ' + rows.length + ' facts';
    // the download holds what the table shows: the server filters alike
    const p = new URLSearchParams({ doc: st.doc, format: 'csv' });
    if (words.length) p.set('filter', filter.value.trim());
    csv.href = '/api/facts?' + p.toString();
    csv.textContent = words.length ? 'Download these ' + n + ' as CSV' : 'Download CSV';
  };
  filter.addEventListener('input', () => {
    apply();
    history.replaceState(null, '', urlOf(Object.assign(state(), { filter: filter.value })));
  });
  const head = el('tr', {}, ...['Lines', 'Metric', 'Entity', 'Period', 'Value', 'Unit', 'Source'].map((h) => el('th', { scope: 'col' }, h)));
  view.replaceChildren(el('div', { class: 'toolbar' }, filter, count, csv), el('table', { class: 'grid' }, el('thead', {}, head), body));
  apply();
  markCurrentCite();
}

// ---- check ----

async function showCheck(view, st, key) {
  if (!st.doc) return needDoc(view, 'check report');
  say('Checking…');
  const res = await api('/api/check', { doc: st.doc });
  if (shown !== key) return;
  say('');
  const out = [];
  for (const r of res.releases || []) {
    out.push(el('p', {}, el('span', { class: r.mismatched ? 'bad' : 'good' }, r.mismatched ? r.mismatched + ' disagreement' + (r.mismatched === 1 ? '' : 's') : 'Everything checked agrees'),
      ' · ' + r.verified + ' check' + (r.verified === 1 ? '' : 's') + ' agree · ' + r.not_checked + ' not checked'));
    const checks = r.checks || [];
    for (const c of checks.filter((c) => c.status === 'mismatch')) out.push(checkView(c));
    const ok = checks.filter((c) => c.status === 'ok');
    if (ok.length) out.push(el('details', {}, el('summary', {}, ok.length + ' agree'), ...ok.map(checkView)));
    const nc = checks.filter((c) => c.status === 'not_checked');
    if (nc.length) out.push(el('details', {}, el('summary', {}, nc.length + ' not checked'), ...nc.map(checkView)));
  }
  view.replaceChildren(...out);
  markCurrentCite();
}

function checkView(c) {
  const box = el('div', { class: 'check' + (c.status === 'ok' ? ' ok' : '') },
    el('div', { class: 'head' }, (c.status === 'mismatch' ? 'Disagrees: ' : '') + c.subject + (c.period ? ', ' + c.period : '')),
    c.formula ? el('div', { class: 'formula' }, c.formula) : null,
    c.note ? el('div', { class: 'section' }, c.note) : null);
  const ul = el('ul', { class: 'cites' });
  for (const ct of c.citations || []) {
    ul.append(el('li', {}, readerLink(ct.doc, ct.line, ct.end_line, el('span', { class: 'cite-ref' }, ref(ct.doc, ct.line, ct.end_line))),
      el('span', { class: 'role' }, ct.role), ct.text ? el('pre', { class: 'cited' }, ct.text) : null));
  }
  box.append(ul);
  return box;
}

// ---- the reading view ----

let readerDoc = null;   // the release the reader holds
let readerData = null;  // its /api/show answer

// showReader shows release r at its lines; with none, the ask and search
// views keep the reader's column, empty, so that the first citation opened
// does not move the answer.
async function showReader(r, keep) {
  const main = $('#main');
  const open = !!r || keep;
  $('#reader').hidden = !open;
  $('#reader').classList.toggle('empty', !r);
  main.classList.toggle('reading', open);
  $('#reader-empty').hidden = !!r;
  $('#reader-doc').hidden = !r;
  if (!r) {
    markCurrentCite();
    return;
  }
  $('#reader-close').href = urlOf(Object.assign(state(), { reader: null }));
  if (readerDoc !== r.doc) {
    readerDoc = r.doc;
    readerData = null;
    $('#reader-title').textContent = r.doc;
    $('#reader-sub').textContent = 'Loading…';
    $('#reader-lines').replaceChildren();
    $('#reader-pin').hidden = true;
    try {
      const data = await api('/api/show', { doc: r.doc });
      if (readerDoc !== r.doc) return;
      readerData = data;
      drawLines(data);
    } catch (e) {
      if (readerDoc === r.doc) { $('#reader-sub').textContent = e.message; readerDoc = null; }
      return;
    }
    r = state().reader; // the lines wanted now, if they changed meanwhile
    if (!r || r.doc !== readerDoc) return;
  }
  if (!readerData) return; // still loading: that load highlights
  highlight(r);
  markCurrentCite();
  if (focusReader) { focusReader = false; $('#reader-title').focus({ preventScroll: true }); }
}

function drawLines(data) {
  const d = releaseOf(data.doc);
  $('#reader-sub').textContent = (d ? releaseLabel(d) + ' · ' : '') + data.total + ' lines';
  // a table's lines keep their columns (no wrapping); prose wraps
  const rows = new Set();
  for (const t of data.tables || []) {
    for (let i = Math.min(t.header_line || t.line, t.line); i <= t.end_line; i++) rows.add(i);
  }
  const frag = document.createDocumentFragment();
  for (const l of data.lines) {
    const row = lineView(l, 'L');
    if (rows.has(l.line)) row.classList.add('row');
    frag.append(row);
  }
  $('#reader-lines').replaceChildren(frag);
}

function lineView(l, prefix) {
  const row = el('div', { class: 'ln' }, el('span', { class: 'n' }, String(l.line)), el('span', { class: 't' }, l.text));
  if (prefix) row.id = prefix + l.line;
  return row;
}

// highlight marks lines from..to, pins the title and column headers of
// the table they are in, and scrolls them into the middle of the view.
function highlight(r) {
  for (const e of document.querySelectorAll('#reader-lines .ln.hl')) e.classList.remove('hl');
  const pin = $('#reader-pin');
  pin.hidden = true;
  if (!r.from) { $('#reader-body').scrollTop = 0; return; }
  let first = null;
  for (let i = r.from; i <= r.to; i++) {
    const e = document.getElementById('L' + i);
    if (!e) continue;
    e.classList.add('hl');
    first = first || e;
  }
  const t = (readerData.tables || []).find((t) => r.from >= t.line && r.from <= t.end_line);
  if (t && (t.title || (t.header && t.header.length)) && !(r.from >= t.header_line && r.to <= t.header_end_line)) {
    const kids = [];
    if (t.title) kids.push(el('div', { class: 'title' }, t.title));
    for (const h of t.header || []) {
      const row = lineView(h);
      row.classList.add('row');
      kids.push(row);
    }
    pin.replaceChildren(...kids);
    pin.hidden = false;
  }
  if (first) {
    const body = $('#reader-body');
    const pinH = pin.hidden ? 0 : pin.offsetHeight;
    const last = document.getElementById('L' + r.to) || first;
    const span = last.offsetTop + last.offsetHeight - first.offsetTop;
    const room = body.clientHeight - pinH;
    const top = first.offsetTop - pinH - Math.max(0, (room - span) / 2);
    body.scrollTop = Math.max(0, Math.min(top, first.offsetTop - pinH));
  }
}

// ---- events ----

function onSubmit(ev) {
  ev.preventDefault();
  const st = state();
  const q = $('#q').value.trim();
  const doc = $('#doc').value;
  let tab = st.tab;
  if (tab !== 'search' && tab !== 'ask') tab = q ? 'ask' : tab;
  const next = { tab, q, doc, reader: st.reader && tab === st.tab && q === st.q && doc === st.doc ? st.reader : null, filter: '' };
  if (tab === st.tab && q === st.q && doc === st.doc) shown = ''; // ask again
  go(next);
}

function onPick() {
  const st = state();
  go(Object.assign(st, { doc: $('#doc').value, q: $('#q').value.trim(), filter: '' }));
}

function onKey(ev) {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
  if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    ev.preventDefault();
    $('#q').focus();
    $('#q').select();
  } else if (ev.key === 'Escape' && state().reader && !typing) {
    go(Object.assign(state(), { reader: null }));
  }
}

function start() {
  $('#ask-form').addEventListener('submit', onSubmit);
  $('#doc').addEventListener('change', onPick);
  document.addEventListener('keydown', onKey);
  window.addEventListener('popstate', () => render());
  for (const t of tabs) {
    $('#tab-' + t).addEventListener('click', (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      const st = state();
      go({ tab: t, q: st.q, doc: st.doc, reader: st.reader, filter: '' });
    });
  }
  $('#reader-close').addEventListener('click', (ev) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey) return;
    ev.preventDefault();
    go(Object.assign(state(), { reader: null }));
    $('#q').focus();
  });
  // new releases (ex99 add) show up in the picker within a few seconds
  setInterval(async () => {
    if (!document.hidden && await loadDocs()) return docsChanged();
  }, 3000);
  // the list of releases and the view load side by side; the picker and
  // the labels that need the list are drawn again when it comes
  const docs = loadDocs().then(docsChanged);
  Promise.all([docs, render()]).finally(() => {
    document.body.dataset.ready = '1';
    document.body.dataset.readyMs = Math.round(performance.now()); // for the benchmark
  });
  if (!state().q && !state().reader) $('#q').focus();
}

start();
