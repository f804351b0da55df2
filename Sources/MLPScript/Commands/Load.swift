import Foundation
import MLPCore
import MLPData

extension Dataset: LabeledSamples {}

extension DatasetError {
  /// Whether the error is about the label column a `label=` option named.
  var isAboutTheLabelColumn: Bool {
    if case .malformedCSV(_, _, _, .missingLabelColumn) = self { return true }
    return false
  }
}

extension DiagnosticID {
  /// A data set that cannot be found, read or transformed.
  public static let dataError = DiagnosticID("data-error", .runtime)
}

extension CommandSpec {
  /// `load mnist`, `load digits test=0.2`, `load csv "iris.csv" label=species`
  static let load = CommandSpec(
    name: "load", topic: .data,
    summary: "load a data set (mnist, fashion-mnist, digits, a CSV file) or a saved model",
    details: """
      Loads a data set with its training and test sets and makes it the current data set. \
      mnist and fashion-mnist are read from the folder given with from=, else from \
      $MLPSH_DATA/NAME (for mnist also $MLPSH_DATA itself), else from where a system package \
      puts them, else from the user cache (~/.cache/mlpsh/NAME), else they are downloaded into \
      that cache from the known mirrors, checked against their SHA-256 sums, with a progress \
      bar on a terminal. The four IDX files may be gzipped. digits (1797 8×8 handwritten \
      digits) is built in, split into training and test sets by test= and seed=. load csv \
      FILE reads one sample a line, the label in the column label= names (a header name or an \
      index from 0; the last column by default); test= holds out a share of it. Pixels stay raw \
      (0 to 255 for MNIST); scale maps them to [0, 1]. limit=N keeps the first N samples of \
      each set, for quick runs. Reports `train samples`, `test samples`, `features` and \
      `classes`.
      load FILE.json reads a model written by save and makes it the current model, named \
      after the file unless given a name.
      """,
    arguments: [
      ArgumentSpec("NAME", .choice(loadableNames), "the data set, or a model file ending in .json", optional: false),
      ArgumentSpec("FILE", .path, "the file, after csv"),
    ],
    options: [
      OptionSpec("from", .path, default: "the search described below", "the folder holding the IDX files"),
      OptionSpec("test", .number, default: "0.2 for digits, none for csv", "share held out for testing"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the split", setting: "seed", check: .integer(atLeast: 0)),
      OptionSpec("limit", .integer, default: "none", "keep only the first N samples of each set",
                 check: .integer(atLeast: 1)),
      OptionSpec("label", .text, default: "the last column", "the CSV column of the labels: a name or an index"),
    ],
    example: """
      load mnist
      load digits test=0.25
      small = load mnist limit=1000
      iris = load csv "iris.csv" label=species
      m16 = load "m16.json"
      """,
    binds: true
  ) { invocation throws(Diagnostic) in
    guard let value = invocation.positionals.first else {
      throw invocation.error(.missingArgument, "'load' needs a data set name", hint: "such as 'load mnist'")
    }
    let name = try invocation.convert.text(value, key: "the data set")
    if name.hasSuffix(".json") {
      try loadModel(path: name, at: value, &invocation)
      return
    }
    guard loadableNames.contains(name) else {
      let toy = Synthetic(rawValue: name) != nil ? "'\(name)' is a toy set: make it with 'data \(name)'" : nil
      let csv = name.hasSuffix(".csv") || name.hasSuffix(".csv.gz") ? "read a CSV file with 'load csv \"\(name)\"'" : nil
      throw invocation.error(.unknownName, "unknown data set '\(name)'", at: value,
                             hint: toy ?? csv ?? Suggestions.hint(for: name, among: loadableNames)
                               ?? "should be \(Suggestions.prose(loadableNames)), or a model file ending in .json")
    }
    let rest = invocation.positionals.dropFirst()
    if name != "csv", let extra = rest.first {
      throw invocation.error(.extraArgument, "unexpected argument \(extra.display)", at: extra,
                             hint: "only 'load csv' takes a file")
    }
    for key in ["label"] where name != "csv" {
      if let given = invocation.option(key) {
        throw invocation.error(.badValue, "\(key)= is for CSV files", at: given)
      }
    }
    var loaded: LoadedData
    var entryName = name
    switch name {
    case "csv":
      guard let file = rest.first else {
        throw invocation.error(.missingArgument, "'load csv' needs a file", hint: "such as 'load csv \"iris.csv\"'")
      }
      let path = try invocation.convert.text(file, key: "the file")
      loaded = try loadCSV(path, at: file, &invocation)
      entryName = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      if entryName.hasSuffix(".csv") { entryName = (entryName as NSString).deletingPathExtension }
      if !Parser.isIdentifier(entryName) || CommandSpec.named(entryName) != nil { entryName = "csv" }
    case "digits":
      let fraction = try testFraction(default: Digits.defaultTestFraction, invocation)
      let seed = try invocation.seed(default: invocation.session.settings.seed)
      do throws(DatasetError) {
        loaded = try Digits.load(testFraction: fraction ?? Digits.defaultTestFraction, seed: seed)
      } catch {
        throw invocation.error(.dataError, error.description, at: value)
      }
    default:
      loaded = try loadIDX(name, at: value, &invocation)
    }
    if invocation.option("limit") != nil {
      loaded = loaded.prefix(try invocation.integer("limit", default: Int.max))
    }
    if invocation.bindingName != nil {
      entryName = try invocation.claimName(kind: entryName, isModel: false)
    }
    try store(loaded, as: entryName, origin: "\(name) \(loaded.origin)", at: value, &invocation)
  }

  /// What `load` takes by name: the catalog's image sets, the built-in digits, and csv.
  static let loadableNames = KnownDataset.all.map(\.name) + [Digits.name, "csv"]

  /// The `test=` share, if given (or `fallback`): a number strictly between 0 and 1.
  static func testFraction(default fallback: Double?, _ invocation: Invocation) throws(Diagnostic) -> Double? {
    guard let share = invocation.option("test") else { return fallback }
    let fraction = try invocation.number("test", default: .nan)
    guard fraction > 0 && fraction < 1 else {
      throw invocation.error(.badValue, "test should be a share between 0 and 1, not \(share.display)", at: share)
    }
    return fraction
  }

  /// `load csv FILE`: the CSV reader, then the `test=` split if asked for.
  static func loadCSV(_ path: String, at file: Value, _ invocation: inout Invocation) throws(Diagnostic) -> LoadedData {
    let label = try invocation.option("label").map { value throws(Diagnostic) -> CSVReader.LabelColumn in
      switch value {
      // Through the converter, like every whole-number option: bounded before it becomes an Int.
      case .number: return .index(try invocation.convert.integer(value, key: "label"))
      default: return CSVReader.LabelColumn(try invocation.convert.text(value, key: "label"))
      }
    } ?? .last
    let fraction = try testFraction(default: nil, invocation)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    let expanded = Paths.expandingTilde(path)
    do throws(DatasetError) {
      let dataset = try CSVReader.read(expanded, label: label)
      guard let fraction else { return LoadedData(train: dataset, origin: .file(path)) }
      let parts = try dataset.split(testFraction: fraction, seed: seed)
      return LoadedData(train: parts.train, test: parts.test, origin: .file(path))
    } catch {
      let range = error.isAboutTheLabelColumn ? invocation.option("label")?.range ?? file.range : file.range
      throw invocation.error(.dataError, error.description, at: range)
    }
  }

  /// MNIST or Fashion-MNIST through the catalog: the `from=` folder, or the search, the
  /// cache and a download with its progress shown.
  static func loadIDX(_ name: String, at value: Value, _ invocation: inout Invocation) throws(Diagnostic) -> LoadedData {
    if let given = invocation.option("test") {
      throw invocation.error(.badValue, "\(name) comes with its own test set; test= is for digits and csv", at: given)
    }
    let catalog = invocation.environment.catalog
    guard let dataset = catalog.knownDatasets.first(where: { $0.name == name }) else {
      throw invocation.error(.unknownName, "unknown data set '\(name)'", at: value)
    }
    let folder = try invocation.option("from").map { from throws(Diagnostic) in
      Paths.expandingTilde(try invocation.convert.text(from, key: "from"))
    }
    let relay = DownloadRelay(environment: invocation.environment)
    defer { relay.finish() }
    do throws(DatasetError) {
      let loaded = try catalog.load(dataset, from: folder, progress: relay.receive)
      relay.finish()
      invocation.report.lines.append(contentsOf: relay.printed)
      return loaded
    } catch {
      relay.finish()
      invocation.report.lines.append(contentsOf: relay.printed)
      if let missing = missingDataset(error, dataset: dataset, catalog: catalog, explicitFolder: folder,
                                      at: value, invocation) {
        throw missing
      }
      throw invocation.error(.dataError, error.description, at: invocation.option("from") ?? value,
                             hint: dataHint(error))
    }
  }

  /// `load FILE.json`: a model written by `save`.
  static func loadModel(path: String, at value: Value, _ invocation: inout Invocation) throws(Diagnostic) {
    let model: Model
    do throws(ModelFileError) {
      model = try ModelFile.read(path, limits: invocation.environment.limits)
    } catch {
      throw invocation.error(.fileError, "cannot load a model from '\(path)': \(error)", at: value)
    }
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let name: String
    if invocation.bindingName != nil {
      name = try invocation.claimName(kind: model.kind, isModel: true)
    } else if Parser.isIdentifier(stem) && CommandSpec.named(stem) == nil && !Invocation.keywords.contains(stem)
                && invocation.session.datasets[stem] == nil {
      name = stem
    } else {
      name = invocation.session.freshName(for: model.kind)
    }
    invocation.session.models[name] = model
    invocation.session.currentModel = name
    invocation.print("\(name): \(model.headline) (from \(path))")
  }

  static func dataHint(_ error: DatasetError) -> String? {
    switch error {
    case .notFound: return "give the folder with from=\"…\" or set MLPSH_DATA"
    default: return nil
    }
  }
}
