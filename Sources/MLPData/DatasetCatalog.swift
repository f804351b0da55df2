import Foundation

/// Finds the named data sets and loads them: MNIST and Fashion-MNIST from disk (or the
/// network), the embedded digits, and the toy sets.
///
/// For an IDX data set the places are tried in this order, and the first folder that holds
/// all four files (each gzipped or plain) wins:
/// 1. the folder named in the command (`load mnist from "dir"`) — and only that one;
/// 2. `$MLPSH_DATA/<name>` (e.g. `$MLPSH_DATA/fashion-mnist`), and for MNIST `$MLPSH_DATA`
///    itself (a folder holding the four MNIST files, as CI sets it);
/// 3. the system folders of the data set (`/usr/share/datasets/fashion-mnist`, installed by
///    Debian's `dataset-fashion-mnist`);
/// 4. the user cache, `$XDG_CACHE_HOME/mlpsh/<name>`, else `~/.cache/mlpsh/<name>`;
/// 5. a download from the data set's mirrors into that cache (`DatasetCatalog+Download.swift`).
///
/// Everything the resolution reads from the outside — the environment, the mirrors — is a
/// property, so tests can point it at a temporary cache and a server on 127.0.0.1.
public struct DatasetCatalog: Sendable {
  /// The environment variables consulted: `MLPSH_DATA`, `XDG_CACHE_HOME`, `HOME`.
  public var environment: [String: String]
  /// The IDX data sets known by name, with their mirrors.
  public var knownDatasets: [KnownDataset]
  /// Whether a missing data set may be downloaded.
  public var allowsDownload: Bool
  /// Seconds without any data from a mirror before giving up on it.
  public var downloadTimeout: Double

  /// A catalog reading the process environment, with the real mirrors.
  public init(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    knownDatasets: [KnownDataset] = KnownDataset.all,
    allowsDownload: Bool = true,
    downloadTimeout: Double = 60
  ) {
    self.environment = environment
    self.knownDatasets = knownDatasets
    self.allowsDownload = allowsDownload
    self.downloadTimeout = downloadTimeout
  }

  /// The names `load` accepts: the IDX sets, "digits", then the toy sets.
  public var names: [String] {
    knownDatasets.map(\.name) + [Digits.name] + Synthetic.allCases.map(\.rawValue)
  }

  // MARK: - Loading by name

  /// Loads a data set by name with its defaults.
  ///
  /// - Parameters:
  ///   - name: one of `names`.
  ///   - folder: for an IDX set, the one folder to read from instead of searching.
  ///   - progress: told about downloads, if one is needed.
  /// - Throws: `DatasetError.unknownDataset` with the known names, or whatever finding and
  ///   reading the files throws.
  public func load(
    _ name: String, from folder: String? = nil, progress: DownloadProgress? = nil
  ) throws(DatasetError) -> LoadedData {
    if let known = knownDatasets.first(where: { $0.name == name }) {
      return try load(known, from: folder, progress: progress)
    }
    if name == Digits.name {
      return try Digits.load()
    }
    if let toy = Synthetic(rawValue: name) {
      return LoadedData(train: try toy.make(), origin: .generated(seed: Synthetic.defaultSeed))
    }
    throw .unknownDataset(name: name, known: names)
  }

  /// Loads an IDX data set: the official training and test sets, raw pixels 0–255.
  public func load(
    _ dataset: KnownDataset, from folder: String? = nil, progress: DownloadProgress? = nil
  ) throws(DatasetError) -> LoadedData {
    let (directory, origin) = try resolve(dataset, explicitFolder: folder, progress: progress)
    // A file that vanished since it was found reads as missing, by its gzipped name.
    func path(_ file: KnownFile) -> String {
      Self.existingFile(file, in: directory) ?? (directory as NSString).appendingPathComponent(file.compressedName)
    }
    let parts = [(dataset.trainImages, dataset.trainLabels), (dataset.testImages, dataset.testLabels)]
      .map { (images: path($0.0), labels: path($0.1)) }
    // The training and test sets are read on two threads: gunzip is the bulk of the time.
    let results = ResultSlots<Dataset>(count: parts.count)
    DispatchQueue.concurrentPerform(iterations: parts.count) { index in
      results[index] = Result { () throws(DatasetError) -> Dataset in
        try IDXReader.readDataset(images: parts[index].images, labels: parts[index].labels,
                                  name: dataset.name, classNames: dataset.classNames)
      }
    }
    let train = try results[0]!.get()
    let test = try results[1]!.get()
    // A model learns one size of image: a test set of another size is refused here, where
    // its files can be named, not later by a model that does not fit it.
    if let trainShape = train.imageShape, let testShape = test.imageShape, trainShape != testShape {
      throw .shapeMismatch(trainPath: parts[0].images, train: trainShape, testPath: parts[1].images, test: testShape)
    }
    return LoadedData(train: train, test: test, origin: origin)
  }

