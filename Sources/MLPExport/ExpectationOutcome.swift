import MLPScript

/// An `# expect:` line checked against what the command before it reported; unlike a plain
/// script run, a lesson run records a failed expectation and goes on, so `--check` can
/// list them all.
public struct ExpectationOutcome: Sendable {
  /// What the command before it gave to check against.
  public enum Observed: Sendable, Equatable {
    /// The number the command reported under the expectation's name.
    case value(Double)
    /// The lines the command printed (for `# expect: "text"`).
    case lines([String])
    /// Nothing to compare: no command had run, or it did not report the quantity (the
    /// diagnostic says which it did report).
    case missing
  }

  public var expectation: Expectation
  /// The line it is written on, from 1.
  public var line: Int
  /// The expectation as written in the script, from `#` to the end of the comment.
  public var written: String
  /// The command it checked, if one had run: "evaluate".
  public var command: String?
  public var observed: Observed
  /// Why it does not hold, as a script run reports it (`expectation-failed`,
  /// `unknown-quantity`, …); `nil` when it holds.
  public var diagnostic: Diagnostic?

  public var holds: Bool { diagnostic == nil }

  /// Checks `expectation` from `source` against `report`, the last command's report.
  public init(checking expectation: Expectation, against report: CommandReport?, in source: Source) {
    self.expectation = expectation
    line = source.location(of: expectation.range.start).line
    written = source.text(in: expectation.range)
    command = report?.command
    switch (expectation.check, report) {
    case (_, nil): observed = .missing
    case (.contains, let report?): observed = .lines(report.lines)
    case (_, let report?): observed = report.quantity(expectation.quantity?.text ?? "").map(Observed.value) ?? .missing
    }
    // The interpreter's own check gives the diagnostic, word for word as a script run
    // would print it; it runs against a session that holds only the report.
    var session = Session()
    session.lastReport = report
    do {
      try Interpreter.execute([.expectation(expectation)], source: source, session: &session,
                              environment: Environment(sink: CapturingSink()))
      diagnostic = nil
    } catch {
      diagnostic = error
    }
  }

  /// What was observed, said in the expectation's terms: "test accuracy = 0.8512", the
  /// printed lines, or why there is nothing to compare.
  public var observedDescription: [String] {
    switch observed {
    case let .value(value):
      return ["\(expectation.quantity?.text ?? "") = \(format(value))"]
    case let .lines(lines):
      guard !lines.isEmpty else { return ["'\(command ?? "")' printed nothing"] }
      return lines
    case .missing:
      guard let diagnostic else { return [] }
      return [diagnostic.message + (diagnostic.hint.map { ": \($0)" } ?? "")]
    }
  }
}

extension Expectation {
  /// Whether it asks for an exact value (`= 937`): one that holds already says its value,
  /// so reports do not repeat it.
  var isExact: Bool {
    if case .compare(.equal, _) = check { return true }
    return false
  }
}
