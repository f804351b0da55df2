// The page's one style sheet: system fonts, a readable column, figures that shrink to the
// screen, and print rules that keep figures and sources whole.

extension HTMLExport {
  /// The CSS of every exported page. It holds no `<` or `&`, so it stays well-formed inside
  /// the XHTML `<style>` element.
  static let styleSheet = """
    :root {
      --text: #1f2328; --muted: #59636e; --rule: #d1d9e0; --code: #f6f8fa;
      --accent: #4c72b0; --error: #b42318; --error-bg: #fef3f2; --pass: #1a7f37;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; background: #ffffff; color: var(--text);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 17px; line-height: 1.55;
    }
    main { max-width: 54rem; margin: 0 auto; padding: 0.5rem 1.25rem 2rem; }
    .lesson-header, .lesson-footer {
      max-width: 54rem; margin: 0 auto; padding: 0.4rem 1.25rem; color: var(--muted); font-size: 0.85em;
    }
    .lesson-header { border-bottom: 1px solid var(--rule); }
    .lesson-footer { border-top: 1px solid var(--rule); }
    .lesson-header p, .lesson-footer p { margin: 0.3rem 0; }
    .file { font-weight: 600; color: var(--text); }
    h1, h2, h3, h4 { line-height: 1.25; margin: 1.6rem 0 0.6rem; }
    h1 { font-size: 1.9em; }
    h2 { font-size: 1.45em; }
    h3 { font-size: 1.2em; }
    a { color: var(--accent); }
    .cell { margin: 1rem 0; }
    .cell-title { margin: 1.2rem 0 0.3rem; font-weight: 600; color: var(--muted); font-size: 0.9em; }
    pre, code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
      font-size: 0.86em;
    }
    code { background: var(--code); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { margin: 0.5rem 0; padding: 0.7rem 0.9rem; overflow-x: auto; border-radius: 6px; line-height: 1.4; }
    pre code { background: none; padding: 0; font-size: 1em; }
    pre.source { background: var(--code); border-left: 4px solid var(--accent); }
    pre.output { background: #ffffff; border: 1px solid var(--rule); font-size: 0.8em; }
    pre.output, pre.source { white-space: pre-wrap; overflow-wrap: anywhere; }
    pre.output.error { background: var(--error-bg); border-color: var(--error); color: var(--error); }
    pre.output.note { color: var(--muted); }
    .comment { color: var(--muted); }
    .expect { color: #6f42c1; }
    .not-run { color: var(--muted); font-style: italic; }
    figure.plot { margin: 0.8rem 0; padding: 0.5rem; border: 1px solid var(--rule); border-radius: 6px; }
    figure.plot svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    figcaption { margin-top: 0.4rem; color: var(--muted); font-size: 0.85em; }
    ul.checks { list-style: none; padding: 0; margin: 0.5rem 0; font-size: 0.9em; }
    ul.checks li { margin: 0.15rem 0; }
    .pass .mark { color: var(--pass); font-weight: 700; }
    .fail { color: var(--error); }
    .fail .mark { font-weight: 700; }
    .got { color: var(--muted); }
    .math { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }
    blockquote { margin: 0.8rem 0; padding: 0 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
    table { border-collapse: collapse; margin: 0.8rem 0; display: block; overflow-x: auto; }
    th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; }
    th { background: var(--code); }
    hr { border: none; border-top: 1px solid var(--rule); margin: 1.5rem 0; }
    @media (max-width: 640px) {
      body { font-size: 16px; }
      main, .lesson-header, .lesson-footer { padding-left: 0.75rem; padding-right: 0.75rem; }
      h1 { font-size: 1.6em; }
      pre { padding: 0.5rem 0.6rem; }
      pre.output { font-size: 0.72em; }
      figure.plot { padding: 0.2rem; border: none; }
    }
    @media print {
      body { font-size: 11pt; }
      main, .lesson-header, .lesson-footer { max-width: none; padding: 0; }
      pre { white-space: pre-wrap; overflow: visible; }
      pre.output { font-size: 7.5pt; white-space: pre; }
      pre.source, pre.output, figure.plot, ul.checks, table { break-inside: avoid; }
      h1, h2, h3, .cell-title { break-after: avoid; }
      figure.plot { border: none; }
      a { color: inherit; }
      a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
    }

    """
}
