import Foundation
import MLPCore
import MLPData
import XCTest

final class ZZScratchLesson8: XCTestCase {
  func testScratch() throws {
    let env = ProcessInfo.processInfo.environment
    let sets = try MNISTFixture.load()
    var train = sets.train.features
    var test = sets.test.features
    for i in train.storage.indices { train.storage[i] /= 255 }
    for i in test.storage.indices { test.storage[i] /= 255 }
    let sizes = (env["SIZES"] ?? "784,512,512,10").split(separator: ",").map { Int($0)! }
    let epochs = Int(env["EPOCHS"] ?? "20")!
    let kind = OptimizerKind(rawValue: env["OPT"] ?? "momentum")!
    let lr = Float(env["LR"] ?? "0.05")!
    let dropout = Float(env["DROP"] ?? "0.2")!
    let l2 = Float(env["L2"] ?? "0")!
    let batch = Int(env["BATCH"] ?? "64")!
    let seed = UInt64(env["SEED"] ?? "0")!
    var model = MultilayerPerceptron(layerSizes: sizes, activation: .relu, learningRate: lr, initializer: .he, seed: seed)
    model.optimizer = Optimizer(kind, l2: l2)
    let schedule = LearningRateSchedule(.cosine(minimum: 0), warmupEpochs: Double(env["WARM"] ?? "0")!)
    let start = Date()
    try model.train(inputs: train, labels: sets.train.labels,
                    options: TrainingOptions(batchSize: batch, epochs: epochs, shuffle: true, seed: seed,
                                             schedule: schedule, dropout: dropout),
                    atCheckpoint: { c in
                      if c.iteration % (60000 / batch * 5) == 0 || true {
                        let e = try! c.model.evaluate(inputs: test, labels: sets.test.labels)
                        print("epoch \(c.step.epoch) test \(e.accuracy) loss \(e.loss) t=\(Date().timeIntervalSince(start))")
                      }
                      return true
                    })
    let e = try model.evaluate(inputs: test, labels: sets.test.labels)
    print("RESULT \(sizes) \(kind) lr \(lr) drop \(dropout) l2 \(l2) epochs \(epochs): test \(e.accuracy) in \(Date().timeIntervalSince(start)) s")
  }
}
