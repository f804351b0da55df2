import Testing
@testable import MLPScript

/// Issue 17, M5 and M6: scripts as editors save them. A leading byte-order mark is left
/// out, old Mac line endings (CR alone) end lines, and a caret after CJK text is placed by
/// terminal columns.
@Suite struct ScriptTextTests {
  @Test func aLeadingByteOrderMarkIsLeftOut() {
    let source = Source(name: "bom.mlp", text: "\u{FEFF}mlp [2,2]\n")
    #expect(source.text == "mlp [2,2]\n")
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(script: source) == nil)
    #expect(interpreter.session.models.count == 1)
  }

  @Test func carriageReturnsAloneEndLines() {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    #expect(interpreter.run(script: Source(name: "mac.mlp", text: "a = mlp [2,2]\rb = mlp [3,3]\r")) == nil)
    #expect(interpreter.session.models.keys.sorted() == ["a", "b"])
    // Windows endings are as they were: one line end, not two.
    #expect(Source(name: "w", text: "x\r\ny\r\n").lineCount == 2)
  }

  @Test func theCaretAfterWideCharactersIsUnderTheMistake() throws {
    let source = Source(name: "cjk.mlp", text: "save m \"漢字.json\" @")
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    let diagnostic = try #require(interpreter.run(script: source))
    let lines = DiagnosticRenderer(color: false).render(diagnostic).split(separator: "\n").map(String.init)
    // The 17 characters before '@' take 19 columns: each CJK character takes two.
    #expect(lines[2] == "1 | save m \"漢字.json\" @")
    #expect(lines[3] == "  | " + String(repeating: " ", count: 19) + "^")
  }
}
