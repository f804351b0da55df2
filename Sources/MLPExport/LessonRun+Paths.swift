import Foundation

// A handout goes to a class: it should not carry the teacher's folders ("from
// '/home/ann/data/mnist'"), which say nothing to a student and something about the teacher.
extension LessonRun {
  /// The run with every absolute path it printed shortened: the folder `MLPSH_DATA` names
  /// becomes `$MLPSH_DATA`, the home folder `~`. Text outputs and rendered diagnostics are
  /// rewritten; figures keep their data and are drawn from it.
  public func hidingPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> LessonRun {
    var replacements: [(String, String)] = []
    if let data = environment["MLPSH_DATA"], data.hasPrefix("/"), data.count > 1 {
      replacements.append((Self.withoutTrailingSlash(data), "$MLPSH_DATA"))
    }
    if let home = environment["HOME"], home.hasPrefix("/"), home.count > 1 {
      replacements.append((Self.withoutTrailingSlash(home), "~"))
    }
    guard !replacements.isEmpty else { return self }
    func hide(_ text: String) -> String {
      replacements.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
    var hidden = self
    for index in hidden.cells.indices {
      hidden.cells[index].outputs = hidden.cells[index].outputs.map { output in
        switch output {
        case let .text(lines): return .text(lines.map(hide))
        case let .figure(figure, drawing): return .figure(figure, drawing: hide(drawing))
        case let .diagnostic(diagnostic, rendered): return .diagnostic(diagnostic, rendered: hide(rendered))
        }
      }
    }
    return hidden
  }

  private static func withoutTrailingSlash(_ path: String) -> String {
    path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
  }
}
