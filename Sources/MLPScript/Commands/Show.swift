import Foundation
import MLPCore
import MLPData
import MLPPlot

extension CommandSpec {
  /// `show`, `show m16`, `show settings`, `show weights layer=0`
  static let show = CommandSpec(
    name: "show", topic: .inspection,
    summary: "show the session, a model, a data set, a sample, the settings or weights",
    details: """
      show alone lists the models, the data sets and the settings. show NAME shows a model \
      (its layers and how it was trained) or a data set (its size and classes). show settings, \
      show models and show data list those; show weights prints a model's weight matrices \
      (the first rows and columns) with their mean, spread and range, all layers or layer=N. \
      show sample N draws sample N of an image data set (the test set unless on=train).
      """,
    arguments: [
      ArgumentSpec("WHAT", .choice(["settings", "models", "data", "weights", "sample"]), "what to show"),
      ArgumentSpec("NAME", .modelOrData, "a model or data set"),
      ArgumentSpec("N", .integer, "the sample number, after 'sample'"),
    ],
    options: [
      OptionSpec("layer", .integer, default: "all", "which layer's weights, from 0", check: .integer(atLeast: 0)),
      OptionSpec("on", .choice(["test", "train", "validation"]), default: "test", "which part of the data set, for a sample"),
    ],
    example: "show\nshow m16\nshow weights m16 layer=0\nshow sample 7"
  ) { invocation throws(Diagnostic) in
    var targets = try invocation.targets(words: true, values: true)
    let keywords = ["settings", "models", "data", "weights", "sample"]
    var keyword: String? = nil
    var sampleNumber: Value? = nil
    if let index = targets.rest.firstIndex(where: { if case .word("sample", _) = $0 { return true } else { return false } }),
       index + 1 < targets.rest.count, case .number = targets.rest[index + 1] {
      sampleNumber = targets.rest.remove(at: index + 1)
    }
    for value in targets.rest {
      guard case let .word(word, _) = value, keywords.contains(word), keyword == nil else {
        if case let .word(word, _) = value, !keywords.contains(word) {
          let hint = Suggestions.hint(for: word, among: keywords + invocation.session.modelNames + invocation.session.dataNames)
          throw invocation.error(.unknownName, "nothing to show called '\(word)'", at: value,
                                 hint: hint ?? "should be settings, models, data, weights or a name")
        }
        throw invocation.error(.extraArgument, "unexpected argument \(value.display)", at: value,
                               hint: "usage: \(invocation.spec.usage)")
      }
      keyword = word
    }
    if invocation.option("layer") != nil && keyword != "weights" {
      throw invocation.error(.badValue, "layer= goes with 'show weights'", at: invocation.option("layer")!)
    }
    switch keyword {
    case "settings": showSettings(&invocation)
    case "models": showModels(&invocation)
    case "data": showData(&invocation)
    case "weights": try showWeights(targets.model, &invocation)
    case "sample":
      let index = try sampleNumber.map { value throws(Diagnostic) in
        try invocation.convert.integer(value, key: "the sample number", atLeast: 0)
      } ?? 0
      try showSample(index, at: sampleNumber, targets, &invocation)
    default:
      if let name = targets.model, let model = invocation.session.models[name] {
        showModel(name, model, &invocation)
      } else if let name = targets.data, let data = invocation.session.datasets[name] {
        showDataSet(name, data, &invocation)
      } else {
        showModels(&invocation)
        showData(&invocation)
        showSettings(&invocation)
      }
    }
  }

  /// One sample of an image data set, drawn, with its label.
  static func showSample(_ index: Int, at value: Value?, _ targets: Invocation.Targets,
                         _ invocation: inout Invocation) throws(Diagnostic) {
    let (dataName, data) = try invocation.data(targets.data)
    let (part, samples) = try chooseSamples(data, name: dataName, invocation)
    guard index < samples.count else {
      throw invocation.error(.badValue, "'\(dataName)' has \(samples.count) \(part) samples, 0 to \(samples.count - 1)",
                             at: value?.range)
    }
    guard let dataset = samples as? Dataset, let shape = dataset.imageShape else {
      let features = samples.features.row(index).map { format(Double($0)) }.joined(separator: ", ")
      invocation.print("\(dataName) \(part) sample \(index): [\(features)], label \(samples.className(samples.labels[index]))")
      return
    }
    let range = dataset.valueRange.map { Double($0.lowerBound) ... Double($0.upperBound) }
      ?? dataset.observedRange().map { Double($0.lowerBound) ... Double($0.upperBound) } ?? 0 ... 1
    let image = DigitImage(width: shape.columns, height: shape.rows, pixels: Array(samples.features.row(index)),
                           range: range, caption: "label \(samples.className(samples.labels[index]))")
    try invocation.present(.digits(DigitGallery(title: "\(dataName) \(part) sample \(index)", images: [image])))
    invocation.record("label", Double(samples.labels[index]))
  }

