import { h, chip, card, table, fillShadow } from './dom.js';
import { send, get, getText } from './api.js';
import { deskCards } from './desk.js';

const enc = encodeURIComponent;

export async function talksList() {
  const page = await get('/api/talks?limit=100');
  return card('Talks', 'talks-list', page.items.length === 0 ? h('p', { class: 'muted' }, 'No talks yet. Start the server with --demo to open the flagship.') :
    h('ul', { class: 'plain' }, page.items.map(t => h('li', {}, h('a', { href: `#/talks/${enc(t.id)}` }, t.title), ' ', h('span', { class: 'muted' }, t.id)))));
}

// Runs a command; shows a broken rule next to the form; refreshes on success.
function action(errorBox, refresh, run) {
  return async (event) => {
    event?.preventDefault?.();
    errorBox.textContent = '';
    try { await run(); await refresh(); }
    catch (e) { errorBox.textContent = e.rule ? `Rule ${e.rule}: ${e.message}` : e.message; }
  };
}

function statements(t) {
  return card(t.role === 'public' ? 'Public statements' : 'Statements', 'statements',
    t.statements.length === 0 ? h('p', { class: 'muted' }, 'No statements yet.') :
      h('ul', { class: 'plain' }, t.statements.map(s => h('li', { 'data-testid': 'statement' },
        h('strong', {}, s.party ?? 'mediator'), ' ', s.public ? '' : chip('private', 'open'), ' ', s.text, ' ', h('span', { class: 'muted' }, new Date(s.at).toISOString().slice(0, 16).replace('T', ' '))))));
}

function timeline(t) {
  const venues = Object.fromEntries(t.venues.map(v => [v.id, v]));
  const parties = t.parties.filter(p => !p.optional).map(p => p.id);
  return [
    card('Stages', 'stages', table(['stage', 'participants', 'after', 'status'], t.stages.map(s => [
      h('span', {}, h('strong', {}, s.id), ' ', s.name),
      s.participants.join(', ') + (s.id === t.mediatorEntersAt ? ' (mediator enters)' : ''),
      s.after.join(', ') || '—',
      [chip(s.status), s.stalled ? chip('stalled') : null, s.note ? h('div', { class: 'muted' }, s.note) : null],
    ]))),
    card('Meetings', 'meetings', t.meetings.length === 0 ? h('p', { class: 'muted' }, 'No meetings proposed.') :
      table(['meeting', 'stage', 'venue', 'date', 'venue status per participant', 'status'], t.meetings.map(m => [
        m.id, m.stage, m.venueName, m.date ?? '—',
        Object.entries(m.venueStatus).map(([p, st]) => chip(`${p}: ${st}`, st)),
        [chip(m.status), m.note ? h('div', { class: 'muted' }, m.note) : null],
      ]))),
    card('Venues', 'venues', table(['venue', ...parties], t.venues.map(v => [
      `${v.id} ${v.name}`, ...parties.map(p => v.acceptedBy.includes(p) ? chip('accepted') : v.rejectedBy.includes(p) ? chip('rejected') : chip('—', 'pending')),
    ]))),
    card('Deadlines', 'deadlines', table(['deadline', 'date', 'stage', 'consequence', 'status'], t.deadlines.map(d => [
      `${d.id} ${d.name}`, d.date, d.stage ?? '—', `${d.consequence}${d.note ? ': ' + d.note : ''}`, d.expired ? chip('expired') : chip('pending'),
    ]))),
  ];
}

function packageText(p) { return Object.entries(p.package).map(([i, o]) => `${i}=${o}`).join(' · '); }

