import Foundation

/// A number as the shell prints it: four significant digits, no exponent for ordinary
/// magnitudes, integers without a point.
public func format(_ value: Double) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
  if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
  let magnitude = abs(value)
  if magnitude < 1e-4 || magnitude >= 1e7 { return String(format: "%.3e", value) }
  var text = String(format: "%.4g", value)
  if text.contains("e") { text = String(format: "%.6f", value) }
  return text
}

/// A fraction with four decimals: "0.9213".
func fixed(_ value: Double, _ decimals: Int = 4) -> String {
  String(format: "%.\(decimals)f", value)
}

/// "1 epoch", "3 epochs".
public func plural(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Seconds as "0.42 s", "12.3 s", "2 min 05 s".
func duration(_ seconds: Double) -> String {
  if seconds < 10 { return String(format: "%.2f s", seconds) }
  if seconds < 60 { return String(format: "%.1f s", seconds) }
  let minutes = Int(seconds) / 60
  return String(format: "%d min %02d s", minutes, Int(seconds) % 60)
}

/// Rows of cells as a table with columns padded to their widest cell; numeric-looking
/// cells are right-aligned.
func table(_ rows: [[String]], indent: String = "  ", alignNumbers: Bool = true) -> [String] {
  guard let width = rows.map(\.count).max() else { return [] }
  var widths = Array(repeating: 0, count: width)
  for row in rows {
    for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
  }
  return rows.map { row in
    var cells: [String] = []
    for (index, cell) in row.enumerated() {
      let padding = String(repeating: " ", count: widths[index] - cell.count)
      let numeric = alignNumbers && index > 0 && Double(cell) != nil
      cells.append(numeric ? padding + cell : cell + padding)
    }
    return indent + cells.joined(separator: "  ").replacingOccurrences(
      of: "\\s+$", with: "", options: .regularExpression)
  }
}
