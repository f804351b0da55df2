import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches one URL into a file with URLSession, blocking until it is done.
///
/// A fetch succeeds only with a 2xx answer whose body arrived whole: when the server announced
/// a length, exactly that many bytes. Anything else throws a `FetchFailure` whose reason says
/// what happened, in words for the user.
struct HTTPFetcher {
  /// Seconds without any data before giving up.
  var timeout: Double

  /// Downloads `url` into a new file at `path`.
  ///
  /// - Parameter progress: called (on another thread) with the bytes received so far and the
  ///   announced total, if any.
  func fetch(
    _ url: URL, into path: String, progress: @escaping @Sendable (Int, Int?) -> Void
  ) throws(FetchFailure) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path)
    else {
      throw FetchFailure(reason: "cannot create the temporary file '\(path)'")
    }
    // A close that fails cannot hide damage: the file is checked afterwards, size and SHA-256.
    defer { try? handle.close() }
    let delegate = FetchDelegate(handle: handle, timeout: timeout, progress: progress)
    let queue = OperationQueue()
    queue.maxConcurrentOperationCount = 1
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = timeout
    configuration.timeoutIntervalForResource = 3600
    let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    session.dataTask(with: url).resume()
    delegate.finished.wait()
    session.finishTasksAndInvalidate()
    let outcome = delegate.outcome()
    if let failure = outcome.failure {
      throw FetchFailure(reason: failure)
    }
    if let expected = outcome.expected, outcome.received != expected {
      throw FetchFailure(reason: "the connection closed after \(outcome.received) of \(expected) bytes")
    }
  }
}

/// Why a fetch failed, in words for the user: "answered HTTP 404".
struct FetchFailure: Error, Equatable {
  var reason: String
}

/// Collects one data task's answer into a file. URLSession calls it on a serial queue; the
/// lock guards what the waiting thread reads afterwards.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
  let finished = DispatchSemaphore(value: 0)
  private let handle: FileHandle
  private let timeout: Double
  private let progress: @Sendable (Int, Int?) -> Void
  private let lock = NSLock()
  private var received = 0
  private var expected: Int?
  private var failure: String?

  init(handle: FileHandle, timeout: Double, progress: @escaping @Sendable (Int, Int?) -> Void) {
    self.handle = handle
    self.timeout = timeout
    self.progress = progress
  }

  /// What the task ended with.
  func outcome() -> (received: Int, expected: Int?, failure: String?) {
    lock.withLock { (received, expected, failure) }
  }

  func urlSession(
    _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
  ) {
    if let status = (response as? HTTPURLResponse)?.statusCode, !(200 ..< 300).contains(status) {
      lock.withLock { failure = "answered HTTP \(status)" }
      completionHandler(.cancel)
      return
    }
    let length = response.expectedContentLength
    lock.withLock { expected = length >= 0 ? Int(length) : nil }
    completionHandler(.allow)
  }

  func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
    do {
      try handle.write(contentsOf: data)
    } catch {
      lock.withLock { failure = "cannot write the temporary file: \(error.localizedDescription.lowercased())" }
      dataTask.cancel()
      return
    }
    let (count, total) = lock.withLock { () -> (Int, Int?) in
      received += data.count
      return (received, expected)
    }
    progress(count, total)
  }

  func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
    lock.withLock {
      guard let error, failure == nil else { return }
      if let expected, received < expected, (error as? URLError)?.code != .timedOut {
        failure = "the connection closed after \(received) of \(expected) bytes"
      } else {
        failure = describe(error, received: received)
      }
    }
    finished.signal()
  }

  private func describe(_ error: any Error, received: Int) -> String {
    guard let code = (error as? URLError)?.code else {
      return error.localizedDescription.lowercased()
    }
    switch code {
    case .networkConnectionLost:
      return "the connection was cut after \(received) bytes"
    case .timedOut:
      return "no data for \(Int(timeout)) s"
    case .cannotFindHost, .dnsLookupFailed:
      return "cannot find the host (offline?)"
    case .cannotConnectToHost, .notConnectedToInternet:
      return "cannot connect (offline?)"
    default:
      return "network error \(code.rawValue): \(error.localizedDescription.lowercased())"
    }
  }
}
