import Foundation

/// A JSON value, as the Jupyter protocol's dictionaries hold them.
///
/// Whole numbers are kept apart from the others so that an `execution_count` goes out as
/// `3`, never `3.0`, which Jupyter's validators would reject.
public enum JSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])

  // MARK: - Reading

  public var string: String? {
    if case let .string(text) = self { return text }
    return nil
  }

  public var bool: Bool? {
    if case let .bool(value) = self { return value }
    return nil
  }

  /// A whole number, also when written as a float with no fraction (`5.0`).
  public var integer: Int? {
    switch self {
    case let .integer(value): return value
    case let .number(value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
    default: return nil
    }
  }

  public var object: [String: JSON]? {
    if case let .object(value) = self { return value }
    return nil
  }

  public var array: [JSON]? {
    if case let .array(value) = self { return value }
    return nil
  }

  public subscript(key: String) -> JSON? {
    object?[key]
  }

  // MARK: - Text

  /// The compact JSON text, keys sorted, slashes not escaped.
  public func encoded() -> Data {
    var text = ""
    write(to: &text)
    return Data(text.utf8)
  }

  /// Parses JSON text; `nil` when it is not JSON.
  public static func decode(_ data: Data) -> JSON? {
    // The callers say what was not JSON (a message, a connection file); the parser's reason
    // would only name a character offset.
    guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
      return nil
    }
    return JSON(foundation: object)
  }

  private init?(foundation object: Any) {
    switch object {
    case is NSNull: self = .null
    case let text as String: self = .string(text)
    case let number as NSNumber:
      // JSONSerialization gives booleans as NSNumbers of C type `char`, whole numbers as
      // integer types and the rest as `double`.
      switch String(cString: number.objCType) {
      case "c": self = .bool(number.boolValue)
      case "d", "f": self = .number(number.doubleValue)
      default: self = .integer(number.intValue)
      }
    case let items as [Any]:
      var values: [JSON] = []
      values.reserveCapacity(items.count)
      for item in items {
        guard let value = JSON(foundation: item) else { return nil }
        values.append(value)
      }
      self = .array(values)
    case let dictionary as [String: Any]:
      var values: [String: JSON] = [:]
      for (key, item) in dictionary {
        guard let value = JSON(foundation: item) else { return nil }
        values[key] = value
      }
      self = .object(values)
    default: return nil
    }
  }

  private func write(to text: inout String) {
    switch self {
    case .null: text += "null"
    case let .bool(value): text += value ? "true" : "false"
    case let .integer(value): text += String(value)
    case let .number(value):
      // JSON has no NaN or infinity; a number that is not finite goes out as null.
      if !value.isFinite {
        text += "null"
      } else if value.rounded() == value && abs(value) < 1e15 {
        text += String(Int(value))
      } else {
        text += "\(value)"
      }
    case let .string(value): Self.quote(value, into: &text)
    case let .array(values):
      text += "["
      for (index, value) in values.enumerated() {
        if index > 0 { text += "," }
        value.write(to: &text)
      }
      text += "]"
    case let .object(values):
      text += "{"
      for (index, key) in values.keys.sorted().enumerated() {
        if index > 0 { text += "," }
        Self.quote(key, into: &text)
        text += ":"
        values[key]!.write(to: &text)
      }
      text += "}"
    }
  }

  private static func quote(_ value: String, into text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case _ where scalar.value < 0x20:
        text += String(format: "\\u%04x", scalar.value)
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .integer(value) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(arrayLiteral elements: JSON...) { self = .array(elements) }
  public init(dictionaryLiteral elements: (String, JSON)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
  public init(nilLiteral: ()) { self = .null }
}
