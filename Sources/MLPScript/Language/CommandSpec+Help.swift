import MLPPlot

/// Help text and the generated reference, both from the command table.
extension CommandSpec {
  /// The list `help` prints: commands by topic, each with its summary.
  public static func overview() -> [String] {
    var lines = ["commands (type 'help COMMAND' for its options and an example):"]
    let width = (all.map(\.name.count).max() ?? 0) + 2
    for topic in Topic.allCases {
      let commands = all.filter { $0.topic == topic }
      guard !commands.isEmpty else { continue }
      lines.append("")
      lines.append(topic.rawValue + ":")
      for spec in commands {
        lines.append("  " + spec.name.padding(to: width) + spec.summary)
      }
    }
    lines.append("")
    lines.append("'help language' shows the syntax: names, lists, options, cells and '# expect:' lines.")
    lines.append("to begin: load mnist; mlp [784,128,64,10] relu; train; evaluate")
    return lines
  }

  /// What `help NAME` prints: usage, summary, arguments, options with their defaults (and
  /// the current value of the setting behind a default), details and an example.
  public func help(settings: Settings? = nil) -> [String] {
    var lines = ["usage: \(usage)", "", summary]
    if !arguments.isEmpty {
      lines.append("")
      lines.append("arguments:")
      let width = (arguments.map(\.name.count).max() ?? 0) + 2
      for argument in arguments {
        lines.append("  " + argument.name.padding(to: width) + argument.summary)
      }
    }
    if !options.isEmpty {
      lines.append("")
      lines.append("options:")
      let cells = options.map { "\($0.key)=\($0.kind.placeholder)" }
      let width = (cells.map(\.count).max() ?? 0) + 2
      for (option, cell) in zip(options, cells) {
        var line = "  " + cell.padding(to: width) + option.summary + " (default: \(option.defaultText)"
        if let key = option.setting, let settings, let spec = SettingSpec.named(key),
           spec.value(in: settings) != spec.defaultText {
          line += "; now \(spec.value(in: settings))"
        }
        lines.append(line + ")")
      }
    }
    lines.append("")
    lines.append(contentsOf: wrap(details, width: 78))
    lines.append("")
    lines.append("example:")
    lines.append(contentsOf: example.split(separator: "\n").map { "  " + $0 })
    return lines
  }

  /// docs/commands.md, generated from the table.
  public static func markdownReference() -> String {
    var text = """
      # mlpsh commands

      <!-- Generated from CommandSpec.all; do not edit. Regenerate with
           MLPSH_RECORD=1 swift test --filter CommandDocsTests -->

      Every command, its options and their defaults. `help` and `help COMMAND` print the same
      in the shell; docs/language.md describes the syntax.


      """
    for topic in Topic.allCases {
      let commands = all.filter { $0.topic == topic }
      guard !commands.isEmpty else { continue }
      text += "## \(topic.rawValue.prefix(1).uppercased() + topic.rawValue.dropFirst())\n\n"
      for spec in commands {
        text += "### `\(spec.name)`\n\n\(spec.summary.prefix(1).uppercased() + spec.summary.dropFirst()).\n\n"
        text += "```\n\(spec.usage)\n```\n\n"
        if !spec.arguments.isEmpty {
          text += "| argument | meaning |\n|---|---|\n"
          for argument in spec.arguments {
            text += "| `\(argument.name)`\(argument.isOptional ? " (optional)" : "") | \(argument.summary) |\n"
          }
          text += "\n"
        }
        if !spec.options.isEmpty {
          text += "| option | meaning | default |\n|---|---|---|\n"
          for option in spec.options {
            text += "| `\(option.key)=\(option.kind.placeholder.replacingBars())` | \(option.summary) | \(option.defaultText) |\n"
          }
          text += "\n"
        }
        text += spec.details + "\n\n"
        text += "Example:\n\n```\n\(spec.example)\n```\n\n"
      }
    }
    text += "## Settings\n\n`set KEY=VALUE` changes them, `reset` restores them, `show settings` lists them.\n\n"
    text += "| key | meaning | default |\n|---|---|---|\n"
    for setting in SettingSpec.all {
      text += "| `\(setting.key)` | \(setting.summary) | \(setting.defaultText) |\n"
    }
    return text
  }
}

extension String {
  /// The string padded with spaces to `width` characters (never cut).
  func padding(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  /// `|` escaped for a Markdown table cell.
  func replacingBars() -> String {
    split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}
