import Crypto
import Foundation
import XCTest
@testable import MLPData
import TestSupport

/// Real downloads from a server on 127.0.0.1 that serves the MNIST files of `MLPSH_DATA`
/// through mirrors that behave well, corrupt bytes, tamper with the content, cut the
/// connection half-way, or answer 404. The cache is a temporary folder.
final class DownloadTests: XCTestCase {
  private var server: LocalHTTPServer!
  private var cacheHome = ""
  private var goodFiles: [String: [UInt8]] = [:]

  override func setUpWithError() throws {
    let source = try mnistFolder()
    for file in KnownDataset.mnist.files {
      goodFiles[file.compressedName] = try XCTUnwrap(
        FileManager.default.contents(atPath: (source as NSString).appendingPathComponent(file.compressedName))
      ).map { $0 }
    }
    // One byte flipped in the middle of each compressed stream.
    let corrupt = goodFiles.mapValues { bytes in
      var copy = bytes
      copy[copy.count / 2] ^= 0x55
      return copy
    }
    // Valid gzip files whose content differs from the real one in one byte.
    let tampered = try goodFiles.filter { $0.key.contains("labels") }.mapValues { bytes in
      var content = try Gzip.inflate(bytes, path: "fixture")
      content[content.count - 1] ^= 0x01
      return gzipStored(content)
    }
    server = try LocalHTTPServer(mirrors: [
      "/good/": .serve(goodFiles),
      "/corrupt/": .serve(corrupt),
      "/tampered/": .serve(tampered),
      "/cut/": .cutHalfway(goodFiles),
      "/missing/": .notFound,
      "/stalled/": .stall(seconds: 5),
    ])
    addTeardownBlock { [server] in server?.stop() }
    cacheHome = try makeTemporaryFolder(self)
  }

  private func catalog(mirrors: [String], timeout: Double = 20) -> DatasetCatalog {
    var mnist = KnownDataset.mnist
    mnist.mirrors = mirrors
    return DatasetCatalog(environment: ["XDG_CACHE_HOME": cacheHome], knownDatasets: [mnist], downloadTimeout: timeout)
  }

  private var cache: String { cacheHome + "/mlpsh/mnist" }

  /// The names in the cache folder, and whether anything is left beside it.
  private func cacheListing() -> (files: [String], leftovers: [String]) {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
    let root = (try? FileManager.default.contentsOfDirectory(atPath: cacheHome + "/mlpsh")) ?? []
    return (files.sorted(), root.filter { $0 != "mnist" })
  }

  /// Puts the two image files in the cache, so that a test downloads only the small labels.
  private func cacheTheImages() throws {
    try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    for name in ["train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"] {
      try write(goodFiles[name]!, to: name, in: cache)
    }
  }

  private let labelNames = ["t10k-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz"]
  private let imageNames = ["t10k-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz"]

  // MARK: - Success

  func testDownloadsVerifiesCachesAndThenLoadsWithoutTheNetwork() throws {
    let events = EventLog()
    let data = try catalog(mirrors: [server.url("/good/")]).load("mnist") { events.append($0) }
    XCTAssertEqual(data.origin, .downloaded(cache))
    XCTAssertEqual(data.train.count, 60_000)
    XCTAssertEqual(data.test?.count, 10_000)
    XCTAssertEqual(Array(data.train.labels.prefix(5)), [5, 0, 4, 1, 9])
    XCTAssertEqual(cacheListing().files, (imageNames + labelNames).sorted())
    XCTAssertEqual(cacheListing().leftovers, [], "the temporary folder is gone")
    XCTAssertEqual(server.requests.count, 4)
    let verified = events.all.compactMap { event -> String? in
      if case let .verified(file, _) = event { return file }
      return nil
    }
    XCTAssertEqual(verified, KnownDataset.mnist.files.map(\.compressedName))
    XCTAssertTrue(events.all.contains(.progress(file: "train-labels-idx1-ubyte.gz",
                                                received: goodFiles["train-labels-idx1-ubyte.gz"]!.count,
                                                expected: goodFiles["train-labels-idx1-ubyte.gz"]!.count)))

    server.stop()
    let again = try catalog(mirrors: ["http://127.0.0.1:1/"]).load("mnist")
    XCTAssertEqual(again.origin, .cache(cache))
    XCTAssertEqual(again.train, data.train)
    XCTAssertEqual(server.requests.count, 4, "the second load made no request")
  }

  func testACorruptMirrorIsRejectedAndTheNextOneTried() throws {
    try cacheTheImages()
    let events = EventLog()
    let data = try catalog(mirrors: [server.url("/corrupt/"), server.url("/good/")]).load("mnist") {
      events.append($0)
    }
    XCTAssertEqual(data.origin, .downloaded(cache))
    XCTAssertEqual(server.requests, ["/corrupt/train-labels-idx1-ubyte.gz", "/good/train-labels-idx1-ubyte.gz",
                                     "/corrupt/t10k-labels-idx1-ubyte.gz", "/good/t10k-labels-idx1-ubyte.gz"])
    let rejections = events.all.compactMap { event -> String? in
      if case let .rejected(_, _, reason) = event { return reason }
      return nil
    }
    XCTAssertEqual(rejections.count, 2)
    XCTAssertTrue(rejections.allSatisfy { $0.hasPrefix("not a valid gzip file (") }, "\(rejections)")
    XCTAssertEqual(cacheListing().files, (imageNames + labelNames).sorted())
    XCTAssertEqual(cacheListing().leftovers, [])
  }

