import Foundation
import MLPScript

/// The interactive loop: read a line, run it, print what it says, never stop on an error.
struct REPL {
  let interpreter: Interpreter
  let terminal: Terminal

  /// Lines the history file keeps.
  static let historyLimit = 1000

  func run() {
    let interpreter = self.interpreter
    let history = HistoryFile.usable(HistoryFile.path)
    if let warning = history.warning { Console.write(warning + "\n", to: STDERR_FILENO) }
    let reader = LineReader(historyPath: history.path, historyLimit: Self.historyLimit) { prefix, word in
      Completer.candidates(before: prefix, word: word, session: interpreter.session)
    }
    Console.write("\(Release.nameAndVersion): type 'help' for the commands, Ctrl-D to leave\n")
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