function proposals(t, refresh) {
  const err = h('div', { class: 'error' });
  const base = `/api/talks/${enc(t.id)}`;
  const rows = t.proposals.map(p => [
    h('strong', {}, p.id), p.party ?? 'mediator', p.stage ?? '—', packageText(p) + (p.counterTo ? ` (counters ${p.counterTo})` : ''),
    [...p.acceptedBy.map(x => chip(`${x} accepted`, 'accepted')), ...p.rejectedBy.map(x => chip(`${x} rejected`, 'rejected')), ...p.signedBy.map(x => chip(`${x} signed`, 'done'))],
    t.role === 'party' ? h('span', {},
      h('button', { onclick: action(err, refresh, () => send('POST', `${base}/proposals/${enc(p.id)}/accept`)) }, 'Accept'), ' ',
      h('button', { onclick: action(err, refresh, () => send('POST', `${base}/proposals/${enc(p.id)}/reject`, { text: '' })) }, 'Reject'), ' ',
      h('button', { onclick: action(err, refresh, () => send('POST', `${base}/proposals/${enc(p.id)}/sign`)) }, 'Sign')) : '',
  ]);
  const selects = t.issues.map(i => h('select', { name: i.id, 'aria-label': i.name }, h('option', { value: '' }, `${i.id}: —`), i.options.map(o => h('option', { value: o.id }, `${o.id} ${o.name}`))));
  const stage = h('select', { name: 'stage', 'aria-label': 'stage' }, t.stages.filter(s => s.status === 'open').map(s => h('option', { value: s.id }, s.id)));
  const counter = h('select', { name: 'counterTo', 'aria-label': 'counter to' }, h('option', { value: '' }, 'new proposal'), t.proposals.map(p => h('option', { value: p.id }, `counter ${p.id}`)));
  const form = h('form', { class: 'inline', 'data-testid': 'table-proposal' }, stage, counter, selects, h('button', { type: 'submit' }, 'Table'));
  form.addEventListener('submit', action(err, refresh, () => {
    const pkg = Object.fromEntries(selects.filter(s => s.value).map(s => [s.name, s.value]));
    return send('POST', `${base}/proposals`, { stage: stage.value || null, package: pkg, counterTo: counter.value || null }, t.version);
  }));
  return card('Proposals', 'proposals', rows.length ? table(['id', 'by', 'stage', 'package', 'answers', ''], rows) : h('p', { class: 'muted' }, 'No proposals yet.'), form, err);
}

function statementForm(t, refresh) {
  const err = h('div', { class: 'error' });
  const text = h('input', { type: 'text', name: 'text', placeholder: 'statement', size: 50 });
  const pub = h('input', { type: 'checkbox', name: 'public', checked: true });
  const form = h('form', { class: 'inline', 'data-testid': 'statement-form' }, text, h('label', {}, pub, ' public'), h('button', { type: 'submit' }, 'Issue'));
  form.addEventListener('submit', action(err, refresh, () => send('POST', `/api/talks/${enc(t.id)}/statements`, { text: text.value, public: pub.checked }, t.version)));
  return card('Issue a statement', 'statement-card', form, err);
}

function position(t, refresh) {
  const p = t.position;
  if (!p) return card('Your position', 'position', h('p', { class: 'muted' }, 'No position submitted.'));
  const rows = t.issues.map(i => [i.id + ' ' + i.name, String(p.weights[i.id] ?? 0), i.options.map((o, k) => `${o.id}:${p.scores[i.id][k]}`).join('  ')]);
  const err = h('div', { class: 'error' });
  const boxes = ['weights', 'scores', 'reservation'].map(k => h('label', {}, h('input', { type: 'checkbox', name: k }), ' ', k));
  const lines = p.redLines.map(r => h('label', {}, h('input', { type: 'checkbox', name: 'redLine', value: r.id }), ' ', r.id));
  const note = h('input', { type: 'text', name: 'note', placeholder: 'message to the mediator', size: 30 });
  const form = h('form', { class: 'inline', 'data-testid': 'disclose' }, h('span', {}, 'Disclose to the mediator:'), boxes, lines, note, h('button', { type: 'submit' }, 'Disclose'));
  form.addEventListener('submit', action(err, refresh, () => {
    const checked = (n) => form.querySelector(`input[name=${n}]`).checked;
    return send('POST', `/api/talks/${enc(t.id)}/disclosures`, {
      weights: checked('weights'), scores: checked('scores'), reservation: checked('reservation'),
      redLines: [...form.querySelectorAll('input[name=redLine]:checked')].map(x => x.value), note: note.value,
    }, t.version);
  }));
  return h('section', { class: 'card private', 'data-testid': 'position' }, h('h2', {}, `Your position (private to ${t.party})`),
    h('p', {}, 'Reservation value: ', h('strong', { 'data-testid': 'reservation' }, String(p.reservation))),
    table(['issue', 'weight', 'scores'], rows),
    h('h3', {}, 'Red lines'), h('ul', {}, p.redLines.map(r => h('li', {}, h('strong', {}, r.id), ` ${r.rule}`, r.note ? ` — ${r.note}` : ''))),
    p.notes ? h('p', { class: 'muted' }, p.notes) : null, form, err);
}

