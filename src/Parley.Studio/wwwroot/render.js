// One generic renderer: a schema node (schema.js) + the tree's value at a JSON pointer → a form. Every control carries
// data-field (its pointer) and sits in a wrapper with data-path, where the loader's errors for that node are shown.
import { h } from './dom.js';
import { join, get } from './tree.js';
import { widgets } from './widgets.js';

export function field(path, label, help, ...controls) {
  return h('div', { class: 'field', 'data-path': path },
    h('label', { class: 'key' }, label, help ? h('span', { class: 'help' }, help) : null),
    h('div', { class: 'control' }, ...controls),
    h('div', { class: 'field-error' }));
}

// A text input bound to the tree. An emptied optional field is removed from its mapping; in a list it stays as "".
export function textInput(ctx, path, value, { inList = false, placeholder, cls = 'text', area = false } = {}) {
  const attrs = { class: cls, 'data-field': path, value: scalar(value), placeholder, spellcheck: 'false',
    oninput: (e) => ctx.set(path, e.target.value === '' && !inList ? undefined : e.target.value) };
  return area ? h('textarea', { ...attrs, rows: 3 }) : h('input', { type: 'text', ...attrs });
}

export function select(ctx, path, value, choices, { blank = '(default)', inList = false, rerender = false } = {}) {
  const current = scalar(value);
  const all = current && !choices.includes(current) ? [...choices, current] : choices;
  return h('select', { 'data-field': path, onchange: (e) => ctx.set(path, e.target.value === '' && !inList ? undefined : e.target.value, { rerender }) },
    blank === null ? null : h('option', { value: '' }, blank),
    all.map(c => h('option', { value: c, selected: c === current }, c)));
}

// A set of ids picked from a kind of reference, kept in the candidates' order.
export function refsInput(ctx, path, value, kind, { inList = false } = {}) {
  const chosen = Array.isArray(value) ? value : (typeof value === 'string' ? [value] : []);
  const candidates = ctx.refs(kind);
  const extra = chosen.filter(x => !candidates.includes(x));
  return h('span', { class: 'refs', 'data-field': path },
    [...candidates, ...extra].map(id => h('label', { class: 'ref' },
      h('input', {
        type: 'checkbox', value: id, checked: chosen.includes(id), onchange: (e) => {
          const now = new Set(Array.isArray(get(ctx.tree, path)) ? get(ctx.tree, path) : chosen);
          if (e.target.checked) now.add(id); else now.delete(id);
          const list = [...candidates, ...extra].filter(x => now.has(x));
          ctx.set(path, list.length || inList ? list : undefined);
        },
      }), id)),
    candidates.length === 0 ? h('span', { class: 'muted' }, `no ${kind} yet`) : null);
}

const scalar = (v) => v === undefined || v === null ? '' : (typeof v === 'object' ? JSON.stringify(v) : String(v));

export function renderNode(ctx, schema, value, path, label, opts = {}) {
  if (schema.widget && widgets[schema.widget]) return widgets[schema.widget](ctx, schema, value, path, opts);
  switch (schema.type) {
    case 'object': return renderObject(ctx, schema, value, path, label);
    case 'list': return field(path, label, schema.help, renderList(ctx, schema, value, path, label));
    case 'map': return field(path, label, schema.help, renderMap(ctx, schema, value, path));
    default: return field(path, label, schema.help, renderScalar(ctx, schema, value, path, opts));
  }
}

