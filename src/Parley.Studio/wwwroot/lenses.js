// The right pane: the four lenses, each its own request (bargaining first), a spinner while it runs, and the
// previous request aborted when an edit supersedes it. The numbers come from the server's lens run, never the browser.
import { h, table, svgImage, htmlView, fmt } from './dom.js';
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
      c.body.replaceChildren(...(answer.status === 'not-applicable'
        ? [h('p', { class: 'muted', 'data-testid': `lens-${id}-note` }, answer.note ?? 'not applicable to this scenario')]
        : c.lens.render(answer.data ?? {}, { rerun: (more) => run(id, lastTree, more) })),
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

const showPackage = (p) => Array.isArray(p) ? p.join(' ') : (p && typeof p === 'object' ? Object.values(p).join(' ') : String(p ?? ''));
const size = (z) => Array.isArray(z) ? z.length : z;

function bargaining(d) {
  const zone = size(d.zone);
  const out = [
    h('p', { class: 'headline' },
      h('span', { class: 'metric' }, h('b', { 'data-testid': 'pkg-count' }, fmt(d.packages)), ' packages'),
      h('span', { class: 'metric' }, 'zone: ', h('b', { 'data-testid': 'zone-size', class: zone === 0 ? 'bad' : 'ok' }, fmt(zone)), zone === 1 ? ' package' : ' packages')),
  ];
  if (d.nash) {
    out.push(h('p', { 'data-testid': 'nash' }, 'Nash package: ', h('code', {}, showPackage(d.nash.package)), ' — ',
      Object.entries(d.nash.utilities ?? {}).map(([p, u]) => `${p} ${fmt(u)}`).join(', ')));
  } else if (zone === 0) {
    out.push(h('p', { class: 'muted' }, 'No package meets every red line and reservation value.'));
  }
  if (d.blocking?.length) {
    out.push(h('div', { 'data-testid': 'blocking' }, h('h3', {}, 'Red lines that close the zone'),
      table(['red line', 'party', 'rule', 'zone without it'], d.blocking.map(b => [h('b', {}, b.id), b.party, h('code', {}, b.rule), fmt(b.zoneWithout)]))));
  }
  if (d.minimalConflicts?.length) {
    out.push(h('p', { 'data-testid': 'minimal-conflicts' }, 'Smallest sets of red lines in conflict: ', d.minimalConflicts.map(s => `{${s.join(', ')}}`).join(' ')));
  }
  out.push(svgImage(d.frontierSvg, 'Pareto frontier', 'frontier'));
  return out;
}

function stability(d) {
  const rows = Object.entries(d.equilibria ?? {}).map(([concept, states]) => [concept, states.length ? states.join(', ') : '—']);
  const out = [h('p', {}, `${fmt(d.states?.length ?? d.states)} feasible states`),
    table(['concept', 'equilibria'], rows, { 'data-testid': 'equilibria' })];
  if (d.statusQuo) {
    const path = Array.isArray(d.statusQuo.path) ? d.statusQuo.path.join(' → ') : d.statusQuo.path;
    out.push(h('p', { 'data-testid': 'status-quo' }, `Status quo ${d.statusQuo.from ?? ''} → ${d.statusQuo.to ?? ''}`, path ? ` (${path})` : ''));
  }
  out.push(svgImage(d.graphSvg, 'status-quo graph', 'status-quo-graph'));
  return out;
}

function outlook(d, { rerun }) {
  const last = (s) => s.byDate?.at(-1);
  const rows = (d.stages ?? []).map(s => {
    const p = last(s);
    return [s.id, p ? p.date : '', p ? `${fmt(100 * p.p)}%` : '', p ? `${fmt(100 * p.low)}–${fmt(100 * p.high)}%` : ''];
  });
  return [
    h('p', {}, h('span', { 'data-testid': 'outlook-runs' }, `${fmt(d.runs)} runs`), `, seed ${d.seed ?? 1}. `,
      d.runs < FULL_RUNS ? h('button', { type: 'button', 'data-testid': 'full-run', onclick: () => rerun({ runs: FULL_RUNS }) }, `Full run (${fmt(FULL_RUNS)})`) : ''),
    h('div', { 'data-testid': 'outlook' }, svgImage(d.curveSvg, 'P(stage by date)', 'outlook-curve') ?? h('span', { class: 'muted' }, 'no curve')),
    rows.length ? table(['stage', 'by', 'P', '95% interval'], rows) : '',
  ];
}

function forecast(d) {
  return [table(['dimension', 'start', 'end', 'shift'], (d.dimensions ?? []).map(x => [x.id, fmt(x.start), fmt(x.end), fmt(x.shift)]), { 'data-testid': 'forecast' })];
}
