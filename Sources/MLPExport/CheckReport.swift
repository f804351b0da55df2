import MLPScript

/// What `mlpsh --check` prints: a diff of every `# expect:` line that does not hold — the
/// line as written (`-`) against what the command gave (`+`) — then a one-line verdict.
///
/// ```
/// --- lesson.mlp:14, cell 3 "Train", after 'evaluate'
/// - # expect: test accuracy ≈ 0.99 ± 0.01
/// + # got:    test accuracy = 0.9213
///
/// check lesson.mlp: 1 of 5 expectations does not hold
/// ```
public struct CheckReport: Sendable {
  public var run: LessonRun
  /// Whether to colour removed lines red and added lines green (ANSI escapes).
  public var color: Bool
  /// At most this many printed lines are shown for a failed `# expect: "text"`.
  public var lineLimit = 10

  public init(run: LessonRun, color: Bool = false) {
    self.run = run
    self.color = color
  }

  /// Whether the lesson passes: it ran to its end and every expectation held.
  public var passed: Bool { run.exitStatus == 0 }

  /// The whole report, lines joined by newlines, ending with a newline.
  public func render() -> String {
    var lines: [String] = []
    for failure in run.failures {
      lines += hunk(for: failure)
      lines.append("")
    }
    lines.append(verdict)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The last line: "check lesson.mlp: all 7 expectations hold", "… 2 of 7 expectations do
  /// not hold", and where an error stopped the run.
  public var verdict: String {
    let name = run.lesson.source.name
    let checked = run.expectations.count
    let failed = run.failures.count
    var parts: [String] = []
    if failed > 0 {
      parts.append("\(failed) of \(plural(checked, "expectation")) \(failed == 1 ? "does" : "do") not hold")
    } else if checked == 0 {
      parts.append(run.error == nil ? "no expectations to check" : "no expectation checked")
    } else {
      parts.append(checked == 1 ? "1 expectation holds" : "all \(checked) expectations hold")
    }
    if let error = run.error, let stopped = run.cells.first(where: { $0.error != nil }) {
      let place = error.location.map { "\(name):\($0.line)" } ?? name
      let cause = error.id == .interrupted ? "stopped by Ctrl-C" : "stopped by an error"
      var text = "\(cause) at \(place) (\(run.lesson.label(ofCell: stopped.index)))"
      let notRun = run.expectationsNotRun
      if notRun > 0 { text += "; \(plural(notRun, "expectation")) after it did not run" }
      parts.append(text)
    } else if run.expectationsNotRun > 0 {
      parts.append("\(plural(run.expectationsNotRun, "expectation")) after 'quit' did not run")
    }
    return "check \(name): " + parts.joined(separator: "; ")
  }

  /// One failed expectation: where it is, the line as written, what was observed.
  func hunk(for failure: ExpectationOutcome) -> [String] {
    let cell = run.lesson.cells.firstIndex { $0.range.start <= failure.expectation.range.start
      && failure.expectation.range.start < max($0.range.end, $0.range.start + 1) }
    var header = "--- \(run.lesson.source.name):\(failure.line)"
    if let cell { header += ", " + run.lesson.label(ofCell: cell) }
    if let command = failure.command { header += ", after '\(command)'" }
    var observed = failure.observedDescription
    if observed.count > lineLimit {
      let more = observed.count - lineLimit
      observed = Array(observed.prefix(lineLimit)) + ["… \(plural(more, "more line"))"]
    }
    var lines = [header, paint("- " + failure.written, red)]
    for (index, line) in observed.enumerated() {
      lines.append(paint((index == 0 ? "+ # got:    " : "+ #         ") + line, green))
    }
    return lines
  }

  // MARK: - Colour

  private var red: String { "\u{1B}[31m" }
  private var green: String { "\u{1B}[32m" }

  private func paint(_ text: String, _ style: String) -> String {
    color ? style + text + "\u{1B}[0m" : text
  }
}

