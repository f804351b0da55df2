extension CommandSpec {
  /// `quit`
  static let quit = CommandSpec(
    name: "quit", topic: .session,
    summary: "leave the shell, or end a script here",
    details: """
      Leaves the shell (Ctrl-D does too). In a script it ends the script successfully; the \
      lines after it do not run. In a script started with run, it ends that script only.
      """,
    example: "quit"
  ) { invocation throws(Diagnostic) in
    invocation.session.quitRequested = true
  }
}
