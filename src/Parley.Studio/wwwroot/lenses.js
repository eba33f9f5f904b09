// The right pane: the four lenses, each its own request (bargaining first), a spinner while it runs, and the
// previous request aborted when an edit supersedes it. The numbers come from the server's lens run, never the browser.
import { h, table } from './dom.js';
import { svgImage, htmlView, fmt } from './plots.js';
import * as api from './api.js';

const LENSES = [
  { id: 'bargaining', title: 'Agreement zone', render: bargaining },
  { id: 'stability', title: 'Stability', render: stability },
  { id: 'outlook', title: 'Outlook', render: outlook },
  { id: 'forecast', title: 'Forecast', render: forecast },
];

export const FULL_RUNS = 10_000;

export function createLenses(root) {
  const cards = new Map();
  let lastTree = null;
  for (const lens of LENSES) {
    const status = h('span', { class: 'lens-status', 'data-testid': `lens-${lens.id}-status` });
    const body = h('div', { class: 'lens-body', 'data-testid': `lens-${lens.id}` }, h('p', { class: 'muted' }, 'Waiting for the scenario…'));
    const card = h('section', { class: 'card lens' }, h('h2', {}, lens.title, status), body);
    root.append(card);
    cards.set(lens.id, { lens, status, body, controller: null, busy: false });
  }

  async function run(id, tree, extra = {}, since = null) {
    const c = cards.get(id);
    c.controller?.abort();
    const controller = new AbortController();
    c.controller = controller;
    c.status.replaceChildren(h('span', { class: 'spinner', 'aria-label': 'running' }), extra.runs ? ` ${fmt(extra.runs)} runs…` : '');
    c.status.dataset.state = 'running';
    delete c.status.dataset.sinceEdit;
    const started = performance.now();
    try {
      const answer = await api.lens(id, { tree, ...extra }, controller.signal);
      if (controller !== c.controller) return;
      // A lens without its input (no conflict: section, no forecast: …) says why, as the briefing does.
      c.body.replaceChildren(...(answer.status !== 'available'
        ? [h('p', { class: 'muted', 'data-testid': `lens-${id}-note` }, (answer.headlines ?? []).join(' ') || 'not applicable to this scenario')]
        : c.lens.render(answer.data ?? {}, { plots: answer.plots ?? {}, headlines: answer.headlines ?? [], answer, rerun: (more) => run(id, lastTree, more) })),
        answer.html ? h('details', { class: 'briefing-section' }, h('summary', {}, 'as in the briefing'), htmlView(answer.html, `lens-${id}-html`)) : '');
      // The request's own time, and (after an edit) the time from the edit to this answer on screen, debounce included.
      c.status.textContent = ` ${Math.round(performance.now() - started)} ms`;
      if (since !== null) {
        c.status.dataset.sinceEdit = String(Math.round(performance.now() - since));
        c.status.title = `${c.status.dataset.sinceEdit} ms from the edit to this answer`;
      }
      c.status.dataset.state = 'done';
    } catch (e) {
      if (e.name === 'AbortError' || controller !== c.controller) return;
      c.status.textContent = '';
      c.status.dataset.state = 'failed';
      c.body.replaceChildren(h('p', { class: 'muted' }, e.status === 422 ? 'The scenario has errors; fix them to see this lens.' : `Unavailable: ${e.message}`));
    }
  }

  return {
    // Every lens on a valid tree; bargaining is sent first so the zone answers first.
    refresh(tree, since = null) {
      lastTree = tree;
      for (const { lens } of cards.values()) run(lens.id, tree, {}, since);
    },
    invalid() {
      for (const c of cards.values()) {
        c.controller?.abort();
        c.controller = null;
        c.status.textContent = ' (scenario has errors)';
        c.status.dataset.state = 'invalid';
      }
    },
  };
}

const pct = (x) => `${fmt(100 * x)}%`;
const interval = (x) => x ? `${pct(x.p)} [${pct(x.low)}, ${pct(x.high)}]` : '';