export function renderScalar(ctx, schema, value, path, { inList = false } = {}) {
  if (value !== undefined && value !== null && typeof value === 'object' && !['refs', 'strings'].includes(schema.type)) {
    return h('span', { class: 'muted', 'data-field': path }, `${JSON.stringify(value)} — edit this form in the YAML tab`);
  }
  switch (schema.type) {
    case 'longtext': return textInput(ctx, path, value, { inList, area: true, cls: 'long' });
    case 'bool': return select(ctx, path, value, ['true', 'false'], { inList });
    case 'enum': return select(ctx, path, value, schema.values, { inList });
    case 'ref': return select(ctx, path, value, ctx.refs(schema.ref), { blank: '(none)', inList });
    case 'refs': return refsInput(ctx, path, value, schema.ref, { inList });
    case 'strings': return renderStrings(ctx, path, value);
    case 'condition': return widgets.condition(ctx, schema, value, path, { inList });
    case 'number': case 'int': return textInput(ctx, path, value, { inList, cls: 'num' });
    case 'date': return textInput(ctx, path, value, { inList, placeholder: 'YYYY-MM-DD', cls: 'date' });
    case 'dist': return textInput(ctx, path, value, { inList, placeholder: 'e.g. 3 or triangular(1, 3, 7)', cls: 'dist' });
    default: return textInput(ctx, path, value, { inList, cls: schema.type === 'id' ? 'id' : 'text' });
  }
}

function renderObject(ctx, schema, value, path, label) {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  if (schema.optional && obj === undefined) {
    return h('section', { class: 'section', 'data-path': path },
      h('h3', {}, label), h('p', { class: 'muted' }, `No ${label} section.`),
      h('button', { type: 'button', 'data-add': path, onclick: () => ctx.set(path, {}, { rerender: true }) }, `Add ${label} section`),
      h('div', { class: 'field-error' }));
  }
  const body = schema.fields.filter(f => !f.when || f.when(obj)).map(f => renderField(ctx, f, obj, path));
  if (path.split('/').length === 2) {
    return h('section', { class: 'section', 'data-path': path }, h('h3', {}, label,
      schema.optional ? h('button', { type: 'button', class: 'small', 'data-remove': path, onclick: () => ctx.set(path, undefined, { rerender: true }) }, 'remove section') : null),
    h('div', { class: 'field-error' }), body);
  }
  return h('fieldset', { class: 'object', 'data-path': path }, label ? h('legend', {}, label) : null, h('div', { class: 'field-error' }), body);
}

export function renderField(ctx, f, parent, parentPath) {
  const path = parentPath === null ? `/${f.key}` : join(parentPath, f.key);
  const value = parent?.[f.key];
  if (f.widget && widgets[f.widget]) return widgets[f.widget](ctx, f, value, path, { parent, parentPath });
  return renderNode(ctx, f, value, path, f.key);
}

export function renderList(ctx, schema, value, path, label) {
  const list = Array.isArray(value) ? value : [];
  const items = list.map((item, i) => {
    const itemPath = join(path, i);
    const title = typeof schema.item.label === 'function' ? schema.item.label(item) : `${label} ${i + 1}`;
    const itemCtx = schema.item.short ? shortCtx(ctx, itemPath, schema.item.short) : ctx;
    const shown = schema.item.short && typeof item === 'string' ? { [schema.item.short]: item } : item;
    const body = schema.item.type === 'object' && !schema.item.widget
      ? schema.item.fields.filter(f => !f.when || f.when(shown)).map(f => renderField(itemCtx, f, shown, itemPath))
      : [schema.item.type === 'object' || schema.item.widget ? renderNode(itemCtx, schema.item, shown, itemPath, title) : renderScalar(itemCtx, schema.item, shown, itemPath, { inList: true })];
    const compact = schema.item.type !== 'object';
    return h('div', { class: compact ? 'item compact' : 'item', 'data-path': itemPath },
      compact ? null : h('div', { class: 'item-head' }, h('span', { class: 'item-title' }, title), itemButtons(ctx, path, i, list.length)),
      h('div', { class: 'field-error' }), body, compact ? itemButtons(ctx, path, i, list.length) : null);
  });
  const add = h('button', {
    type: 'button', class: 'add', 'data-add': path,
    onclick: () => ctx.set(path, [...list, schema.newItem ? schema.newItem(list, ctx, path) : ''], { rerender: true }),
  }, `+ ${label === 'issues' ? 'issue' : label.replace(/s$/, '').replace(/_/g, ' ')}`);
  return h('div', { class: 'list' }, items, add);
}

