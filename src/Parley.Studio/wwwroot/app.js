// The workbench: holds the editing state (the tree + red lines switched off), renders the active tab from the schema,
// checks every edit with the server's loader (debounced) and shows its errors at the fields, runs the lenses, keeps
// undo/redo, saves and downloads the briefing.
import { h } from './dom.js';
import { set, get, parse, esc, idsOf } from './tree.js';
import { TABS, tabOf } from './schema.js';
import { renderField } from './render.js';
import { History } from './history.js';
import { createLenses } from './lenses.js';
import { versionsTab } from './versions.js';
import * as api from './api.js';

const $ = (id) => document.getElementById(id);
const form = $('form');
const status = $('status');
const state = { editedAt: null, tree: null, off: {}, check: null, file: null, comments: 0, versions: [], yaml: '', tab: 'situation' };
const lenses = createLenses($('lenses'));
let history = null;
let timer = null;
let checkController = null;

const snapshot = () => ({ tree: state.tree, off: state.off });
const KINDS = ['parties', 'issues', 'stages', 'dimensions', 'conflictOptions', 'redLines'];
const signature = () => JSON.stringify(KINDS.map(refs));

// Where the ids a form offers come from: the tree being edited.
function refs(kind) {
  const t = state.tree;
  switch (kind) {
    case 'parties': return idsOf(t.parties);
    case 'issues': return idsOf(t.issues);
    case 'stages': return idsOf(t.process?.stages);
    case 'dimensions': return idsOf(t.forecast?.dimensions);
    case 'conflictOptions': return (Array.isArray(t.conflict?.decision_makers) ? t.conflict.decision_makers : []).flatMap(dm => idsOf(dm?.options));
    case 'redLines': return Object.values(t.preferences ?? {}).flatMap(p => idsOf(p?.red_lines));
    default: return [];
  }
}

const OVERRIDES = '/simulation/uncertainty/red_lines/overrides';

const ctx = {
  get tree() { return state.tree; },
  get ids() { return state.check?.ids; },
  refs,
  parked: (party) => state.off[party] ?? [],
  setQuiet: (ptr, value) => set(state.tree, ptr, value),
  set(ptr, value, { rerender = false } = {}) {
    state.editedAt = performance.now();
    set(state.tree, ptr, value);
    if (value === undefined) prune(ptr);
    history.record(snapshot(), ptr);
    if (rerender) render();
    schedule();
  },
  // A red line switched off leaves the tree (so every lens ignores it) but stays listed, to be switched back on.
  toggleRedLine(party, id, on) {
    const path = `/preferences/${party}/red_lines`;
    const list = Array.isArray(get(state.tree, path)) ? get(state.tree, path) : [];
    const parked = state.off[party] ?? [];
    if (on) {
      const at = parked.findIndex(x => x.item.id === id);
      if (at < 0) return;
      const [{ index, item, override }] = parked.splice(at, 1);
      set(state.tree, path, [...list.slice(0, index), item, ...list.slice(index)]);
      if (override !== undefined) set(state.tree, `${OVERRIDES}/${esc(id)}`, override);
    } else {
      const index = list.findIndex(x => x?.id === id);
      if (index < 0) return;
      // Its softening override in simulation: names it too, so it leaves with it (or the loader would refuse the tree).
      const override = get(state.tree, `${OVERRIDES}/${esc(id)}`);
      parked.push({ index, item: list[index], override });
      set(state.tree, path, list.filter((_, i) => i !== index));
      if (override !== undefined) { set(state.tree, `${OVERRIDES}/${esc(id)}`, undefined); prune(`${OVERRIDES}/${esc(id)}`); }
    }
    state.editedAt = performance.now();
    state.off = { ...state.off, [party]: parked };
    if (parked.length === 0) delete state.off[party];
    history.record(snapshot(), null);
    render();
    schedule(0);
  },
};

// A mapping emptied by removing its last key goes too (below the top level), so no `weights: {}` is left behind.
function prune(ptr) {
  const keys = parse(ptr);
  while (keys.length > 2) {
    keys.pop();
    const p = '/' + keys.map(esc).join('/');
    const node = get(state.tree, p);
    if (node && typeof node === 'object' && !Array.isArray(node) && Object.keys(node).length === 0) set(state.tree, p, undefined);
    else break;
  }
}

function schedule(ms = 300) {
  clearTimeout(timer);
  timer = setTimeout(refresh, ms);
}

