import Foundation
import XCTest
@testable import MLPData

/// Where `load mnist` and friends look, in which order, and what they say when nothing is found.
final class DatasetCatalogTests: XCTestCase {
  private var scratch = ""

  override func setUpWithError() throws {
    scratch = try makeTemporaryFolder(self)
  }

  /// A folder holding the four MNIST files, as symbolic links to the real ones.
  private func mnistCopy(named name: String, files: [KnownFile] = KnownDataset.mnist.files) throws -> String {
    let source = try mnistFolder()
    let folder = (scratch as NSString).appendingPathComponent(name)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in files {
      try FileManager.default.createSymbolicLink(
        atPath: (folder as NSString).appendingPathComponent(file.compressedName),
        withDestinationPath: (source as NSString).appendingPathComponent(file.compressedName))
    }
    return folder
  }

  private func catalog(_ environment: [String: String], _ datasets: [KnownDataset] = KnownDataset.all) -> DatasetCatalog {
    DatasetCatalog(environment: environment, knownDatasets: datasets, allowsDownload: false)
  }

  func testCacheRootFollowsXDGThenHome() {
    XCTAssertEqual(catalog(["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/ann"]).cacheRoot, "/x/cache/mlpsh")
    XCTAssertEqual(catalog(["XDG_CACHE_HOME": "relative", "HOME": "/home/ann"]).cacheRoot, "/home/ann/.cache/mlpsh")
    XCTAssertEqual(catalog(["HOME": "/home/ann"]).cacheFolder(for: .fashionMNIST), "/home/ann/.cache/mlpsh/fashion-mnist")
  }

  func testSearchOrderBeforeTheCache() {
    let environment = ["MLPSH_DATA": "/data"]
    XCTAssertEqual(catalog(environment).searchFolders(for: .mnist), ["/data/mnist", "/data"])
    XCTAssertEqual(catalog(environment).searchFolders(for: .fashionMNIST),
                   ["/data/fashion-mnist", "/usr/share/datasets/fashion-mnist"])
    XCTAssertEqual(catalog([:]).searchFolders(for: .mnist), [])
  }

  func testNothingFoundListsEveryPlaceSearched() {
    let cache = (scratch as NSString).appendingPathComponent("cache")
    let error = datasetError {
      try catalog(["MLPSH_DATA": "/nowhere", "XDG_CACHE_HOME": cache]).load("mnist")
    }
    XCTAssertEqual(error, .notFound(dataset: "mnist", searched: ["/nowhere/mnist", "/nowhere", cache + "/mlpsh/mnist"]))
    XCTAssertEqual(error?.description,
                   "mnist not found; looked in '/nowhere/mnist', '/nowhere', '\(cache)/mlpsh/mnist'")
  }

  func testAnExplicitFolderIsTheOnlyPlaceLookedIn() throws {
    let folder = try mnistCopy(named: "partial", files: [KnownDataset.mnist.trainImages, KnownDataset.mnist.trainLabels])
    let error = datasetError {
      try catalog(["MLPSH_DATA": try mnistFolder()]).load("mnist", from: folder)
    }
    XCTAssertEqual(error?.description,
                   "mnist not found; looked in '\(folder) (missing t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz)'")
  }

  func testMLPSHDataComesBeforeTheCache() throws {
    let data = try mnistFolder()
    let cacheHome = (scratch as NSString).appendingPathComponent("cache")
    _ = try mnistCopy(named: "cache/mlpsh/mnist")
    let located = try catalog(["MLPSH_DATA": data, "XDG_CACHE_HOME": cacheHome]).locate(.mnist)
    XCTAssertEqual(located, .folder(data))
    let fromCache = try catalog(["XDG_CACHE_HOME": cacheHome]).locate(.mnist)
    XCTAssertEqual(fromCache, .cache(cacheHome + "/mlpsh/mnist"))
  }

  func testASubfolderNamedAfterTheSetIsFoundInMLPSHData() throws {
    _ = try mnistCopy(named: "all/mnist")
    let all = (scratch as NSString).appendingPathComponent("all")
    XCTAssertEqual(try catalog(["MLPSH_DATA": all]).locate(.mnist), .folder(all + "/mnist"))
    // MLPSH_DATA holding the MNIST files is not taken for Fashion-MNIST.
    var fashion = KnownDataset.fashionMNIST
    fashion.systemFolders = []
    let error = datasetError { try catalog(["MLPSH_DATA": try mnistFolder(), "HOME": scratch]).locate(fashion) }
    XCTAssertEqual(error, .notFound(dataset: "fashion-mnist",
                                    searched: [try mnistFolder() + "/fashion-mnist", scratch + "/.cache/mlpsh/fashion-mnist"]))
  }

  func testSystemFolderComesAfterMLPSHDataAndBeforeTheCache() throws {
    var fashion = KnownDataset.fashionMNIST
    fashion.systemFolders = [try mnistCopy(named: "usr-share")]
    _ = try mnistCopy(named: "home/.cache/mlpsh/fashion-mnist")
    let home = (scratch as NSString).appendingPathComponent("home")
    XCTAssertEqual(try catalog(["HOME": home], [fashion]).locate(fashion), .folder(fashion.systemFolders[0]))
  }

  func testFashionMNISTFromTheDebianPackage() throws {
    let folder = "/usr/share/datasets/fashion-mnist"
    guard FileManager.default.fileExists(atPath: folder) else {
      throw XCTSkip("dataset-fashion-mnist is not installed")
    }
    let data = try catalog(["HOME": scratch]).load("fashion-mnist")
    XCTAssertEqual(data.origin, .folder(folder))
    XCTAssertEqual(data.train.count, 60_000)
    XCTAssertEqual(data.test?.count, 10_000)
    XCTAssertEqual(data.train.classNames.first, "T-shirt/top")
    XCTAssertEqual(data.train.classNames.last, "Ankle boot")
    // First labels and pixel sums from numpy on the same files.
    XCTAssertEqual(Array(data.train.labels.prefix(10)), [9, 0, 0, 3, 0, 2, 7, 2, 5, 5])
    XCTAssertEqual(Array(data.test?.labels.prefix(10) ?? []), [9, 2, 1, 1, 6, 1, 4, 6, 5, 7])
    XCTAssertEqual(data.train.features.row(0).reduce(0, +), 76_247)
  }

  func testUnknownNamesListTheKnownOnes() {
    let error = datasetError { try catalog([:]).load("mnsit") }
    XCTAssertEqual(error?.description,
                   "unknown data set 'mnsit'; should be mnist, fashion-mnist, digits, blobs, xor, circles, gaussians, spiral or moons")
  }

  func testDigitsAndToySetsByName() throws {
    let digits = try catalog([:]).load("digits")
    XCTAssertEqual(digits, try Digits.load())
    let xor = try catalog([:]).load("xor")
    XCTAssertEqual(xor.train, try Synthetic.xor.make())
    XCTAssertNil(xor.test)
    XCTAssertEqual(xor.origin, .generated(seed: 0))
  }
}
