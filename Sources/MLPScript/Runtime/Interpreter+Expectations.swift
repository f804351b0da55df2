// Checking `# expect:` lines against what the previous command reported.

extension Expectation {
  /// The check as written back: "test accuracy ≈ 0.92 ± 0.03", "the output contains \"x\"".
  public var display: String {
    let name = quantity?.text ?? ""
    switch check {
    case let .approximately(value, tolerance):
      return "\(name) ≈ \(format(value)) ± \(format(tolerance))"
    case let .compare(comparison, value):
      return "\(name) \(comparison.rawValue) \(format(value))"
    case let .contains(text):
      return "output containing \"\(text)\""
    }
  }

  /// Whether `value` satisfies the numeric check. Comparisons allow a relative slack of
  /// 1e-9 so that a printed `0.92` equals the stored 0.92.
  public func holds(for value: Double) -> Bool {
    let slack = 1e-9 * max(1, abs(value))
    switch check {
    case let .approximately(expected, tolerance): return abs(value - expected) <= tolerance + slack
    case let .compare(.equal, expected): return abs(value - expected) <= slack
    case let .compare(.less, expected): return value < expected
    case let .compare(.lessOrEqual, expected): return value <= expected + slack
    case let .compare(.greater, expected): return value > expected
    case let .compare(.greaterOrEqual, expected): return value >= expected - slack
    case .contains: return false
    }
  }
}

extension Interpreter {
  /// Checks `expectation` against `report`; throws when it does not hold or names a number
  /// the command did not report.
  static func check(_ expectation: Expectation, against report: CommandReport?, source: Source) throws(Diagnostic) {
    guard let report else {
      throw Diagnostic(.expectationWithoutCommand, "nothing to check: no command has run",
                       at: expectation.range, in: source)
    }
    if case let .contains(text) = expectation.check {
      guard report.lines.contains(where: { $0.contains(text) }) else {
        throw Diagnostic(.expectationFailed, "expected the output of '\(report.command)' to contain \"\(text)\"",
                         at: expectation.range, in: source,
                         hint: report.lines.isEmpty ? "it printed nothing" : nil)
      }
      return
    }
    let name = expectation.quantity?.text ?? ""
    guard let value = report.quantity(name) else {
      let names = report.quantities.map(\.name)
      var seen = Set<String>()
      let unique = names.filter { seen.insert($0).inserted }
      let range = expectation.quantity?.range ?? expectation.range
      if unique.isEmpty {
        throw Diagnostic(.unknownQuantity, "'\(report.command)' reports no numbers", at: range, in: source,
                         hint: "check its text with '# expect: \"…\"'")
      }
      throw Diagnostic(.unknownQuantity, "'\(report.command)' did not report '\(name)'", at: range, in: source,
                       hint: Suggestions.hint(for: name, among: unique)
                         ?? "it reported \(Suggestions.prose(unique.map { "'\($0)'" }, conjunction: "and"))")
    }
    guard expectation.holds(for: value) else {
      throw Diagnostic(.expectationFailed, "expected \(expectation.display), got \(format(value))",
                       at: expectation.range, in: source)
    }
  }
}
