import CReadline
import Foundation

/// GNU readline, through its callback interface so that Ctrl-C at the prompt can clear the
/// line instead of killing the shell. The one file that imports CReadline.
///
/// History lives in a file: read at start, appended one line at a time (`append_history`)
/// and trimmed (`history_truncate_file`), so two shells writing at once interleave their
/// lines rather than overwrite each other's.
final class LineReader {
  /// What `readLine` got.
  enum Input: Equatable {
    case line(String)
    /// Ctrl-C: the line was cleared.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case end
  }

  /// `nil`: no history file (HistoryFile said it cannot be used).
  let historyPath: String?
  let historyLimit: Int

  /// Completions for the word being typed, given the line before it.
  init(historyPath: String?, historyLimit: Int, completer: @escaping (String, String) -> [String]) {
    self.historyPath = historyPath
    self.historyLimit = historyLimit
    ReadlineState.completer = completer
    mlpsh_rl_setup(strdup("mlpsh"), strdup(" \t;")) { text, start, _ in
      LineReader.complete(text: text, start: Int(start))
    }
    using_history()
    stifle_history(Int32(historyLimit))
    if let historyPath { read_history(historyPath) }
  }

  /// Shows `prompt` and reads one line, with editing, history and completion.
  func readLine(prompt: String) -> Input {
    ReadlineState.finished = false
    ReadlineState.line = nil
    rl_callback_handler_install(prompt) { line in
      ReadlineState.line = line.map { String(cString: $0) }
      ReadlineState.finished = true
      free(line)
      rl_callback_handler_remove()
    }
    while !ReadlineState.finished {
      // The signal may land on another thread and leave this wait alone, so wake up ten
      // times a second to look at the flag.
      var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      let ready = poll(&descriptor, 1, 100)
      if Interrupts.endingSignal != nil {
        // SIGTERM or SIGHUP at the prompt: put the terminal back and leave.
        rl_callback_handler_remove()
        return .end
      }
      if Interrupts.isPending {
        Interrupts.clear()
        cancelLine()
        return .interrupted
      }
      if ready > 0 { rl_callback_read_char() }
      if ready < 0 && errno != EINTR { break }
    }
    guard ReadlineState.finished, let line = ReadlineState.line else {
      if !ReadlineState.finished { rl_callback_handler_remove() }
      return .end
    }
    return .line(line)
  }

  /// Adds a line to the history and appends it to the history file, keeping the file to
  /// `historyLimit` lines. Repeats of the previous line are not stored twice.
  func remember(_ line: String) {
    if let newest = mlpsh_history_newest(), String(cString: newest) == line {
      return
    }
    add_history(line)
    guard let historyPath else { return }
    append_history(1, historyPath)
    history_truncate_file(historyPath, Int32(historyLimit))
  }

  /// Ctrl-C at the prompt: drop what was typed, go to a fresh line.
  private func cancelLine() {
    mlpsh_rl_cancel_line()
    Console.write("^C\n")
    rl_callback_handler_remove()
  }

  // MARK: - Completion

  private static func complete(text: UnsafePointer<CChar>?, start: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    let word = text.map { String(cString: $0) } ?? ""
    let buffer = mlpsh_rl_line_buffer().map { String(cString: $0) } ?? ""
    let prefix = String(decoding: Array(buffer.utf8).prefix(start), as: UTF8.self)
    let candidates = ReadlineState.completer?(prefix, word) ?? []
    ReadlineState.candidates = candidates
    ReadlineState.next = 0
    let expectsMore = candidates.count == 1 && (candidates[0].hasSuffix("=") || candidates[0].hasSuffix("/"))
    mlpsh_rl_completion_settings(expectsMore ? 0 : 32)
    return rl_completion_matches(text) { _, state in
      if state == 0 { ReadlineState.next = 0 }
      guard ReadlineState.next < ReadlineState.candidates.count else { return nil }
      defer { ReadlineState.next += 1 }
      return strdup(ReadlineState.candidates[ReadlineState.next])
    }
  }
}

/// What readline's C callbacks, which cannot capture context, share with `LineReader`.
/// Only the main thread touches it.
private enum ReadlineState {
  nonisolated(unsafe) static var finished = false
  nonisolated(unsafe) static var line: String?
  nonisolated(unsafe) static var completer: ((String, String) -> [String])?
  nonisolated(unsafe) static var candidates: [String] = []
  nonisolated(unsafe) static var next = 0
}
