// Talks API client: bearer token from sessionStorage (never in URLs, so never in server logs).
const KEY = 'parley.token';

export const session = {
  get token() { return sessionStorage.getItem(KEY); },
  set token(value) { value ? sessionStorage.setItem(KEY, value) : sessionStorage.removeItem(KEY); },
};

function headers(extra = {}) {
  const h = { Accept: 'application/json', ...extra };
  if (session.token) h.Authorization = `Bearer ${session.token}`;
  return h;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.rule = problem?.rule;
  }
}

async function parse(response) {
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export const get = (path) => fetch(path, { headers: headers() }).then(parse);

// A text answer (e.g. the HTML briefing) with the bearer token; a refusal still throws the problem's detail.
export async function getText(path, accept) {
  const response = await fetch(path, { headers: headers({ Accept: `${accept}, application/problem+json` }) });
  if (!response.ok) await parse(response);
  return response.text();
}

export function send(method, path, body, version) {
  const extra = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() };
  if (version !== undefined && version !== null) extra['If-Match'] = `"${version}"`;
  return fetch(path, { method, headers: headers(extra), body: JSON.stringify(body ?? {}) }).then(parse);
}

// Server-sent events over fetch (EventSource cannot send an Authorization header).
export function live(talksId, onEvent, onState) {
  const controller = new AbortController();
  (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`/api/talks/${encodeURIComponent(talksId)}/live`, { headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal });
        if (!response.ok) throw new Error(`live feed: HTTP ${response.status}`);
        onState('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block.split('\n').filter(l => l.startsWith('data: ')).map(l => l.slice(6)).join('\n');
            if (data) onEvent(JSON.parse(data));
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise(r => setTimeout(r, 2000));
    }
  })();
  return () => controller.abort();
}
