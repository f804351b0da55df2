import Foundation
import MLPCore
import MLPData
import PropertyBased
import Synchronization
import Testing
@testable import MLPScript

/// Issue 17, "prove": numbers at the edges of every integer and float option of every
/// command, and of every numeric field of a model file, get a diagnostic, never a trap. A
/// trap ends the test process, so reaching the end is the first property; each result must
/// also be an ordinary diagnostic (lower-case, no trailing period) or a success that leaves
/// a usable session.
@Suite struct EdgeNumberPropertyTests {
  /// Numbers where integers and floats break: the Int, UInt64, Int32 and Float32 edges, the
  /// Double edges, subnormals, values that round to 0 or to infinity in Float32, words that
  /// are no numbers.
  static let edges = [
    "0", "-0", "1", "-1", "2", "0.5", "1.5", "-0.5", "65536", "2147483647", "2147483648", "-2147483649",
    "4294967296", "9007199254740993", "999999999999999", "1000000000000000", "9223372036854775807",
    "-9223372036854775808", "9223372036854775808", "18446744073709551616", "99999999999999999999",
    "1e15", "1e16", "1e30", "1e31", "3.4e38", "3.5e38", "-3.5e38", "1e39", "1e308", "-1e308", "1.8e308", "1e309",
    "1e999", "1e-30", "1e-31", "1e-38", "1e-45", "1e-46", "1e-308", "1e-320", "1e-999", "nan", "inf", "-inf",
  ]

  /// The edge number `index` picks, or for indices past the list a random one built from
  /// a sign, a mantissa and a decimal exponent.
  static func number(_ index: Int, mantissa: Int, exponent: Int) -> String {
    if index < edges.count { return edges[index] }
    return (index % 2 == 0 ? "" : "-") + "\(mantissa)e\(exponent)"
  }

  /// Every command's integer and number options, each in an invocation that otherwise works
  /// in `session()`.
  static let cases: [String] = {
    let bases = [
      "mlp": "mlp [2,3,2]", "perceptron": "perceptron 2", "train": "train m blobs", "data": "data xor",
      "load": "load digits", "evaluate": "evaluate m blobs", "predict": "predict m [1,2]",
      "gradcheck": "gradcheck m blobs", "sweep": "sweep m blobs", "split": "split blobs", "set": "set",
      "show": "show sample", "plot": "plot m", "compare": "compare m blobs", "scale": "scale blobs",
      "summary": "summary m", "history": "history m",
    ]
    var cases: [String] = []
    for spec in CommandSpec.all {
      guard let base = bases[spec.name] else { continue }
      for option in spec.options where option.kind == .integer || option.kind == .number {
        cases.append(base + " \(option.key)=")
      }
    }
    for setting in SettingSpec.all where setting.kind == .integer || setting.kind == .number {
      cases.append("set \(setting.key)=")
    }
    // Positional numbers too: layer sizes, a perceptron's inputs, a sample's features.
    cases += ["mlp [2,", "perceptron ", "predict m [1,", "show sample "]
    return cases
  }()

  /// A session with limits small enough that an accepted number cannot train for long, a
  /// trained `m` on the tiny `blobs`.
  static func interpreter() -> Interpreter {
    var environment = Environment(sink: CollectingSink())
    environment.limits = Limits(parameters: 20_000, iterations: 300, workingValues: 200_000, operations: 20_000_000)
    let interpreter = Interpreter(environment: environment)
    _ = interpreter.run(line: "blobs = data blobs n=40; m = mlp [2,4,2]; train m blobs iterations=2 progress=false")
    return interpreter
  }

  /// Lower-case, no trailing period, no leaked Foundation error, and "nan" only when the
  /// input said it.
  static func isOrdinary(_ diagnostic: Diagnostic, for line: String) -> Bool {
    let message = diagnostic.message
    guard let first = message.first else { return false }
    return !message.hasSuffix(".") && !first.isUppercase && !message.contains("NSCocoaErrorDomain")
      && !message.contains("Error(") && (!message.lowercased().contains("nan") || line.contains("nan"))
  }

