// Tiny DOM builder: text always goes in as text nodes, never as HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function table(headers, rows, attrs = {}) {
  return h('table', attrs, h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c))))));
}

// An SVG drawn by the server, shown as an image: its own style attributes then never meet the page's CSP.
// A figure of several plots (HTML around the SVGs) goes into a shadow root instead.
export function svgImage(svg, alt, testid) {
  if (!svg) return null;
  if (svg.trimStart().startsWith('<') && !/^\s*(<\?xml[^>]*>\s*)?<svg/.test(svg)) return htmlView(svg, testid);
  const data = svg.trimStart().startsWith('<') ? base64(svg) : svg;
  return h('img', { class: 'plot', alt, 'data-testid': testid, src: `data:image/svg+xml;base64,${data}` });
}

function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// The briefing's figure rules (Parley.Report's BriefingStyles) that its plots need outside the briefing page.
const BASE = `:host { display: block; font-size: .9rem; } svg { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; } td, th { padding: .15rem .4rem; border-bottom: 1px solid #dde1e7; text-align: left; vertical-align: top; }
svg.diagram text { font-family: system-ui, Arial, sans-serif; } svg .node-title { font-size: 12.5px; font-weight: 600; }
svg .node-detail { font-size: 11px; fill: #444; } svg .node-badge { font-size: 11.5px; fill: #b00020; }
svg .edge-label { font-size: 11px; fill: #333; font-weight: 600; } svg .node-code { font-size: 12px; font-family: ui-monospace, monospace; }
svg .event-date { font-size: 12px; font-weight: 600; } svg .event-label { font-size: 11px; fill: #444; }
.projections { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: .3rem .6rem; }
`;

// Server-made HTML (a briefing section) in a shadow root, as Parley.Web shows the briefing: nodes from DOMParser (inert),
// <style> blocks as a constructed sheet and style="" attributes through the CSSOM, so the strict CSP holds.
export function htmlView(html, testid) {
  const view = h('div', { class: 'section-html', 'data-testid': testid });
  const shadow = view.attachShadow({ mode: 'open' });
  const css = [];
  const markup = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, c) => { css.push(c); return ''; }).replace(/ style="([^"]*)"/g, ' data-style="$1"');
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(BASE + css.join('\n').replace(/(^|[\s}])(:root|body)(\s*\{)/g, '$1:host$3'));
  shadow.adoptedStyleSheets = [sheet];
  shadow.replaceChildren(...[...doc.body.children].map(n => document.importNode(n, true)));
  shadow.querySelectorAll('[data-style]').forEach(el => { el.style.cssText = el.getAttribute('data-style'); el.removeAttribute('data-style'); });
  return view;
}

export const fmt = (n) => typeof n === 'number' ? n.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(n ?? '');
