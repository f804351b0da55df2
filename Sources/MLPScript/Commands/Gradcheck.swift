import Foundation
import MLPCore

extension CommandSpec {
  /// `gradcheck samples=8 params=20`
  static let gradcheck = CommandSpec(
    name: "gradcheck", topic: .training,
    summary: "check backpropagation against finite differences",
    details: """
      Compares every sampled gradient ∂L/∂θ from backpropagation with the central difference \
      (L(θ + h) - L(θ - h)) / 2h, layer by layer, on the first samples of the data set (or on \
      seeded random inputs when there is no data set that fits the model). The loss is taken \
      in double precision, so the difference is exact to about 1e-10; a parameter whose \
      θ ± h switches a ReLU unit on or off for some sample sits on a kink, where no \
      difference is meaningful, and is counted and left out. Agreement to a relative error \
      of at most 1e-2 means the gradients are right (single precision leaves about 1e-5; a \
      wrong derivative is off by 0.1 or more). Reports `max relative error`, `max absolute \
      error`, `at kinks` and `passed` (1 or 0).
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the mlp (default: the current model)"),
      ArgumentSpec("DATA", .data, "samples to check on (default: the current data set, if it fits)"),
    ],
    options: [
      OptionSpec("samples", .integer, default: "8", "how many samples the loss is taken over",
                 check: .integer(atLeast: 1)),
      OptionSpec("params", .integer, default: "20", "parameters checked per weight matrix and bias vector",
                 check: .integer(atLeast: 1)),
      OptionSpec("step", .number, default: "0.00001", "the finite-difference step h", check: .positiveNumber),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "which parameters and random inputs", setting: "seed", check: .integer(atLeast: 0)),
    ],
    example: "gradcheck\ngradcheck m16 samples=4 params=50"
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets()
    let (name, model) = try invocation.model(targets.model)
    guard case let .mlp(network) = model else {
      throw invocation.error(.wrongKind, "'\(name)' is a perceptron, whose step output has no gradient",
                             hint: "gradcheck an mlp")
    }
    let count = try invocation.integer("samples", default: 8)
    let params = try invocation.integer("params", default: 20)
    let step = try invocation.positiveNumber("step", default: GradientCheck().step)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    let net = network.network
    try invocation.checkWorkingValues(
      Limits.product(count, net.inputSize), for: "\(plural(count, "sample")) of \(net.inputSize) inputs",
      at: invocation.option("samples"), hint: "check on fewer samples")
    let checked = net.layers.reduce(0) { $0 + min(params, $1.inputSize * $1.outputSize) + min(params, $1.outputSize) }
    let operations = Limits.product(checked, 2).flatMap { Limits.product($0, count) }
      .flatMap { Limits.product($0, net.parameterCount) }
    if operations.map({ $0 > invocation.environment.limits.operations }) ?? true {
      let amount = operations.map { "about \(String(format: "%.2g", Double($0))) multiply-adds" }
        ?? "more multiply-adds than mlpsh can count"
      throw invocation.error(
        .tooLarge, "checking \(plural(checked, "parameter")) on \(plural(count, "sample")) would take \(amount); "
          + "the limit is \(String(format: "%.2g", Double(invocation.environment.limits.operations)))",
        at: (invocation.option("params") ?? invocation.option("samples"))?.range,
        hint: "check fewer parameters (params=) or fewer samples (samples=)")
    }

    var inputs: Matrix
    var labels: [Int]
    var origin: String
    let explicit = targets.data.flatMap { n in invocation.session.datasets[n].map { (n, $0) } }
    let current = invocation.session.currentData.flatMap { n in invocation.session.datasets[n].map { (n, $0) } }
    if let (dataName, data) = explicit ?? current,
       data.train.features.columns == net.inputSize,
       data.train.labels.allSatisfy({ $0 < net.classCount }) {
      let rows = min(count, data.train.count)
      inputs = data.train.features.rows(in: 0 ..< rows)
      labels = Array(data.train.labels[0 ..< rows])
      origin = "the first \(plural(rows, "sample")) of \(dataName)"
    } else if let (dataName, _) = explicit {
      throw invocation.error(.dataMismatch, "'\(dataName)' does not fit '\(name)'",
                             hint: "it needs \(net.inputSize) features and labels below \(net.classCount)")
    } else {
      var generator = SeededGenerator(seed: seed)
      inputs = Matrix(rows: count, columns: net.inputSize)
      for i in inputs.storage.indices { inputs.storage[i] = Float(generator.nextNormal()) }
      labels = (0 ..< count).map { _ in generator.nextInt(below: net.classCount) }
      origin = "\(plural(count, "random sample")) (seed \(seed))"
    }
    let report = GradientCheck(step: step, samplesPerLayer: params, seed: seed).run(on: net, inputs: inputs, labels: labels)
    invocation.print("gradient check of \(name) on \(origin), h = \(format(step)):")
    var rows = [["", "checked", "at kinks", "max abs error", "max rel error"]]
    for entry in report.entries {
      rows.append([entry.name, String(entry.checked), String(entry.atKinks), format(entry.maxAbsoluteError),
                   format(entry.maxRelativeError)])
    }
    invocation.print(table(rows).joined(separator: "\n"))
    let compared = report.entries.reduce(0) { $0 + $1.checked }
    let passed = compared > 0 && report.passes()
    let kinks = report.atKinks == 0 ? "" : "; \(plural(report.atKinks, "parameter")) at ReLU kinks left out"
    if compared == 0 {
      invocation.print("no gradient could be compared: every parameter checked sits at a ReLU kink; try a smaller step=")
    } else {
      invocation.print(passed
        ? "gradients agree (max relative error \(format(report.maxRelativeError)), at most \(format(GradientCheck.tolerance)) is agreement\(kinks))"
        : "gradients DISAGREE (max relative error \(format(report.maxRelativeError)), more than \(format(GradientCheck.tolerance))\(kinks))")
    }
    invocation.record("max relative error", report.maxRelativeError)
    invocation.record("max absolute error", report.maxAbsoluteError)
    invocation.record("at kinks", Double(report.atKinks))
    invocation.record("passed", passed ? 1 : 0)
  }
}
