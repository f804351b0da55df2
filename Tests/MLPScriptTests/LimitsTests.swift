import Foundation
import Testing
@testable import MLPScript

/// `Limits`: sizes counted without overflow, memory described, and each command's check.
@Suite struct LimitsTests {
  @Test func parameterCountsWithoutOverflow() {
    // The notebook's network: 784·128 + 128 + 128·64 + 64 + 64·10 + 10.
    #expect(Limits.parameterCount(layerSizes: [784, 128, 64, 10]) == 109_386)
    #expect(Limits.parameterCount(layerSizes: [2, 3]) == 9)
    #expect(Limits.parameterCount(layerSizes: [100_000, 100_000, 10]) == 10_001_100_010)
    #expect(Limits.parameterCount(layerSizes: [Int.max / 2, 3]) == nil)
    #expect(Limits.parameterCount(layerSizes: [3_037_000_500, 3_037_000_500]) == nil)
  }

  @Test func memoryInBinaryUnits() {
    #expect(Limits.describe(bytes: 12) == "12 bytes")
    #expect(Limits.describe(bytes: Double(1 << 30)) == "1 GiB")
    #expect(Limits.describe(floats: 10_001_100_010) == "37.3 GiB")
    #expect(Limits.describe(bytes: 1536) == "1.5 KiB")
    #expect(Limits.describe(bytes: 400 * 1024 * 1024) == "400 MiB")
  }

  @Test func aPerceptronRunIsBoundedBySampleUpdates() {
    let (interpreter, _) = Fixtures.interpreter()
    let error = interpreter.run(line: "p = perceptron 2; train p blobs epochs=99999999999999")
    #expect(error?.message == "epochs=99999999999999 of 200 samples each is 19999999999999800 sample updates; "
      + "train runs at most 10000000 at a time")
    #expect(interpreter.run(line: "train p blobs epochs=3") == nil)
  }

  @Test func smallerLimitsApplyToEveryCommand() {
    let sink = CollectingSink()
    var environment = Environment(sink: sink)
    environment.limits = Limits(parameters: 100, iterations: 10, workingValues: 1_000, operations: 10_000)
    let interpreter = Interpreter(session: Fixtures.interpreter().0.session, environment: environment)
    #expect(interpreter.run(line: "mlp [2,30,3]")?.message
      == "this network would have 183 parameters, 732 bytes of weights; mlpsh makes models of at most 100 "
        + "parameters (400 bytes)")
    #expect(interpreter.run(line: "m = mlp [2,8,3]") == nil)
    #expect(interpreter.run(line: "train m quadrants iterations=11")?.message
      == "train runs at most 10 iterations at a time, not 11")
    #expect(interpreter.run(line: "train m quadrants batch=100 iterations=2")?.message
      == "a batch of 100 samples through 2-8-3 would need 10.2 KiB of working memory; the limit is 3.91 KiB")
    #expect(interpreter.run(line: "gradcheck m quadrants samples=8")?.message
      == "checking 47 parameters on 8 samples would take about 3.8e+04 multiply-adds; the limit is 1e+04")
    #expect(interpreter.run(line: "train m quadrants batch=8 iterations=10 progress=false") == nil)
  }
}
