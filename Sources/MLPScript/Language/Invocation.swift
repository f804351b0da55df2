import Foundation
import MLPPlot

/// One run of one command: the session it may change, its arguments, and its output.
///
/// A command's `run` receives a copy of the session; the interpreter keeps the copy only
/// when the command succeeds, so a failing command never loses or half-changes state.
public struct Invocation {
  /// The session as this command sees and changes it.
  public var session: Session
  /// The command as written.
  public let command: Command
  public let spec: CommandSpec
  /// The text the command came from.
  public let source: Source
  /// Where output goes, and how a run is stopped.
  public let environment: Environment
  /// What the command printed and the numbers it reported.
  public internal(set) var report: CommandReport
  /// Set by commands (such as `run`) whose partial work should be kept even if they fail.
  public var keepsSessionOnError = false
  /// The options given, converted and checked before the command ran.
  public let options: OptionValues

  init(session: Session, command: Command, spec: CommandSpec, source: Source, environment: Environment,
       options: OptionValues) {
    self.session = session
    self.command = command
    self.spec = spec
    self.source = source
    self.environment = environment
    self.options = options
    self.report = CommandReport(command: spec.name)
  }

  public var convert: Converter { Converter(source: source) }
  public var style: OutputStyle { environment.style }
  /// True once the user has asked to stop (Ctrl-C).
  public var shouldStop: Bool { environment.shouldStop() }
  /// The name given with `name = command`, if any.
  public var bindingName: String? { command.binding?.text }

  // MARK: - Arguments

  /// The value of option `key`, if given. A figure's file may also be written `to FILE`,
  /// without the `=`, as in `plot confusion to "c.svg"`.
  public func option(_ key: String) -> Value? {
    for case let .option(name, value) in command.arguments where name.text == key { return value }
    if key == "to" { return command.figureFile(for: spec)?.file }
    return nil
  }

  /// The positional values, in order (without a `to FILE` pair).
  public var positionals: [Value] {
    command.positionals(for: spec)
  }

  // The typed options, as the command's `OptionSpec`s checked them before it ran (minimums,
  // positivity and choices included). An option the spec leaves to the command
  // (`OptionCheck.byCommand`) is converted here, on first reading.

  public func integer(_ key: String, default value: Int) throws(Diagnostic) -> Int {
    guard let given = option(key) else { return value }
    if case let .integer(integer)? = options[key] { return integer }
    return try convert.integer(given, key: key)
  }

  public func number(_ key: String, default value: Double) throws(Diagnostic) -> Double {
    guard let given = option(key) else { return value }
    if case let .number(number)? = options[key] { return number }
    return try convert.number(given, key: key)
  }

  /// A number its spec checks with `.positiveNumber` or `.learningRate`.
  public func positiveNumber(_ key: String, default value: Double) throws(Diagnostic) -> Double {
    guard let given = option(key) else { return value }
    if case let .number(number)? = options[key], number > 0 { return number }
    return try convert.positiveNumber(given, key: key)
  }

  public func boolean(_ key: String, default value: Bool) throws(Diagnostic) -> Bool {
    guard let given = option(key) else { return value }
    if case let .boolean(boolean)? = options[key] { return boolean }
    return try convert.boolean(given, key: key)
  }

  /// `seed=`, which its spec checks as a whole number from 0.
  public func seed(default value: UInt64) throws(Diagnostic) -> UInt64 {
    guard let given = option("seed") else { return value }
    if case let .integer(seed)? = options["seed"], seed >= 0 { return UInt64(seed) }
    return try convert.seed(given)
  }

  public func choice<E: CaseIterable & RawRepresentable>(
    _ key: String, noun: String, default value: E
  ) throws(Diagnostic) -> E where E.RawValue == String {
    guard let given = option(key) else { return value }
    if case let .text(word)? = options[key], let choice = E(rawValue: word) { return choice }
    return try convert.choice(given, noun: noun)
  }

  // MARK: - Output

  /// Prints `text` (one or more lines) and keeps it for `# expect:` checks.
  public mutating func print(_ text: String = "") {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      environment.sink.line(String(line))
      report.lines.append(String(line))
    }
  }

  /// Shows `figure`, drawn as `drawing` for a text output, and keeps the drawing's lines
  /// for `# expect:` checks as `print` does.
  public mutating func show(_ figure: Figure, drawing: String) {
    environment.sink.figure(figure, drawing: drawing)
    report.lines += drawing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Records a number under `name` for `# expect:` lines ("test accuracy").
  public mutating func record(_ name: String, _ value: Double) {
    report.quantities.append((name, value))
  }

  /// Shows a transient status line where the output can show one (`OutputStyle.showsStatus`).
  public func status(_ text: String) {
    if style.showsStatus { environment.sink.status(text) }
  }

  public func clearStatus() {
    if style.showsStatus { environment.sink.clearStatus() }
  }

  // MARK: - Errors

  /// A runtime diagnostic at `range`, by default under the command's name.
  public func error(
    _ id: DiagnosticID, _ message: String, at range: SourceRange? = nil, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(id, message, at: range ?? command.name.range, in: source, hint: hint)
  }

  /// A diagnostic for a value this command does not accept.
  public func error(_ id: DiagnosticID, _ message: String, at value: Value, hint: String? = nil) -> Diagnostic {
    error(id, message, at: value.range, hint: hint)
  }
}
