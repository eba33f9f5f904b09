// Specialised editors the generic renderer hands a node to (schema `widget`): sliders for weights and reservation values,
// score editors per issue form, red lines with on/off toggles, the condition editor with completion, conflict forms.
import { h } from './dom.js';
import { join, get, parse, idsOf, issueOptions } from './tree.js';
import { field, textInput, select, refsInput, renderList, withSet } from './render.js';

const partyOf = (path) => parse(path)[1];
const scaleOf = (tree) => {
  const s = Array.isArray(tree.scale) ? tree.scale.map(Number) : [];
  return [Number.isFinite(s[0]) ? s[0] : 0, Number.isFinite(s[1]) ? s[1] : 100];
};

// A slider and a text box on one number: dragging writes the tree (and so re-runs the lenses ~300 ms later).
function slider(ctx, path, value, min, max, step, testid) {
  const text = h('input', { type: 'text', class: 'num', 'data-field': path, value: value ?? '' });
  const range = h('input', { type: 'range', min, max, step, value: Number.isFinite(Number(value)) && value !== '' && value !== undefined ? Number(value) : min, 'data-slider': path, 'data-testid': testid });
  range.addEventListener('input', () => { text.value = range.value; ctx.set(path, range.value); });
  text.addEventListener('input', () => { if (text.value !== '' && Number.isFinite(Number(text.value))) range.value = text.value; ctx.set(path, text.value === '' ? undefined : text.value); });
  return [range, text];
}

