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

  /// The value in fresh settings.
  public var defaultText: String { read(Settings()) }

  public func value(in settings: Settings) -> String { read(settings) }

  public static let all: [SettingSpec] = [
    SettingSpec(key: "seed", kind: .integer, summary: "seed of initial weights and shuffling",
                read: { String($0.seed) },
                write: { settings, value, convert throws(Diagnostic) in settings.seed = try convert.seed(value) },
                restore: { $0.seed = Settings().seed }),
    SettingSpec(key: "lr", kind: .number, summary: "learning rate of new networks",
                read: { format($0.learningRate) },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.learningRate = try convert.learningRate(value)
                },
                restore: { $0.learningRate = Settings().learningRate }),
    SettingSpec(key: "batch", kind: .integer, summary: "samples per mini-batch",
                read: { String($0.batch) },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.batch = try convert.integer(value, key: "batch", atLeast: 1)
                },
                restore: { $0.batch = Settings().batch }),
    SettingSpec(key: "epochs", kind: .integer, summary: "passes over the data per train",
                read: { String($0.epochs) },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.epochs = try convert.integer(value, key: "epochs", atLeast: 1)
                },
                restore: { $0.epochs = Settings().epochs }),
    SettingSpec(key: "activation", kind: .choice(Activation.allCases.map(\.rawValue)),
                summary: "hidden activation of new networks",
                read: { $0.activation.rawValue },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.activation = try convert.choice(value, noun: "activation")
                },
                restore: { $0.activation = Settings().activation }),
    SettingSpec(key: "init", kind: .choice(Initializer.allCases.map(\.rawValue)),
                summary: "initial weights of new networks",
                read: { $0.initializer.rawValue },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.initializer = try convert.choice(value, noun: "initializer")
                },
                restore: { $0.initializer = Settings().initializer }),
    SettingSpec(key: "shuffle", kind: .boolean, summary: "new sample order every epoch",
                read: { String($0.shuffle) },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.shuffle = try convert.boolean(value, key: "shuffle")
                },
                restore: { $0.shuffle = Settings().shuffle }),
    SettingSpec(key: "progress", kind: .boolean, summary: "report progress while training",
                read: { String($0.progress) },
                write: { settings, value, convert throws(Diagnostic) in
                  settings.progress = try convert.boolean(value, key: "progress")
                },
                restore: { $0.progress = Settings().progress }),
    SettingSpec(key: "plots", kind: .path, summary: "folder that keeps every figure as SVG",
                read: { $0.plotFolder.map { "\"\($0)\"" } ?? "none" },
                write: { settings, value, convert throws(Diagnostic) in
                  let folder = try convert.text(value, key: "plots")
                  settings.plotFolder = folder.isEmpty || folder == "none" ? nil : folder
                },
                restore: { $0.plotFolder = Settings().plotFolder }),
  ]

  /// The setting called `key`.
  public static func named(_ key: String) -> SettingSpec? {
    all.first { $0.key == key }
  }

  /// Every key, in table order.
  public static var keys: [String] { all.map(\.key) }
}
