import Foundation

/// Names the field whose number does not fit its type.
///
/// Foundation's decoder reports a number outside its field's type (a seed of -1 for a
/// UInt64, a learning rate of 1e-46 for a Float32) as corrupt data at no path at all, which
/// made "'' has the wrong type". Once the envelope has decoded, the JSON is whole, so such
/// an error is a number out of range: this finds which one, by reading the fields as plain
/// JSON numbers.
extension ModelFile {
  /// "'seed' is -1, which does not fit a whole number from 0 to 18446744073709551615", or
  /// `nil` when every checked field fits.
  static func outOfRangeField(in data: Data) -> String? {
    // Only a better message for an error already thrown: no answer keeps the first one.
    guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
          let model = root["model"] as? [String: Any] else { return nil }
    if let seed = model["seed"] as? NSNumber, !fitsUInt64(seed) {
      return "'seed' is \(seed), which is not a whole number from 0 to \(UInt64.max)"
    }
    let network = model["network"] as? [String: Any] ?? [:]
    for field in ["learningRate", "epsilon"] {
      if let value = network[field] as? NSNumber, !fitsFloat(value.doubleValue) {
        return "'network.\(field)' is \(value), which a 32-bit float cannot hold"
      }
    }
    for (index, size) in ((network["layerSizes"] as? [Any]) ?? []).enumerated() {
      if let size = size as? NSNumber, !fitsInt(size) {
        return "'network.layerSizes' has \(size) at \(index + 1), which is not a whole number mlpsh can count"
      }
    }
    let steps = ((root["history"] as? [String: Any])?["steps"] as? [[String: Any]]) ?? []
    for (index, step) in steps.enumerated() {
      if let seen = step["examplesSeen"] as? NSNumber, !fitsInt(seen) {
        return "its history has \(seen) samples seen at iteration \(index + 1), not a whole number mlpsh can count"
      }
      for field in ["loss", "accuracy"] {
        if let value = step[field] as? NSNumber, !fitsFloat(value.doubleValue) {
          return "its history has a \(field) of \(value) at iteration \(index + 1), which a 32-bit float cannot hold"
        }
      }
    }
    return nil
  }

  /// Whether `number` is a whole number an Int holds.
  private static func fitsInt(_ number: NSNumber) -> Bool {
    let value = number.doubleValue
    return value >= -0x1p63 && value < 0x1p63 && value.rounded() == value
  }

  /// Whether `number` is a whole number a UInt64 holds.
  private static func fitsUInt64(_ number: NSNumber) -> Bool {
    let value = number.doubleValue
    return value >= 0 && value <= Double(UInt64.max) && value.rounded() == value
  }

  /// Whether `value` is 0 or within Float32's finite, nonzero range.
  private static func fitsFloat(_ value: Double) -> Bool {
    value == 0 || (abs(value) <= Double(Float.greatestFiniteMagnitude) && abs(value) >= Double(Float.leastNonzeroMagnitude))
  }
}
