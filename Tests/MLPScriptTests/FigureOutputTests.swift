import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MLPPlot
import Testing
@testable import MLPScript
import TestSupport

/// The figures the shell composes (a sweep's overlay, a model's twin-axis curves, a
/// perceptron's boundary after each epoch) drawn at a fixed size, as golden snapshots; their
/// SVG files; and the folder that keeps every figure of a script.
@Suite struct FigureOutputTests {
  /// A terminal of 72 × 22 without colour (braille), or the plain ASCII of a pipe.
  static let terminal = OutputStyle(isTerminal: true, color: false, width: 72, height: 22)
  static let colour = OutputStyle(isTerminal: true, color: true, width: 72, height: 22)

  static func run(_ lines: [String], style: OutputStyle) -> (Interpreter, CollectingSink) {
    let (interpreter, sink) = Fixtures.interpreter(style: style)
    interpreter.environment.clock = { 0 }
    for line in lines.dropLast() {
      #expect(interpreter.run(line: line) == nil, "\(line)")
    }
    sink.clear()
    #expect(interpreter.run(line: lines.last!) == nil, "\(lines.last!)")
    return (interpreter, sink)
  }

  static let sweep = ["m = mlp [2,8,3] lr=0.5 init=xavier", "sweep quadrants batch=20,40,60 epochs=3 smooth=10"]
  static let curves = ["m = mlp [2,8,3] lr=0.5 init=xavier", "train quadrants batch=20 epochs=2 progress=false",
                       "plot m x=epochs"]
  static let boundary = ["p = perceptron 2 weights=[-0.5,-0.4]", "train p blobs epochs=3", "plot boundary p"]

  /// `ylim=log` on a sweep, and `plot smooth=`: the raw curves faint under their means.
  static let sweepLog = ["m = mlp [2,8,3] lr=0.5 init=xavier", "sweep quadrants lr=0.5,2,8 epochs=3 smooth=10 ylim=log"]
  static let smoothed = ["m = mlp [2,8,3] lr=0.5 init=xavier", "train quadrants batch=20 epochs=4 progress=false",
                         "plot m smooth=10"]

  @Test(arguments: [("sweep", sweep), ("curves", curves), ("boundary", boundary), ("sweep-log", sweepLog),
                    ("curves-smoothed", smoothed)])
  func terminalFiguresMatchTheirSnapshots(_ name: String, _ lines: [String]) {
    for (suffix, style) in [("ascii", OutputStyle.plain), ("braille", Self.terminal), ("color", Self.colour)] {
      let (_, sink) = Self.run(lines, style: style)
      // The figure: from its title (the first line after the table, if any) to its summary.
      let figure = name.hasPrefix("sweep") ? Array(sink.lines.drop { !$0.contains("sweep of m on quadrants: loss") }) : sink.lines
      assertSnapshot(figure.joined(separator: "\n"), named: "\(name).\(suffix)")
    }
  }

  @Test func figuresFitTheTerminalAndFallBackToASCII() {
    let wide = Invocation.figureStyle(for: OutputStyle(isTerminal: true, color: true, width: 150, height: 50))
    #expect(wide == TerminalStyle(width: 150, height: 30, color: true, unicode: true))
    let short = Invocation.figureStyle(for: OutputStyle(isTerminal: true, color: false, width: 60, height: 12))
    #expect(short == TerminalStyle(width: 60, height: 12, color: false, unicode: true))
    let pipe = Invocation.figureStyle(for: OutputStyle(isTerminal: false, color: false, width: 200, height: 60))
    #expect(pipe == TerminalStyle.ascii(width: 80, height: 24))
    let (_, sink) = Self.run(Self.curves, style: OutputStyle(isTerminal: true, color: false, width: 100, height: 40))
    #expect(sink.lines.count == 30)
    #expect(sink.lines.allSatisfy { $0.count <= 100 })
    #expect(sink.lines.last?.hasPrefix("loss ") == true)
  }

  @Test func aSweepChartIsWrittenAsSVGWithOneCurvePerRun() throws {
    let path = NSTemporaryDirectory() + "mlpsh-sweep-\(UUID().uuidString).svg"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (_, sink) = Self.run(["m = mlp [2,8,3] lr=0.5", "sweep batch=20,40 lr=0.5,1 x=examples to=\"\(path)\""],
                             style: .plain)
    #expect(sink.lines.last?.hasPrefix("wrote \(path): cross-entropy loss: m_batch20_lr0_5 ") == true)
    let svg = try String(contentsOfFile: path, encoding: .utf8)
    let root = try parseXML(svg)
    let curves = root.elements("path").filter { $0.attributes["class"] == "series" }
    #expect(curves.map { $0.elements("title").first?.text ?? "" }
      == ["m_batch20_lr0_5", "m_batch20_lr1", "m_batch40_lr0_5", "m_batch40_lr1"])
    #expect(root.texts.contains("examples seen"))
    #expect(root.texts.contains { $0.contains("sweep of m on quadrants: loss") })
  }

  @Test func aFigureGoesToAFileWrittenWithOrWithoutEquals() throws {
    let folder = NSTemporaryDirectory() + "mlpsh-to-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (interpreter, sink) = Self.run(["m = mlp [2,8,3] lr=0.5", "train batch=20 progress=false",
                                        "plot confusion m to \"\(folder)/c.svg\""], style: .plain)
    #expect(sink.lines == ["wrote \(folder)/c.svg: 300 examples, 287 correct (95.7%); most confused: 1 → 0 (4), 2 → 0 (4), 2 → 1 (3)"])
    _ = try parseXML(String(contentsOfFile: folder + "/c.svg", encoding: .utf8))
    #expect(interpreter.run(line: "plot m to=\"\(folder)/m.svg\"") == nil)
    #expect(FileManager.default.fileExists(atPath: folder + "/m.svg"))
    let error = interpreter.run(script: Source(name: "t.mlp", text: "plot m to"))
    #expect(error?.description == """
      error: 'to' needs a file
       --> t.mlp:1:8
      1 | plot m to
        |        ^~ such as to "figure.svg"
      """)
  }

  @Test func everyFigureIsKeptInThePlotsFolder() throws {
    let folder = NSTemporaryDirectory() + "mlpsh-plots-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (interpreter, sink) = Fixtures.interpreter()
    for line in ["set plots=\"\(folder)\"", "mlp [2,8,3] lr=0.5; train batch=20 progress=false", "plot",
                 "plot confusion"] {
      interpreter.run(line: line)
    }
    #expect(sink.lines.contains("saved \(folder)/01-mlp1-training-loss-and-accuracy.svg"))
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["01-mlp1-training-loss-and-accuracy.svg", "02-mlp1-on-quadrants-test.svg"])
    for file in files {
      _ = try parseXML(String(contentsOfFile: folder + "/" + file, encoding: .utf8))
    }
    #expect(interpreter.run(line: "set plots=none") == nil)
    #expect(interpreter.session.settings.plotFolder == nil)
  }

  @Test func slugsAreFileNames() {
    #expect(Invocation.slug("m16: training loss and accuracy") == "m16-training-loss-and-accuracy")
    #expect(Invocation.slug("p after epoch 3 on blobs (train)") == "p-after-epoch-3-on-blobs-train")
    #expect(Invocation.slug("→ ∑") == "figure")
  }
}
