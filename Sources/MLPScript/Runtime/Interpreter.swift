import Foundation

/// Runs statements against a session.
///
/// The REPL hands it one line at a time, a script runner a whole file; either way every
/// command works on a copy of the session that is kept only if the command succeeds, so
/// an error never loses a model, a data set or a setting. Diagnostics go to the sink; the
/// first one stops a script.
public final class Interpreter {
  /// All the state, in one value.
  public var session: Session
  public var environment: Environment

  public init(session: Session = Session(), environment: Environment) {
    self.session = session
    self.environment = environment
  }

  // MARK: - Entry points

  /// Runs one line typed at the prompt. An empty line does nothing. A diagnostic is
  /// reported to the sink and returned.
  @discardableResult
  public func run(line: String, name: String = "<repl>") -> Diagnostic? {
    guard !line.trimmingSpaces().isEmpty else { return nil }
    session.history.append(line)
    return report(Source(name: name, text: line))
  }

  /// Runs a whole script: it is parsed first, so a syntax error anywhere runs nothing; then
  /// its statements run in order until the first error.
  @discardableResult
  public func run(script source: Source) -> Diagnostic? {
    report(source)
  }

  /// Runs a piece of a longer script, as a notebook's cell is: like `run(script:)`, but an
  /// `# expect:` before the piece's first command checks what the session ran before it.
  @discardableResult
  public func run(continuing source: Source) -> Diagnostic? {
    report(source, continuingSession: true)
  }

  /// Runs the statements of one cell of an already parsed script, as a step-by-step
  /// walkthrough or an exporter does; markdown cells do nothing.
  @discardableResult
  public func run(cell: Cell, of script: Script) -> Diagnostic? {
    do {
      try Self.execute(cell.statements, source: script.source, session: &session, environment: environment)
      return nil
    } catch {
      environment.sink.diagnostic(error)
      return error
    }
  }

  /// Reads and runs the script at `path`.
  @discardableResult
  public func run(file path: String) -> Diagnostic? {
    do {
      return report(try Self.readScript(path))
    } catch {
      environment.sink.diagnostic(error)
      return error
    }
  }

  private func report(_ source: Source, continuingSession: Bool = false) -> Diagnostic? {
    do {
      let script = try Parser.parse(source, continuingSession: continuingSession)
      try Self.execute(script.statements, source: source, session: &session, environment: environment)
      return nil
    } catch {
      environment.sink.diagnostic(error)
      return error
    }
  }

  // MARK: - Executing

  /// Runs `statements` from `source` against `session`, stopping at the first error.
  public static func execute(
    _ statements: [Statement], source: Source, session: inout Session, environment: Environment
  ) throws(Diagnostic) {
    for statement in statements {
      if session.quitRequested { return }
      if environment.shouldStop() {
        throw Diagnostic(.interrupted, "stopped before this (\(environment.stopReason()))", at: statement.range, in: source,
                         severity: .note)
      }
      switch statement {
      case let .command(command):
        try execute(command, source: source, session: &session, environment: environment)
      case let .expectation(expectation):
        try check(expectation, against: session.lastReport, source: source)
      }
    }
  }

  /// Runs one command on a copy of `session`, which replaces it if the command succeeds: its
  /// name, arguments and binding are checked first, then every option is converted by its
  /// declared check, and only then does the command run.
  static func execute(
    _ command: Command, source: Source, session: inout Session, environment: Environment
  ) throws(Diagnostic) {
    let name = command.name.text
    guard let spec = CommandSpec.named(name) else {
      throw Diagnostic(.unknownCommand, "unknown command '\(name)'", at: command.name.range, in: source,
                       hint: Suggestions.hint(for: name, among: CommandSpec.names)
                         ?? "type 'help' for the list of commands")
    }
    try validate(command, against: spec, source: source)
    let options = try OptionValues(command, spec: spec, source: source, limits: environment.limits)
    var invocation = Invocation(session: session, command: command, spec: spec, source: source,
                                environment: environment, options: options)
    do {
      try spec.perform(&invocation)
    } catch {
      invocation.clearStatus()
      if invocation.keepsSessionOnError { session = invocation.session }
      throw error
    }
    invocation.session.lastReport = invocation.report
    session = invocation.session
  }

  /// Checks option keys, the number of positional arguments and any binding against the
  /// command's spec, before it runs.
  static func validate(_ command: Command, against spec: CommandSpec, source: Source) throws(Diagnostic) {
    if let binding = command.binding, !spec.binds {
      let namers = CommandSpec.all.filter(\.binds).map { "'\($0.name)'" }
      throw Diagnostic(.cannotBind, "'\(spec.name)' makes nothing to name", at: binding.range, in: source,
                       hint: "names are given to what \(Suggestions.prose(namers)) make")
    }
    var positionals = 0
    for argument in command.arguments {
      switch argument {
      case let .option(key, _):
        guard spec.option(key.text) == nil else { continue }
        let keys = spec.options.map(\.key)
        let hint = keys.isEmpty ? "'\(spec.name)' takes no options"
          : Suggestions.hint(for: key.text, among: keys)
            ?? "should be \(Suggestions.prose(keys))"
        throw Diagnostic(.unknownOption, "'\(spec.name)' has no option '\(key.text)'", at: key.range,
                         in: source, hint: hint)
      case let .positional(value):
        if let pair = command.figureFile(for: spec), pair.word.range == value.range || pair.file?.range == value.range {
          guard pair.file != nil else {
            throw Diagnostic(.missingArgument, "'to' needs a file", at: value.range, in: source,
                             hint: "such as to \"figure.svg\"")
          }
          continue
        }
        positionals += 1
        let limit = spec.arguments.contains(where: \.isRepeated) ? Int.max : spec.arguments.count
        if positionals > limit {
          throw Diagnostic(.extraArgument, "unexpected argument \(value.display)", at: value.range,
                           in: source, hint: "usage: \(spec.usage)")
        }
      }
    }
  }
}

extension DiagnosticID {
  /// A script stopped by Ctrl-C between two statements.
  public static let interrupted = DiagnosticID("interrupted", .runtime)
}
