import Foundation

/// Tab completion, driven by the command table: command names first, then a command's
/// option keys (`batch=`), its positional values (model and data set names, setting keys,
/// file paths, choices), and after `key=` the values that option takes.
///
/// It works on text alone, so the executable's readline hook and the tests share it.
public enum Completer {
  /// The completions of `word`, the text being typed, given the line before it. A
  /// completion ending in `=` or `/` expects more text after it.
  public static func candidates(
    before prefix: String, word: String, session: Session,
    fileManager: FileManager = .default
  ) -> [String] {
    let tokens = commandWords(before: prefix)
    guard let commandName = tokens.first else {
      return CommandSpec.names.filter { $0.hasPrefix(word) }
    }
    guard let spec = CommandSpec.named(commandName) else { return [] }

    if let equals = word.firstIndex(of: "=") {
      let key = String(word[..<equals])
      let typed = String(word[word.index(after: equals)...])
      guard let option = spec.option(key) else { return [] }
      return values(of: option.kind, typed: typed, session: session, fileManager: fileManager)
        .map { "\(key)=\($0)" }
    }

    let used = Set(tokens.dropFirst().compactMap { $0.split(separator: "=").first.map(String.init) })
    var result = spec.options.map(\.key).filter { !used.contains($0) && $0.hasPrefix(word) }.map { $0 + "=" }
    for argument in spec.arguments {
      result += values(of: argument.kind, typed: word, session: session, fileManager: fileManager)
    }
    var seen = Set<String>()
    return result.filter { seen.insert($0).inserted }
  }

  /// The words of the statement that `prefix` ends in, from its command on: after the last
  /// `;`, and without a binding (`m = train …`, `m= train …`).
  public static func commandWords(before prefix: String) -> [String] {
    let statement = prefix.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    var tokens = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    if tokens.count >= 2 && tokens[1] == "=" {
      tokens.removeFirst(2)
    } else if let first = tokens.first, first.hasSuffix("="), !first.dropLast().contains("=") {
      tokens.removeFirst()
    }
    return tokens
  }

  /// The values of `kind` that start with `typed`.
  static func values(of kind: ValueKind, typed: String, session: Session, fileManager: FileManager) -> [String] {
    let all: [String]
    switch kind {
    case let .choice(words): all = words
    case .boolean: all = ["true", "false"]
    case .model: all = session.modelNames
    case .data: all = session.dataNames
    case .modelOrData: all = session.modelNames + session.dataNames
    case .command: all = CommandSpec.names + ["language"]
    case .setting: all = SettingSpec.keys
    case .path: return paths(matching: typed, fileManager: fileManager)
    case .integer, .number, .integerList, .numberList, .text: all = []
    }
    return all.filter { $0.hasPrefix(typed) }
  }

  /// Files and folders whose path starts with `typed`; folders end with `/`. Hidden
  /// entries only when the typed name starts with a dot.
  static func paths(matching typed: String, fileManager: FileManager) -> [String] {
    let slash = typed.lastIndex(of: "/")
    let folder = slash.map { String(typed[...$0]) } ?? ""
    let stem = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
    let directory = folder.isEmpty ? "." : Paths.expandingTilde(folder)
    // Tab completion offers what it can: a folder it cannot list offers nothing.
    guard let entries = try? fileManager.contentsOfDirectory(atPath: directory) else { return [] }
    return entries.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }
      .sorted()
      .map { entry in
        var isDirectory: ObjCBool = false
        _ = fileManager.fileExists(atPath: (directory as NSString).appendingPathComponent(entry),
                                   isDirectory: &isDirectory)
        return folder + entry + (isDirectory.boolValue ? "/" : "")
      }
  }
}
