// The Versions tab: the saved versions of the scenario and what changed between two of them (or the file and the
// tree being edited), in the scenario and in the findings — the JSON of `parley diff --format json`, shown as tables.
import { h, table } from './dom.js';
import * as api from './api.js';

export function versionsTab(state) {
  const out = h('div', { class: 'diff', 'data-testid': 'diff' });
  const list = h('div', {}, h('p', { class: 'muted' }, 'Loading versions…'));
  const pickOld = h('select', { 'data-testid': 'diff-old' });
  const pickNew = h('select', { 'data-testid': 'diff-new' });
  const fill = (versions) => {
    state.versions = versions;
    const choices = [['file', 'the file as loaded'], ...versions.map(v => [v.id, `${v.id} — ${v.title ?? ''}`])];
    pickOld.replaceChildren(...choices.map(([v, t]) => h('option', { value: v }, t)));
    pickNew.replaceChildren(h('option', { value: 'current' }, 'the scenario being edited'), ...choices.slice(1).map(([v, t]) => h('option', { value: v }, t)));
    list.replaceChildren(versions.length
      ? table(['version', 'saved', 'title', ''], versions.map(v => [v.id, v.savedAt ?? '', v.title ?? '',
        h('button', { type: 'button', class: 'small', onclick: () => { pickOld.value = v.id; pickNew.value = 'current'; compare(); } }, 'compare with current')]), { 'data-testid': 'versions' })
      : h('p', { class: 'muted', 'data-testid': 'versions' }, state.file ? 'No saved versions yet: Save keeps each version in the versions folder.' : 'Save the scenario to start its history.'));
  };
  const compare = async () => {
    out.replaceChildren(h('span', { class: 'spinner' }), ' comparing…');
    try {
      const body = { old: pickOld.value, new: pickNew.value };
      if (pickNew.value === 'current') body.tree = state.tree;
      out.replaceChildren(view(await api.diff(body)));
    } catch (e) {
      out.replaceChildren(h('p', { class: 'muted' }, e.status === 404 ? 'This server has no diff yet.' : `Diff unavailable: ${e.message}`));
    }
  };
  api.versions().then(fill, () => fill(state.versions ?? []));
  return h('div', {},
    h('h3', {}, 'Saved versions'), list,
    h('h3', {}, 'What changed'),
    h('p', { class: 'inline' }, 'from ', pickOld, ' to ', pickNew, ' ', h('button', { type: 'button', 'data-testid': 'diff-run', onclick: compare }, 'Compare')),
    out);
}

// The diff (parley diff --format json): what changed in the scenario, then the findings that moved (with the change that
// moved each most), then those that did not.
function view(d) {
  const changes = d.changes ?? [];
  const findings = d.findings ?? [];
  const moved = findings.filter(f => f.moved);
  const still = findings.filter(f => !f.moved);
  const pct = (x) => `${(100 * x).toFixed(1)}%`;
  const range = (i) => i ? ` [${pct(i.low)}, ${pct(i.high)}]` : '';
  const cause = (f) => f.movedMostBy ? `#${f.movedMostBy.change} ${f.movedMostBy.path}` : (f.note ?? '—');
  return h('div', {},
    h('p', { class: 'muted' }, `${d.old} → ${d.new}; ${d.runs} runs, seed ${d.seed}${d.by ? `, by ${d.by}` : ''}. ${d.illustrative ?? ''}`),
    h('h4', {}, `What changed (${changes.length})`),
    changes.length
      ? table(['#', 'change', 'path', 'before', 'after', 'alone'], changes.map(c => [String(c.index), `${c.kind} ${c.element}`, h('code', {}, c.path), c.before ?? '', c.after ?? '', c.notAlone ? h('span', { title: c.notAlone, class: 'muted' }, 'no (why: hover)') : 'yes']), { 'data-testid': 'diff-changes' })
      : h('p', { class: 'muted', 'data-testid': 'diff-changes' }, 'Nothing: the two versions are the same scenario.'),
    h('h4', {}, `Findings that moved (${moved.length})`),
    moved.length
      ? table(['lens', 'finding', 'before', 'after', 'moved most by'], moved.map(f => [f.lens, f.name, f.before + range(f.beforeInterval), f.after + range(f.afterInterval), cause(f)]), { 'data-testid': 'diff-findings' })
      : h('p', { class: 'muted', 'data-testid': 'diff-findings' }, 'No finding moved.'),
    still.length ? h('details', {}, h('summary', {}, `Findings that did not move (${still.length})`),
      table(['lens', 'finding', 'value'], still.map(f => [f.lens, f.name, f.before + range(f.beforeInterval)]))) : '');
}
