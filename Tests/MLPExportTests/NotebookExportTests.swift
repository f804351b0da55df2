import Foundation
import Testing
@testable import MLPExport
import TestSupport

/// The notebook export: nbformat 4.5 structure, outputs and images, and (where Python's
/// `nbformat` package is installed, as CI installs it) the official validator's verdict.
@Suite struct NotebookExportTests {
  static let lessons = ["digits-lesson.mlp", "wrong-expectations.mlp", "stops-early.mlp"]

  func notebook(_ name: String) throws -> (LessonRun, [String: Any], String) {
    let run = try LessonFixtures.run(name)
    let json = try NotebookExport(run: run, generator: "mlpsh test").json()
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return (run, try #require(object), json)
  }

  @Test(arguments: lessons)
  func cellsSourcesAndOutputs(_ name: String) throws {
    let (run, notebook, _) = try notebook(name)
    #expect(notebook["nbformat"] as? Int == 4)
    #expect(notebook["nbformat_minor"] as? Int == 5)
    let metadata = try #require(notebook["metadata"] as? [String: Any])
    #expect((metadata["kernelspec"] as? [String: String])?["name"] == "mlpsh")
    #expect((metadata["language_info"] as? [String: String])?["file_extension"] == ".mlp")
    let cells = try #require(notebook["cells"] as? [[String: Any]])
    #expect(cells.map { $0["id"] as? String } == run.cells.indices.map { "cell-\($0 + 1)" })
    #expect(cells.map { $0["cell_type"] as? String } == run.lesson.cells.map { $0.kind.rawValue })
    var count = 0
    for (json, (cell, result)) in zip(cells, zip(run.lesson.cells, run.cells)) {
      let source = (json["source"] as? [String])?.joined()
      guard cell.kind == .code else {
        #expect(source == cell.markdown.joined(separator: "\n"))
        #expect(json["outputs"] == nil)
        continue
      }
      #expect(source == run.lesson.lines(of: cell).joined(separator: "\n"))
      if result.ran {
        count += 1
        #expect(json["execution_count"] as? Int == count)
      } else {
        #expect(json["execution_count"] is NSNull)
      }
      let outputs = try #require(json["outputs"] as? [[String: Any]])
      #expect(outputs.count == result.outputs.count)
      for (output, expected) in zip(outputs, result.outputs) {
        switch expected {
        case let .text(lines):
          #expect(output["output_type"] as? String == "stream")
          #expect(output["name"] as? String == "stdout")
          #expect((output["text"] as? [String])?.joined() == lines.joined(separator: "\n") + "\n")
        case let .figure(figure, drawing):
          #expect(output["output_type"] as? String == "display_data")
          let data = try #require(output["data"] as? [String: [String]])
          let svg = try #require(data["image/svg+xml"]?.joined())
          let root = try parseXML(svg)
          #expect(root.name == "svg")
          #expect(root.elements("title").first?.textContent == figure.title)
          #expect(root.elements("title").first?.attributes["id"]?.hasPrefix("c\(result.index)f") == true)
          #expect(data["text/plain"]?.joined() == drawing)
        case let .diagnostic(_, rendered):
          #expect(output["name"] as? String == "stderr")
          #expect((output["text"] as? [String])?.joined() == rendered + "\n")
        }
      }
    }
  }

  /// The JSON decodes back into the notebook it was made from, and a second export of the
  /// same run is the same bytes (keys sorted).
  @Test(arguments: lessons)
  func typedRoundTripAndDeterminism(_ name: String) throws {
    let run = try LessonFixtures.run(name)
    let export = NotebookExport(run: run, generator: "mlpsh test")
    let json = try export.json()
    #expect(try JSONDecoder().decode(Notebook.self, from: Data(json.utf8)) == export.notebook())
    #expect(try export.json() == json)
    let keys = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
    #expect(keys == ["cells", "metadata", "nbformat", "nbformat_minor"])
  }

  /// The two kinds of output the exporter does not make yet (an expression's value, an error
  /// with its traceback) encode as nbformat has them.
  static let otherOutputs: Notebook = Notebook(
    metadata: Notebook.Metadata(
      kernelspec: Notebook.KernelSpec(name: "mlpsh", displayName: "mlpsh", language: "mlpsh"),
      languageInfo: Notebook.LanguageInfo(name: "mlpsh", version: "0.1.0", fileExtension: ".mlp", mimetype: "text/x-mlpsh",
                                          codemirrorMode: "shell", pygmentsLexer: "bash"),
      mlpsh: Notebook.Provenance(generator: "mlpsh test", source: "t.mlp")),
    cells: [.code(id: "cell-1", metadata: Notebook.CodeMetadata(title: nil), executionCount: 1, source: ["accuracy"],
                  outputs: [.executeResult(executionCount: 1, data: ["text/plain": ["0.9213"]]),
                            .error(name: "error", value: "unknown model 'n'", traceback: ["error: unknown model 'n'"])])])

  @Test func executeResultAndErrorOutputs() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let cell = try #require(Self.otherOutputs.cells.first)
    #expect(String(decoding: try encoder.encode(cell), as: UTF8.self) == """
      {"cell_type":"code","execution_count":1,"id":"cell-1","metadata":{},"outputs":[\
      {"data":{"text\\/plain":["0.9213"]},"execution_count":1,"metadata":{},"output_type":"execute_result"},\
      {"ename":"error","evalue":"unknown model 'n'","output_type":"error","traceback":["error: unknown model 'n'"]}],\
      "source":["accuracy"]}
      """)
    let data = try encoder.encode(Self.otherOutputs)
    #expect(try JSONDecoder().decode(Notebook.self, from: data) == Self.otherOutputs)
  }

  @Test(.enabled(if: NotebookValidator.isAvailable, "python3 with the nbformat package"))
  func nbformatAcceptsExecuteResultAndErrorOutputs() throws {
    let folder = try LessonFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("outputs.ipynb").path
    try JSONEncoder().encode(Self.otherOutputs).write(to: URL(fileURLWithPath: path))
    let result = try NotebookValidator.validate(path)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output == "valid nbformat 4.5\n")
  }

  @Test func multilineTextKeepsNewlinesButTheLast() {
    #expect(NotebookExport.multiline(["a", "b", ""]) == ["a\n", "b"])
    #expect(NotebookExport.multiline(["a", "b"], final: true) == ["a\n", "b\n"])
    #expect(NotebookExport.multiline([]) == [])
  }

  @Test(.enabled(if: NotebookValidator.isAvailable, "python3 with the nbformat package"), arguments: lessons)
  func nbformatAcceptsIt(_ name: String) throws {
    let (_, _, json) = try notebook(name)
    let folder = try LessonFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("lesson.ipynb").path
    try json.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try NotebookValidator.validate(path)
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output == "valid nbformat 4.5\n")
  }
}

/// Python's `nbformat` package, the reference validator of Jupyter notebooks.
enum NotebookValidator {
  static let script = """
    import sys, nbformat
    notebook = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
    nbformat.validate(notebook)
    print("valid nbformat %d.%d" % (notebook.nbformat, notebook.nbformat_minor))
    """

  static let isAvailable: Bool = (try? run(["-c", "import nbformat"]).status == 0) ?? false

  static func validate(_ path: String) throws -> (status: Int32, output: String) {
    try run(["-c", script, path])
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
