/// An enum whose cases the language names by their raw values.
extension CaseIterable where Self: RawRepresentable, RawValue == String {
  /// All the names, joined for a hint: "relu, sigmoid or tanh".
  public static var choices: String {
    let names = allCases.map(\.rawValue)
    guard names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " or " + names.last!
  }
}
