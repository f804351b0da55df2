import MLPCore

/// Labelled samples, one row of `features` per label: what the language needs of a data
/// set. The data-loading module's data sets conform to it, and so does `Samples`.
public protocol LabeledSamples: Sendable {
  /// One sample a row.
  var features: Matrix { get }
  /// The class of each row, from 0.
  var labels: [Int] { get }
  /// The name of each class, indexed by label; may be empty.
  var classNames: [String] { get }
}

extension LabeledSamples {
  /// The number of samples.
  public var count: Int { features.rows }
  /// The number of classes: the class names, or one more than the largest label.
  public var classCount: Int { max(classNames.count, (labels.max() ?? -1) + 1) }
  /// How a message names class `label`: its name, or the number.
  public func className(_ label: Int) -> String {
    label < classNames.count ? classNames[label] : String(label)
  }
}

/// Labelled samples held as they are.
public struct Samples: LabeledSamples {
  public var features: Matrix
  public var labels: [Int]
  public var classNames: [String]

  public init(features: Matrix, labels: [Int], classNames: [String] = []) {
    precondition(features.rows == labels.count, "\(features.rows) rows for \(labels.count) labels")
    self.features = features
    self.labels = labels
    self.classNames = classNames
  }
}

/// A named data set in the session: a training part and, if it has them, a test part and a
/// validation part (held out of the training part by `split validation=`).
public struct DataEntry: Sendable {
  public var train: any LabeledSamples
  public var test: (any LabeledSamples)?
  public var validation: (any LabeledSamples)?
  /// Where it came from, for `show`: "mnist from /data/mnist", "split of digits 80/20".
  public var origin: String

  public init(
    train: any LabeledSamples, test: (any LabeledSamples)? = nil, validation: (any LabeledSamples)? = nil,
    origin: String
  ) {
    self.train = train
    self.test = test
    self.validation = validation
    self.origin = origin
  }

  /// The parts it holds, by the names `evaluate on=` and `train validate=` use, in the order
  /// `show` lists them.
  public var parts: [(name: String, samples: any LabeledSamples)] {
    var parts: [(name: String, samples: any LabeledSamples)] = [("train", train)]
    if let validation { parts.append(("validation", validation)) }
    if let test { parts.append(("test", test)) }
    return parts
  }

  /// One line: "60000 training and 10000 test samples, 784 features, 10 classes", or
  /// "50000 training, 10000 validation and 10000 test samples, …".
  public var headline: String {
    var parts = ["\(train.count) training"]
    if let validation { parts.append("\(validation.count) validation") }
    if let test { parts.append("\(test.count) test") }
    let classes = max(train.classCount, test?.classCount ?? 0, validation?.classCount ?? 0)
    return Suggestions.prose(parts, conjunction: "and") + " samples, \(plural(train.features.columns, "feature")), "
      + (classes == 1 ? "1 class" : "\(classes) classes")
  }
}

/// What the last command reported, for `# expect:` lines.
public struct CommandReport: Sendable, Equatable {
  /// The command's name.
  public var command: String
  /// Every line it printed.
  public var lines: [String] = []
  /// The numbers it reported, by name ("test accuracy"), in the order reported.
  public var quantities: [(name: String, value: Double)] = []

  public init(command: String) {
    self.command = command
  }

  /// The value reported as `name`.
  public func quantity(_ name: String) -> Double? {
    quantities.last { $0.name == name }?.value
  }

  public static func == (a: CommandReport, b: CommandReport) -> Bool {
    a.command == b.command && a.lines == b.lines
      && a.quantities.map(\.name) == b.quantities.map(\.name)
      && a.quantities.map(\.value) == b.quantities.map(\.value)
  }
}

/// Everything a session knows: models, data sets, settings, which of them are current, the
/// commands entered and what the last one reported. All of it lives here, in one value, so
/// that a command that fails can be undone by not keeping its copy.
public struct Session: Sendable {
  /// Models by name.
  public var models: [String: Model] = [:]
  /// Data sets by name.
  public var datasets: [String: DataEntry] = [:]
  public var settings = Settings()
  /// The model commands use when not given one.
  public var currentModel: String?
  /// The data set commands use when not given one.
  public var currentData: String?
  /// The lines entered, oldest first.
  public var history: [String] = []
  /// What the last command reported.
  public var lastReport: CommandReport?
  /// Set by `quit`.
  public var quitRequested = false
  /// How many unnamed models of each kind were made, for their names (`mlp1`, `mlp2`, …).
  var counters: [String: Int] = [:]

  public init() {}

  /// Model names, sorted.
  public var modelNames: [String] { models.keys.sorted() }
  /// Data set names, sorted.
  public var dataNames: [String] { datasets.keys.sorted() }

  /// A fresh name for an unnamed value of kind `kind`: `mlp1`, `mlp2`, …
  public mutating func freshName(for kind: String) -> String {
    var number = counters[kind, default: 0]
    var name: String
    repeat {
      number += 1
      name = "\(kind)\(number)"
    } while models[name] != nil || datasets[name] != nil
    counters[kind] = number
    return name
  }
}
