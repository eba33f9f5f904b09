namespace Parley.Report;

/// <summary>The page's only stylesheet, inlined so the briefing has no external assets.</summary>
internal static class BriefingStyles
{
    public const string Css = """
        :root { --ink: #1b1b1b; --muted: #666; --rule: #d0d0d0; --accent: #1f5fa8; --warn: #8a5a00; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0.2rem 0 0.8rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; margin-top: 2.2rem; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 0.4rem; }
        .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 0.8rem; margin: 0; }
        .banner { background: #fff7e0; border-left: 4px solid #e0a800; padding: 0.6rem 0.8rem; }
        .warning { background: #fdecea; border-left: 4px solid #b00020; padding: 0.5rem 0.8rem; }
        .unavailable { background: #f1f3f6; border-left: 4px solid #8a94a6; padding: 0.6rem 0.8rem; }
        .inputs, .declared, .muted, figcaption { color: var(--muted); font-size: 0.85rem; }
        .lead { font-size: 1.05rem; }
        nav ol { columns: 2; padding-left: 1.2rem; }
        table { border-collapse: collapse; width: 100%; margin: 0.6rem 0 1rem; font-size: 0.88rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f6f6f6; }
        figure { margin: 1rem 0; }
        dl.packages { font-size: 0.85rem; display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.8rem; }
        dl.packages dt { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        dl.packages dd { margin: 0; }
        figure svg { width: 100%; height: auto; display: block; }
        svg.diagram text { font-family: system-ui, Arial, sans-serif; }
        svg .node-title { font-size: 12.5px; font-weight: 600; }
        svg .node-detail { font-size: 11px; fill: #444; }
        svg .node-badge { font-size: 11.5px; fill: #b00020; }
        svg .edge-label { font-size: 11px; fill: #333; font-weight: 600; }
        svg .node-code { font-size: 12px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        figure svg.state-graph { margin: 0 auto; }
        .projections { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.5rem 1rem; }
        @media (max-width: 40rem) { .projections { grid-template-columns: minmax(0, 1fr); } }
        svg .event-date { font-size: 12px; font-weight: 600; }
        svg .event-label { font-size: 11px; fill: #444; }
        footer { margin-top: 2.5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.8rem; }
        @page { size: A4; margin: 15mm 14mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid; }
          h3 { break-after: avoid; }
          figure, table, .banner, .warning, .unavailable { break-inside: avoid; }
          figure:has(.projections) { break-inside: auto; }
          .projection { break-inside: avoid; }
          section { break-before: auto; }
          .banner, .warning, .unavailable, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """;
}