  func testOnlyCorruptMirrorsLeaveTheCacheUntouched() throws {
    try cacheTheImages()
    let error = datasetError { try catalog(mirrors: [server.url("/corrupt/"), server.url("/tampered/")]).load("mnist") }
    guard case let .downloadFailed(dataset, file, attempts, folder)? = error else {
      return XCTFail("expected a download failure, got \(String(describing: error))")
    }
    XCTAssertEqual(dataset, "mnist")
    XCTAssertEqual(file, "train-labels-idx1-ubyte.gz")
    XCTAssertEqual(folder, cache)
    XCTAssertEqual(attempts.map(\.url), [server.url("/corrupt/"), server.url("/tampered/")].map { $0 + file })
    XCTAssertTrue(attempts[0].failure.hasPrefix("not a valid gzip file ("))
    XCTAssertEqual(attempts[1].failure,
                   "checksum mismatch: sha-256 " + SHA256.hexDigest(of: try tamperedContent(file))
                     + ", expected 65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5")
    XCTAssertEqual(cacheListing().files, imageNames, "nothing was added to the cache")
    XCTAssertEqual(cacheListing().leftovers, [], "the temporary folder is gone")
  }

  func testACutConnectionIsAFailedAttempt() throws {
    let error = datasetError { try catalog(mirrors: [server.url("/cut/")]).load("mnist") }
    guard case let .downloadFailed(_, file, attempts, _)? = error else {
      return XCTFail("expected a download failure, got \(String(describing: error))")
    }
    XCTAssertEqual(file, "train-images-idx3-ubyte.gz")
    XCTAssertEqual(attempts.count, 1)
    let total = goodFiles[file]!.count
    XCTAssertEqual(attempts[0].failure, "the connection closed after \(total / 2) of \(total) bytes")
    XCTAssertEqual(cacheListing().files, [])
    XCTAssertEqual(cacheListing().leftovers, [])
  }

  func testA404IsAFailedAttemptAndTheMessageSaysWhatToDo() throws {
    try cacheTheImages()
    let error = datasetError { try catalog(mirrors: [server.url("/missing/")]).load("mnist") }
    let url = server.url("/missing/train-labels-idx1-ubyte.gz")
    XCTAssertEqual(error?.description,
                   "could not download 'train-labels-idx1-ubyte.gz' for mnist (\(url): answered HTTP 404); "
                     + "nothing was saved in the cache; put the files there by hand ('\(cache)') "
                     + "or set MLPSH_DATA to a folder that holds them")
    XCTAssertEqual(cacheListing().files, imageNames)
  }

  func testAStalledMirrorTimesOutAndTheNextOneIsTried() throws {
    try cacheTheImages()
    let started = Date()
    let data = try catalog(mirrors: [server.url("/stalled/"), server.url("/good/")], timeout: 1).load("mnist")
    XCTAssertEqual(data.origin, .downloaded(cache))
    XCTAssertLessThan(Date().timeIntervalSince(started), 4.5, "each stalled attempt gave up after about a second")
    try FileManager.default.removeItem(atPath: cache + "/t10k-labels-idx1-ubyte.gz")
    let error = datasetError { try catalog(mirrors: [server.url("/stalled/")], timeout: 1).load("mnist") }
    guard case let .downloadFailed(_, file, attempts, _)? = error else {
      return XCTFail("expected a download failure, got \(String(describing: error))")
    }
    XCTAssertEqual(file, "t10k-labels-idx1-ubyte.gz")
    XCTAssertEqual(attempts.map(\.failure), ["no data for 1 s"])
    XCTAssertEqual(cacheListing().files, (imageNames + ["train-labels-idx1-ubyte.gz"]).sorted())
  }

  func testNoMirrorAtAll() throws {
    let error = datasetError { try catalog(mirrors: []).load("mnist") }
    guard case let .downloadFailed(_, _, attempts, _)? = error else {
      return XCTFail("expected a download failure, got \(String(describing: error))")
    }
    XCTAssertEqual(attempts, [DownloadAttempt(url: "(no mirror)", failure: "the data set lists no mirror")])
  }

  private func tamperedContent(_ name: String) throws -> [UInt8] {
    var content = try Gzip.inflate(goodFiles[name]!, path: name)
    content[content.count - 1] ^= 0x01
    return content
  }
}

/// Download events collected from URLSession's thread.
final class EventLog: @unchecked Sendable {
  private let lock = NSLock()
  private var events: [DownloadEvent] = []

  func append(_ event: DownloadEvent) {
    lock.withLock { events.append(event) }
  }

  var all: [DownloadEvent] {
    lock.withLock { events }
  }
}