function disclosures(t) {
  const title = t.role === 'mediator' ? 'Disclosed to you' : 'What you disclosed to the mediator';
  return h('section', { class: 'card private', 'data-testid': 'disclosures' }, h('h2', {}, title),
    t.disclosures.length === 0 ? h('p', { class: 'muted' }, 'Nothing disclosed.') :
      h('ul', { class: 'plain' }, t.disclosures.map(d => h('li', {}, h('strong', {}, d.party), ': ',
        d.disclosure.reservation !== undefined ? `reservation ${d.disclosure.reservation}; ` : '',
        d.disclosure.redLines ? `red lines ${d.disclosure.redLines.map(r => `${r.id} (${r.rule})`).join(', ')}; ` : '',
        d.disclosure.weights ? 'weights; ' : '', d.disclosure.scores ? 'scores; ' : '',
        d.disclosure.note ? `“${d.disclosure.note}”` : ''))));
}

function venueActions(t, refresh) {
  const err = h('div', { class: 'error' });
  const base = `/api/talks/${enc(t.id)}/venues`;
  return card('Venues: your answer', 'venue-actions', h('div', {}, t.venues.map(v => h('span', { class: 'chip' }, `${v.id} ${v.name} `,
    h('button', { onclick: action(err, refresh, () => send('POST', `${base}/${enc(v.id)}/accept`)) }, 'accept'), ' ',
    h('button', { onclick: action(err, refresh, () => send('POST', `${base}/${enc(v.id)}/reject`)) }, 'reject')))), err);
}

function mediatorDesk(t, refresh) {
  const err = h('div', { class: 'error' });
  const base = `/api/talks/${enc(t.id)}`;
  const stageButtons = t.stages.map(s => s.status === 'pending'
    ? h('button', { onclick: action(err, refresh, () => send('POST', `${base}/stages/${enc(s.id)}/open`, {}, t.version)) }, `Open ${s.id}`)
    : s.status === 'open' ? h('button', { onclick: action(err, refresh, () => send('POST', `${base}/stages/${enc(s.id)}/close`, { outcome: 'done' }, t.version)) }, `Close ${s.id} (done)`) : null);
  const stage = h('select', { name: 'stage', 'aria-label': 'stage' }, t.stages.filter(s => s.status !== 'done' && s.status !== 'failed').map(s => h('option', { value: s.id }, s.id)));
  const venue = h('select', { name: 'venue', 'aria-label': 'venue' }, t.venues.map(v => h('option', { value: v.id }, `${v.id} ${v.name}`)));
  const date = h('input', { type: 'date', name: 'date' });
  const meet = h('form', { class: 'inline', 'data-testid': 'propose-meeting' }, 'Propose a meeting:', stage, venue, date, h('button', { type: 'submit' }, 'Propose'));
  meet.addEventListener('submit', action(err, refresh, () => send('POST', `${base}/meetings`, { stage: stage.value, venue: venue.value, date: date.value || null }, t.version)));
  const confirm = t.meetings.filter(m => m.status === 'proposed').map(m =>
    h('button', { onclick: action(err, refresh, () => send('POST', `${base}/meetings/${enc(m.id)}/schedule`, {}, t.version)) }, `Confirm ${m.id}`));
  return card('Mediator desk', 'mediator-desk',
    h('p', {}, t.mediatorEntered ? 'You take part in the talks.' : `You take part only from stage ${t.mediatorEntersAt}; until then you broker.`),
    h('div', { class: 'inline' }, stageButtons), meet, h('div', {}, confirm), err);
}

