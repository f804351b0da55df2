import Foundation
import MLPCore
import MLPPlot

// `plot health`: the unit health a run recorded (`train … health=true`), over iterations.
extension CommandSpec {
  static func healthChart(_ targets: Invocation.Targets, _ invocation: inout Invocation) throws(Diagnostic) -> Figure {
    let (name, model) = try invocation.model(targets.model)
    guard case let .mlp(entry) = model else {
      throw invocation.error(.badValue, "plot health works on networks; '\(name)' is a \(model.kind)")
    }
    let network = entry.network
    guard !network.history.health.isEmpty else {
      throw invocation.error(.noModel, "'\(name)' has no health record",
                             hint: "train it with health=true, such as 'train \(name) health=true'")
    }
    let axis = try invocation.choice("x", noun: "x axis", default: XAxis.iterations)
    return .lineChart(healthChart(network, name: name, axis: axis).limited(by: try yLimits(invocation)))
  }

  /// The share of inactive units of each hidden layer (left axis) and the log₁₀ of each
  /// layer's gradient norm (right axis) at every measurement, with the training changes marked.
  static func healthChart(_ network: MultilayerPerceptron, name: String, axis: XAxis) -> LineChart {
    let history = network.history
    let points = history.health
    let x = points.map { RunCurves.xValue(of: $0.iteration - 1, in: history, axis) }
    let word = HealthPoint.word(for: network.activation)
    let hidden = network.layerSizes.count - 2
    var series: [Series] = (0 ..< hidden).map { layer in
      Series(name: "layer \(layer + 1) \(word)", x: x, y: points.map { Double($0.inactive[layer]) },
             axis: .left, colorIndex: layer)
    }
    series += (0 ... hidden).map { layer in
      Series(name: "layer \(layer + 1) gradient", x: x,
             y: points.map { log10(Double($0.gradientNorms[layer])) }, axis: .right, colorIndex: hidden + layer)
    }
    var chart = LineChart(
      title: "\(name): \(word) units and gradient norms", xAxis: axis,
      leftLabel: "share of units \(word)", rightLabel: "gradient norm ‖∇W‖, log₁₀",
      series: series, leftRange: 0 ... 1)
    chart.markers = TrainingChanges.markers(history, axis: axis)
    return chart
  }
}
