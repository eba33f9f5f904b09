// The studio API (docs/studio.md, /work/studio-contract.md): JSON in, JSON out; a refusal carries the problem or the check.
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || (body?.diagnostics ? 'the scenario has errors' : `HTTP ${status}`));
    this.status = status;
    this.body = body;
  }
}

async function parse(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const post = (path, body, signal) => fetch(path, {
  method: 'POST', signal, headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body),
}).then(parse);

export const documentGet = () => fetch('/api/studio/document', { headers: { Accept: 'application/json' } }).then(parse);
export const check = (tree, signal) => post('/api/studio/check', { tree }, signal);
export const lens = (name, body, signal) => post(`/api/studio/lens/${name}`, body, signal);
export const fromYaml = (yaml) => post('/api/studio/yaml', { yaml });
export const save = (tree, path) => post('/api/studio/save', path ? { tree, path } : { tree });
export const versions = () => fetch('/api/studio/versions', { headers: { Accept: 'application/json' } }).then(parse);
export const diff = (body) => post('/api/studio/diff', body);

export async function briefing(tree) {
  const response = await fetch('/api/studio/briefing', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tree }) });
  if (!response.ok) await parse(response);
  return response.blob();
}