export const widgets = {
  scale(ctx, f, value, path) {
    const s = Array.isArray(value) ? value : ['0', '100'];
    const edit = (i) => textInput(withSet(ctx, (p, v) => { const next = [...(Array.isArray(get(ctx.tree, path)) ? get(ctx.tree, path) : s)]; next[i] = v ?? ''; ctx.set(path, next); }), join(path, i), s[i], { cls: 'num' });
    return field(path, 'scale', 'range of every score and reservation value', edit(0), ' to ', edit(1));
  },

  roles(ctx, f, value, path, { parent, parentPath }) {
    const current = Array.isArray(value) ? value : (parent?.role ? [parent.role] : []);
    return field(path, 'roles', 'default: party', h('span', { class: 'refs', 'data-field': path }, f.values.map(r => h('label', { class: 'ref' },
      h('input', {
        type: 'checkbox', value: r, checked: current.includes(r), onchange: (e) => {
          const now = new Set(current);
          if (e.target.checked) now.add(r); else now.delete(r);
          ctx.setQuiet(join(parentPath, 'role'), undefined);
          const list = f.values.filter(x => now.has(x));
          ctx.set(path, list.length ? list : undefined, { rerender: true });
        },
      }), r))));
  },

  issueKind(ctx, f, value, path, { parent, parentPath }) {
    const numeric = !!parent?.numeric;
    return field(path, 'kind', numeric ? 'options min, min+step, … max' : 'an ordered list of options',
      h('select', {
        'data-field': path, onchange: (e) => {
          if (e.target.value === 'numeric') { ctx.setQuiet(join(parentPath, 'options'), undefined); ctx.set(join(parentPath, 'numeric'), { min: '0', max: '10' }, { rerender: true }); }
          else { ctx.setQuiet(join(parentPath, 'numeric'), undefined); ctx.set(join(parentPath, 'options'), [], { rerender: true }); }
        },
      }, h('option', { value: 'discrete', selected: !numeric }, 'discrete'), h('option', { value: 'numeric', selected: numeric }, 'numeric')));
  },

  weights(ctx, f, value, path) {
    const issues = idsOf(ctx.tree.issues);
    const w = value && typeof value === 'object' ? value : {};
    const total = issues.reduce((a, i) => a + (Number(w[i]) || 0), 0);
    return field(path, 'weights', 'one per issue, ≥ 0; divided by their sum', h('div', { class: 'sliders' }, issues.map(i => {
      const p = join(path, i);
      return h('div', { class: 'slider-row', 'data-path': p }, h('span', { class: 'entry-key' }, i), ...slider(ctx, p, w[i], 0, 100, 1, `weight-${partyOf(path)}-${i}`),
        h('span', { class: 'muted share' }, total > 0 && Number(w[i]) >= 0 ? `${Math.round(100 * Number(w[i]) / total)}%` : ''), h('div', { class: 'field-error' }));
    })));
  },

  reservation(ctx, f, value, path) {
    const [min, max] = scaleOf(ctx.tree);
    return field(path, 'reservation', `BATNA on the scale; default ${min}`, ...slider(ctx, path, value, min, max, (max - min) / 100, `reservation-${partyOf(path)}`));
  },

  scores(ctx, f, value, path) {
    const issues = Array.isArray(ctx.tree.issues) ? ctx.tree.issues.filter(i => i && typeof i === 'object' && i.id) : [];
    const scores = value && typeof value === 'object' ? value : {};
    return field(path, 'scores', 'per issue: a list, a mapping (option → score) or a value function', h('div', { class: 'scores' },
      issues.map(issue => scoreEditor(ctx, issue, scores[issue.id], join(path, issue.id)))));
  },

  redLines(ctx, f, value, path) {
    const party = partyOf(path);
    const list = Array.isArray(value) ? value : [];
    const rows = list.map((line, i) => {
      const p = join(path, i);
      const id = line?.id ?? '';
      return h('div', { class: 'item redline', 'data-path': p },
        h('div', { class: 'item-head' },
          h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: true, 'data-toggle': id, title: 'on: the red line binds; off: the lenses ignore it (not saved)', onchange: () => ctx.toggleRedLine(party, id, false) }), ' binds'),
          h('span', { class: 'item-title' }, `red line ${id}`),
          h('button', { type: 'button', class: 'small danger', 'data-remove': p, onclick: () => ctx.set(p, undefined, { rerender: true }) }, '✕')),
        h('div', { class: 'field-error' }),
        field(join(p, 'id'), 'id', null, textInput(ctx, join(p, 'id'), line?.id)),
        field(join(p, 'rule'), 'rule', 'a condition on issues, e.g. T in [T3, T4]', widgets.condition(ctx, { language: 'issue' }, line?.rule, join(p, 'rule'))),
        field(join(p, 'note'), 'note', null, textInput(ctx, join(p, 'note'), line?.note)));
    });
    const parked = ctx.parked(party).map(({ item }) => h('div', { class: 'item redline off' },
      h('div', { class: 'item-head' },
        h('label', { class: 'toggle' }, h('input', { type: 'checkbox', checked: false, 'data-toggle': item.id, onchange: () => ctx.toggleRedLine(party, item.id, true) }), ' binds'),
        h('span', { class: 'item-title' }, `red line ${item.id} (off)`), h('code', {}, item.rule ?? ''))));
    const add = h('button', { type: 'button', class: 'add', 'data-add': path, onclick: () => ctx.set(path, [...list, { id: `${party}-line${list.length + ctx.parked(party).length + 1}`, rule: '' }], { rerender: true }) }, '+ red line');
    return field(path, 'red_lines', 'a package must satisfy every rule', h('div', { class: 'list' }, rows, parked, add));
  },

  dmPreferences(ctx, f, value, path, { parent, parentPath }) {
    const ranked = parent?.ranking !== undefined && parent?.preferences === undefined;
    const mode = h('select', {
      'data-field': join(parentPath, 'preference-form'), onchange: (e) => {
        if (e.target.value === 'ranking') { ctx.setQuiet(join(parentPath, 'preferences'), undefined); ctx.set(join(parentPath, 'ranking'), [], { rerender: true }); }
        else { ctx.setQuiet(join(parentPath, 'ranking'), undefined); ctx.set(join(parentPath, 'preferences'), [], { rerender: true }); }
      },
    }, h('option', { value: 'statements', selected: !ranked }, 'prioritised statements'), h('option', { value: 'ranking', selected: ranked }, 'ranking of states'));
    if (!ranked) {
      return h('div', {}, field(join(parentPath, 'preference-form'), 'preference form', null, mode),
        field(path, 'preferences', 'statements over options, most important first', renderList(ctx, { item: { type: 'condition', language: 'option' }, newItem: () => '' }, value, path, 'statements')));
    }
    const rp = join(parentPath, 'ranking');
    const tiers = Array.isArray(parent.ranking) ? parent.ranking : [];
    const tierInput = (tier, i) => h('input', {
      type: 'text', class: 'text', 'data-field': join(rp, i), placeholder: 'YN  or  NN, YY (a tie)', value: Array.isArray(tier) ? tier.join(', ') : (tier ?? ''),
      oninput: (e) => { const codes = e.target.value.split(/[\s,]+/).filter(Boolean); ctx.set(join(rp, i), codes.length === 1 ? codes[0] : codes); },
    });
    return h('div', {}, field(join(parentPath, 'preference-form'), 'preference form', null, mode),
      field(rp, 'ranking', 'tiers of state codes (Y/N per option, in declaration order), best first',
        h('div', { class: 'list' }, tiers.map((t, i) => h('div', { class: 'item compact', 'data-path': join(rp, i) }, tierInput(t, i),
          h('button', { type: 'button', class: 'small danger', 'data-remove': join(rp, i), onclick: () => ctx.set(join(rp, i), undefined, { rerender: true }) }, '✕'), h('div', { class: 'field-error' }))),
        h('button', { type: 'button', class: 'add', 'data-add': rp, onclick: () => ctx.set(rp, [...tiers, ''], { rerender: true }) }, '+ tier'))));
  },

  statusQuo(ctx, f, value, path) {
    const form = value === undefined ? 'none' : (typeof value === 'string' ? 'code' : 'options');
    const mode = select(ctx, `${path}#form`, form, ['none', 'options', 'code'], { blank: null });
    mode.onchange = (e) => ctx.set(path, { none: undefined, options: [], code: '' }[e.target.value], { rerender: true });
    return field(path, 'status_quo', 'the options taken now, or a Y/N code', mode,
      form === 'options' ? refsInput(ctx, path, value, 'conflictOptions', { inList: true }) : null,
      form === 'code' ? textInput(ctx, path, value, { inList: true, placeholder: 'e.g. NNNNNNY' }) : null);
  },

  // A condition with completion of ids: issue and option ids from the last check's `ids` (red lines), conflict
  // options from the tree (the conflict section). After `ISSUE ==` or `ISSUE in [` only that issue's options are offered.
  condition(ctx, schema, value, path, { inList = false } = {}) {
    const input = textInput(ctx, path, value, { inList, cls: 'cond', placeholder: schema.language === 'option' ? 'e.g. ru_meet and not us_tri' : 'e.g. T in [T3, T4]' });
    input.setAttribute('autocomplete', 'off');
    const menu = h('ul', { class: 'completion', hidden: true, 'data-testid': 'completion' });
    let choices = [];
    let at = 0;
    const close = () => { menu.hidden = true; choices = []; };
    const accept = (word) => {
      const caret = input.selectionStart ?? input.value.length;
      const before = input.value.slice(0, caret).replace(/[A-Za-z0-9_.+-]*$/, '');
      input.value = before + word + input.value.slice(caret);
      const pos = before.length + word.length;
      input.setSelectionRange(pos, pos);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      close();
    };
    const show = () => {
      const caret = input.selectionStart ?? input.value.length;
      const text = input.value.slice(0, caret);
      const prefix = text.match(/[A-Za-z0-9_.+-]*$/)[0];
      choices = candidates(ctx, schema.language, text.slice(0, text.length - prefix.length)).filter(c => c.toLowerCase().startsWith(prefix.toLowerCase()) && c !== prefix).slice(0, 12);
      at = 0;
      menu.replaceChildren(...choices.map((c, i) => h('li', { class: i === at ? 'active' : '', onmousedown: (e) => { e.preventDefault(); accept(c); } }, c)));
      menu.hidden = choices.length === 0 || prefix === '' && !/(==|!=|=|\[|,)\s*$/.test(text);
    };
    input.addEventListener('input', (e) => { if (e.isTrusted !== false && document.activeElement === input) show(); });
    input.addEventListener('blur', close);
    input.addEventListener('keydown', (e) => {
      if (e.key === ' ' && e.ctrlKey) { e.preventDefault(); show(); menu.hidden = choices.length === 0; return; }
      if (menu.hidden) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        at = (at + (e.key === 'ArrowDown' ? 1 : choices.length - 1)) % choices.length;
        [...menu.children].forEach((li, i) => li.classList.toggle('active', i === at));
      } else if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); accept(choices[at]); }
      else if (e.key === 'Escape') close();
    });
    return h('span', { class: 'cond-wrap' }, input, menu);
  },
};

