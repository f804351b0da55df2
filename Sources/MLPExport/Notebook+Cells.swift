extension Notebook {
  /// A cell: prose, or code with what running it printed and drew.
  enum Cell: Codable, Equatable {
    case markdown(id: String, source: MultilineText)
    /// `executionCount` is nil (JSON `null`) for a cell that did not run.
    case code(id: String, metadata: CodeMetadata, executionCount: Int?, source: MultilineText, outputs: [Output])

    enum CodingKeys: String, CodingKey {
      case id, metadata, source, outputs
      case cellType = "cell_type"
      case executionCount = "execution_count"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case let .markdown(id, source):
        try container.encode("markdown", forKey: .cellType)
        try container.encode(id, forKey: .id)
        try container.encode([String: String](), forKey: .metadata)
        try container.encode(source, forKey: .source)
      case let .code(id, metadata, executionCount, source, outputs):
        try container.encode("code", forKey: .cellType)
        try container.encode(id, forKey: .id)
        try container.encode(metadata, forKey: .metadata)
        // Written even when nil: nbformat requires the key, with null for a cell never run.
        try container.encode(executionCount, forKey: .executionCount)
        try container.encode(source, forKey: .source)
        try container.encode(outputs, forKey: .outputs)
      }
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let id = try container.decode(String.self, forKey: .id)
      let source = try container.decode(MultilineText.self, forKey: .source)
      switch try container.decode(String.self, forKey: .cellType) {
      case "markdown":
        self = .markdown(id: id, source: source)
      case "code":
        self = .code(id: id, metadata: try container.decode(CodeMetadata.self, forKey: .metadata),
                     executionCount: try container.decode(Int?.self, forKey: .executionCount),
                     source: source, outputs: try container.decode([Output].self, forKey: .outputs))
      case let other:
        throw DecodingError.dataCorruptedError(forKey: .cellType, in: container,
                                               debugDescription: "unknown cell type '\(other)'")
      }
    }
  }

  /// A code cell's metadata: its title (the `## ` line above it), when it has one.
  struct CodeMetadata: Codable, Equatable {
    var title: String?
  }

  /// One output of a code cell, as nbformat 4 has them.
  enum Output: Codable, Equatable {
    /// Printed text: `name` is `stdout` or `stderr`.
    case stream(name: String, text: MultilineText)
    /// A figure or other rich value shown along the way.
    case displayData(data: MimeBundle)
    /// The value of the cell's last expression, numbered like the cell.
    case executeResult(executionCount: Int, data: MimeBundle)
    /// An error that stopped the cell: its name, message and the lines of its traceback.
    case error(name: String, value: String, traceback: [String])

    enum CodingKeys: String, CodingKey {
      case name, text, data, metadata, ename, evalue, traceback
      case outputType = "output_type"
      case executionCount = "execution_count"
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case let .stream(name, text):
        try container.encode("stream", forKey: .outputType)
        try container.encode(name, forKey: .name)
        try container.encode(text, forKey: .text)
      case let .displayData(data):
        try container.encode("display_data", forKey: .outputType)
        try container.encode(data, forKey: .data)
        try container.encode([String: String](), forKey: .metadata)
      case let .executeResult(executionCount, data):
        try container.encode("execute_result", forKey: .outputType)
        try container.encode(executionCount, forKey: .executionCount)
        try container.encode(data, forKey: .data)
        try container.encode([String: String](), forKey: .metadata)
      case let .error(name, value, traceback):
        try container.encode("error", forKey: .outputType)
        try container.encode(name, forKey: .ename)
        try container.encode(value, forKey: .evalue)
        try container.encode(traceback, forKey: .traceback)
      }
    }

    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      switch try container.decode(String.self, forKey: .outputType) {
      case "stream":
        self = .stream(name: try container.decode(String.self, forKey: .name),
                       text: try container.decode(MultilineText.self, forKey: .text))
      case "display_data":
        self = .displayData(data: try container.decode(MimeBundle.self, forKey: .data))
      case "execute_result":
        self = .executeResult(executionCount: try container.decode(Int.self, forKey: .executionCount),
                              data: try container.decode(MimeBundle.self, forKey: .data))
      case "error":
        self = .error(name: try container.decode(String.self, forKey: .ename),
                      value: try container.decode(String.self, forKey: .evalue),
                      traceback: try container.decode([String].self, forKey: .traceback))
      case let other:
        throw DecodingError.dataCorruptedError(forKey: .outputType, in: container,
                                               debugDescription: "unknown output type '\(other)'")
      }
    }
  }
}
