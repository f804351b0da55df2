import Crypto
import Foundation
@testable import MLPData
import Testing
@testable import MLPScript
import TestSupport

/// `data` (the toy sets), `load csv`, and `load mnist` through the catalog: the folder order,
/// the cache, and a download from a server on 127.0.0.1 with its progress reported.
@Suite struct ToyAndCatalogDataTests {
  static func interpreter(catalog: DatasetCatalog? = nil, style: OutputStyle = .plain) -> (Interpreter, CollectingSink) {
    let sink = CollectingSink()
    var environment = Environment(sink: sink, style: style)
    if let catalog { environment.catalog = catalog }
    return (Interpreter(environment: environment), sink)
  }

  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "mlpsh-data-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  // MARK: - Toy sets

  @Test func dataMakesAToySetFromItsSeed() {
    let (interpreter, sink) = Self.interpreter()
    #expect(interpreter.run(line: "data xor n=40 noise=0.1 seed=3") == nil)
    #expect(sink.lines == ["xor: 40 training samples, 2 features, 2 classes (generated with seed 3)"])
    #expect(interpreter.session.currentData == "xor")
    let made = try? Synthetic.xor.make(count: 40, noise: 0.1, seed: 3)
    #expect(interpreter.session.datasets["xor"]?.train.features == made?.features)
    #expect(interpreter.session.datasets["xor"]?.train.labels == made?.labels)
    #expect(interpreter.run(line: "s = data spiral n=100 test=0.2") == nil)
    #expect(interpreter.session.lastReport?.quantity("train samples") == 80)
    #expect(interpreter.session.lastReport?.quantity("test samples") == 20)
    #expect(interpreter.session.currentData == "s")
  }

  @Test func dataSaysWhatIsWrong() {
    let (interpreter, _) = Self.interpreter()
    let unknown = interpreter.run(line: "data rings")
    #expect(unknown?.message == "unknown toy data set 'rings'")
    #expect(unknown?.hint == "should be blobs, xor, circles, gaussians, spiral or moons")
    #expect(interpreter.run(line: "data xor noise=-1")?.message == "noise must be between 0 and 1000, not -1")
    #expect(interpreter.run(line: "data xor test=1")?.message == "test should be a share between 0 and 1, not 1")
    #expect(interpreter.run(line: "data moons n=1")?.message == "n must be at least 2, not 1")
    #expect(interpreter.run(line: "load xor")?.hint == "'xor' is a toy set: make it with 'data xor'")
    #expect(interpreter.run(line: "load \"iris.csv\"")?.hint == "read a CSV file with 'load csv \"iris.csv\"'")
  }

  // MARK: - CSV