function candidates(ctx, language, before) {
  if (language === 'option') return ctx.refs('conflictOptions');
  const issues = ctx.ids?.issues ?? (Array.isArray(ctx.tree.issues) ? ctx.tree.issues.map(i => ({ id: i?.id, options: issueOptions(i).map(o => o.id) })) : []);
  const m = before.match(/([A-Za-z0-9_][A-Za-z0-9_.+-]*)\s*(?:==|!=|=|(?:not\s+)?in\s*\[[^\]]*)\s*$/i);
  const issue = m && issues.find(i => i.id === m[1]);
  if (issue) return issue.options;
  return [...issues.map(i => i.id), ...issues.flatMap(i => i.options)];
}

// One issue's scores in the form the file uses: a list (one per option), a mapping (option → score) or, on a numeric
// issue, a value function (breakpoints). Switching the form carries the scores over where it can.
function scoreEditor(ctx, issue, value, path) {
  const options = issueOptions(issue);
  const numeric = !!issue.numeric;
  const form = value === undefined ? 'none' : Array.isArray(value) ? 'list' : (value && typeof value === 'object' && 'function' in value ? 'function' : 'mapping');
  const byOption = () => {
    if (form === 'list') return options.map((_, i) => value[i] ?? '');
    if (form === 'mapping') return options.map(o => value[o.id] ?? (o.value !== undefined ? value[String(o.value)] : undefined) ?? '');
    return options.map(() => '');
  };
  const forms = numeric ? ['none', 'list', 'mapping', 'function'] : ['none', 'list', 'mapping'];
  const pick = h('select', {
    'data-field': `${path}#form`, onchange: (e) => {
      const v = byOption();
      const next = { none: undefined, list: v, mapping: Object.fromEntries(options.map((o, i) => [o.id, v[i]])), function: { function: [[String(options[0]?.value ?? 0), ''], [String(options.at(-1)?.value ?? 1), '']] } }[e.target.value];
      ctx.set(path, next, { rerender: true });
    },
  }, forms.map(x => h('option', { value: x, selected: x === form }, x)));
  let body = null;
  if (form === 'list') {
    body = h('div', { class: 'cells' }, options.map((o, i) => cell(ctx, join(path, i), o.id, value[i])));
  } else if (form === 'mapping') {
    body = h('div', { class: 'cells' }, options.map(o => {
      const key = o.id in value || o.value === undefined || !(String(o.value) in value) ? o.id : String(o.value);
      return cell(ctx, join(path, key), o.id, value[key]);
    }));
  } else if (form === 'function') {
    const fp = join(path, 'function');
    const points = Array.isArray(value.function) ? value.function : [];
    const setPoint = (i, j) => (p, v) => {
      const next = (get(ctx.tree, fp) ?? []).map(x => Array.isArray(x) ? [...x] : ['', '']);
      next[i][j] = v ?? '';
      ctx.set(fp, next);
    };
    body = h('div', { class: 'points', 'data-path': fp }, h('span', { class: 'muted' }, 'breakpoints [x, score]'),
      points.map((pt, i) => h('span', { class: 'point', 'data-path': join(fp, i) },
        textInput(withSet(ctx, setPoint(i, 0)), join(join(fp, i), 0), pt?.[0], { cls: 'num', placeholder: 'x' }),
        textInput(withSet(ctx, setPoint(i, 1)), join(join(fp, i), 1), pt?.[1], { cls: 'num', placeholder: 'score' }),
        h('button', { type: 'button', class: 'small danger', 'data-remove': join(fp, i), onclick: () => ctx.set(fp, points.filter((_, j) => j !== i), { rerender: true }) }, '✕'))),
      h('button', { type: 'button', class: 'small', 'data-add': fp, onclick: () => ctx.set(fp, [...points, ['', '']], { rerender: true }) }, '+ point'),
      h('div', { class: 'field-error' }));
  }
  return h('div', { class: 'score', 'data-path': path }, h('span', { class: 'entry-key' }, issue.id), pick, body, h('div', { class: 'field-error' }));
}

function cell(ctx, path, label, value) {
  return h('label', { class: 'cell', 'data-path': path }, h('span', { class: 'muted' }, label), textInput(ctx, path, value, { inList: true, cls: 'num' }), h('div', { class: 'field-error' }));
}
