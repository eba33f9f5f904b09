// Server-drawn plots and briefing sections in the studio's pane, under the strict CSP.
import { h, fillShadow } from './dom.js';

// An SVG drawn by the server, shown as an image: its own style attributes then never meet the page's CSP.
// A figure of several plots (HTML around the SVGs) goes into a shadow root instead.
export function svgImage(svg, alt, testid) {
  if (!svg) return null;
  if (!/^\s*(<\?xml[^>]*>\s*)?<svg/.test(svg)) return htmlView(svg, testid);
  return h('img', { class: 'plot', alt, 'data-testid': testid, src: `data:image/svg+xml;base64,${base64(svg)}` });
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

// A briefing section (server-made HTML) in a shadow root, as the talks UI shows the briefing.
export function htmlView(html, testid) {
  const view = h('div', { class: 'section-html', 'data-testid': testid });
  fillShadow(view.attachShadow({ mode: 'open' }), html, BASE);
  return view;
}

export const fmt = (n) => typeof n === 'number' ? n.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(n ?? '');