// The bargaining lens's JSON is parley bargain --format json's (one shape: Parley.Report's BargainingJson).
function bargaining(d, { plots }) {
  const zone = d.agreementZone;
  const out = [
    h('p', { class: 'headline' },
      h('span', { class: 'metric' }, h('b', { 'data-testid': 'pkg-count' }, fmt(d.outcomes)), ' packages'),
      h('span', { class: 'metric' }, 'zone: ', h('b', { 'data-testid': 'zone-size', class: zone === 0 ? 'bad' : 'ok' }, zone === null || zone === undefined ? 'not counted' : fmt(zone)), zone === 1 ? ' package' : ' packages')),
  ];
  if (d.nash) {
    out.push(h('p', { 'data-testid': 'nash' }, 'Nash package: ', h('code', {}, d.nash.label), ' — ',
      Object.entries(d.nash.utilities ?? {}).map(([p, u]) => `${p} ${fmt(u)}`).join(', ')));
  } else if (zone === 0) {
    out.push(h('p', { class: 'muted' }, 'No package meets every red line and reservation value.'));
  }
  const lines = new Map((d.parties ?? []).flatMap(p => (p.redLines ?? []).map(l => [l.id, { party: p.id, rule: l.rule }])));
  const singles = (d.relaxations ?? []).filter(r => r.drop.length === 1);
  if (singles.length) {
    out.push(h('div', { 'data-testid': 'blocking' }, h('h3', {}, 'Red lines that close the zone'),
      table(['red line', 'party', 'rule', 'zone without it', 'Nash package then'], singles.map(r => {
        const line = lines.get(r.drop[0]) ?? {};
        return [h('b', {}, r.drop[0]), line.party ?? '', h('code', {}, line.rule ?? ''), fmt(r.agreementZone), r.nash?.label ?? '—'];
      }))));
  } else if ((d.relaxations ?? []).length) {
    out.push(h('p', { 'data-testid': 'blocking' }, 'No single red line reopens the zone; the smallest relaxations drop ',
      d.relaxations.map(r => `{${r.drop.join(', ')}}`).join(' or ')));
  }
  if (d.conflicts?.length) {
    out.push(h('p', { 'data-testid': 'minimal-conflicts' }, 'Smallest sets of constraints in conflict: ', d.conflicts.map(s => `{${s.join(', ')}}`).join(' ')));
  }
  out.push(svgImage(plots.frontier, 'Pareto frontier', 'frontier'));
  return out;
}

function stability(d, { plots, headlines }) {
  const rows = Object.entries(d.equilibria ?? {}).map(([concept, states]) => [concept, fmt(states.length), states.length ? states.join(', ') : '—']);
  const out = [h('p', {}, `${fmt(d.states)} feasible states; decision makers ${(d.decisionMakers ?? []).join(', ')}`),
    table(['concept', 'count', 'equilibria'], rows, { 'data-testid': 'equilibria' })];
  const path = headlines.find(x => x.startsWith('from the status quo'));
  if (path) out.push(h('p', { 'data-testid': 'status-quo' }, path[0].toUpperCase() + path.slice(1)));
  out.push(svgImage(plots['state-graph'], 'status-quo graph', 'status-quo-graph'));
  return out;
}

function outlook(d, { plots, answer, rerun }) {
  const rows = (d.stages ?? []).map(s => [s.id, interval(s.opened), interval(s.succeeded)]);
  return [
    h('p', {}, h('span', { 'data-testid': 'outlook-runs' }, `${fmt(d.runs)} runs`), `, seed ${answer.seed ?? 1}. `,
      d.runs < FULL_RUNS ? h('button', { type: 'button', 'data-testid': 'full-run', onclick: () => rerun({ runs: FULL_RUNS }) }, `Full run (${fmt(FULL_RUNS)})`) : ''),
    h('p', { 'data-testid': 'outlook-agreement' }, `P(agreement by ${d.by}) = `, h('b', {}, interval(d.agreement)), d.agreementStage ? ` (stage ${d.agreementStage} succeeds)` : ''),
    h('div', { 'data-testid': 'outlook' }, svgImage(plots['agreement-curve'], d.focus ? `P(agreement) and P(${d.focus} opened) by date` : 'P(agreement by date)', 'outlook-curve') ?? h('span', { class: 'muted' }, 'no curve')),
    rows.length ? table([`stage (by ${d.by})`, 'P(opened) [95%]', 'P(succeeded) [95%]'], rows) : '',
  ];
}

function forecast(d) {
  const dims = d.dimensions ?? [];
  return [table(['dimension', 'compromise (start)', 'forecast outcome', 'shift', 'range across runs'], dims.map((x, i) => [x, fmt(d.compromise?.[i]), fmt(d.outcome?.[i]),
    fmt((d.outcome?.[i] ?? 0) - (d.compromise?.[i] ?? 0)), d.range?.[i] ? `${fmt(d.range[i][0])}–${fmt(d.range[i][1])}` : '']), { 'data-testid': 'forecast' }),
  h('p', { class: 'muted' }, d.converged ? `Converges after ${d.turns} turns.` : `Does not converge after ${d.turns} turns.`)];
}
