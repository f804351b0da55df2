import Foundation

/// What a Jupyter front end tells a kernel in its connection file: where to listen and the
/// key that signs every message.
///
/// ```json
/// {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 53794, "iopub_port": 53795,
///  "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
///  "key": "a0436f6c-…", "signature_scheme": "hmac-sha256"}
/// ```
public struct ConnectionInfo: Sendable, Equatable {
  public enum Transport: String, Sendable { case tcp, ipc }

  public var transport: Transport
  public var ip: String
  public var shellPort: Int
  public var iopubPort: Int
  public var stdinPort: Int
  public var controlPort: Int
  public var heartbeatPort: Int
  /// The HMAC key; empty means messages are not signed.
  public var key: String
  public var signatureScheme: String

  /// Connection files larger than this are not read: a real one is a few hundred bytes.
  public static let largestFile = 64 * 1024

  /// Reads and checks the connection file at `path`.
  public init(contentsOf path: String) throws(KernelError) {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "no such file"
      throw KernelError.connectionFile(path: path, reason: reason)
    }
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      throw KernelError.connectionFile(path: path, reason: "it is not a regular file")
    }
    guard let size = attributes[.size] as? Int, size <= Self.largestFile else {
      throw KernelError.connectionFile(path: path, reason: "it is larger than \(Self.largestFile) bytes")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KernelError.connectionFile(path: path, reason: "it cannot be read")
    }
    try self.init(json: data, path: path)
  }

  /// Parses a connection file's text; `path` names it in errors.
  public init(json data: Data, path: String = "<connection>") throws(KernelError) {
    guard let object = JSON.decode(data)?.object else {
      throw KernelError.connectionFile(path: path, reason: "it is not a JSON object")
    }
    func port(_ key: String) throws(KernelError) -> Int {
      guard let value = object[key]?.integer else {
        throw KernelError.connectionFile(path: path, reason: "'\(key)' is missing or not a whole number")
      }
      guard (1...65535).contains(value) else {
        throw KernelError.connectionFile(path: path, reason: "'\(key)' is \(value), not a port from 1 to 65535")
      }
      return value
    }
    let transportName = object["transport"]?.string ?? "tcp"
    guard let transport = Transport(rawValue: transportName) else {
      throw KernelError.connectionFile(path: path, reason: "transport '\(transportName)' should be tcp or ipc")
    }
    guard let ip = object["ip"]?.string, !ip.isEmpty else {
      throw KernelError.connectionFile(path: path, reason: "'ip' is missing")
    }
    let scheme = object["signature_scheme"]?.string ?? "hmac-sha256"
    guard scheme == "hmac-sha256" else {
      throw KernelError.connectionFile(path: path, reason: "signature scheme '\(scheme)' should be hmac-sha256")
    }
    self.transport = transport
    self.ip = ip
    self.key = object["key"]?.string ?? ""
    self.signatureScheme = scheme
    // An ipc connection names files, not ports: a port there is only a suffix, and 0 is
    // not allowed either way.
    shellPort = try port("shell_port")
    iopubPort = try port("iopub_port")
    stdinPort = try port("stdin_port")
    controlPort = try port("control_port")
    heartbeatPort = try port("hb_port")
  }

  /// The ZeroMQ endpoint of `port`: `tcp://127.0.0.1:53794`, or `ipc://kernel-ipc-1` (ipc
  /// endpoints are the ip with the port as a suffix, as jupyter_client makes them).
  public func endpoint(_ port: Int) -> String {
    switch transport {
    case .tcp: return "tcp://\(ip.contains(":") ? "[\(ip)]" : ip):\(port)"
    case .ipc: return "ipc://\(ip)-\(port)"
    }
  }
}
