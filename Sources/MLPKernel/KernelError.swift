/// What stops the kernel from starting, or a message from being read.
public enum KernelError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The connection file is missing, unreadable or malformed.
  case connectionFile(path: String, reason: String)
  /// A socket could not be made or bound.
  case socket(endpoint: String, reason: String)
  /// A message that is not one: too few frames, no delimiter, JSON that does not parse.
  case malformed(String)
  /// A message whose signature is missing or does not match the key.
  case badSignature
  /// A message larger than the kernel accepts.
  case oversized(bytes: Int, limit: Int)
  /// A kernelspec could not be installed or removed.
  case kernelSpec(String)

  public var description: String {
    switch self {
    case let .connectionFile(path, reason): return "cannot use the connection file '\(path)': \(reason)"
    case let .socket(endpoint, reason): return "cannot listen on \(endpoint): \(reason)"
    case let .malformed(reason): return "malformed message: \(reason)"
    case .badSignature: return "message with a missing or wrong signature"
    case let .oversized(bytes, limit): return "message of \(bytes) bytes is over the limit of \(limit)"
    case let .kernelSpec(reason): return reason
    }
  }
}
