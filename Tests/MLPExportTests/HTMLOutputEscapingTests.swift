import Foundation
import MLPScript
import Testing
@testable import MLPExport
import TestSupport

/// Issue 17: a cell's text output is escaped in the page, not only titles, Markdown and
/// expectations. `save` echoes a file name holding `<b>` and `&`, an error quotes one: both
/// must come back as text, with no element made of them.
@Suite struct HTMLOutputEscapingTests {
  @Test func outputsAndErrorsWithMarkupStayText() throws {
    let folder = try LessonFixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = """
      # %%
      m = mlp [2,3]
      save m "\(folder.path)/a<b>&c.json"

      # %%
      load "\(folder.path)/x<i>&amp;.json"
      """
    let lesson = try Lesson(source: Source(name: "markup.mlp", text: text))
    let document = HTMLExport(run: LessonRunner(lesson: lesson).runAll()).document()
    let root = try parseXML(document)
    #expect(!root.all.contains { ["b", "i"].contains($0.name) })
    let outputs = root.elements(withClass: "outputs").map(\.textContent).joined(separator: "\n")
    #expect(outputs.contains("saved m to \(folder.path)/a<b>&c.json"))
    #expect(outputs.contains("cannot load a model from '\(folder.path)/x<i>&amp;.json': no such file"))
    // The raw markup never reaches the page's source: only its escaped form does.
    #expect(!document.contains("a<b>&c.json") && document.contains("a&lt;b&gt;&amp;c.json"))
  }
}
