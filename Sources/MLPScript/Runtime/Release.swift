/// The program's name and version, and what tools need to know of its language: a
/// notebook's `language_info`, the Jupyter kernel's reply, `--version`, the shell's banner.
public enum Release {
  /// The program, its language and its Jupyter kernel are all called this.
  public static let name = "mlpsh"
  public static let version = "0.1.0"
  /// "mlpsh 0.1.0": the shell's banner, the kernel's, and what an export says made it.
  public static let nameAndVersion = "\(name) \(version)"
  /// Scripts and lessons end in this.
  public static let fileExtension = ".mlp"
  public static let mimeType = "text/x-mlpsh"
  /// The Pygments lexer and CodeMirror mode that colour the language best: like a shell's,
  /// its lines are words, `key=value` options, strings, numbers and `#` comments.
  public static let pygmentsLexer = "bash"
  public static let codeMirrorMode = "shell"
}