  @Test func loadCSVTakesTheLabelByNameOrIndex() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/flowers.csv"
    try "width,length,kind\n1.5,2,setosa\n3,4.5,virginica\n1,2.5,setosa\n3.5,4,virginica\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let (interpreter, sink) = Self.interpreter()
    #expect(interpreter.run(line: "load csv \"\(path)\" label=kind") == nil)
    #expect(sink.lines.last == "flowers: 4 training samples, 2 features, 2 classes (from '\(path)')")
    #expect(interpreter.session.datasets["flowers"]?.train.classNames == ["setosa", "virginica"])
    #expect(interpreter.run(line: "byindex = load csv \"\(path)\" label=2 test=0.5") == nil)
    #expect(interpreter.session.lastReport?.quantity("test samples") == 2)
    // With the first column as the label, the text column is a feature, and not a number.
    #expect(interpreter.run(line: "first = load csv \"\(path)\" label=0")?.message
      == "'\(path)', line 2, column 3: 'setosa' is not a number")
    let missing = interpreter.run(line: "load csv \"\(path)\" label=species")
    #expect(missing?.message.hasPrefix("'\(path)', line 1: no label column 'species'") == true)
    let line = "load csv \"\(path)\" label=species"
    #expect(missing?.range?.start == line.unicodeScalars.count - "species".count)
    #expect(interpreter.run(line: "load csv")?.message == "'load csv' needs a file")
    #expect(interpreter.run(line: "load digits label=3")?.message == "label= is for CSV files")
  }

  // MARK: - The catalog

  /// Four tiny IDX files under MNIST's names: 3 training and 2 test images of 2×2 pixels.
  static func writeIDX(into folder: String) throws {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, bytes) in tinyIDX {
      try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
  }

  static let tinyIDX: [(String, [UInt8])] = [
    ("train-images-idx3-ubyte", idx(0x803, [3, 2, 2], Array(0 ..< 12))),
    ("train-labels-idx1-ubyte", idx(0x801, [3], [1, 7, 3])),
    ("t10k-images-idx3-ubyte", idx(0x803, [2, 2, 2], Array(100 ..< 108))),
    ("t10k-labels-idx1-ubyte", idx(0x801, [2], [0, 9])),
  ]

  static func idx(_ magic: UInt32, _ sizes: [UInt32], _ body: [UInt8]) -> [UInt8] {
    func bigEndian(_ value: UInt32) -> [UInt8] {
      [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
    return bigEndian(magic) + sizes.flatMap(bigEndian) + body
  }

  @Test func scalingInPlaceWarnsAboutModelsTrainedBefore() {
    let (interpreter, sink) = Self.interpreter()
    #expect(interpreter.run(line: "load digits; m = mlp [64,10]; fresh = mlp [64,10]; train m progress=false") == nil)
    #expect(interpreter.run(line: "raw = scale digits") == nil)
    #expect(!sink.lines.contains { $0.hasPrefix("warning:") })
    #expect(interpreter.run(line: "scale digits") == nil)
    #expect(sink.lines.contains("warning: scaled 'digits' in place after 'm' was trained"))
    #expect(sink.lines.contains { $0.hasSuffix("if it learnt from 'digits', it now sees inputs unlike those: train again, or scale into a new name: 'scaled = scale digits'") })
  }

  @Test func clearClearsATerminalAndNothingElse() {
    let (plain, plainSink) = Self.interpreter()
    #expect(plain.run(line: "clear") == nil)
    #expect(plainSink.lines.isEmpty)
    let (terminal, terminalSink) = Self.interpreter(style: OutputStyle(isTerminal: true))
    #expect(terminal.run(line: "clear") == nil)
    #expect(terminalSink.lines == ["\u{1B}[H\u{1B}[2J\u{1B}[3J\u{1B}[H"])
  }

  /// Offline, the first thing a class sees: every line of the fix, however long the paths.
  @Test func aFailedDownloadSaysWhereItLookedWhereToPutTheFilesAndTheirSums() throws {
    let root = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let data = root + "/" + String(repeating: "a-long-folder-name/", count: 8) + "data"
    var mnist = KnownDataset.mnist
    mnist.mirrors = ["http://127.0.0.1:9/first-mirror/", "http://127.0.0.1:9/second-mirror/"]
    let catalog = DatasetCatalog(environment: ["MLPSH_DATA": data, "XDG_CACHE_HOME": root + "/cache", "HOME": root],
                                 knownDatasets: [mnist], downloadTimeout: 5)
    let (interpreter, _) = Self.interpreter(catalog: catalog)
    let error = try #require(interpreter.run(line: "load mnist"))
    let text = error.description
    #expect(error.message == "could not download 'train-images-idx3-ubyte.gz' for mnist, and no folder holds the files")
    #expect(!text.contains("…"))
    #expect(text.contains("  = looked in '\(data)/mnist', '\(data)', '\(root)/cache/mlpsh/mnist'; nothing was saved in the cache"))
    #expect(text.contains("  = tried http://127.0.0.1:9/first-mirror/train-images-idx3-ubyte.gz: "))
    #expect(text.contains("  = tried http://127.0.0.1:9/second-mirror/train-images-idx3-ubyte.gz: "))
    #expect(text.contains("put the four files in '\(root)/cache/mlpsh/mnist', or set MLPSH_DATA to a folder that holds them"))
    for file in mnist.files {
      #expect(text.contains("  =   \(file.name)  \(file.sha256)"))
    }
  }

  @Test func loadMNISTSearchesTheFolderThenDataThenTheCache() throws {
    let root = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let data = root + "/data", cache = root + "/cache", named = root + "/named"
    let catalog = DatasetCatalog(environment: ["MLPSH_DATA": data, "XDG_CACHE_HOME": cache, "HOME": root],
                                 allowsDownload: false)
    let (interpreter, sink) = Self.interpreter(catalog: catalog)

    // Nowhere yet: the error lists every place searched, where to put the files and their sums.
    let missing = interpreter.run(line: "load mnist")
    #expect(missing?.message == "mnist not found, and downloading is off")
    #expect(missing?.hint == "put the four files in '\(cache)/mlpsh/mnist', or set MLPSH_DATA to a folder that holds them (docs/data.md)")
    #expect(missing?.notes.first == "looked in '\(data)/mnist', '\(data)', '\(cache)/mlpsh/mnist'")
    #expect(missing?.notes.last == "  t10k-labels-idx1-ubyte  \(KnownDataset.mnist.testLabels.sha256)")

    try Self.writeIDX(into: cache + "/mlpsh/mnist")
    #expect(interpreter.run(line: "load mnist") == nil)
    #expect(sink.lines.last == "mnist: 3 training and 2 test samples, 4 features, 10 classes (from the cache '\(cache)/mlpsh/mnist')")

    try Self.writeIDX(into: data)
    #expect(interpreter.run(line: "load mnist") == nil)
    #expect(sink.lines.last == "mnist: 3 training and 2 test samples, 4 features, 10 classes (from '\(data)')")

    try Self.writeIDX(into: data + "/mnist")
    #expect(interpreter.run(line: "load mnist") == nil)
    #expect(sink.lines.last?.hasSuffix("(from '\(data)/mnist')") == true)

    try Self.writeIDX(into: named)
    #expect(interpreter.run(line: "load mnist from=\"\(named)\"") == nil)
    #expect(sink.lines.last?.hasSuffix("(from '\(named)')") == true)
    #expect(interpreter.session.datasets["mnist"]?.train.labels == [1, 7, 3])
    let wrong = interpreter.run(line: "load mnist from=\"\(root)/nothing\"")
    #expect(wrong?.range?.start == "load mnist from=".count)
    #expect(interpreter.run(line: "load mnist test=0.5")?.message == "mnist comes with its own test set; test= is for digits and csv")
  }

  @Test func loadMNISTDownloadsIntoTheCacheAndSaysSo() throws {
    let root = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = Dictionary(uniqueKeysWithValues: Self.tinyIDX.map { ($0.0 + ".gz", $0.1) })
    let server = try LocalHTTPServer(mirrors: ["/bad/": .notFound, "/good/": .serve(files)])
    defer { server.stop() }
    let known = KnownDataset(
      name: "mnist", classNames: (0 ..< 10).map(String.init),
      files: Self.tinyIDX.map { KnownFile(name: $0.0, size: $0.1.count, sha256: SHA256.hexDigest(of: $0.1)) },
      mirrors: [server.url("/bad/"), server.url("/good/")])
    let catalog = DatasetCatalog(environment: ["XDG_CACHE_HOME": root, "HOME": root], knownDatasets: [known],
                                 downloadTimeout: 5)

    // Not a terminal: one line per attempt, none per chunk.
    let (interpreter, sink) = Self.interpreter(catalog: catalog)
    #expect(interpreter.run(line: "load mnist") == nil)
    let first = "train-images-idx3-ubyte.gz"
    #expect(sink.lines.prefix(4) == [
      "downloading \(first) from \(server.url("/bad/"))\(first)",
      "warning: \(server.url("/bad/"))\(first) did not give \(first): answered HTTP 404; trying the next mirror",
      "downloading \(first) from \(server.url("/good/"))\(first)",
      "downloaded \(first) from 127.0.0.1 (checksum verified)",
    ])
    #expect(sink.lines.last == "mnist: 3 training and 2 test samples, 4 features, 10 classes (downloaded into '\(root)/mlpsh/mnist')")
    #expect(sink.statusUpdates == 0)
    #expect(interpreter.session.lastReport?.lines.contains("downloaded \(first) from 127.0.0.1 (checksum verified)") == true)

    // Once cached, no download.
    sink.clear()
    #expect(interpreter.run(line: "load mnist") == nil)
    #expect(sink.lines == ["mnist: 3 training and 2 test samples, 4 features, 10 classes (from the cache '\(root)/mlpsh/mnist')"])
  }

  @Test func onATerminalADownloadDrawsAProgressBar() {
    let sink = CollectingSink()
    let environment = Environment(sink: sink, style: OutputStyle(isTerminal: true, width: 60), clock: { 0 })
    let relay = DownloadRelay(environment: environment)
    relay.receive(.started(file: "a.gz", url: "http://127.0.0.1:1/m/a.gz"))
    relay.receive(.progress(file: "a.gz", received: 500_000, expected: 1_000_000))
    relay.receive(.progress(file: "a.gz", received: 1_000_000, expected: 1_000_000))
    relay.receive(.verified(file: "a.gz", url: "http://127.0.0.1:1/m/a.gz"))
    relay.finish()
    #expect(sink.statusUpdates == 3)
    #expect(sink.lines == ["downloaded a.gz from 127.0.0.1 (checksum verified)"])
    #expect(relay.bar(file: "a.gz", received: 500_000, expected: 1_000_000)
      == "[" + String(repeating: "█", count: 18) + String(repeating: "░", count: 18) + "]  a.gz  0.5 of 1.0 MB")
    #expect(relay.bar(file: "a.gz", received: 2_500_000, expected: nil) == "a.gz  2.5 MB")
  }
}