async function refresh() {
  checkController?.abort();
  const controller = new AbortController();
  checkController = controller;
  status.textContent = 'checking…';
  try {
    const check = await api.check(state.tree, controller.signal);
    if (controller !== checkController) return;
    state.check = check;
    // Ids renamed or added since the form was drawn: redraw it, so every picker offers the ids as they are now.
    if (signature() !== state.signature && TABS.some(t => t.id === state.tab)) render(); else showDiagnostics();
    const errors = check.diagnostics.filter(d => d.severity === 'error').length;
    status.textContent = check.valid ? 'valid' : `${errors} error${errors === 1 ? '' : 's'}`;
    status.className = check.valid ? 'ok' : 'bad';
    if (check.valid) lenses.refresh(state.tree, state.editedAt); else lenses.invalid();
  } catch (e) {
    if (e.name !== 'AbortError') status.textContent = `check failed: ${e.message}`;
  }
}

function tabs() {
  const all = [...TABS.map(t => [t.id, t.label]), ['yaml', 'YAML'], ['versions', 'Versions']];
  const counts = {};
  for (const d of state.check?.diagnostics ?? []) if (d.severity === 'error') counts[tabOf(d.path ?? '')] = (counts[tabOf(d.path ?? '')] ?? 0) + 1;
  $('tabs').replaceChildren(...all.map(([id, label]) => h('button', {
    type: 'button', class: id === state.tab ? 'tab active' : 'tab', 'data-tab': id, onclick: () => { state.tab = id; render(); },
  }, label, counts[id] ? h('span', { class: 'badge' }, counts[id]) : null)));
}

function render() {
  const active = document.activeElement;
  const focused = form.contains(active) ? active.dataset.field : null;
  const selection = focused && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : null;
  const scroll = form.scrollTop;
  const tab = TABS.find(t => t.id === state.tab);
  if (tab) form.replaceChildren(...tab.fields.map(f => renderField(ctx, f, state.tree, null)));
  else if (state.tab === 'yaml') form.replaceChildren(yamlTab());
  else form.replaceChildren(versionsTab(state));
  form.scrollTop = scroll;
  state.signature = signature();
  if (focused) {
    const el = [...form.querySelectorAll('[data-field]')].find(e => e.dataset.field === focused && e.matches('input, textarea, select'));
    el?.focus();
    if (el && selection) try { el.setSelectionRange(...selection); } catch { /* not a text control */ }
  }
  showDiagnostics();
}

// Each diagnostic at the node its pointer names (or the nearest shown ancestor), with the FILE:L:C it has in the YAML.
function showDiagnostics() {
  tabs();
  const diagnostics = state.check?.diagnostics ?? [];
  form.querySelectorAll('.field-error').forEach(e => e.replaceChildren());
  form.querySelectorAll('.has-error').forEach(e => e.classList.remove('has-error'));
  const byPath = new Map();
  form.querySelectorAll('[data-path]').forEach(e => { if (!byPath.has(e.dataset.path)) byPath.set(e.dataset.path, e); });
  for (const d of diagnostics) {
    let p = d.path ?? '';
    while (p && !byPath.has(p)) p = p.slice(0, p.lastIndexOf('/'));
    const el = byPath.get(p);
    if (!el) continue;
    const box = el.querySelector(':scope > .field-error') ?? el.appendChild(h('div', { class: 'field-error' }));
    box.append(h('div', { class: `diag ${d.severity}`, 'data-testid': 'field-error' }, h('code', {}, d.location), ` ${d.severity}: ${d.message}`));
    el.classList.add('has-error');
  }
  $('diagnostics').replaceChildren(...diagnostics.map(d => h('li', { class: d.severity },
    h('button', { type: 'button', class: 'link', onclick: () => reveal(d.path ?? '') }, d.location), ` ${d.message}`)));
}