  @Test func everyNumericOptionGetsADiagnosticOrWorks() async {
    let cases = Self.cases
    #expect(cases.count > 30)
    let refused = Atomic<Int>(0), ran = Atomic<Int>(0)
    await propertyCheck(count: 1500, input: Gen.int(in: 0 ... cases.count - 1), Gen.int(in: 0 ... 2 * Self.edges.count),
                        Gen.int(in: 1 ... 99), Gen.int(in: -330 ... 330)) { which, index, mantissa, exponent in
      let text = Self.number(index, mantissa: mantissa, exponent: exponent)
      let line = cases[which] + text + (cases[which].hasSuffix("[2,") || cases[which].hasSuffix("[1,") ? "]" : "")
      let interpreter = Self.interpreter()
      ran.add(1, ordering: .relaxed)
      if let diagnostic = interpreter.run(line: line) {
        refused.add(1, ordering: .relaxed)
        #expect(Self.isOrdinary(diagnostic, for: line), "\(line): \(diagnostic.message)")
      }
      // The session is whole either way: m is there, finite, and still evaluates.
      guard case let .mlp(model)? = interpreter.session.models["m"] else {
        Issue.record("\(line): m is gone")
        return
      }
      let finite = model.network.parameters.allSatisfy { $0.isFinite }
      #expect(finite, "\(line): m's weights are not finite")
      #expect(interpreter.run(line: "evaluate m blobs on=train") == nil, "\(line): m no longer evaluates")
    }
    // Every case ran, and the edges are hostile: most are refused, some are accepted.
    print("edge numbers: \(ran.load(ordering: .relaxed)) lines over \(cases.count) options, \(refused.load(ordering: .relaxed)) refused")
    #expect(ran.load(ordering: .relaxed) == 1500)
    #expect((600 ..< 1500).contains(refused.load(ordering: .relaxed)))
  }

  // MARK: - Model files

  /// A saved model with a history: every numeric field's value as it is written.
  static let savedModel: String = {
    var network = MultilayerPerceptron(layerSizes: [3, 4, 2], seed: 2)
    let inputs = Matrix(rows: 4, columns: 3, storage: (0 ..< 12).map { Float($0) / 12 })
    _ = try? network.train(inputs: inputs, labels: [0, 1, 0, 1], options: TrainingOptions(batchSize: 2, iterations: 3))
    let data = (try? ModelFile.encode(.mlp(NetworkModel(network: network, initializer: .seed, seed: 1)))) ?? Data()
    return String(decoding: data, as: UTF8.self)
  }()

  /// The numeric fields of a model file, as the text just before the value.
  static let fields = [
    "\"version\" : ", "\"seed\" : ", "\"learningRate\" : ", "\"epsilon\" : ", "\"layerSizes\" : [\n        ",
    "\"examplesSeen\":", "\"loss\":", "\"accuracy\":", "\"epoch\":",
  ]

  /// `text` with the number after the `occurrence`-th `field` replaced by `value`, and the
  /// checksum made right again, so that only the number is hostile.
  static func edited(_ text: String, field: String, occurrence: Int, value: String) -> String? {
    let ranges = text.ranges(of: field)
    guard !ranges.isEmpty else { return nil }
    let start = ranges[occurrence % ranges.count].upperBound
    guard let end = text[start...].firstIndex(where: { !"0123456789.-+eE".contains($0) }) else { return nil }
    var result = text
    result.replaceSubrange(start ..< end, with: value)
    guard let line = result.range(of: "  \"crc32\" : \"") else { return nil }
    let checksum = CRC32.hex(of: Data(result[..<line.lowerBound].utf8))
    result.replaceSubrange(line.upperBound ..< result.index(line.upperBound, offsetBy: 8), with: checksum)
    return result
  }

  @Test func everyNumericFieldOfAModelFileGetsADiagnosticOrLoadsUsably() async {
    await propertyCheck(count: 1500, input: Gen.int(in: 0 ... Self.fields.count - 1), Gen.int(in: 0 ... 2 * Self.edges.count),
                        Gen.int(in: 0 ... 5), Gen.int(in: -330 ... 330)) { which, index, occurrence, exponent in
      let value = Self.number(index, mantissa: 7, exponent: exponent)
      guard let text = Self.edited(Self.savedModel, field: Self.fields[which], occurrence: occurrence, value: value) else {
        Issue.record("\(Self.fields[which]) is not in the saved model")
        return
      }
      let model: Model
      do throws(ModelFileError) {
        model = try ModelFile.decode(Data(text.utf8))
      } catch {
        let message = error.description
        #expect(!message.hasSuffix(".") && message.first?.isUppercase == false, "\(Self.fields[which])\(value): \(message)")
        #expect(!message.contains("''"), "\(Self.fields[which])\(value): \(message)")
        return
      }
      // What loads trains, saves and loads again.
      guard case var .mlp(network) = model else { return }
      let inputs = Matrix(rows: 2, columns: network.network.inputSize, repeating: 0.5)
      do throws(TrainingError) {
        try network.network.train(inputs: inputs, labels: [0, 1], options: TrainingOptions(batchSize: 2, iterations: 1))
      } catch {
        Issue.record("\(Self.fields[which])\(value): loads but does not train: \(error)")
      }
      let saved = try? ModelFile.encode(.mlp(network))
      #expect(saved != nil, "\(Self.fields[which])\(value): loads but does not save")
      if let saved {
        do throws(ModelFileError) { _ = try ModelFile.decode(saved) } catch {
          Issue.record("\(Self.fields[which])\(value): saves but does not load again: \(error)")
        }
      }
    }
  }
}
