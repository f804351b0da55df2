import Foundation
import Testing
@testable import MLPExport
import TestSupport

/// The Markdown export and the files written beside it; export errors.
@Suite struct MarkdownExportTests {
  @Test func figuresAreWrittenBesideAndLinked() throws {
    let run = try LessonFixtures.run("digits-lesson.mlp")
    let folder = try LessonFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("report.md").path
    let written = try Exporter.write(run, to: path)
    let figures = ["cell-3-figure-1.svg", "cell-5-figure-1.svg", "cell-6-figure-1.svg"]
    #expect(written == [path] + figures.map { folder.appendingPathComponent("report_files/\($0)").path })
    let markdown = try String(contentsOfFile: path, encoding: .utf8)
    // Every figure is linked by a relative path that exists, and is valid SVG.
    for (name, figure) in zip(figures, run.cells.flatMap(\.figures)) {
      #expect(markdown.contains("![\(figure.title)](report_files/\(name) \"\(figure.summary)\")"))
      let svg = try String(contentsOfFile: folder.appendingPathComponent("report_files/\(name)").path, encoding: .utf8)
      #expect(try parseXML(svg).elements("title").first?.textContent == figure.title)
    }
    // Markdown cells as written, code fenced, output fenced, in order.
    let order = ["# Digits, *end to end*", "**Load the data**", "```mlpsh\nload digits\n", "```text\ndigits: 1438 training",
                 "![digits test samples]", "## Train", "**Train the network**", "```text\ndigits: scaled to [0, 1]",
                 "![m: training loss", "**Test it**", "```text\nm on digits (test): test loss", "![m on digits (test)]"]
    var position = markdown.startIndex
    for text in order {
      let found = try #require(markdown.range(of: text, range: position ..< markdown.endIndex), "\(text) out of order")
      position = found.upperBound
    }
    // The Markdown renders: our own renderer reads it back with three links to the figures.
    let html = try parseXML("<div>" + Markdown(markdown).html() + "</div>")
    #expect(html.elements("a").compactMap { $0.attributes["href"] }.filter { $0.hasPrefix("report_files/") }.count == 3)
  }

  @Test func fencesOutgrowTheBackticksInside() {
    #expect(MarkdownExport.fenced(["a ``` b"], info: "text") == "````text\na ``` b\n````")
    #expect(MarkdownExport.fenced(["plain"], info: "mlpsh") == "```mlpsh\nplain\n```")
  }

  @Test func theFormatComesFromTheExtension() throws {
    #expect(ExportFormat(path: "a/report.HTML") == .html)
    #expect(ExportFormat(path: "lesson.ipynb") == .ipynb)
    #expect(ExportFormat(path: "notes.markdown") == .markdown)
    #expect(ExportFormat(path: "report.pdf") == nil)
    let run = try LessonFixtures.run("stops-early.mlp")
    #expect(throws: ExportError.unknownFormat(path: "report.pdf")) { try Exporter.write(run, to: "report.pdf") }
    #expect("\(ExportError.unknownFormat(path: "report.pdf"))" == "cannot tell the format of 'report.pdf': it should end in .html, .ipynb or .md")
    #expect(throws: ExportError.cannotWrite(path: "/nonexistent/folder/r.html", reason: "cannot create a file in '/nonexistent/folder': no such file or directory")) {
      try Exporter.write(run, to: "/nonexistent/folder/r.html")
    }
  }
}
