// The wirestream dashboard. Every piece of dispatch text reaches the page as a text node (el() and
// highlight() below); nothing from the wire is ever parsed as HTML.
'use strict';

const MAX_ITEMS = 60;
const PALETTE = ['#1f5fbf', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#b45309', '#be185d', '#4d7c0f'];
const state = { info: null, columns: new Map(), counts: new Map(), items: new Map(), killed: new Set(), chart: null, token: '',
  lastEventId: null, full: false };

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// The text with each matched term marked, as text nodes and <mark> elements.
function highlight(text, terms) {
  const fragment = document.createDocumentFragment();
  const words = (terms || []).filter(t => t && t.length > 1).map(t => t.toLowerCase());
  if (!text) return fragment;
  if (words.length === 0) { fragment.append(text); return fragment; }
  const lower = text.toLowerCase();
  let at = 0;
  while (at < text.length) {
    let best = -1, length = 0;
    for (const word of words) {
      const found = lower.indexOf(word, at);
      if (found >= 0 && (best < 0 || found < best || (found === best && word.length > length))) {
        best = found; length = word.length;
      }
    }
    if (best < 0) break;
    if (best > at) fragment.append(text.slice(at, best));
    fragment.append(el('mark', null, text.slice(best, best + length)));
    at = best + length;
  }
  if (at < text.length) fragment.append(text.slice(at));
  return fragment;
}

function versionBadges(item) {
  const badges = [];
  if (item.pubStatus === 'canceled') badges.push(el('span', { class: 'badge kill' }, 'KILLED'));
  if (item.pubStatus === 'withheld') badges.push(el('span', { class: 'badge kill' }, 'WITHHELD'));
  if (item.urgent) badges.push(el('span', { class: 'badge urgent' }, 'URGENT'));
  for (const tag of item.tags || []) {
    if (/^(LEAD|\d+(st|nd|rd|th) LD)$/i.test(tag)) badges.push(el('span', { class: 'badge version' }, tag));
  }
  if (item.providerVersion) badges.push(el('span', { class: 'badge version' }, 'v' + item.providerVersion));
  if (item.embargoedUntil) {
    badges.push(el('span', { class: 'badge', title: 'embargoed until ' + item.embargoedUntil },
      'EMBARGO ' + new Date(item.embargoedUntil).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })));
  }
  return badges;
}

// A story is its guid, else its story key: the same for every version and for its kill.
function storyOf(item) {
  return item.guid || item.storyKey || '';
}

// A kill strikes through every card of its story, in every column; cards that come later of it too.
function killStory(item) {
  const story = storyOf(item);
  state.killed.add(story);
  for (const card of document.querySelectorAll('li.card')) {
    if (card.dataset.story === story && !card.classList.contains('kill-notice')) card.classList.add('killed');
  }
}

function cardClass(item, fresh) {
  const killNotice = item.pubStatus === 'canceled';
  return 'card' + (fresh ? ' fresh' : '') + (killNotice ? ' kill-notice' : state.killed.has(storyOf(item)) ? ' killed' : '');
}

