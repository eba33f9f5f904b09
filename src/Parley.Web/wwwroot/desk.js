// The mediator's desk (docs/mediation.md): consent, blind checks, blind bidding, the live single text.
// The mediator sees every party's consent, the budget, its checks, round results and per-issue objection
// counts; a party sees its own consent, the checks made on its data, its own bids and its own marks.
import { h, chip, card, table } from './dom.js';
import { get, send } from './api.js';

const enc = encodeURIComponent;
const RULES = ['max-min-gain', 'nash', 'kalai-smorodinsky'];
const CONSENT = [['weights', 'weights and scores'], ['reservation', 'reservation value'], ['redLines', 'red lines'], ['named', 'results may name me']];
const MARKS = [['acceptable', 'acceptable'], ['needs-change', 'needs change']];

// Every live event rebuilds the page: what is typed into a form and the last error of a form are kept
// here (per field key) so that a refresh in the middle of filling a form loses nothing.
const drafts = new Map();
const errors = new Map();

function bind(key, el, initial) {
  const prop = el.type === 'checkbox' ? 'checked' : 'value';
  el.dataset.draft = key;
  el[prop] = drafts.has(key) ? drafts.get(key) : initial ?? (prop === 'checked' ? false : '');
  const keep = () => drafts.set(key, el[prop]);
  el.addEventListener('input', keep);
  el.addEventListener('change', keep);
  return el;
}

function read(el) {
  const key = el.dataset.draft;
  return key && drafts.has(key) ? drafts.get(key) : el.type === 'checkbox' ? el.checked : el.value;
}

function set(el, value) {
  el[el.type === 'checkbox' ? 'checked' : 'value'] = value;
  drafts.set(el.dataset.draft, value);
}

function errorBox(form) {
  return h('div', { class: 'error', 'data-testid': `${form}-error` }, errors.get(form) ?? '');
}

// Runs a desk command: on success forgets the form's drafts and refreshes, else shows the broken rule by the form.
function run(form, box, refresh, command) {
  return async (event) => {
    event?.preventDefault?.();
    box.textContent = '';
    errors.delete(form);
    try {
      await command();
      for (const key of [...drafts.keys()]) if (key.startsWith(`${form}.`)) drafts.delete(key);
      await refresh();
    } catch (e) {
      const text = e.rule ? `Rule ${e.rule}: ${e.message}` : e.message;
      errors.set(form, text);
      box.textContent = text;
    }
  };
}

const who = (key) => key === 'mediator' ? 'mediator' : key.replace(/^party:/, '');
const when = (at) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');
const yes = (on) => on ? chip('yes', 'done') : chip('no', 'pending');

function option(t, issueId, optionId) {
  const o = t.issues.find(i => i.id === issueId)?.options.find(x => x.id === optionId);
  return o ? `${o.id} ${o.name}` : optionId;
}

