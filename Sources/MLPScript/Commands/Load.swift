import Foundation
import MLPCore
import MLPData

extension Dataset: LabeledSamples {}

extension DiagnosticID {
  /// A data set that cannot be found, read or transformed.
  public static let dataError = DiagnosticID("data-error", .runtime)
}

extension CommandSpec {
  /// `load mnist`, `load digits test=0.2`
  static let load = CommandSpec(
    name: "load", topic: .data,
    summary: "load a data set (mnist, fashion-mnist, digits) or a saved model",
    details: """
      Loads a data set with its training and test sets and makes it the current data set. \
      mnist and fashion-mnist are read from the folder given with from=, else from the folder \
      in the MLPSH_DATA environment variable, else from where a system package puts them; the \
      four IDX files may be gzipped. digits (1797 8×8 handwritten digits) is built in, split \
      into training and test sets by test= and seed=. Pixels stay raw (0 to 255 for MNIST); \
      scale maps them to [0, 1]. limit=N keeps the first N samples of each set, for quick runs. \
      Reports `train samples`, `test samples`, `features` and `classes`.
      load FILE.json reads a model written by save and makes it the current model, named \
      after the file unless given a name.
      """,
    arguments: [ArgumentSpec("NAME", .choice(["mnist", "fashion-mnist", "digits"]),
                             "the data set, or a model file ending in .json", optional: false)],
    options: [
      OptionSpec("from", .path, default: "$MLPSH_DATA", "the folder holding the IDX files"),
      OptionSpec("test", .number, default: "0.2", "share of digits held out for testing"),
      OptionSpec("seed", .integer, default: "the seed setting, 0", "seed of the digits split", setting: "seed"),
      OptionSpec("limit", .integer, default: "none", "keep only the first N samples of each set"),
    ],
    example: "load mnist\nload digits test=0.25\nsmall = load mnist limit=1000\nm16 = load \"m16.json\"",
    binds: true
  ) { invocation throws(Diagnostic) in
    guard let value = invocation.positionals.first else {
      throw invocation.error(.missingArgument, "'load' needs a data set name", hint: "such as 'load mnist'")
    }
    let name = try invocation.convert.text(value, key: "the data set")
    let known = ["mnist", "fashion-mnist", "digits"]
    if name.hasSuffix(".json") {
      try loadModel(path: name, at: value, &invocation)
      return
    }
    guard known.contains(name) else {
      throw invocation.error(.unknownName, "unknown data set '\(name)'", at: value,
                             hint: Suggestions.hint(for: name, among: known) ?? "should be \(Suggestions.prose(known))")
    }
    let fraction = try invocation.number("test", default: Digits.defaultTestFraction)
    let seed = try invocation.seed(default: invocation.session.settings.seed)
    let dataset = name == "fashion-mnist" ? KnownDataset.fashionMNIST : KnownDataset.mnist
    var folders: [String] = []
    if let from = invocation.option("from") {
      folders.append((try invocation.convert.text(from, key: "from") as NSString).expandingTildeInPath)
    } else if let folder = ProcessInfo.processInfo.environment["MLPSH_DATA"], !folder.isEmpty, name == "mnist" {
      folders.append(folder)
    }
    var loaded: LoadedData
    do throws(DatasetError) {
      if name == "digits" {
        loaded = try Digits.load(testFraction: fraction, seed: seed)
      } else {
        loaded = try loadIDX(dataset, searching: folders + dataset.systemFolders)
      }
    } catch {
      throw invocation.error(.dataError, error.description, at: value, hint: dataHint(error))
    }
    if let limit = invocation.option("limit") {
      loaded = loaded.prefix(try invocation.convert.integer(limit, key: "limit", atLeast: 1))
    }
    // Unnamed, a data set goes by its own name ("mnist"), replacing an earlier load.
    var entryName = name
    if invocation.bindingName != nil {
      entryName = try invocation.claimName(kind: name, isModel: false)
    } else if invocation.session.models[name] != nil {
      throw invocation.error(.cannotBind, "'\(name)' already names a model", at: value,
                             hint: "name the data set, as in 'data = load \(name)'")
    }
    let entry = DataEntry(train: loaded.train, test: loaded.test, origin: "\(name) \(loaded.origin)")
    invocation.session.datasets[entryName] = entry
    invocation.session.currentData = entryName
    invocation.print("\(entryName): \(entry.headline) (\(loaded.origin))")
    invocation.record("train samples", Double(loaded.train.count))
    invocation.record("test samples", Double(loaded.test?.count ?? 0))
    invocation.record("features", Double(loaded.train.featureCount))
    invocation.record("classes", Double(loaded.train.classCount))
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
    } else if Parser.isIdentifier(stem) && CommandSpec.named(stem) == nil && invocation.session.datasets[stem] == nil {
      name = stem
    } else {
      name = invocation.session.freshName(for: model.kind)
    }
    invocation.session.models[name] = model
    invocation.session.currentModel = name
    invocation.print("\(name): \(model.headline) (from \(path))")
  }

  /// The four IDX files of `dataset` from the first folder that has them (gzipped or not).
  static func loadIDX(_ dataset: KnownDataset, searching folders: [String]) throws(DatasetError) -> LoadedData {
    let manager = FileManager.default
    func path(_ file: KnownFile, in folder: String) -> String? {
      for name in [file.compressedName, file.name] {
        let candidate = (folder as NSString).appendingPathComponent(name)
        if manager.fileExists(atPath: candidate) { return candidate }
      }
      return nil
    }
    for folder in folders {
      guard let trainImages = path(dataset.trainImages, in: folder),
            let trainLabels = path(dataset.trainLabels, in: folder),
            let testImages = path(dataset.testImages, in: folder),
            let testLabels = path(dataset.testLabels, in: folder) else { continue }
      let train = try IDXReader.readDataset(images: trainImages, labels: trainLabels, name: dataset.name,
                                            classNames: dataset.classNames)
      let test = try IDXReader.readDataset(images: testImages, labels: testLabels, name: dataset.name,
                                           classNames: dataset.classNames)
      return LoadedData(train: train, test: test, origin: .folder(folder))
    }
    throw .notFound(dataset: dataset.name, searched: folders)
  }

  static func dataHint(_ error: DatasetError) -> String? {
    if case .notFound = error { return "give the folder with from=\"…\" or set MLPSH_DATA" }
    return nil
  }
}
