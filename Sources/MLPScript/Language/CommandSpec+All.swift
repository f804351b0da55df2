/// The command table.
extension CommandSpec {
  /// Every command, in the order `help` lists them within a topic. Adding a command is a
  /// file under `Commands/` and one entry here.
  public static let all: [CommandSpec] = [
    .load, .data, .scale, .split,
    .mlp, .perceptron, .save,
    .train, .sweep, .lrfind, .evaluate, .predict, .gradcheck,
    .show, .summary, .explain, .plot, .compare,
    .set, .reset, .run, .history, .echo, .clear, .help, .quit,
  ]

  private static let byName: [String: CommandSpec] = Dictionary(
    uniqueKeysWithValues: all.map { ($0.name, $0) })

  /// The command called `name`.
  public static func named(_ name: String) -> CommandSpec? {
    byName[name]
  }

  /// Every command name, in table order.
  public static var names: [String] { all.map(\.name) }
}
