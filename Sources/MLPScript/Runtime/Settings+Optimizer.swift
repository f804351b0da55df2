import MLPCore

extension SettingSpec {
  /// The optimizer's settings, which new networks take (`mlp`) and `train` and `sweep` may
  /// override for a run: `optimizer=`, `momentum=`, `beta1=`, `beta2=`, `eps=` and `l2=`.
  static let optimizerSettings: [SettingSpec] = [
    SettingSpec("optimizer", .choice(OptimizerKind.allCases.map(\.rawValue)), check: .choice(noun: "optimizer"),
                "update rule of new networks", \.optimizer.kind,
                read: { $0.rawValue }, value: { $0.text.flatMap(OptimizerKind.init(rawValue:)) }),
    fraction("momentum", "momentum μ of momentum and nesterov", \.optimizer.momentum),
    fraction("beta1", "Adam's β₁, the decay of its mean gradient", \.optimizer.beta1),
    fraction("beta2", "Adam's β₂, the decay of its mean squared gradient", \.optimizer.beta2),
    SettingSpec("eps", .number, check: .positiveNumber, "Adam's ε", \.optimizer.epsilon,
                read: { String(describing: $0) }, value: { $0.number.map(Float.init) }),
    SettingSpec("l2", .number, check: .nonNegativeNumber, "weight decay λ on weights (not biases)", \.optimizer.l2,
                read: { format(Double($0)) }, value: { $0.number.map(Float.init) }),
  ]

  private static func fraction(
    _ key: String, _ summary: String, _ path: WritableKeyPath<Settings, Float> & Sendable
  ) -> SettingSpec {
    SettingSpec(key, .number, check: .fraction, summary, path, read: { format(Double($0)) },
                value: { $0.number.map(Float.init) })
  }
}

extension CommandSpec {
  /// The optimizer's options on `mlp` (defaults: the settings) and on `train` (defaults:
  /// the model's own).
  static func optimizerOptions(defaultsFrom owner: String) -> [OptionSpec] {
    SettingSpec.optimizerSettings.map { setting in
      let fromSettings = owner == "settings"
      return OptionSpec(setting.key, setting.kind,
                        default: fromSettings ? "the \(setting.key) setting, \(setting.defaultText)" : "the model's",
                        setting.summary.replacingOccurrences(of: " of new networks", with: ""),
                        setting: fromSettings ? setting.key : nil, check: setting.check)
    }
  }
}

extension Invocation {
  /// `base` with the optimizer options given to this command applied.
  func optimizer(from base: Optimizer) throws(Diagnostic) -> Optimizer {
    var optimizer = base
    optimizer.kind = try choice("optimizer", noun: "optimizer", default: base.kind)
    optimizer.momentum = Float(try number("momentum", default: Double(base.momentum)))
    optimizer.beta1 = Float(try number("beta1", default: Double(base.beta1)))
    optimizer.beta2 = Float(try number("beta2", default: Double(base.beta2)))
    optimizer.epsilon = Float(try positiveNumber("eps", default: Double(base.epsilon)))
    optimizer.l2 = Float(try number("l2", default: Double(base.l2)))
    return optimizer
  }

  /// Whether any optimizer option was given.
  var givesOptimizer: Bool { SettingSpec.optimizerSettings.contains { option($0.key) != nil } }
}
