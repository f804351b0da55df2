import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for the download tests: each path prefix is a mirror
/// with its own behaviour. It answers GET only, one request a connection, and counts requests.
public final class LocalHTTPServer: @unchecked Sendable {
  /// How a mirror answers.
  public enum Mirror {
    /// 200 with the file's bytes.
    case serve([String: [UInt8]])
    /// 200 announcing the whole length, half the body, then the connection is closed.
    case cutHalfway([String: [UInt8]])
    /// 404 for everything.
    case notFound
    /// 200 announcing a body, then silence for `seconds` before closing.
    case stall(seconds: Double)
  }

  /// The port the server listens on.
  public let port: UInt16
  private let listener: Int32
  private let mirrors: [String: Mirror]
  private let lock = NSLock()
  private var log: [String] = []

  /// Starts listening on an ephemeral port of 127.0.0.1.
  ///
  /// - Parameter mirrors: path prefix ("/good/") → behaviour; other paths answer 404.
  public init(mirrors: [String: Mirror]) throws {
    self.mirrors = mirrors
    signal(SIGPIPE, SIG_IGN)
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw ServerError.system("socket", errno) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw ServerError.system("bind/listen", errno)
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    listener = fd
    port = UInt16(bigEndian: address.sin_port)
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  /// The base address of one mirror: "http://127.0.0.1:PORT/good/".
  public func url(_ prefix: String) -> String {
    "http://127.0.0.1:\(port)\(prefix)"
  }

  /// The paths requested so far, in order.
  public var requests: [String] {
    lock.withLock { log }
  }

  /// Stops accepting connections.
  public func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
  }

  private func acceptLoop() {
    while true {
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { return }
      let thread = Thread { [self] in handle(connection) }
      thread.start()
    }
  }

  private func handle(_ connection: Int32) {
    defer { close(connection) }
    var request: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !request.ends(with: Array("\r\n\r\n".utf8)) && request.count < 65_536 {
      let got = recv(connection, &chunk, chunk.count, 0)
      guard got > 0 else { return }
      request += chunk[..<got]
    }
    let firstLine = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
    let parts = firstLine.split(separator: " ")
    guard parts.count >= 2 else { return }
    let path = String(parts[1])
    lock.withLock { log.append(path) }
    guard let (prefix, mirror) = mirrors.first(where: { path.hasPrefix($0.key) }) else {
      return respond(connection, status: "404 Not Found", body: Array("not found\n".utf8))
    }
    let name = String(path.dropFirst(prefix.count))
    switch mirror {
    case .notFound:
      respond(connection, status: "404 Not Found", body: Array("not found\n".utf8))
    case let .stall(seconds):
      respond(connection, status: "200 OK", body: [1, 2, 3], announcedLength: 1000)
      Thread.sleep(forTimeInterval: seconds)
    case let .serve(files):
      guard let body = files[name] else {
        return respond(connection, status: "404 Not Found", body: Array("not found\n".utf8))
      }
      respond(connection, status: "200 OK", body: body)
    case let .cutHalfway(files):
      guard let body = files[name] else {
        return respond(connection, status: "404 Not Found", body: Array("not found\n".utf8))
      }
      respond(connection, status: "200 OK", body: Array(body[..<(body.count / 2)]), announcedLength: body.count)
    }
  }

  private func respond(_ connection: Int32, status: String, body: [UInt8], announcedLength: Int? = nil) {
    let head = "HTTP/1.1 \(status)\r\nContent-Type: application/octet-stream\r\n"
      + "Content-Length: \(announcedLength ?? body.count)\r\nConnection: close\r\n\r\n"
    send(connection, Array(head.utf8))
    send(connection, body)
  }

  private func send(_ connection: Int32, _ bytes: [UInt8]) {
    var sent = 0
    while sent < bytes.count {
      let result = bytes.withUnsafeBytes { buffer in
        #if canImport(Glibc)
        Glibc.send(connection, buffer.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(connection, buffer.baseAddress! + sent, bytes.count - sent, 0)
        #endif
      }
      guard result > 0 else { return }
      sent += result
    }
  }

  public enum ServerError: Error {
    case system(String, Int32)
  }
}

private extension Array where Element == UInt8 {
  func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }
}
