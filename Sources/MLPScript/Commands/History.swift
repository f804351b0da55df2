extension CommandSpec {
  /// `history 10`
  static let history = CommandSpec(
    name: "history", topic: .session,
    summary: "list the commands entered in this session",
    details: """
      Lists the last N lines entered, numbered from the start of the session. In the shell, \
      the arrow keys and Ctrl-R search the same lines and those of earlier sessions.
      """,
    arguments: [ArgumentSpec("N", .integer, "how many (default: 20)")],
    example: "history\nhistory 5"
  ) { invocation throws(Diagnostic) in
    var count = 20
    if let value = invocation.positionals.first {
      count = try invocation.convert.integer(value, key: "the number of lines", atLeast: 1)
    }
    let lines = invocation.session.history
    let first = max(lines.count - count, 0)
    let width = String(lines.count).count
    for index in first ..< lines.count {
      invocation.print("  \(String(index + 1).leftPadded(to: width))  \(lines[index])")
    }
  }
}