function when(item) {
  const time = item.publishedAt || item.receivedAt || (item.timestamp ? new Date(item.timestamp).toISOString() : null);
  if (!time) return '';
  const date = new Date(time);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString([], { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function termsFor(item, columnId) {
  const scores = (item.routing && item.routing.scores) || [];
  const own = scores.find(s => s.subject === columnId);
  if (own) return own.terms;
  return scores.flatMap(s => s.terms);
}

function card(item, fresh) {
  state.items.set(item.id, item);
  const open = () => showDetail(item);
  if (item.column === 'dead-letters') {
    return el('li', { class: 'card' + (fresh ? ' fresh' : ''), tabindex: 0, dataset: { id: item.id },
      onclick: open, onkeydown: e => { if (e.key === 'Enter') open(); } },
      el('div', null, el('span', { class: 'badge reason' }, item.reason || 'UNKNOWN')),
      el('div', { class: 'headline' }, item.message || ''),
      el('div', { class: 'meta' }, `${item.bytes} bytes · ${item.source || ''}`));
  }
  return el('li', { class: cardClass(item, fresh), tabindex: 0, dataset: { id: item.id, story: storyOf(item) },
    onclick: open, onkeydown: e => { if (e.key === 'Enter') open(); } },
    el('div', null, versionBadges(item)),
    el('div', { class: 'headline' }, highlight(item.headline, termsFor(item, item.column))),
    el('div', { class: 'meta' }, [item.dateline ? item.dateline.raw : null, when(item)].filter(Boolean).join(' · ')));
}

function buildColumns(info) {
  const host = document.getElementById('columns');
  host.replaceChildren();
  info.columns.forEach((column, index) => {
    const list = el('ol', { 'aria-live': 'polite' });
    const count = el('span', { class: 'count' }, '0');
    host.append(el('section', { class: 'column', id: 'column-' + column.id, dataset: { column: column.id } },
      el('header', { title: column.description || '' }, el('h2', null, column.title), count), list));
    state.columns.set(column.id, { list, count, color: PALETTE[index % PALETTE.length], title: column.title });
  });
  const subject = document.getElementById('alert-subject');
  for (const column of info.columns) {
    if (column.id !== 'unrouted' && column.id !== 'dead-letters') {
      subject.append(el('option', { value: column.id }, column.title));
    }
  }
}

function addItem(item, fresh) {
  const column = state.columns.get(item.column);
  if (!column) return;
  column.list.prepend(card(item, fresh));
  if (item.pubStatus === 'canceled') killStory(item);
  while (column.list.children.length > MAX_ITEMS) {
    const last = column.list.lastElementChild;
    state.items.delete(last.dataset.id);
    last.remove();
  }
  column.count.textContent = String(column.list.children.length);
}

function alertItem(alert, fresh) {
  const dispatch = Object.assign({ column: (alert.dispatch.routing && alert.dispatch.routing.subjects[0]) || 'unrouted' },
    alert.dispatch);
  return el('li', { class: fresh ? 'fresh' : '', onclick: () => showDetail(dispatch, alert) },
    el('span', { class: 'rule' }, alert.ruleName), highlight(alert.dispatch.headline, alert.terms));
}

function renderRules(rules) {
  const list = document.getElementById('rules');
  list.replaceChildren(...rules.map(rule => el('li', { dataset: { rule: rule.id } },
    el('strong', null, rule.name), el('span', { class: 'q', title: rule.query }, rule.query),
    rule.subject ? el('span', { class: 'badge' }, rule.subject) : null,
    el('button', { type: 'button', 'aria-label': 'Delete alert ' + rule.name, onclick: () => deleteRule(rule) }, 'delete'))));
  document.getElementById('rule-count').textContent = rules.length === 1 ? '1 rule' : rules.length + ' rules';
}

function addAlert(alert, fresh) {
  const list = document.getElementById('alerts');
  list.prepend(alertItem(alert, fresh));
  while (list.children.length > MAX_ITEMS) list.lastElementChild.remove();
}

function snapshot(data) {
  for (const column of state.columns.values()) { column.list.replaceChildren(); column.count.textContent = '0'; }
  state.items.clear();
  state.killed.clear();
  for (const [id, items] of Object.entries(data.columns)) {
    for (const item of items.slice().reverse()) addItem(item, false);
  }
  document.getElementById('alerts').replaceChildren();
  for (const alert of data.alerts.slice().reverse()) addAlert(alert, false);
  renderRules(data.rules);
}

function setStatus(text, kind) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.dataset.state = kind;
}

// The live stream. The browser reconnects by itself and sends the id of the last event it had, so the server
// resumes (a 'resumed' event, then what was missed) or, when that is too old, starts with a snapshot. Should the
// browser give up, a new stream is opened that says where the page was (?lastEventId=), for the same choice.
function connect() {
  const query = state.lastEventId ? '?lastEventId=' + encodeURIComponent(state.lastEventId) : '';
  const events = new EventSource('/api/events' + query);
  const on = (name, handler) => events.addEventListener(name, e => {
    if (e.lastEventId) state.lastEventId = e.lastEventId;
    handler(JSON.parse(e.data));
  });
  events.addEventListener('error', () => {
    setStatus(state.full ? 'full' : 'reconnecting', 'offline');
    if (events.readyState === EventSource.CLOSED) setTimeout(connect, 5000); // The browser gave up; we do not.
  });
  on('snapshot', data => { snapshot(data); live(); });
  on('resumed', () => live());
  on('item', item => addItem(item, true));
  on('alert', alert => addAlert(alert, true));
  on('rules', rules => renderRules(rules));
  on('skipped', data => showNotice(`The wire is faster than the live view: ${data.count} dispatches or alerts were `
    + `not sent live in the last second (at most ${data.perSecond} a second go out while this many pages watch). `
    + 'The columns catch up when it calms.', 'busy'));
  on('dropped', data => showNotice(data.message, 'dropped'));
  on('full', data => { state.full = true; setStatus('full', 'offline'); showNotice(data.error, 'full'); });
}

function live() {
  state.full = false;
  setStatus('live', 'live');
  showNotice(null);
}

function showNotice(text, kind) {
  const notice = document.getElementById('notice');
  notice.textContent = text || '';
  notice.dataset.kind = kind || '';
  notice.hidden = !text;
}

function section(title, ...content) {
  return [el('h3', null, title), ...content];
}

function showDetail(item, alert) {
  const body = document.getElementById('detail-body');
  if (item.column === 'dead-letters') {
    body.replaceChildren(
      el('div', null, el('span', { class: 'badge reason' }, item.reason || 'UNKNOWN')),
      el('h2', { id: 'detail-title' }, item.message || 'Dead letter'),
      el('p', { class: 'muted' }, `${item.bytes} bytes from ${item.source || 'unknown'} · ${item.exception || ''}`),
      ...section('Original input (start)', el('pre', null, item.preview || '')));
  } else {
    const scores = (item.routing && item.routing.scores) || [];
    const terms = scores.flatMap(s => s.terms).concat(alert ? alert.terms : []);
    body.replaceChildren(
      el('div', null, versionBadges(item), (item.tags || []).filter(t => !/^(LEAD|\d+(st|nd|rd|th) LD|URGENT)$/i.test(t))
        .map(t => el('span', { class: 'badge' }, t))),
      el('h2', { id: 'detail-title' }, highlight(item.headline, terms)),
      el('p', { class: 'muted' }, [item.dateline ? item.dateline.raw : null, (item.bylines || []).join(', '), when(item)]
        .filter(Boolean).join(' · ')),
      ...(item.paragraphs || []).map(p => el('p', null, highlight(p, terms))),
      ...(alert ? section('Alert', el('p', null, `${alert.ruleName}: `, el('code', null, alert.query))) : []),
      ...section('Why it was routed', scores.length === 0 ? el('p', null, 'No rule matched: unrouted.') :
        el('table', null,
          el('thead', null, el('tr', null, ['Subject', 'Score', 'Threshold', 'Routed', 'Rules', 'Words'].map(h => el('th', null, h)))),
          el('tbody', null, scores.map(s => el('tr', null,
            el('td', null, s.subject), el('td', null, s.score.toFixed(2)), el('td', null, s.threshold.toFixed(2)),
            el('td', null, s.routed ? 'yes' : 'no'), el('td', null, s.rules.join(', ')), el('td', null, s.terms.join(', '))))))),
      el('p', { class: 'muted' }, `content ${item.contentId} · story ${item.storyKey} · rules ${item.routing ? item.routing.rulesDigest : '-'}`
        + (item.source ? ` · ${item.source.topic}-${item.source.partition}@${item.source.offset}` : '')));
  }
  const dialog = document.getElementById('detail');
  if (!dialog.open) dialog.showModal();
}

async function api(path, options) {
  const headers = Object.assign({}, (options && options.headers) || {});
  if (state.token) headers.Authorization = 'Bearer ' + state.token;
  const response = await fetch(path, Object.assign({}, options, { headers }));
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw new Error((body && body.error) || response.statusText);
  return body;
}

function showError(message) {
  const error = document.getElementById('alert-error');
  error.textContent = message || '';
  error.hidden = !message;
}

async function createRule(event) {
  event.preventDefault();
  const form = event.target;
  state.token = document.getElementById('alert-token').value;
  showError('');
  const button = document.getElementById('alert-add');
  button.disabled = true;
  try {
    await api('/api/alert-rules', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: form.name.value, query: form.query.value, subject: form.subject.value || null }) });
    form.name.value = '';
    form.query.value = '';
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}

