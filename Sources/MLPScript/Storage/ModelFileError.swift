/// Why a file is not a model mlpsh can load; the description completes "cannot load a model
/// from 'FILE': …".
enum ModelFileError: Error, Equatable, CustomStringConvertible {
  case unreadable(String)
  case empty
  case notAModel
  /// Not whole JSON, though it starts like a model file: cut short or damaged.
  case incomplete
  case noChecksum
  case checksumMismatch(recorded: String, computed: String)
  case newerVersion(Int)
  case unknownKind(String)
  case unknownChoice(String, String)
  case missing(String)
  case badArray(String, type: String)
  case invalid(String)
  case parameterCount(found: Int, expected: Int)
  case tooLarge(parameters: Int?, limit: Int)

  var description: String {
    switch self {
    case let .unreadable(reason): return reason
    case .empty: return "the file is empty"
    case .notAModel: return "it is not a model saved by mlpsh"
    case .incomplete: return "the file is cut short or damaged (it is not whole JSON); nothing was loaded"
    case .noChecksum: return "the file has no checksum line at its end (cut short?); nothing was loaded"
    case let .checksumMismatch(recorded, computed):
      return "the file is damaged: its content has checksum \(computed) but it records \(recorded); nothing was loaded"
    case let .newerVersion(version):
      return "it was saved by a newer mlpsh (model format version \(version)); this one reads versions 1 "
        + "to \(ModelFile.version)"
    case let .unknownKind(kind): return "it holds an unknown kind of model '\(kind)'"
    case let .unknownChoice(field, value): return "it has an unknown \(field) '\(value)'"
    case let .missing(field): return "it lacks '\(field)'"
    case let .badArray(field, type): return "its '\(field)' is not base64 of little-endian \(type) values"
    case let .invalid(reason): return "it is not a valid model file: \(reason)"
    case let .parameterCount(found, expected): return "it has \(found) parameters where its layers need \(expected)"
    case let .tooLarge(parameters, limit):
      guard let parameters else { return "its network would have more parameters than mlpsh can count" }
      return "its network would have \(parameters) parameters, more than the \(limit) mlpsh loads"
    }
  }
}
