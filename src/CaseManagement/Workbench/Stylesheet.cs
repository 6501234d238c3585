namespace Reporting.CaseManagement.Workbench;

/// <summary>
/// The workbench's one stylesheet, served from this origin (the policy allows no other): system fonts with CJK
/// fallbacks, contrast above 4.5:1, a focus ring that is always visible, and nothing hidden from the keyboard.
/// </summary>
internal static class Stylesheet
{
    public const string Css = """
        :root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #8a8a8a; --accent: #0b4f8a; --danger: #a4161a; --paper: #ffffff; --wash: #f2f4f7; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.6 system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--paper); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
        .skip { position: absolute; left: -9999px; top: 0; background: var(--paper); padding: .5rem 1rem; }
        .skip:focus { left: 1rem; z-index: 10; }
        .bar { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .5rem 1.5rem; background: var(--accent); color: #fff; }
        .bar a, .bar .brand { color: #fff; }
        .bar .brand { font-weight: 700; margin: 0; }
        .bar nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
        .bar form.inline { display: flex; gap: .5rem; align-items: center; margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.75rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.3rem; margin-top: 2rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--wash); }
        button, .button { display: inline-block; font: inherit; padding: .4rem 1rem; border: 2px solid var(--accent); border-radius: 4px; background: var(--paper); color: var(--accent); text-decoration: none; cursor: pointer; }
        button.primary, .button { background: var(--accent); color: #fff; }
        button.danger { background: var(--danger); border-color: var(--danger); color: #fff; }
        .bar button { background: #fff; color: var(--accent); border-color: #fff; }
        .stack { display: flex; flex-direction: column; gap: .4rem; max-width: 40rem; }
        .stack > button { align-self: flex-start; margin-top: 1rem; }
        .stack > .actions { margin-top: 1rem; }
        input, select, textarea { font: inherit; padding: .35rem .5rem; border: 2px solid var(--ink); border-radius: 2px; max-width: 100%; }
        textarea { width: 100%; }
        fieldset { border: 1px solid var(--line); margin: .5rem 0; padding: .5rem 1rem; }
        .check { display: flex; gap: .5rem; align-items: center; }
        .hint, .meta { color: var(--muted); }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .5rem 0; }
        .tags, .paging, .actions, .tiles { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; }
        .tags a { display: inline-block; padding: .1rem .6rem; border: 1px solid var(--accent); border-radius: 1rem; text-decoration: none; }
        .tiles a { display: flex; flex-direction: column; min-width: 12rem; padding: 1rem; border: 2px solid var(--accent); border-radius: 6px; text-decoration: none; }
        .tiles .count { font-size: 2rem; font-weight: 700; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
        .facts dt { font-weight: 700; }
        .facts dd { margin: 0; }
        .text { white-space: pre-wrap; overflow-wrap: anywhere; }
        .error-summary { border: 4px solid var(--danger); padding: .5rem 1rem; margin: 1rem 0; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a, .field-error { color: var(--danger); font-weight: 700; }
        .warning { border-left: 6px solid var(--danger); padding-left: .75rem; }
        .notice { border: 3px solid #00703c; padding: .25rem 1rem; }
        .messages { list-style: none; padding: 0; }
        .messages li { border-left: 6px solid var(--line); padding: .25rem .75rem; margin: .5rem 0; }
        .messages .from-informant { border-color: var(--accent); }
        .timeline li { margin: .2rem 0; }
        .chart { margin: 1rem 0; }
        .chart figcaption { font-weight: 700; }
        .chart-svg { width: 100%; height: auto; max-height: 20rem; }
        .chart-grid { stroke: #c8c8c8; stroke-width: 1; }
        .chart-axis, .chart-value { fill: var(--ink); font-size: 12px; }
        .chart-value { font-weight: 700; }
        .chart-s0 { fill: #0b4f8a; background: #0b4f8a; } .chart-s1 { fill: #a84c00; background: #a84c00; } .chart-s2 { fill: #2e7d32; background: #2e7d32; }
        .chart-s3 { fill: #6a1b9a; background: #6a1b9a; } .chart-s4 { fill: #4a4a4a; background: #4a4a4a; }
        .legend { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: 0; margin: .25rem 0; }
        .legend .swatch { display: inline-block; width: 1rem; height: 1rem; margin-right: .4rem; vertical-align: -.15rem; }
        .filters .stack { max-width: 14rem; }
        .qr svg { width: 16rem; height: 16rem; }
        .secret { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        """;
}