  static func showSettings(_ invocation: inout Invocation) {
    var rows = [["settings:", "", ""]]
    for setting in SettingSpec.all {
      let value = setting.value(in: invocation.session.settings)
      rows.append([setting.key, value, value == setting.defaultText ? setting.summary
                     : "\(setting.summary) (default \(setting.defaultText))"])
    }
    invocation.print(table(rows, indent: "", alignNumbers: false).joined(separator: "\n"))
  }

  static func showModels(_ invocation: inout Invocation) {
    guard !invocation.session.models.isEmpty else {
      invocation.print("models: none yet")
      return
    }
    invocation.print("models:")
    for name in invocation.session.modelNames {
      let marker = name == invocation.session.currentModel ? "*" : " "
      invocation.print(" \(marker)\(name): \(invocation.session.models[name]!.headline)")
    }
  }

  static func showData(_ invocation: inout Invocation) {
    guard !invocation.session.datasets.isEmpty else {
      invocation.print("data sets: none yet")
      return
    }
    invocation.print("data sets:")
    for name in invocation.session.dataNames {
      let marker = name == invocation.session.currentData ? "*" : " "
      invocation.print(" \(marker)\(name): \(invocation.session.datasets[name]!.headline)")
    }
  }

  static func showModel(_ name: String, _ model: Model, _ invocation: inout Invocation) {
    invocation.print("\(name): \(model.headline)")
    switch model {
    case let .mlp(network):
      invocation.print(network.network.description)
      if let means = network.network.history.recentMeans() {
        let last = network.network.history.steps.last!
        invocation.print("trained \(plural(network.network.history.iterations, "iteration")), "
          + "\(format(last.epoch)) epochs, \(last.examplesSeen) samples; "
          + "last \(min(100, network.network.history.iterations)): "
          + "loss \(fixed(means.loss)), accuracy \(fixed(means.accuracy))")
      }
      if let best = network.network.history.mostAccurateValidation {
        invocation.print("validated \(plural(network.network.history.validation.count, "time")); "
          + "best \(best.part) accuracy \(best.accuracyAndEpoch)")
      }
    case let .perceptron(perceptron):
      invocation.print(perceptron.perceptron.description)
      for (index, accuracy) in perceptron.epochAccuracies.enumerated() {
        invocation.print("  epoch \(index + 1): accuracy \(fixed(accuracy))")
      }
    }
  }

  static func showDataSet(_ name: String, _ data: DataEntry, _ invocation: inout Invocation) {
    invocation.print("\(name): \(data.headline)")
    invocation.print("  from \(data.origin)")
    for (part, samples) in data.parts {
      var counts = Array(repeating: 0, count: samples.classCount)
      for label in samples.labels where label >= 0 { counts[label] += 1 }
      let classes = counts.indices.map { "\(samples.className($0)) \(counts[$0])" }
      invocation.print("  \(part): " + classes.prefix(12).joined(separator: ", ") + (classes.count > 12 ? ", …" : ""))
    }
  }

  static func showWeights(_ modelName: String?, _ invocation: inout Invocation) throws(Diagnostic) {
    let (name, model) = try invocation.model(modelName)
    switch model {
    case let .perceptron(perceptron):
      invocation.print("\(name): " + perceptron.perceptron.description)
    case let .mlp(network):
      let net = network.network
      var layers = Array(net.layers.indices)
      if let value = invocation.option("layer") {
        let layer = try invocation.integer("layer", default: 0)
        guard layer < net.layers.count else {
          throw invocation.error(.badValue, "'\(name)' has layers 0 to \(net.layers.count - 1), not \(layer)", at: value)
        }
        layers = [layer]
      }
      for index in layers {
        let weights = net.weights(ofLayer: index)
        invocation.print("W\(index) \(weights.rows)×\(weights.columns): \(statistics(weights.storage))")
        invocation.print(weights.description.split(separator: "\n").dropFirst().joined(separator: "\n"))
        invocation.print("b\(index) \(net.layers[index].outputSize): \(statistics(net.bias(ofLayer: index)))")
      }
    }
  }

  /// "mean 0.0012, std 0.0203, min -0.0357, max 0.0357".
  static func statistics(_ values: [Float]) -> String {
    guard !values.isEmpty else { return "empty" }
    let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
    let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
    return "mean \(format(mean)), std \(format(variance.squareRoot())), "
      + "min \(format(Double(values.min()!))), max \(format(Double(values.max()!)))"
  }
}
