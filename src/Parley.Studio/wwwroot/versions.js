// The Versions tab: the saved versions of the scenario and what changed between two of them (or the file and the
// tree being edited), in the scenario and in the findings — the JSON of `parley diff --format json`, shown as nested tables.
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

// Any JSON as readable nested blocks: arrays of flat objects as tables, objects as labelled rows.
function view(x) {
  if (x === null || x === undefined) return h('span', { class: 'muted' }, '—');
  if (typeof x !== 'object') return String(x);
  if (Array.isArray(x)) {
    if (x.length === 0) return h('span', { class: 'muted' }, 'none');
    const flat = x.every(r => r && typeof r === 'object' && !Array.isArray(r) && Object.values(r).every(v => v === null || typeof v !== 'object' || Array.isArray(v) && v.every(e => typeof e !== 'object')));
    if (flat) {
      const keys = [...new Set(x.flatMap(Object.keys))];
      return table(keys, x.map(r => keys.map(k => Array.isArray(r[k]) ? r[k].join(', ') : r[k] ?? '')));
    }
    if (x.every(e => typeof e !== 'object')) return x.join(', ');
    return h('ol', {}, x.map(e => h('li', {}, view(e))));
  }
  return h('dl', { class: 'json' }, Object.entries(x).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, view(v))]));
}