// Issue ids of a package in the scenario's order.
function issuesOf(t, pkg) {
  const order = t.issues.map(i => i.id);
  return Object.keys(pkg).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

// Whether the caller sits at the stage's table: a participant; the mediator once entered, at its entry stage and every stage after it.
function seated(t, stage) {
  if (t.role === 'party') return stage.participants.includes(t.party);
  if (!t.mediatorEntered) return false;
  const byId = Object.fromEntries(t.stages.map(s => [s.id, s]));
  const seen = new Set();
  const todo = [stage.id];
  while (todo.length) {
    const id = todo.pop();
    if (id === t.mediatorEntersAt || !t.mediatorEntersAt) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    todo.push(...(byId[id]?.after ?? []));
  }
  return false;
}

const packageText = (t, pkg) => pkg ? issuesOf(t, pkg).map(i => `${i}=${pkg[i]}`).join(' · ') : '—';

function consentText(c) {
  if (!c?.weights) return 'not consented';
  const parts = CONSENT.filter(([k]) => k !== 'named' && c[k]).map(([, label]) => label);
  return parts.join(', ') + (c.named ? '; may be named' : '');
}

// ---- consent ----

function consentStatus(d) {
  return card('Consent to blind checks', 'desk-consents',
    h('p', { class: 'muted' }, 'Whether each party lets the service (not you) compute with its position; you never see the data.'),
    table(['party', ...CONSENT.map(([, label]) => label)], Object.entries(d.desk.consents).map(([party, c]) => [
      h('strong', {}, party), ...CONSENT.map(([k]) => yes(c[k])),
    ])));
}

function consentForm(d) {
  const form = 'consent';
  const own = d.desk.consents[d.t.party] ?? {};
  const box = errorBox(form);
  const inputs = Object.fromEntries(CONSENT.map(([k]) => [k, bind(`${form}.${k}`, h('input', { type: 'checkbox', name: k }), !!own[k])]));
  const el = h('form', { class: 'inline', 'data-testid': 'consent-form' },
    CONSENT.map(([k, label]) => h('label', {}, inputs[k], ' ', label)),
    h('button', { type: 'submit' }, 'Save consent'),
    h('button', { type: 'button', onclick: run(form, box, d.refresh, () => send('POST', `${d.base}/blind/consent`, { weights: false, reservation: false, redLines: false, named: false })) }, 'Revoke'));
  el.addEventListener('submit', run(form, box, d.refresh, () =>
    send('POST', `${d.base}/blind/consent`, Object.fromEntries(CONSENT.map(([k]) => [k, read(inputs[k])])))));
  return h('section', { class: 'card private', 'data-testid': 'desk-consent' }, h('h2', {}, 'Your consent to blind checks'),
    h('p', {}, 'The service may compute with: ', h('strong', { 'data-testid': 'consent-status' }, consentText(own)), '.'),
    h('p', { class: 'muted' }, 'Only the service computes with what you allow — not the mediator, not another party. Every check made on your data is listed below; revoke at any time.'),
    el, box);
}

// ---- budget and blind checks ----

const scopeName = (scope) => scope === 'T' ? 'talks as a whole (T)' : `stage ${scope}`;

function budget(d) {
  const total = d.t.confidentiality?.checkBudget;
  const rows = Object.entries(d.desk.remaining).map(([scope, left]) => [scopeName(scope), h('span', { 'data-testid': `budget-${scope}` }, total ? `${left} of ${total}` : String(left))]);
  return card('Check budget', 'desk-budget',
    h('p', { class: 'muted' }, 'Blind checks and bidding rounds left per scope.'),
    rows.length ? table(['scope', 'left'], rows) : h('p', { class: 'muted' }, 'No open scope.'));
}

function checkForm(d) {
  const form = 'check';
  const box = errorBox(form);
  const parties = d.t.parties.map(p => {
    const input = bind(`${form}.party.${p.id}`, h('input', { type: 'checkbox', name: 'party', value: p.id }), false);
    const consent = d.desk.consents[p.id];
    return h('label', { class: 'party-pick' }, input, ' ', p.id, consent ? [' ', consent.weights ? chip('consented', 'done') : chip('no consent', 'pending')] : null);
  });
  const rule = bind(`${form}.rule`, h('select', { name: 'rule', 'aria-label': 'rule' }, RULES.map(r => h('option', { value: r }, r))), RULES[0]);
  const scopes = Object.keys(d.desk.remaining).filter(s => s !== 'T');
  const stage = bind(`${form}.stage`, h('select', { name: 'stage', 'aria-label': 'check stage' },
    d.t.role === 'mediator' ? h('option', { value: '' }, 'talks as a whole') : null, scopes.map(s => h('option', { value: s }, `stage ${s}`))), d.t.role === 'mediator' ? '' : scopes[0]);
  const el = h('form', { class: 'inline', 'data-testid': 'blind-check-form' }, h('span', {}, 'Over:'), parties, rule, stage, h('button', { type: 'submit' }, 'Check'));
  el.addEventListener('submit', run(form, box, d.refresh, () => {
    const picked = [...el.querySelectorAll('input[name=party]')].filter(read).map(x => x.value);
    return send('POST', `${d.base}/blind/check`, { parties: picked, rule: read(rule), stage: read(stage) || null });
  }));
  return card('Blind check', 'blind-check',
    h('p', { class: 'muted' }, 'Is there a package every checked party accepts? The answer reveals no one\'s numbers: yes/no, a suggested package, the zone\'s size in buckets and, when empty, who clashes (if they agreed to be named) and how many red lines would have to move.'),
    el, box);
}

function answerCells(t, a) {
  const clash = a.agreement ? '—' : [
    a.clashing?.length ? h('div', {}, 'clashing: ', a.clashing.join(', ')) : h('div', { class: 'muted' }, 'clashing: none named'),
    h('div', {}, 'red lines to move: ', a.redLinesToMove ?? 'more than three', a.redLinesNamed?.length ? ` (${a.redLinesNamed.join(', ')})` : ''),
  ];
  return [
    a.agreement ? chip('agreement', 'done') : chip('no agreement', 'failed'),
    a.zone,
    h('span', { 'data-testid': 'check-package' }, packageText(t, a.package)),
    clash,
  ];
}

function checkList(d) {
  const mediator = d.t.role === 'mediator';
  const checks = [...d.desk.checks].reverse();
  const rows = checks.map(k => h('tr', { 'data-testid': 'blind-result', 'data-check': k.check },
    [h('strong', {}, k.check), k.parties.join(', '), k.rule, ...answerCells(d.t, k.answer), `${who(k.asker)}, ${when(k.at)}`,
      h('span', { class: 'muted' }, Object.entries(k.answer.basis ?? {}).map(([p, parts]) => `${p}: ${parts.join('+')}`).join('; '))]
      .map(c => h('td', {}, c))));
  const head = ['check', 'over', 'rule', 'answer', 'zone', 'suggested package', 'empty zone', 'asked by', 'used'];
  return card(mediator ? 'Blind results' : 'Checks made on your data', 'blind-results',
    rows.length === 0 ? h('p', { class: 'muted' }, mediator ? 'No blind check yet.' : 'No check has used your data.') :
      h('table', {}, h('thead', {}, h('tr', {}, head.map(x => h('th', {}, x)))), h('tbody', {}, rows)));
}

// ---- blind bidding ----

function roundStatus(r) {
  if (r.result?.overlap) return chip(`settled at ${r.result.value}${r.unit ? ' ' + r.unit : ''}`, 'done');
  if (r.result) return [chip('no overlap', 'failed'), r.result.gap ? ` gap ${r.result.gap} of the range` : ''];
  return chip(`waiting for ${r.waiting} of ${r.bidders.length}`, 'open');
}

function bidForm(d, r) {
  const form = `bid-${r.round}`;
  const box = errorBox(form);
  const side = bind(`${form}.side`, h('select', { name: 'side', 'aria-label': `side ${r.round}` }, h('option', { value: 'at-least' }, 'at least'), h('option', { value: 'at-most' }, 'at most')), 'at-least');
  const bound = bind(`${form}.bound`, h('input', { type: 'number', name: 'bound', 'aria-label': `bound ${r.round}`, min: r.min, max: r.max, step: 'any' }), '');
  const gap = bind(`${form}.gap`, h('input', { type: 'checkbox', name: 'revealGap' }), true);
  const el = h('form', { class: 'inline', 'data-testid': `bid-form-${r.round}` }, side, bound, h('label', {}, gap, ' show the gap if none'), h('button', { type: 'submit' }, 'Bid'));
  el.addEventListener('submit', run(form, box, d.refresh, () =>
    send('POST', `${d.base}/blind/bids/${enc(r.round)}`, { side: read(side), bound: Number(read(bound)), revealGap: read(gap) })));
  return [el, box];
}

function openRoundForm(d) {
  const form = 'round';
  const box = errorBox(form);
  const seats = d.t.stages.filter(s => s.status === 'open' && seated(d.t, s));
  if (seats.length === 0) return h('p', { class: 'muted' }, 'A bidding round opens in an open stage at whose table you sit.');
  const stage = bind(`${form}.stage`, h('select', { name: 'stage', 'aria-label': 'round stage' }, seats.map(s => h('option', { value: s.id }, s.id))), seats[0].id);
  const numeric = d.t.issues.filter(i => i.numeric);
  const issue = bind(`${form}.issue`, h('select', { name: 'issue', 'aria-label': 'round issue' }, h('option', { value: '' }, 'a quantity:'), numeric.map(i => h('option', { value: i.id }, `${i.id} ${i.name}`))), '');
  const subject = bind(`${form}.subject`, h('input', { type: 'text', name: 'subject', placeholder: 'subject', 'aria-label': 'subject', size: 16 }), '');
  const min = bind(`${form}.min`, h('input', { type: 'number', name: 'min', placeholder: 'min', 'aria-label': 'min', step: 'any' }), '');
  const max = bind(`${form}.max`, h('input', { type: 'number', name: 'max', placeholder: 'max', 'aria-label': 'max', step: 'any' }), '');
  const unit = bind(`${form}.unit`, h('input', { type: 'text', name: 'unit', placeholder: 'unit', 'aria-label': 'unit', size: 8 }), '');
  const el = h('form', { class: 'inline', 'data-testid': 'open-round' }, 'Open a round in', stage, 'on', numeric.length ? issue : null, subject, min, max, unit, h('button', { type: 'submit' }, 'Open round'));
  el.addEventListener('submit', run(form, box, d.refresh, () => {
    const body = { stage: read(stage) };
    if (read(issue)) body.issue = read(issue);
    else Object.assign(body, { subject: read(subject), min: read(min) === '' ? null : Number(read(min)), max: read(max) === '' ? null : Number(read(max)), unit: read(unit) });
    return send('POST', `${d.base}/blind/bids`, body);
  }));
  return [el, box];
}

function bidding(d) {
  const party = d.t.role === 'party' ? d.t.party : null;
  const rows = d.desk.rounds.map(r => [
    h('strong', {}, r.round), r.stage, `${r.subject} (${r.min}–${r.max}${r.unit ? ' ' + r.unit : ''})`, r.bidders.join(', '), roundStatus(r),
    ...(party ? [r.own ? `${r.own.side === 'at-least' ? 'at least' : 'at most'} ${r.own.bound}` : r.result || !r.bidders.includes(party) ? '—' : bidForm(d, r)] : []),
  ]);
  return card(party ? 'Your blind bids' : 'Blind bidding', 'blind-bids',
    h('p', { class: 'muted' }, 'Each bidder sets a secret bound; only the settlement (the overlap\'s midpoint) or "no overlap" is revealed, never a bid.'),
    rows.length ? table(['round', 'stage', 'on', 'bidders', 'result', ...(party ? ['your bid'] : [])], rows) : h('p', { class: 'muted' }, 'No bidding round yet.'),
    openRoundForm(d));
}

// ---- the single text ----

function issueSelects(d, form, pkg) {
  return d.t.issues.map(i => bind(`${form}.issue.${i.id}`, h('select', { name: i.id, 'aria-label': `text ${i.id}` },
    h('option', { value: '' }, `${i.id}: —`), i.options.map(o => h('option', { value: o.id }, `${o.id} ${o.name}`))), pkg?.[i.id] ?? ''));
}

function tableForm(d, stageId, latest) {
  const form = stageId ? `text-${stageId}` : 'text-new';
  const box = errorBox(form);
  const open = d.t.stages.filter(s => s.status === 'open' && seated(d.t, s) && !d.desk.texts.some(x => x.stage === s.id));
  if (!stageId && open.length === 0) return h('p', { class: 'muted' }, `A single text is tabled in an open stage where you sit at the table (from ${d.t.mediatorEntersAt ?? 'your entry stage'}).`);
  const stage = stageId ? null : bind(`${form}.stage`, h('select', { name: 'stage', 'aria-label': 'text stage' }, open.map(s => h('option', { value: s.id }, s.id))), open[0].id);
  const selects = issueSelects(d, form, latest?.package);
  const suggestions = d.desk.checks.filter(k => k.answer.package);
  const from = suggestions.length ? h('select', { 'aria-label': 'start from a suggestion' }, h('option', { value: '' }, 'start from…'), suggestions.map(k => h('option', { value: k.check }, `suggestion of ${k.check}`))) : null;
  from?.addEventListener('change', () => {
    const pkg = suggestions.find(k => k.check === from.value)?.answer.package;
    if (pkg) for (const s of selects) set(s, pkg[s.name] ?? '');
  });
  const note = bind(`${form}.note`, h('input', { type: 'text', name: 'note', placeholder: 'note to the participants', 'aria-label': 'text note', size: 30 }), '');
  const el = h('form', { class: 'inline', 'data-testid': stageId ? `revise-${stageId}` : 'table-text' },
    stageId ? 'Revise:' : ['Table a single text in', stage], from, selects, note, h('button', { type: 'submit' }, stageId ? 'Revise' : 'Table text'));
  el.addEventListener('submit', run(form, box, d.refresh, () => {
    const pkg = Object.fromEntries(selects.map(s => [s.name, read(s)]).filter(([, v]) => v));
    return send('POST', `${d.base}/single-text`, { stage: stageId ?? read(stage), package: pkg, note: read(note) });
  }));
  return [el, box];
}

function signature(d, x, stage) {
  const p = d.t.proposals?.find(q => q.id === x.submittedAs);
  const signers = stage?.participants ?? [];
  const parts = [h('p', {}, 'Round ', String(x.submittedRound), ' went to signature as proposal ', h('strong', {}, x.submittedAs), '.')];
  if (!p) return parts;
  const signed = signers.length > 0 && signers.every(s => p.signedBy.includes(s));
  parts.push(h('p', { 'data-testid': `signature-${x.stage}` },
    signed ? chip('agreement signed', 'done') : chip('awaiting signatures', 'open'), ' ',
    p.acceptedBy.map(s => chip(`${s} accepted`, 'accepted')), p.rejectedBy.map(s => chip(`${s} rejected`, 'rejected')), p.signedBy.map(s => chip(`${s} signed`, 'done'))));
  if (d.t.role === 'party' && !signed) {
    const form = `sign-${x.stage}`;
    const box = errorBox(form);
    const url = `${d.base}/proposals/${enc(p.id)}`;
    parts.push(h('div', { class: 'inline' },
      p.acceptedBy.includes(d.t.party) ? null : h('button', { onclick: run(form, box, d.refresh, () => send('POST', `${url}/accept`)) }, 'Accept text'), ' ',
      p.signedBy.includes(d.t.party) ? null : h('button', { onclick: run(form, box, d.refresh, () => send('POST', `${url}/sign`)) }, 'Sign text')), box);
  }

  return parts;
}

function objections(d, latest) {
  return table(['issue', 'text', 'objections', 'objectors (named with consent)'], issuesOf(d.t, latest.package).map(i => {
    const n = latest.objections?.[i] ?? 0;
    return [i, option(d.t, i, latest.package[i]), h('span', { 'data-testid': `objections-${i}` }, chip(String(n), n ? 'failed' : 'done')), (latest.objectors?.[i] ?? []).join(', ') || '—'];
  }));
}

function markForm(d, x, latest) {
  const form = `marks-${x.stage}-${latest.round}`;
  const box = errorBox(form);
  const own = latest.own ?? {};
  const selects = issuesOf(d.t, latest.package).map(i => bind(`${form}.${i}`, h('select', { name: i, 'aria-label': `mark ${i}` },
    h('option', { value: '' }, '—'), MARKS.map(([v, label]) => h('option', { value: v }, label))), own[i] ?? ''));
  const rows = issuesOf(d.t, latest.package).map((i, k) => [i, option(d.t, i, latest.package[i]), selects[k]]);
  const el = h('form', { 'data-testid': `marks-${x.stage}` }, table(['issue', 'text', 'your mark'], rows),
    h('div', { class: 'inline' }, h('button', { type: 'submit' }, latest.own ? 'Change marks' : 'Send marks'), latest.own ? chip(`you marked round ${latest.round}`, 'done') : null));
  el.addEventListener('submit', run(form, box, d.refresh, () =>
    send('POST', `${d.base}/single-text/${enc(x.stage)}/marks`, { round: latest.round, marks: Object.fromEntries(selects.map(s => [s.name, read(s) || null])) })));
  return [el, box];
}

function earlier(d, x) {
  const old = x.rounds.slice(0, -1).reverse();
  if (old.length === 0) return null;
  return h('details', {}, h('summary', {}, `Earlier rounds (${old.length})`), h('ul', { class: 'plain' }, old.map(r => h('li', {},
    h('strong', {}, `Round ${r.round}: `), packageText(d.t, r.package), r.note ? ` — “${r.note}”` : '',
    r.objections ? h('span', { class: 'muted' }, ` · objections ${issuesOf(d.t, r.package).map(i => `${i} ${r.objections[i] ?? 0}`).join(', ')}; ${r.marked} of ${r.participants} marked`) : '',
    r.own ? h('span', { class: 'muted' }, ` · your marks ${issuesOf(d.t, r.package).map(i => `${i} ${r.own[i]}`).join(', ')}`) : ''))));
}

function singleText(d, x) {
  const latest = x.rounds[x.rounds.length - 1];
  const stage = d.t.stages.find(s => s.id === x.stage);
  const mediator = d.t.role === 'mediator';
  const body = [
    h('p', {}, h('strong', { 'data-testid': `text-round-${x.stage}` }, `Round ${latest.round}`), latest.note ? ` — “${latest.note}”` : '',
      mediator ? h('span', { class: 'muted', 'data-testid': `marked-${x.stage}` }, ` · ${latest.marked} of ${latest.participants} participants marked`) : null),
  ];
  if (mediator) {
    body.push(objections(d, latest));
    if (!x.submittedAs) {
      const form = `submit-${x.stage}`;
      const box = errorBox(form);
      body.push(tableForm(d, x.stage, latest), h('div', { class: 'inline' },
        h('button', { 'data-testid': `send-${x.stage}`, onclick: run(form, box, d.refresh, () => send('POST', `${d.base}/single-text/${enc(x.stage)}/submit`)) }, 'Send to signature')), box);
    }
  } else if (!x.submittedAs) {
    body.push(markForm(d, x, latest));
  } else {
    body.push(table(['issue', 'text'], issuesOf(d.t, latest.package).map(i => [i, option(d.t, i, latest.package[i])])));
  }

  if (x.submittedAs) body.push(signature(d, x, stage));
  body.push(earlier(d, x));
  return card(`Single negotiating text — ${x.stage}${stage ? ' ' + stage.name : ''}`, `single-text-${x.stage}`,
    h('p', { class: 'muted' }, mediator ? 'You see per issue only how many participants need a change.' : 'Your marks are private: the mediator sees only how many participants object per issue.'), body);
}

function singleTexts(d) {
  const cards = d.desk.texts.map(x => singleText(d, x));
  if (d.t.role === 'mediator') cards.push(card('Table a single text', 'single-text-new', tableForm(d, null, null)));
  else if (cards.length === 0) cards.push(card('Single negotiating text', 'single-text-none', h('p', { class: 'muted' }, 'No single text has been tabled in a stage of yours.')));
  return cards;
}

/** The desk's cards for a party or the mediator (nothing for anyone else). */
export async function deskCards(t, refresh) {
  if (t.role !== 'party' && t.role !== 'mediator') return [];
  let desk;
  try {
    desk = await get(`/api/talks/${enc(t.id)}/blind`);
  } catch (e) {
    return [card("The mediator's desk", 'desk', h('p', { class: 'muted' }, `Desk unavailable: ${e.message}`))];
  }

  const d = { t, desk, refresh, base: `/api/talks/${enc(t.id)}` };
  const mediator = t.role === 'mediator';
  const canCheck = mediator || t.confidentiality?.blindChecks === 'participants';
  return [h('section', { class: 'desk', 'data-testid': 'desk' },
    h('h2', { class: 'desk-title' }, mediator ? "The mediator's desk" : "The mediator's desk: your share",
      ' ', h('button', { type: 'button', onclick: () => refresh() }, 'Refresh')),
    h('div', { class: 'grid' }, mediator ? consentStatus(d) : consentForm(d), budget(d)),
    canCheck ? checkForm(d) : null,
    checkList(d),
    singleTexts(d),
    bidding(d))];
}