function itemButtons(ctx, path, i, n) {
  const move = (d) => {
    const list = [...get(ctx.tree, path)];
    [list[i], list[i + d]] = [list[i + d], list[i]];
    ctx.set(path, list, { rerender: true });
  };
  return h('span', { class: 'item-buttons' },
    h('button', { type: 'button', class: 'small', title: 'move up', disabled: i === 0, onclick: () => move(-1) }, '↑'),
    h('button', { type: 'button', class: 'small', title: 'move down', disabled: i === n - 1, onclick: () => move(1) }, '↓'),
    h('button', { type: 'button', class: 'small danger', title: 'remove', 'data-remove': join(path, i), onclick: () => ctx.set(join(path, i), undefined, { rerender: true }) }, '✕'));
}

// The same context with another way of writing (e.g. one cell of a pair).
export const withSet = (ctx, set) => Object.assign(Object.create(ctx), { set });

// An item written as a bare id (`- T3`) becomes a mapping the first time another of its keys is edited.
function shortCtx(ctx, itemPath, key) {
  return Object.assign(Object.create(ctx), {
    set(p, v, o) {
      const item = get(ctx.tree, itemPath);
      if (typeof item === 'string' && p !== itemPath) {
        if (p === join(itemPath, key)) return ctx.set(itemPath, v ?? '', o);
        ctx.tree && ctx.setQuiet(itemPath, { [key]: item });
      }
      return ctx.set(p, v, o);
    },
  });
}

export function renderMap(ctx, schema, value, path) {
  const map = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  const candidates = ctx.refs(schema.keys).filter(k => !(k in map));
  const entries = Object.entries(map).map(([k, v]) => {
    const p = join(path, k);
    const remove = h('button', { type: 'button', class: 'small danger', 'data-remove': p, onclick: () => ctx.set(p, undefined, { rerender: true }) }, '✕');
    if (schema.value.type !== 'object') {
      return h('div', { class: 'entry compact', 'data-path': p }, h('span', { class: 'entry-key' }, k), renderScalar(ctx, schema.value, v, p, { inList: true }), remove, h('div', { class: 'field-error' }));
    }
    const body = renderNode(ctx, schema.value, v, p, null, { key: k });
    return schema.open
      ? h('details', { class: 'entry', open: true, 'data-path': p }, h('summary', {}, k, remove), h('div', { class: 'field-error' }), body)
      : h('div', { class: 'entry', 'data-path': p }, h('div', { class: 'item-head' }, h('span', { class: 'item-title' }, k), remove), h('div', { class: 'field-error' }), body);
  });
  const picker = h('select', { 'data-add-key': path }, candidates.map(c => h('option', { value: c }, c)));
  const add = candidates.length ? h('span', { class: 'add-key' }, picker,
    h('button', { type: 'button', class: 'add', 'data-add': path, onclick: () => ctx.set(join(path, picker.value), schema.value.type === 'object' ? {} : '', { rerender: true }) }, '+ add')) : null;
  return h('div', { class: 'map' }, entries, add);
}

function renderStrings(ctx, path, value) {
  if (typeof value === 'string') ctx.setQuiet(path, [value]);
  const list = Array.isArray(value) ? value : (typeof value === 'string' && value !== '' ? [value] : []);
  return h('span', { class: 'strings' },
    list.map((s, i) => h('span', { class: 'string' }, textInput(ctx, join(path, i), s, { inList: true }),
      h('button', {
        type: 'button', class: 'small danger', 'data-remove': join(path, i),
        onclick: () => { const next = list.filter((_, j) => j !== i); ctx.set(path, next.length ? next : undefined, { rerender: true }); },
      }, '✕'))),
    h('button', { type: 'button', class: 'small', 'data-add': path, onclick: () => ctx.set(path, [...list, ''], { rerender: true }) }, '+'));
}