  // MARK: - Finding

  /// The folder the files come from, after downloading them if needed.
  ///
  /// - Throws: `DatasetError.notFound` listing the places searched (for an explicit folder:
  ///   that folder, with the missing files), or a download error.
  public func locate(
    _ dataset: KnownDataset, explicitFolder: String? = nil, progress: DownloadProgress? = nil
  ) throws(DatasetError) -> DataOrigin {
    try resolve(dataset, explicitFolder: explicitFolder, progress: progress).origin
  }

  /// The folder holding the four files, and how it was found.
  private func resolve(
    _ dataset: KnownDataset, explicitFolder: String?, progress: DownloadProgress?
  ) throws(DatasetError) -> (folder: String, origin: DataOrigin) {
    if let explicitFolder {
      let missing = Self.missingFiles(of: dataset, in: explicitFolder)
      guard missing.isEmpty else {
        throw .notFound(dataset: dataset.name,
                        searched: ["\(explicitFolder) (missing \(missing.joined(separator: ", ")))"])
      }
      return (explicitFolder, .folder(explicitFolder))
    }
    var searched: [String] = []
    for folder in searchFolders(for: dataset) {
      if Self.missingFiles(of: dataset, in: folder).isEmpty { return (folder, .folder(folder)) }
      searched.append(folder)
    }
    let cache = cacheFolder(for: dataset)
    if Self.missingFiles(of: dataset, in: cache).isEmpty { return (cache, .cache(cache)) }
    searched.append(cache)
    guard allowsDownload else {
      throw .notFound(dataset: dataset.name, searched: searched)
    }
    try download(dataset, into: cache, progress: progress)
    return (cache, .downloaded(cache))
  }

  /// The folders searched before the cache, in order.
  public func searchFolders(for dataset: KnownDataset) -> [String] {
    var folders: [String] = []
    if let data = environment["MLPSH_DATA"], !data.isEmpty {
      folders.append((data as NSString).appendingPathComponent(dataset.name))
      if dataset.name == KnownDataset.mnist.name { folders.append(data) }
    }
    return folders + dataset.systemFolders
  }

  /// `$XDG_CACHE_HOME/mlpsh` when that variable holds an absolute path, else
  /// `$HOME/.cache/mlpsh`.
  public var cacheRoot: String {
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      return (xdg as NSString).appendingPathComponent("mlpsh")
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return ((home as NSString).appendingPathComponent(".cache") as NSString).appendingPathComponent("mlpsh")
  }

  /// The cache folder of one data set: `<cacheRoot>/<name>`.
  public func cacheFolder(for dataset: KnownDataset) -> String {
    (cacheRoot as NSString).appendingPathComponent(dataset.name)
  }

  /// The path of `file` in `folder`, gzipped (`name.gz`) or plain (`name`), if either exists.
  static func existingFile(_ file: KnownFile, in folder: String) -> String? {
    for name in [file.compressedName, file.name] {
      let path = (folder as NSString).appendingPathComponent(name)
      if FileBytes.isFile(path) { return path }
    }
    return nil
  }

  /// The names of the files of `dataset` that `folder` lacks.
  static func missingFiles(of dataset: KnownDataset, in folder: String) -> [String] {
    dataset.files.filter { existingFile($0, in: folder) == nil }.map(\.compressedName)
  }
}

/// Results written by concurrent workers, one slot each.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<Value, DatasetError>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  subscript(index: Int) -> Result<Value, DatasetError>? {
    get { lock.withLock { slots[index] } }
    set { lock.withLock { slots[index] = newValue } }
  }
}
