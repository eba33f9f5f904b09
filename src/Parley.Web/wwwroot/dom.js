// Tiny DOM builder: text always goes in as text nodes, never as HTML. Shared by the talks UI and the studio
// (parley studio serves this file from Parley.Web's resources).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    // A control's current value and state are properties: the attributes only set their defaults.
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

export const chip = (text, cls = text) => h('span', { class: `chip ${cls}` }, text);

export function card(title, testid, ...children) {
  return h('section', { class: 'card', 'data-testid': testid }, h('h2', {}, title), ...children);
}

export function table(headers, rows, attrs = {}) {
  return h('table', attrs, h('thead', {}, h('tr', {}, headers.map(x => h('th', {}, x)))), h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c))))));
}

// Server-made HTML (a briefing or one of its sections) into a shadow root: nodes from DOMParser (inert), <style> blocks
// as a constructed sheet (after baseCss) and style="" attributes through the CSSOM, so the UI's strict CSP holds.
// Text is escaped by the server, so the patterns below only ever meet markup.
export function fillShadow(shadow, html, baseCss = '') {
  const css = [];
  const markup = html.replace(/<style>([\s\S]*?)<\/style>/g, (_, c) => { css.push(c); return ''; }).replace(/ style="([^"]*)"/g, ' data-style="$1"');
  const doc = new DOMParser().parseFromString(markup, 'text/html');
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(baseCss + css.join('\n').replace(/(^|[\s}])(:root|body)(\s*\{)/g, '$1:host$3'));
  shadow.adoptedStyleSheets = [sheet];
  shadow.replaceChildren(...[...doc.body.children].map(n => document.importNode(n, true)));
  shadow.querySelectorAll('[data-style]').forEach(el => { el.style.cssText = el.getAttribute('data-style'); el.removeAttribute('data-style'); });
}
