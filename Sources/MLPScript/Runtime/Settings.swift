import MLPCore

/// The session's defaults, which `set` changes and `reset` restores. The initial values are
/// the seed notebook's: learning rate 0.01, batches of 64, one epoch, ReLU, its own
/// initialisation, no shuffling.
public struct Settings: Sendable, Equatable {
  /// The seed of initial weights and of shuffling.
  public var seed: UInt64 = 0
  /// The learning rate new networks get.
  public var learningRate: Double = 0.01
  /// Samples per mini-batch when `train` is not given `batch=`.
  public var batch: Int = 64
  /// Passes over the data when `train` is not given `epochs=` or `iterations=`.
  public var epochs: Int = 1
  /// The hidden activation of new networks.
  public var activation: Activation = .relu
  /// How new networks draw their first weights.
  public var initializer: Initializer = .seed
  /// Whether `train` visits samples in a new random order each epoch.
  public var shuffle: Bool = false
  /// Whether `train` reports progress while it runs.
  public var progress: Bool = true
  /// The update rule and its settings new networks get (`optimizer=`, `momentum=`, `beta1=`,
  /// `beta2=`, `eps=`, `l2=`): plain SGD, as the notebook.
  public var optimizer = Optimizer()
  /// A folder where every figure is also saved as SVG (`set plots="figures"`); `nil` saves
  /// none.
  public var plotFolder: String? = nil

  public init() {}
}

/// One setting: its key, what it means and how to read and write it. `SettingSpec.all`
/// drives `set`, `reset`, `show settings`, completion and the docs.
public struct SettingSpec: Sendable {
  public let key: String
  public let kind: ValueKind
  /// How `set` checks a value, before it runs.
  public let check: OptionCheck
  public let summary: String
  /// The value as `show settings` prints it.
  let read: @Sendable (Settings) -> String
  /// Stores a value its check has converted.
  let write: @Sendable (inout Settings, OptionValue) -> Void
  /// Puts the default back.
  let restore: @Sendable (inout Settings) -> Void

  /// The value in fresh settings.
  public var defaultText: String { read(Settings()) }

  public func value(in settings: Settings) -> String { read(settings) }

  /// The option of `set` that changes it.
  var option: OptionSpec { OptionSpec(key, kind, default: defaultText, summary, check: check) }

  /// A setting held at `path`, whose value `check` converts to an `OptionValue` that
  /// `value` reads back (`nil` only if the check and the reader disagree, a programmer error).
  init<Value: Sendable>(
    _ key: String, _ kind: ValueKind, check: OptionCheck? = nil, _ summary: String,
    _ path: WritableKeyPath<Settings, Value> & Sendable,
    read: @escaping @Sendable (Value) -> String, value: @escaping @Sendable (OptionValue) -> Value?
  ) {
    self.key = key
    self.kind = kind
    self.check = check ?? .standard(for: kind)
    self.summary = summary
    self.read = { read($0[keyPath: path]) }
    self.write = { settings, given in
      guard let converted = value(given) else { preconditionFailure("\(key): \(given) does not fit its check") }
      settings[keyPath: path] = converted
    }
    self.restore = { $0[keyPath: path] = Settings()[keyPath: path] }
  }

  public static let all: [SettingSpec] = [
    SettingSpec("seed", .integer, check: .integer(atLeast: 0), "seed of initial weights and shuffling", \.seed,
                read: { String($0) }, value: { $0.integer.map(UInt64.init) }),
    SettingSpec("lr", .number, check: .learningRate, "learning rate of new networks", \.learningRate,
                read: { format($0) }, value: \.number),
    SettingSpec("batch", .integer, check: .integer(atLeast: 1), "samples per mini-batch", \.batch,
                read: { String($0) }, value: \.integer),
    SettingSpec("epochs", .integer, check: .integer(atLeast: 1), "passes over the data per train", \.epochs,
                read: { String($0) }, value: \.integer),
    SettingSpec("activation", .choice(Activation.allCases.map(\.rawValue)), check: .choice(noun: "activation"),
                "hidden activation of new networks", \.activation,
                read: { $0.rawValue }, value: { $0.text.flatMap(Activation.init(rawValue:)) }),
    SettingSpec("init", .choice(Initializer.allCases.map(\.rawValue)), check: .choice(noun: "initializer"),
                "initial weights of new networks", \.initializer,
                read: { $0.rawValue }, value: { $0.text.flatMap(Initializer.init(rawValue:)) }),
    SettingSpec("shuffle", .boolean, "new sample order every epoch", \.shuffle,
                read: { String($0) }, value: \.boolean),
    SettingSpec("progress", .boolean, "report progress while training", \.progress,
                read: { String($0) }, value: \.boolean),
    SettingSpec("plots", .path, check: .text, "folder that keeps every figure as SVG", \.plotFolder,
                read: { $0.map { "\"\($0)\"" } ?? "none" },
                value: { $0.text.map { $0.isEmpty || $0 == "none" ? nil : $0 } }),
  ] + optimizerSettings

  /// The setting called `key`.
  public static func named(_ key: String) -> SettingSpec? {
    all.first { $0.key == key }
  }

  /// Every key, in table order.
  public static var keys: [String] { all.map(\.key) }
}
