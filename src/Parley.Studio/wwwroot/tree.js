// The document tree (the YAML as JSON, scalars as their text) addressed by JSON Pointers (RFC 6901).
export const esc = (key) => String(key).replaceAll('~', '~0').replaceAll('/', '~1');
export const join = (path, key) => `${path}/${esc(key)}`;
export const parse = (ptr) => ptr === '' ? [] : ptr.slice(1).split('/').map(s => s.replaceAll('~1', '/').replaceAll('~0', '~'));

export function get(tree, ptr) {
  let node = tree;
  for (const key of parse(ptr)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return node;
}

// Sets the node at ptr, creating missing mappings on the way; undefined removes it (an array item is spliced out).
export function set(tree, ptr, value) {
  const keys = parse(ptr);
  const last = keys.pop();
  let node = tree;
  for (const key of keys) {
    if (node[key] === null || typeof node[key] !== 'object') {
      if (value === undefined) return;
      node[key] = {};
    }
    node = node[key];
  }
  if (value !== undefined) node[last] = value;
  else if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
}

export const clone = (x) => JSON.parse(JSON.stringify(x));

// Ids of a list whose items are either an id or a mapping with an id (parties, issues, options…).
export const idsOf = (list) => Array.isArray(list) ? list.map(x => (x && typeof x === 'object') ? x.id : x).filter(x => typeof x === 'string' && x !== '') : [];

// The options of an issue: a discrete issue's ids, or a numeric issue's expansion (min, min+step, … ≤ max), as the loader does.
export function issueOptions(issue) {
  if (!issue || typeof issue !== 'object') return [];
  if (issue.numeric && typeof issue.numeric === 'object') {
    const min = Number(issue.numeric.min), max = Number(issue.numeric.max);
    const step = issue.numeric.step === undefined ? 1 : Number(issue.numeric.step);
    if (![min, max, step].every(Number.isFinite) || step <= 0 || max < min || (max - min) / step > 1000) return [];
    const out = [];
    for (let i = 0; ; i++) {
      const v = Math.round((min + i * step) * 1e10) / 1e10;
      if (v > max + 1e-9) break;
      out.push({ id: `${issue.id}${v}`, value: v });
    }
    return out;
  }
  return idsOf(issue.options).map(id => ({ id }));
}