async function deleteRule(rule) {
  state.token = document.getElementById('alert-token').value;
  showError('');
  try {
    await api('/api/alert-rules/' + encodeURIComponent(rule.id), { method: 'DELETE' });
  } catch (e) {
    showError(e.message);
  }
}

async function refreshChart() {
  const minutes = document.getElementById('span').value;
  let data;
  try {
    data = await api('/api/counts?minutes=' + minutes);
  } catch (e) {
    return; // Counts come back once the streams are running; the next refresh tries again.
  }
  const labels = data.minutes.map(m => new Date(m).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  const datasets = data.series.map(series => {
    const column = state.columns.get(series.column) || { color: '#888' };
    return { label: series.title, data: series.counts, borderColor: column.color, backgroundColor: column.color,
      borderWidth: 1.5, pointRadius: 0, tension: 0.25 };
  });
  if (!state.chart) {
    state.chart = new Chart(document.getElementById('chart'), {
      type: 'line', data: { labels, datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false },
        scales: { x: { ticks: { maxTicksLimit: 12 } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: false } } }
    });
  } else {
    state.chart.data.labels = labels;
    state.chart.data.datasets = datasets;
    state.chart.update();
  }
  document.getElementById('totals').replaceChildren(...data.series.map(series => {
    const column = state.columns.get(series.column) || { color: '#888' };
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = column.color;
    return el('li', { dataset: { column: series.column } }, swatch, series.title + ' ', el('b', null, String(series.total)));
  }));
}

