import Foundation
import Testing
@testable import MLPScript
import TestSupport

/// `train … health=true`, `plot health` and the change markers of `plot` and `compare`, as
/// the shell prints and draws them: golden snapshots (ASCII, braille without colour,
/// colour, SVG), the report's quantities, and the model file's round trip.
@Suite struct HealthCommandTests {
  static let health = ["m = mlp [2,8,3] sigmoid lr=0.5 init=xavier",
                       "train quadrants batch=20 epochs=4 health=true progress=false", "plot health m"]
  static let changes = ["m = mlp [2,8,3] lr=0.5 init=xavier", "train quadrants batch=20 epochs=1 progress=false",
                        "train quadrants batch=40 epochs=2 lr=0.05 progress=false", "plot m"]

  @Test(arguments: [("health", health), ("changes", changes)])
  func figuresMatchTheirSnapshots(_ name: String, _ lines: [String]) throws {
    let styles = [("ascii", OutputStyle.plain), ("braille", FigureOutputTests.terminal),
                  ("color", FigureOutputTests.colour)]
    for (suffix, style) in styles {
      let (_, sink) = FigureOutputTests.run(lines, style: style)
      assertSnapshot(sink.lines.joined(separator: "\n"), named: "\(name).\(suffix)")
    }
    let path = NSTemporaryDirectory() + "mlpsh-\(name)-\(UUID().uuidString).svg"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = FigureOutputTests.run(lines.dropLast() + [lines.last! + " to=\"\(path)\""], style: .plain)
    assertSnapshot(try String(contentsOfFile: path, encoding: .utf8), named: "\(name).svg")
  }

  @Test func theChangeIsMarkedAndLabelled() throws {
    let (_, sink) = FigureOutputTests.run(Self.changes, style: .plain)
    // 1200 samples: 60 iterations of 20, then 30 of 40 twice; the mark stands after iteration 60.
    #expect(sink.lines.last?.hasSuffix("; changes: lr 0.5 -> 0.05, batch 20 -> 40 at 60") == true, "\(sink.text)")
    #expect(sink.text.contains("lr 0.5 -> 0.05, batch 20 -> 40"))
  }

  @Test func compareMarksEachRunsChangesUnderItsName() throws {
    let (_, sink) = FigureOutputTests.run([
      "a = mlp [2,8,3] lr=0.5 init=xavier", "b = mlp [2,8,3] lr=0.5 init=xavier seed=2",
      "train a quadrants batch=20 progress=false", "train a quadrants batch=20 lr=0.1 progress=false",
      "train b quadrants batch=20 epochs=2 progress=false", "compare a b smooth=1",
    ], style: .plain)
    #expect(sink.lines.last?.hasSuffix("; changes: a: lr 0.5 -> 0.1 at 60") == true, "\(sink.text)")
  }

  @Test func trainReportsTheHealthOfEachLayer() throws {
    let (interpreter, sink) = Fixtures.interpreter()
    #expect(interpreter.run(line: "m = mlp [2,8,4,3] relu lr=0.5 init=he") == nil)
    sink.clear()
    #expect(interpreter.run(line: "train quadrants batch=20 epochs=2 health=true") == nil)
    // The plain progress lines carry the latest measurement.
    #expect(sink.lines[1].hasPrefix("  iteration  12/120  loss "), "\(sink.text)")
    #expect(sink.lines[1].contains("  dead "))
    #expect(sink.lines[1].contains("  ‖∇W‖ "))
    let heading = try #require(sink.lines.firstIndex { $0.hasPrefix("unit health (mean of 3 measurements, iterations 1–101):") })
    #expect(sink.lines[heading + 1].hasPrefix("  layer 1 (8 relu): "))
    #expect(sink.lines[heading + 2].hasPrefix("  layer 2 (4 relu): "))
    #expect(sink.lines[heading + 3].hasPrefix("  layer 3 (3 softmax): ‖∇W₂‖ "))
    let report = try #require(interpreter.session.lastReport)
    guard case let .mlp(model)? = interpreter.session.models["m"] else { Issue.record("no model"); return }
    let points = model.network.history.health
    #expect(points.map(\.iteration) == [1, 51, 101])
    let dead = try #require(report.quantity("dead layer 1"))
    #expect(abs(dead - points.reduce(0) { $0 + Double($1.inactive[0]) } / 3) < 1e-7)
    let norm = try #require(report.quantity("gradient norm layer 3"))
    #expect(abs(norm - points.reduce(0) { $0 + Double($1.gradientNorms[2]) } / 3) < 1e-6 * norm)
    #expect(report.quantity("dead layer 3") == nil)
  }

  @Test func plotHealthRefusesWhatHasNoRecord() {
    let (interpreter, sink) = Fixtures.interpreter()
    interpreter.run(line: "m = mlp [2,8,3]; train quadrants iterations=3 progress=false")
    #expect(interpreter.run(line: "plot health m")?.id == .noModel)
    #expect(sink.text.contains("'m' has no health record"))
    #expect(sink.text.contains("train it with health=true, such as 'train m health=true'"))
    interpreter.run(line: "p = perceptron 2")
    #expect(interpreter.run(line: "plot health p")?.id == .badValue)
  }

  @Test func theModelFileKeepsTheHealthRecord() throws {
    let path = NSTemporaryDirectory() + "mlpsh-health-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let (interpreter, _) = Fixtures.interpreter()
    #expect(interpreter.run(line: "m = mlp [2,8,3] tanh; train quadrants batch=20 health=true progress=false") == nil)
    #expect(interpreter.run(line: "save m \"\(path)\"; k = load \"\(path)\"") == nil)
    guard case let .mlp(saved)? = interpreter.session.models["m"],
          case let .mlp(loaded)? = interpreter.session.models["k"] else { Issue.record("no models"); return }
    #expect(!saved.network.history.health.isEmpty)
    #expect(loaded.network.history == saved.network.history)
  }
}
