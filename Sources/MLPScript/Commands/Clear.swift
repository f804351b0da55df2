extension CommandSpec {
  /// `clear`
  static let clear = CommandSpec(
    name: "clear", topic: .session,
    summary: "clear the terminal",
    details: """
      Clears the screen and its scrollback, as the shell's clear does (Ctrl-L clears the \
      screen too), so the next figure starts at the top of the projector. In a Jupyter \
      notebook it clears the cell's output. Where the output is not a terminal (a script's \
      log, an export, --check) it does nothing. The session's models and data sets are kept.
      """,
    example: "clear"
  ) { invocation in
    guard invocation.style.isTerminal else {
      invocation.environment.sink.clearOutput()
      return
    }
    // Home, erase the screen, erase the scrollback: what clear(1) sends to an xterm.
    invocation.environment.sink.line("\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}[H")
  }
}