// The sources of run --ingest, if any: when each was last read, what it sent, what went wrong.
async function refreshIngest() {
  const sources = await api('/api/ingest');
  document.getElementById('ingest').hidden = sources.length === 0;
  document.getElementById('ingest-rows').replaceChildren(...sources.map(source => el('tr', null,
    el('td', { title: source.location }, source.name),
    el('td', null, source.lastSuccess ? new Date(source.lastSuccess).toLocaleTimeString() : 'never'),
    el('td', null, String(source.itemsSent)),
    el('td', null, String(source.errors)),
    el('td', { class: source.lastError ? 'error' : 'muted' }, source.lastError || 'none'))));
}

// Embargoed and withheld dispatches, held back by the pipeline: in no column until they go out.
async function refreshHeld() {
  let held;
  try {
    held = await api('/api/held');
  } catch (e) {
    return; // Held dispatches can be read once the streams are running; the next refresh tries again.
  }
  const release = h => h.until ? 'until ' + new Date(h.until).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : 'until a later version';
  document.getElementById('held-count').textContent = held.length === 1 ? '1 held' : held.length + ' held';
  document.getElementById('held').replaceChildren(...held.map(h => el('li', null,
    el('span', { class: 'badge' }, h.withheld ? 'WITHHELD' : 'EMBARGO'), h.headline + ' ', el('span', { class: 'muted' }, release(h)))));
}

async function start() {
  const info = await api('/api/info');
  state.info = info;
  document.getElementById('app-id').textContent = info.applicationId;
  document.getElementById('alert-token').hidden = !info.tokenRequired;
  buildColumns(info);
  document.getElementById('alert-form').addEventListener('submit', createRule);
  document.getElementById('span').addEventListener('change', refreshChart);
  connect();
  await refreshChart();
  setInterval(refreshChart, 5000);
  await refreshIngest().catch(() => {});
  setInterval(() => refreshIngest().catch(() => {}), 15000);
  await refreshHeld();
  setInterval(refreshHeld, 5000);
}

start().catch(e => setStatus('error: ' + e.message, 'offline'));
