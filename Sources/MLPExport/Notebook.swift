/// A Jupyter notebook in nbformat 4.5, as the types Jupyter's schema names: the notebook,
/// its metadata (the kernel and its language), markdown and code cells with ids, and the four
/// kinds of output. Encoded with sorted keys (`NotebookExport.json`), so an export is the
/// same bytes every time.
struct Notebook: Codable, Equatable {
  var nbformat = 4
  var nbformatMinor = 5
  var metadata: Metadata
  var cells: [Cell]

  enum CodingKeys: String, CodingKey {
    case nbformat, metadata, cells
    case nbformatMinor = "nbformat_minor"
  }

  /// The notebook's metadata: which kernel runs it, its language, and where it came from.
  struct Metadata: Codable, Equatable {
    var kernelspec: KernelSpec
    var languageInfo: LanguageInfo
    /// mlpsh's own: the program that wrote it and the lesson it came from.
    var mlpsh: Provenance

    enum CodingKeys: String, CodingKey {
      case kernelspec, mlpsh
      case languageInfo = "language_info"
    }
  }

  struct KernelSpec: Codable, Equatable {
    var name: String
    var displayName: String
    var language: String

    enum CodingKeys: String, CodingKey {
      case name, language
      case displayName = "display_name"
    }
  }

  struct LanguageInfo: Codable, Equatable {
    var name: String
    var version: String
    var fileExtension: String
    var mimetype: String
    var codemirrorMode: String
    var pygmentsLexer: String

    enum CodingKeys: String, CodingKey {
      case name, version, mimetype
      case fileExtension = "file_extension"
      case codemirrorMode = "codemirror_mode"
      case pygmentsLexer = "pygments_lexer"
    }
  }

  struct Provenance: Codable, Equatable {
    var generator: String
    var source: String
  }

  /// Text as nbformat stores it: lines, each with its newline but the last.
  typealias MultilineText = [String]
  /// Representations of one value by MIME type: `image/svg+xml`, `text/plain`…
  typealias MimeBundle = [String: MultilineText]
}
