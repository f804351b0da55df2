import Foundation

/// `history_request`: the cells run in this kernel, by tail, range or search.
extension Kernel {
  func historyRequest(_ request: Message) {
    let content = request.content
    let withOutput = content["output"]?.bool ?? false
    var entries: [HistoryEntry]
    switch content["hist_access_type"]?.string ?? "tail" {
    case "range":
      // Session 0 (or this one, 1) is the current session; mlpsh keeps no other.
      let session = content["session"]?.integer ?? 0
      let start = content["start"]?.integer ?? 1
      let stop = content["stop"]?.integer
      entries = session == 0 || session == HistoryEntry.session
        ? history.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) } : []
    case "search":
      let pattern = content["pattern"]?.string ?? "*"
      entries = history.filter { Self.matches(glob: pattern, $0.input) }
      if content["unique"]?.bool ?? false {
        var seen = Set<String>()
        entries = entries.reversed().filter { seen.insert($0.input).inserted }.reversed()
      }
      if let count = content["n"]?.integer { entries = Array(entries.suffix(max(count, 0))) }
    default:
      let count = content["n"]?.integer ?? 10
      entries = Array(history.suffix(max(count, 0)))
    }
    let rows: [JSON] = entries.map { entry in
      let input: JSON = withOutput ? [.string(entry.input), entry.output.map { .string($0) } ?? .null] : .string(entry.input)
      return [.integer(HistoryEntry.session), .integer(entry.line), input]
    }
    reply(to: request, on: .shell, type: "history_reply", content: ["status": "ok", "history": .array(rows)])
  }

  /// Whether `text` matches a shell-style pattern (`*`, `?`, `[…]`) as a whole, as
  /// IPython's history search does.
  static func matches(glob pattern: String, _ text: String) -> Bool {
    fnmatch(pattern, text, 0) == 0
  }
}
