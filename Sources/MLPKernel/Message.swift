import Foundation

/// One Jupyter message: who it is for, its header, the header of the message it answers,
/// metadata, content and any binary buffers.
public struct Message: Sendable, Equatable {
  /// ZeroMQ routing identities: where a reply on the shell, control or stdin socket goes
  /// (the request's), or the topic on the iopub socket.
  public var identities: [Data]
  public var header: [String: JSON]
  public var parentHeader: [String: JSON]
  public var metadata: [String: JSON]
  public var content: [String: JSON]
  public var buffers: [Data]

  public init(
    identities: [Data] = [], header: [String: JSON], parentHeader: [String: JSON] = [:],
    metadata: [String: JSON] = [:], content: [String: JSON] = [:], buffers: [Data] = []
  ) {
    self.identities = identities
    self.header = header
    self.parentHeader = parentHeader
    self.metadata = metadata
    self.content = content
    self.buffers = buffers
  }

  /// `execute_request`, `status`, …
  public var type: String { header["msg_type"]?.string ?? "" }
  public var id: String { header["msg_id"]?.string ?? "" }

  /// The version of the messaging protocol this kernel speaks.
  public static let protocolVersion = "5.3"

  /// A new message of `type` from `session`, answering `parent` when given.
  public init(type: String, session: String, parent: Message? = nil, content: [String: JSON],
              metadata: [String: JSON] = [:]) {
    self.init(
      identities: parent?.identities ?? [],
      header: Self.header(type: type, session: session),
      parentHeader: parent?.header ?? [:], metadata: metadata, content: content)
  }

  static func header(type: String, session: String) -> [String: JSON] {
    [
      "msg_id": .string(UUID().uuidString.lowercased()),
      "session": .string(session),
      "username": "mlpsh",
      "date": .string(Self.timestamp()),
      "msg_type": .string(type),
      "version": .string(protocolVersion),
    ]
  }

  /// Now in ISO 8601 with microseconds and the UTC zone, as Jupyter writes dates.
  static func timestamp() -> String {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    var seconds = time_t(time.tv_sec)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", parts.tm_year + 1900, parts.tm_mon + 1,
                  parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec, Int(time.tv_nsec / 1000))
  }
}
