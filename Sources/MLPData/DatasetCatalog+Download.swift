import Crypto
import Foundation

/// What a download is doing, for the shell's progress bar and warnings.
public enum DownloadEvent: Sendable, Equatable {
  /// Asking `url` for `file`.
  case started(file: String, url: String)
  /// `received` bytes of `file` so far, of `expected` when the server said.
  case progress(file: String, received: Int, expected: Int?)
  /// `url` did not give a good copy of `file`; the next mirror will be tried.
  case rejected(file: String, url: String, reason: String)
  /// `file` from `url` has the right checksum.
  case verified(file: String, url: String)
}

/// Receives download events; called from a background thread.
public typealias DownloadProgress = @Sendable (DownloadEvent) -> Void

extension DatasetCatalog {
  /// Downloads the files of `dataset` that `cache` lacks, verifies them and moves them in.
  ///
  /// Each file is tried on each mirror in turn (`<mirror><name>.gz`). A copy is written to a
  /// temporary folder beside the cache (`<cacheRoot>/.partial-<name>-<uuid>`), gunzipped and
  /// checked against the known size and SHA-256 of the uncompressed file. Only when every
  /// missing file has a verified copy are they renamed into `cache`; whatever happens, the
  /// temporary folder is removed, so a failed, partial or corrupt download leaves nothing.
  ///
  /// - Throws: `DatasetError.downloadFailed` with every attempt for the first file no mirror
  ///   could give, or `.cacheUnwritable`.
  func download(_ dataset: KnownDataset, into cache: String, progress: DownloadProgress?) throws(DatasetError) {
    let files = dataset.files.filter { Self.existingFile($0, in: cache) == nil }
    let manager = FileManager.default
    let staging = (cacheRoot as NSString).appendingPathComponent(".partial-\(dataset.name)-\(UUID().uuidString)")
    do {
      try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
    } catch {
      throw .cacheUnwritable(path: cacheRoot, reason: error.localizedDescription.lowercased())
    }
    // Tidying only: the verified files are already in the cache, and a staging folder left
    // behind is emptied by the next download.
    defer { try? manager.removeItem(atPath: staging) }

    let fetcher = HTTPFetcher(timeout: downloadTimeout)
    for file in files {
      let target = (staging as NSString).appendingPathComponent(file.compressedName)
      var attempts: [DownloadAttempt] = []
      var verified = false
      for mirror in dataset.mirrors {
        let address = mirror + file.compressedName
        do throws(FetchFailure) {
          guard let url = URL(string: address) else { throw FetchFailure(reason: "not a valid address") }
          progress?(.started(file: file.compressedName, url: address))
          try fetcher.fetch(url, into: target) { received, expected in
            progress?(.progress(file: file.compressedName, received: received, expected: expected))
          }
          try Self.verify(target, against: file)
          progress?(.verified(file: file.compressedName, url: address))
          verified = true
          break
        } catch {
          // The rejected copy is overwritten by the next mirror's; the attempt's own failure is
          // what the user is told.
          try? manager.removeItem(atPath: target)
          attempts.append(DownloadAttempt(url: address, failure: error.reason))
          progress?(.rejected(file: file.compressedName, url: address, reason: error.reason))
        }
      }
      guard verified else {
        if attempts.isEmpty {
          attempts.append(DownloadAttempt(url: "(no mirror)", failure: "the data set lists no mirror"))
        }
        throw .downloadFailed(dataset: dataset.name, file: file.compressedName, attempts: attempts,
                              cacheFolder: cache)
      }
    }
    try moveIn(files.map(\.compressedName), from: staging, to: cache)
  }

  /// Checks a downloaded file: it inflates (or is plain), has the known size and SHA-256.
  static func verify(_ path: String, against file: KnownFile) throws(FetchFailure) {
    let content: [UInt8]
    do {
      content = try FileBytes.readContent(path).bytes
    } catch let error {
      switch error {
      case let .badGzip(_, reason): throw FetchFailure(reason: "not a valid gzip file (\(reason))")
      default: throw FetchFailure(reason: error.description)
      }
    }
    guard content.count == file.size else {
      throw FetchFailure(reason: "wrong size: \(content.count) bytes once unpacked, expected \(file.size)")
    }
    let digest = SHA256.hexDigest(of: content)
    guard digest == file.sha256 else {
      throw FetchFailure(reason: "checksum mismatch: sha-256 \(digest), expected \(file.sha256)")
    }
  }

  /// Renames the verified files into the cache; if one fails, takes back those already moved.
  private func moveIn(_ names: [String], from staging: String, to cache: String) throws(DatasetError) {
    do {
      try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
    } catch {
      throw .cacheUnwritable(path: cache, reason: error.localizedDescription.lowercased())
    }
    var moved: [String] = []
    for name in names {
      let source = (staging as NSString).appendingPathComponent(name)
      let destination = (cache as NSString).appendingPathComponent(name)
      guard rename(source, destination) == 0 else {
        let reason = systemMessage(errno)
        for path in moved { unlink(path) }
        throw .cacheUnwritable(path: destination, reason: reason)
      }
      moved.append(destination)
    }
  }
}
