import Foundation
import MLPCore
import MLPScript
import Testing
@testable import MLPExport
import TestSupport

/// Every lesson in examples/ passes `--check` and exports to all three formats: the page
/// parses with every cell in order and every figure, the notebook holds an SVG per figure
/// (and passes nbformat where it is installed), the Markdown's figures are written beside
/// it. The examples that load MNIST run in the release suite with MLPSH_DATA, as
/// MLPScriptTests' ExampleScriptTests do; the others in every build.
@Suite(.serialized) struct ExampleExportTests {
  @Test func thereAreExamplesToExport() {
    #expect(ExampleFiles.files.count == 8)
    #expect(!ExampleFiles.offline.isEmpty)
  }

  @Test(arguments: ExampleFiles.offline) func offlineExampleChecksAndExports(_ name: String) throws {
    try checkAndExport(name)
  }

  @Test(.enabled(if: ExampleFiles.canTrainOnMNIST, "needs a release build and MLPSH_DATA"), arguments: ExampleFiles.mnist)
  func mnistExampleChecksAndExports(_ name: String) throws {
    try checkAndExport(name)
  }

  private func checkAndExport(_ name: String) throws {
    let lesson = try Lesson(path: ExampleFiles.path(name))
    let run = LessonRunner(lesson: lesson).runAll()
    // --check passes.
    let report = CheckReport(run: run)
    #expect(report.passed, "\(report.render())")
    #expect(run.expectations.count >= 3)
    let figures = run.cells.flatMap(\.figures)
    #expect(!figures.isEmpty, "\(name) draws no figure")

    let folder = try LessonFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let stem = (name as NSString).deletingPathExtension
    let html = folder.appendingPathComponent("\(stem).html").path
    let notebook = folder.appendingPathComponent("\(stem).ipynb").path
    let markdown = folder.appendingPathComponent("\(stem).md").path
    try Exporter.write(run, to: html)
    try Exporter.write(run, to: notebook)
    let written = try Exporter.write(run, to: markdown)

    // The page: every cell in order, every figure, with ids of its own.
    let root = try parseXML(try String(contentsOfFile: html, encoding: .utf8))
    #expect(root.elements("section").map { $0.attributes["id"] } == lesson.cells.indices.map { "cell-\($0 + 1)" })
    #expect(root.elements("figure").map { $0.elements("svg").first?.elements("title").first?.textContent } == figures.map(\.title))
    let ids = root.all.compactMap { $0.attributes["id"] }
    #expect(Set(ids).count == ids.count, "\(name): ids repeat")

    // The notebook: one SVG per figure, in order.
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: notebook))) as? [String: Any]
    let cells = try #require(json?["cells"] as? [[String: Any]])
    #expect(cells.count == lesson.cells.count)
    let svgs = cells.flatMap { ($0["outputs"] as? [[String: Any]]) ?? [] }
      .compactMap { ($0["data"] as? [String: Any])?["image/svg+xml"] as? [String] }
    #expect(svgs.count == figures.count)
    if NotebookValidator.isAvailable {
      let validation = try NotebookValidator.validate(notebook)
      #expect(validation.status == 0, "\(validation.output)")
    }

    // The Markdown: each figure written beside it.
    #expect(written.count == figures.count + 1)
    #expect(written.dropFirst().allSatisfy { FileManager.default.fileExists(atPath: $0) })
  }
}
