import Foundation
import MLPPlot
import MLPScript

/// `execute_request`: a cell is a script fragment, run in the kernel's one session.
extension Kernel {
  func execute(_ request: Message) {
    let code = request.content["code"]?.string ?? ""
    let silent = request.content["silent"]?.bool ?? false
    let storeHistory = !silent && (request.content["store_history"]?.bool ?? true)
    let stopOnError = request.content["stop_on_error"]?.bool ?? true
    if storeHistory { executionCount += 1 }
    let count = executionCount
    if !silent {
      publish("execute_input", ["code": .string(code), "execution_count": .integer(count)], parent: request)
    }

    let error = run(code, count: count, silent: silent)
    if let error {
      if stopOnError && !silent { waitingBehindFailure += takeWaitingShellRequests() }
      reply(to: request, on: .shell, type: "execute_reply",
            content: error.merging(["status": "error", "execution_count": .integer(count)]) { _, new in new })
    } else {
      if !silent, Self.hasCommand(code), let result = Self.result(of: interpreter.session.lastReport) {
        publish("execute_result", ["execution_count": .integer(count), "data": .object(result), "metadata": [:]],
                parent: request)
      }
      reply(to: request, on: .shell, type: "execute_reply", content: [
        "status": "ok", "execution_count": .integer(count), "payload": [], "user_expressions": [:],
      ])
    }
    if storeHistory {
      let output = error == nil && Self.hasCommand(code)
        ? Self.result(of: interpreter.session.lastReport)?["text/plain"]?.string : nil
      history.append(HistoryEntry(line: count, input: code, output: output))
    }
  }

  /// Runs a cell's code and returns the content of its error, if it failed or was
  /// interrupted.
  ///
  /// The cell is parsed whole first, so a syntax error anywhere runs nothing; its commands
  /// then run in order until one fails, and its `# expect:` lines are checked where they
  /// stand. The lines are added to the session's history (the `history` command lists them).
  private func run(_ code: String, count: Int, silent: Bool) -> [String: JSON]? {
    interrupts.clear()
    sink.begin(silent: silent)
    defer { sink.finish() }
    interpreter.session.quitRequested = false
    let lines = code.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    interpreter.session.history.append(contentsOf: lines.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    let diagnostic = interpreter.run(continuing: Source(name: silent ? "<silent cell>" : "In[\(count)]", text: code))
    if let diagnostic, diagnostic.id != .interrupted { return sink.lastError }
    if diagnostic != nil || interrupts.isPending() {
      // The command stopped at the end of a batch and kept what it learnt; its last line
      // says so ("stopped mlp1 after 300 of 937 iterations (interrupted); it keeps what it
      // learnt").
      let said = interpreter.session.lastReport?.lines.last { $0.hasPrefix("stopped") }
      sink.interrupted(said ?? "interrupted: the cell stopped here")
      return sink.lastError
    }
    if interpreter.session.quitRequested {
      interpreter.session.quitRequested = false
      sink.line("quit: the kernel keeps running; shut it down from the notebook's Kernel menu")
    }
    return nil
  }

  /// A cell's result, `Out[n]`: the numbers its last command reported (those `# expect:`
  /// lines check), as text, an HTML table and JSON; `nil` when it reported none. The JSON
  /// has a type of its own: JupyterLab would draw `application/json` as a tree in place
  /// of the table.
  static func result(of report: CommandReport?) -> [String: JSON]? {
    guard let report, !report.quantities.isEmpty else { return nil }
    let width = report.quantities.map(\.name.count).max() ?? 0
    let text = report.quantities.map { quantity in
      quantity.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + Self.format(quantity.value)
    }.joined(separator: "\n")
    let rows = report.quantities.map { quantity in
      "<tr><th style=\"text-align:left\">\(xmlEscaped(quantity.name))</th><td>\(Self.format(quantity.value))</td></tr>"
    }.joined()
    var values: [String: JSON] = [:]
    for quantity in report.quantities { values[quantity.name] = .number(quantity.value) }
    return [
      "text/plain": .string(text),
      "text/html": .string("<table class=\"mlpsh-result\">\(rows)</table>"),
      "application/vnd.mlpsh.result+json": .object(values),
    ]
  }

  /// Whether the cell runs a command: only then is the last report its own. (An
  /// `# expect:` at the top of a cell checks the previous cell's report, as in a script.)
  static func hasCommand(_ code: String) -> Bool {
    let source = Source(name: "<cell>", text: code)
    // A question, not a run: a cell that does not parse runs no command, and running it
    // reports the syntax error.
    guard let script = try? Parser.parse(source, continuingSession: true) else { return false }
    return script.statements.contains { if case .command = $0 { return true } else { return false } }
  }

  /// Four decimals for fractions, whole numbers as they are.
  static func format(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 { return String(Int(value)) }
    return String(format: "%.4f", value)
  }
}
