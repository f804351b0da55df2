extension CommandSpec {
  /// `help` or `help train`
  static let help = CommandSpec(
    name: "help", topic: .session,
    summary: "list the commands, or explain one",
    details: """
      help lists every command with a line about it. help COMMAND shows how to write it, its \
      options with their defaults (and the current value where a setting supplies one), what \
      it does and an example. help language summarises the syntax.
      """,
    arguments: [ArgumentSpec("COMMAND", .command, "the command to explain")],
    example: "help\nhelp train\nhelp language"
  ) { invocation throws(Diagnostic) in
    guard let value = invocation.positionals.first else {
      invocation.print(overview().joined(separator: "\n"))
      return
    }
    let name = try invocation.convert.text(value, key: "the command")
    if name == "language" {
      invocation.print(languageSummary.joined(separator: "\n"))
      return
    }
    guard let spec = named(name) else {
      throw invocation.error(.unknownCommand, "unknown command '\(name)'", at: value,
                             hint: Suggestions.hint(for: name, among: names + ["language"])
                               ?? "type 'help' for the list of commands")
    }
    invocation.print(spec.help(settings: invocation.session.settings).joined(separator: "\n"))
  }

  /// What `help language` prints.
  static let languageSummary = [
    "one command a line; ';' separates commands on a line; '#' starts a comment",
    "values: numbers (64, 0.01, 1e-3), \"strings\", names and paths (relu, m16, data/a.csv),",
    "        lists [784,128,64,10]; a,b,c is the list [a,b,c]",
    "options: key=value after the command, as in 'train batch=16 lr=0.1'",
    "names: 'm16 = mlp [784,128,64,10]' names a model; 'train m16' uses it; without a name,",
    "       commands use the current model and data set (the last made or used)",
    "cells: '# %%' starts a code cell, '# %% [markdown]' a markdown cell (Jupytext percent format)",
    "checks: '# expect: test accuracy ≈ 0.92 ± 0.03' checks a number the previous command reported;",
    "        also =, <, ≤, >, ≥ (or <=, >=), ~ for ≈, +- for ±, 97.5% for 0.975;",
    "        '# expect: \"text\"' checks that its output contains the text",
    "docs/language.md has the grammar.",
  ]
}
