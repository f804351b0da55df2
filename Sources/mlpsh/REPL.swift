import Foundation
import MLPScript

/// The interactive loop: read a line, run it, print what it says, never stop on an error.
struct REPL {
  let interpreter: Interpreter
  let terminal: Terminal

  /// The history file: `MLPSH_HISTORY`, or `~/.mlpsh_history`.
  static var historyPath: String {
    if let path = ProcessInfo.processInfo.environment["MLPSH_HISTORY"], !path.isEmpty { return path }
    return (NSHomeDirectory() as NSString).appendingPathComponent(".mlpsh_history")
  }

  /// Lines the history file keeps.
  static let historyLimit = 1000

  func run() {
    let interpreter = self.interpreter
    let reader = LineReader(historyPath: Self.historyPath, historyLimit: Self.historyLimit) { prefix, word in
      Completer.candidates(before: prefix, word: word, session: interpreter.session)
    }
    Console.write("mlpsh \(Release.version): type 'help' for the commands, Ctrl-D to leave\n")
    while !interpreter.session.quitRequested {
      Interrupts.clear()
      switch reader.readLine(prompt: "mlpsh> ") {
      case .end:
        Console.write("\n")
        return
      case .interrupted:
        continue
      case let .line(text):
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
        reader.remember(text)
        interpreter.run(line: text)
      }
    }
  }
}
