import Foundation
import MLPPlot
import MLPScript
import Testing
@testable import MLPExport
import TestSupport

/// The HTML export parses as XML, holds every cell in order with its output and figures,
/// and references nothing outside itself.
@Suite struct HTMLExportTests {
  static let lessons = ["digits-lesson.mlp", "wrong-expectations.mlp", "stops-early.mlp"]

  func page(_ name: String) throws -> (LessonRun, XMLNode) {
    let run = try LessonFixtures.run(name)
    return (run, try parseXML(HTMLExport(run: run, generator: "mlpsh test").document()))
  }

  @Test(arguments: lessons)
  func everyCellIsThereInOrderWithItsSourceAndOutput(_ name: String) throws {
    let (run, root) = try page(name)
    #expect(root.name == "html")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/1999/xhtml")
    #expect(root.elements("title").first?.textContent == run.lesson.title)
    let sections = root.elements("section")
    #expect(sections.map { $0.attributes["id"] } == run.cells.indices.map { "cell-\($0 + 1)" })
    #expect(sections.map { $0.attributes["class"] } == run.lesson.cells.map { "cell \($0.kind.rawValue)" })
    for (section, (cell, result)) in zip(sections, zip(run.lesson.cells, run.cells)) where cell.kind == .code {
      let source = section.elements(withClass: "source").first?.textContent
      #expect(source == run.lesson.lines(of: cell).joined(separator: "\n"))
      let texts = result.outputs.compactMap { output -> String? in
        if case let .text(lines) = output { return lines.joined(separator: "\n") }
        return nil
      }
      let shown = section.elements("pre").filter { $0.attributes["class"] == "output" }.map(\.textContent)
      #expect(shown == texts)
      #expect(section.elements("figure").count == result.figures.count)
      #expect(section.elements(withClass: "error").count == result.outputs.filter {
        if case .diagnostic = $0 { return true } else { return false }
      }.count)
      #expect(section.elements(withClass: "pass").count == result.expectations.filter(\.holds).count)
      #expect(section.elements(withClass: "fail").count == result.failures.count)
    }
  }

  /// A handout carries neither the teacher's data folder nor their home folder.
  @Test func exportsHideTheTeachersFolders() throws {
    var run = try LessonFixtures.run("digits-lesson.mlp")
    run.cells[1].outputs.append(.text(["mnist: from '/home/ann/data/mnist/'", "saved to '/home/ann/m.json'"]))
    let hidden = run.hidingPaths(environment: ["MLPSH_DATA": "/home/ann/data/mnist/", "HOME": "/home/ann"])
    let texts = hidden.cells[1].outputs.compactMap { output -> [String]? in
      if case let .text(lines) = output { return lines } else { return nil }
    }
    #expect(texts.last == ["mnist: from '$MLPSH_DATA/'", "saved to '~/m.json'"])
    let document = HTMLExport(run: hidden, generator: "mlpsh test").document()
    #expect(!document.contains("/home/ann"))
    #expect(document.contains("pre.output, pre.source { white-space: pre-wrap; overflow-wrap: anywhere; }"))
    #expect(document.contains("from digits-lesson.mlp."))
  }

  @Test func everyFigureIsInlineSVGWithItsOwnIDs() throws {
    let (run, root) = try page("digits-lesson.mlp")
    let figures = root.elements("figure")
    let expected = run.cells.flatMap(\.figures)
    #expect(figures.count == 3)
    #expect(figures.map { $0.elements("svg").first?.elements("title").first?.textContent } == expected.map(\.title))
    #expect(figures.map { $0.elements("figcaption").first?.textContent } == expected.map(\.summary))
    #expect(figures.map { $0.attributes["id"] } == ["c2f0-figure", "c4f0-figure", "c5f0-figure"])
    // Ids are unique across the page, and every reference resolves to one of them.
    let ids = root.all.compactMap { $0.attributes["id"] }
    #expect(Set(ids).count == ids.count)
    for element in root.all {
      for reference in element.attributes["aria-labelledby"]?.split(separator: " ") ?? [] {
        #expect(ids.contains(String(reference)), "aria-labelledby \(reference)")
      }
      if let clip = element.attributes["clip-path"] {
        #expect(clip.hasPrefix("url(#c") && ids.contains(String(clip.dropFirst(5).dropLast())), "\(clip)")
      }
    }
  }

  @Test(arguments: lessons)
  func thePageLoadsNothingFromOutside(_ name: String) throws {
    let (_, root) = try page(name)
    let names = Set(root.all.map(\.name))
    for forbidden in ["script", "link", "img", "iframe", "object", "embed", "image", "use", "base"] {
      #expect(!names.contains(forbidden), "<\(forbidden)>")
    }
    #expect(root.all.allSatisfy { $0.attributes["src"] == nil && $0.attributes["xlink:href"] == nil })
    #expect(root.all.filter { $0.attributes["href"] != nil }.allSatisfy { $0.name == "a" })
    let style = root.elements("style").map(\.textContent).joined()
    #expect(!style.contains("url(") && !style.contains("@import") && !style.contains("@font-face"))
    // Phone and print layouts.
    #expect(root.elements("meta").contains { $0.attributes["name"] == "viewport" })
    #expect(style.contains("@media (max-width: 640px)") && style.contains("@media print"))
  }

  @Test func markdownIsRenderedAndResultsAreMarked() throws {
    let (_, root) = try page("digits-lesson.mlp")
    #expect(root.elements("title").first?.textContent == "Digits, end to end")
    let intro = root.elements("section")[1]
    #expect(intro.elements("h1").first?.textContent == "Digits, end to end")
    #expect(intro.elements("h1").first?.elements("em").first?.textContent == "end to end")
    #expect(intro.elements("li").count == 3)
    #expect(intro.elements("a").first?.attributes["href"] == "https://example.org/notebook")
    #expect(intro.elements(withClass: "math").first?.textContent == "$L = -\\sum_k y_k \\log p_k$")
    let checks = root.elements(withClass: "checks").flatMap { $0.elements("li") }.map(\.textContent)
    #expect(checks == ["✓ train samples = 1438", "✓ classes = 10", "✓ parameters = 2410", "✓ iterations = 66",
                       "✓ test accuracy ≥ 0.8 (0.8635)"])
  }

  @Test func aStoppedLessonShowsTheErrorAndWhatDidNotRun() throws {
    let (_, root) = try page("stops-early.mlp")
    let sections = root.elements("section")
    #expect(sections[2].elements(withClass: "error").first?.textContent.hasPrefix("error: unknown activation 'rleu'") == true)
    #expect(sections[3].elements(withClass: "not-run").first?.textContent == "Not run: the lesson stopped before this cell.")
    #expect(sections[3].elements(withClass: "outputs").isEmpty)
    #expect(root.elements("header").first?.textContent == "stops-early.mlp · 4 cells, 0 figures; 1 expectation holds; stopped by an error")
  }

  @Test func hostileTextStaysText() throws {
    let text = """
      # %% [markdown] </title><script>alert(1)</script>
      # # <script>alert("x")</script> & co
      # [x](javascript:alert(1)) <img src=x onerror=alert(1)>

      # %% "]]> <!-- --> &amp;
      m = mlp [2,3]
      # expect: "</pre><script>"
      """
    let lesson = try Lesson(source: Source(name: "<b>evil</b>.mlp", text: text))
    let document = HTMLExport(run: LessonRunner(lesson: lesson).runAll()).document()
    let root = try parseXML(document)
    #expect(!root.all.contains { ["script", "img"].contains($0.name) })
    #expect(root.elements("h1").first?.textContent == "<script>alert(\"x\")</script> & co")
    #expect(root.elements("title").first?.textContent == "<script>alert(\"x\")</script> & co")
    #expect(root.elements(withClass: "cell-title").first?.textContent == "\"]]> <!-- --> &amp;")
    #expect(root.elements(withClass: "fail").count == 1)
  }
}