function reveal(path) {
  const tab = tabOf(path);
  if (state.tab !== tab) { state.tab = tab; render(); }
  let p = path;
  let el = null;
  while (!el) {
    el = [...form.querySelectorAll('[data-field], [data-path]')].find(e => (e.dataset.field ?? e.dataset.path) === p) ?? null;
    if (!p) break;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  el?.scrollIntoView({ block: 'center' });
  if (el?.matches('input, textarea, select')) el.focus();
}

function yamlTab() {
  const text = h('textarea', { class: 'yaml', 'data-testid': 'yaml-text', spellcheck: 'false', value: state.check?.yaml ?? state.yaml ?? '' });
  const errors = h('ul', { class: 'diagnostics', 'data-testid': 'yaml-errors' });
  const apply = async () => {
    try {
      const r = await api.fromYaml(text.value);
      if (r.tree) {
        state.tree = r.tree;
        state.off = {};
        history.record(snapshot(), null);
      }
      state.check = r.check;
      errors.replaceChildren(...r.check.diagnostics.map(d => h('li', { class: d.severity }, h('code', {}, d.location), ` ${d.message}`)));
      tabs();
      if (r.check.valid) lenses.refresh(state.tree); else lenses.invalid();
    } catch (e) {
      const ds = e.body?.diagnostics ?? e.body?.check?.diagnostics;
      errors.replaceChildren(...(ds ? ds.map(d => h('li', { class: d.severity }, h('code', {}, d.location), ` ${d.message}`)) : [h('li', { class: 'error' }, e.message)]));
    }
  };
  return h('div', {},
    h('p', { class: 'muted' }, 'The YAML the forms write (comments are not kept). Edit it and apply: the forms then show what you wrote.'),
    text, h('p', {}, h('button', { type: 'button', 'data-testid': 'yaml-apply', onclick: apply }, 'Apply YAML')), errors);
}

function undo(snap) {
  if (!snap) return;
  state.editedAt = performance.now();
  state.tree = snap.tree;
  state.off = snap.off ?? {};
  render();
  schedule(0);
}

function updateButtons() {
  $('undo').disabled = !history.canUndo;
  $('redo').disabled = !history.canRedo;
}

async function save() {
  const dialog = $('save-dialog');
  const path = $('save-path');
  path.value = state.file ?? `${state.tree.id || 'scenario'}.yaml`;
  const parked = Object.values(state.off).reduce((a, l) => a + l.length, 0);
  $('save-comments').textContent = [
    state.comments > 0 ? `Saving drops ${state.comments} comment${state.comments === 1 ? '' : 's'} of ${state.file ?? 'the file'}: the YAML writer cannot keep comments inside the document (its header comment block is kept).` : 'No comments will be lost.',
    parked ? `${parked} red line${parked === 1 ? '' : 's'} switched off ${parked === 1 ? 'is' : 'are'} not saved.` : '',
    state.check && !state.check.valid ? 'The scenario has errors: the server refuses to save it until they are fixed.' : '',
  ].filter(Boolean).join(' ');
  $('save-error').textContent = '';
  dialog.showModal();
}

async function confirmSave() {
  try {
    const r = await api.save(state.tree, $('save-path').value.trim() || undefined);
    state.file = r.path;
    state.comments = 0;
    state.versions = [...state.versions, r.version];
    $('file').textContent = r.path;
    $('save-dialog').close();
    status.textContent = `saved ${r.path} (version ${r.version?.id ?? ''})`;
    status.className = 'ok';
    $('save-status').textContent = `Saved ${r.path}`;
    if (state.tab === 'versions') render();
  } catch (e) {
    $('save-error').textContent = e.body?.diagnostics ? `Not saved: ${e.body.diagnostics.filter(d => d.severity === 'error').map(d => `${d.location}: ${d.message}`).join('; ')}` : `Not saved: ${e.message}`;
  }
}

async function downloadBriefing() {
  status.textContent = 'computing the briefing…';
  try {
    const blob = await api.briefing(state.tree);
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `briefing-${state.tree.id || 'scenario'}.html` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = 'briefing downloaded';
  } catch (e) {
    status.textContent = `briefing unavailable: ${e.message}`;
  }
}

$('undo').addEventListener('click', () => undo(history.undo()));
$('redo').addEventListener('click', () => undo(history.redo()));
$('save').addEventListener('click', save);
$('save-confirm').addEventListener('click', confirmSave);
$('save-cancel').addEventListener('click', () => $('save-dialog').close());
$('briefing').addEventListener('click', downloadBriefing);
window.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.target?.dataset?.testid === 'yaml-text') return;
  const key = e.key.toLowerCase();
  if (key === 'z' || key === 'y') {
    e.preventDefault();
    undo(key === 'y' || e.shiftKey ? history.redo() : history.undo());
  }
});

(async () => {
  try {
    const doc = await api.documentGet();
    Object.assign(state, { tree: doc.tree, file: doc.file, comments: doc.comments ?? 0, versions: doc.versions ?? [], yaml: doc.yaml ?? '' });
    $('file').textContent = doc.file ?? 'new scenario (not saved yet)';
    history = new History(snapshot(), updateButtons);
    updateButtons();
    render();
    await refresh();
  } catch (e) {
    status.textContent = `could not load the scenario: ${e.message}`;
  }
})();
