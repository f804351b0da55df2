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
  public let summary: String
  /// The value as `show settings` prints it.
  let read: @Sendable (Settings) -> String
  /// Converts a value and stores it.
  let write: @Sendable (inout Settings, Value, Converter) throws(Diagnostic) -> Void
  /// Puts the default back.
  let restore: @Sendable (inout Settings) -> Void

  /// The setting stored at `field` of `Settings`: `shown` prints its value, `convert` turns
  /// what the user typed into one, and the default is the field's value in fresh settings.
  init<Field>(
    _ key: String, _ kind: ValueKind, _ summary: String, at field: WritableKeyPath<Settings, Field> & Sendable,
    shown: @escaping @Sendable (Field) -> String,
    convert: @escaping @Sendable (Value, Converter) throws(Diagnostic) -> Field
  ) {
    self.key = key
    self.kind = kind
    self.summary = summary
    read = { shown($0[keyPath: field]) }
    write = { settings, value, converter throws(Diagnostic) in settings[keyPath: field] = try convert(value, converter) }
    restore = { $0[keyPath: field] = Settings()[keyPath: field] }
  }

  /// The value in fresh settings.
  public var defaultText: String { read(Settings()) }

  public func value(in settings: Settings) -> String { read(settings) }

  public static let all: [SettingSpec] = [
    SettingSpec("seed", .integer, "seed of initial weights and shuffling", at: \.seed,
                shown: { String($0) }, convert: { value, convert throws(Diagnostic) in try convert.seed(value) }),
    SettingSpec("lr", .number, "learning rate of new networks", at: \.learningRate,
                shown: format, convert: { value, convert throws(Diagnostic) in try convert.learningRate(value) }),
    SettingSpec("batch", .integer, "samples per mini-batch", at: \.batch, shown: { String($0) },
                convert: { value, convert throws(Diagnostic) in try convert.integer(value, key: "batch", atLeast: 1) }),
    SettingSpec("epochs", .integer, "passes over the data per train", at: \.epochs, shown: { String($0) },
                convert: { value, convert throws(Diagnostic) in try convert.integer(value, key: "epochs", atLeast: 1) }),
    SettingSpec("activation", .choice(Activation.allCases.map(\.rawValue)), "hidden activation of new networks",
                at: \.activation, shown: \.rawValue,
                convert: { value, convert throws(Diagnostic) in try convert.choice(value, noun: "activation") }),
    SettingSpec("init", .choice(Initializer.allCases.map(\.rawValue)), "initial weights of new networks",
                at: \.initializer, shown: \.rawValue,
                convert: { value, convert throws(Diagnostic) in try convert.choice(value, noun: "initializer") }),
    SettingSpec("shuffle", .boolean, "new sample order every epoch", at: \.shuffle, shown: { String($0) },
                convert: { value, convert throws(Diagnostic) in try convert.boolean(value, key: "shuffle") }),
    SettingSpec("progress", .boolean, "report progress while training", at: \.progress, shown: { String($0) },
                convert: { value, convert throws(Diagnostic) in try convert.boolean(value, key: "progress") }),
    SettingSpec("plots", .path, "folder that keeps every figure as SVG", at: \.plotFolder,
                shown: { $0.map { "\"\($0)\"" } ?? "none" },
                convert: { value, convert throws(Diagnostic) in
                  let folder = try convert.text(value, key: "plots")
                  return folder.isEmpty || folder == "none" ? nil : folder
                }),
  ]

  /// The setting called `key`.
  public static func named(_ key: String) -> SettingSpec? {
    all.first { $0.key == key }
  }

  /// Every key, in table order.
  public static var keys: [String] { all.map(\.key) }
}
