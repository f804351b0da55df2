extension CommandSpec {
  /// `run examples/01-perceptron.mlp`
  static let run = CommandSpec(
    name: "run", topic: .session,
    summary: "run another script in this session",
    details: """
      Runs the commands of a script file as if typed here: the models, data sets and settings \
      it makes stay in the session. It stops at the script's first error, whose message names \
      the file, line and column; whatever ran before the error is kept. A relative path is \
      taken from the current directory. A quit in the script ends that script, not the \
      session that runs it. Scripts may run scripts up to 16 deep.
      """,
    arguments: [ArgumentSpec("FILE", .path, "the script to run", optional: false)],
    example: "run examples/01-perceptron.mlp"
  ) { invocation throws(Diagnostic) in
    guard let value = invocation.positionals.first else {
      throw invocation.error(.missingArgument, "'run' needs a script file", hint: "such as 'run lesson.mlp'")
    }
    let path = try invocation.convert.text(value, key: "the script")
    guard invocation.environment.depth < Environment.maximumDepth else {
      throw invocation.error(.recursion, "scripts run one another more than \(Environment.maximumDepth) deep",
                             at: value, hint: "does '\(path)' run itself?")
    }
    let source: Source
    do throws(Diagnostic) {
      source = try Interpreter.readScript(path)
    } catch {
      throw invocation.error(.fileError, error.message, at: value, hint: error.hint)
    }
    let script = try Parser.parse(source)
    var nested = invocation.environment
    nested.depth += 1
    invocation.keepsSessionOnError = true
    try Interpreter.execute(script.statements, source: source, session: &invocation.session, environment: nested)
    // `quit` in the script ended that script; the session that ran it goes on (in the shell,
    // with every unsaved model).
    invocation.session.quitRequested = false
    invocation.session.lastReport = nil
  }
}