export async function talksPage(id, refreshSelf) {
  const t = await get(`/api/talks/${enc(id)}`);
  const refresh = refreshSelf;
  const parts = [h('h1', { 'data-testid': 'talks-title' }, t.title)];
  if (t.role === 'public') {
    parts.push(statements(t));
    return parts;
  }
  if (t.role === 'party') parts.push(h('div', { class: 'grid' }, position(t, refresh), disclosures(t)));
  if (t.role === 'mediator') parts.push(h('div', { class: 'grid' }, mediatorDesk(t, refresh), disclosures(t)));
  if (t.role === 'party' || t.role === 'mediator') {
    parts.push(...await deskCards(t, refresh));
    parts.push(analysisCard(t));
    parts.push(proposals(t, refresh));
  }
  parts.push(...timeline(t));
  if (t.role === 'party') parts.push(venueActions(t, refresh));
  parts.push(statements(t));
  if (t.role === 'party' || t.role === 'mediator') parts.push(statementForm(t, refresh));
  parts.push(briefingCard(t));
  return parts;
}

// The live briefing (GET …/briefing) needs the bearer token, so it is fetched here and shown in a shadow root, where
// its own styles apply and nothing leaks either way; the nodes come from DOMParser (inert), and the page carries no
// scripts (the CSP would refuse them anyway). "Save as HTML" keeps the self-contained page.
function briefingCard(t) {
  const status = h('span', { class: 'muted', 'data-testid': 'briefing-status' });
  const save = h('span', {});
  const view = h('div', { 'data-testid': 'briefing-view' });
  const shadow = view.attachShadow({ mode: 'open' });
  // The contents list links to #section ids: scroll within the briefing instead of changing the app's route.
  shadow.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href^="#"]');
    if (!link) return;
    event.preventDefault();
    shadow.getElementById(link.getAttribute('href').slice(1))?.scrollIntoView();
  });
  let url = null;
  const show = async () => {
    status.textContent = 'Computing the briefing…';
    save.replaceChildren();
    if (url) URL.revokeObjectURL(url);
    try {
      const html = await getText(`/api/talks/${enc(t.id)}/briefing`, 'text/html');
      // The UI's CSP refuses inline styles, even in a parsed document: fillShadow applies them through the CSSOM.
      fillShadow(shadow, html);
      url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      status.textContent = `Computed ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. `;
      save.replaceChildren(h('a', { href: url, download: `briefing-${t.id}-${t.party ?? t.role}.html`, 'data-testid': 'briefing-save' }, 'Save as HTML'));
    } catch (e) {
      status.textContent = `Briefing unavailable: ${e.message}`;
    }
  };
  return card('Briefing', 'briefing',
    h('p', {}, 'The briefing of parley report on these talks as they stand, computed only on what you may see.'),
    h('div', { class: 'inline' }, h('button', { type: 'button', onclick: show, 'data-testid': 'briefing-button' }, 'Briefing'), ' ', status, save),
    view);
}

// The analysis's result is parley bargain --format json's shape: the fair solutions in the zone, or what reopens an empty one.
function solutions(a) {
  const r = a.result;
  if (!r) return '';
  const u = (x) => (x ?? 0).toFixed(1).replace(/\.0$/, '');
  const named = [['Nash', r.nash], ['Kalai–Smorodinsky', r.kalaiSmorodinsky], ['egalitarian', r.egalitarian], ['utilitarian', r.utilitarian]].filter(([, x]) => x);
  if (named.length) return table(['solution', 'package', ...a.parties], named.map(([name, x]) => [name, x.label, ...a.parties.map(p => u(x.utilities[p]))]));
  if (r.relaxations?.length) return table(['drop', 'zone', 'Nash package'], r.relaxations.slice(0, 5).map(x => [x.drop.join(' + '), String(x.agreementZone ?? 'many'), x.nash?.label ?? '—']));
  return '';
}

function analysisCard(t) {
  const body = h('div', { 'data-testid': 'analysis-body' }, h('p', { class: 'muted' }, 'Loading analysis…'));
  get(`/api/talks/${enc(t.id)}/analysis`).then(r => {
    const a = r.analysis;
    body.replaceChildren(
      h('p', {}, `Based on: ${a.basis.join(', ') || 'nothing yet'}. ${a.summary ?? ''}`),
      solutions(a),
      r.plotSvg ? h('div', { class: 'plot' }, h('img', { alt: 'frontier plot', 'data-testid': 'frontier-plot', src: `data:image/svg+xml;base64,${r.plotSvg}` })) : '');
  }).catch(e => body.replaceChildren(h('p', { class: 'muted' }, `Analysis unavailable: ${e.message}`)));
  return card(t.role === 'mediator' ? 'Analysis on what was disclosed to you' : 'Analysis on your own data', 'analysis', body);
}
