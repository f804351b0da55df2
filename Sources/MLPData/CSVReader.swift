import Foundation
import MLPCore

/// Reads a labelled table from a CSV file: `load csv "file.csv" label=NAME|INDEX`.
///
/// - One sample a line, fields separated by commas (quoted fields allowed, on one line);
///   blank lines are skipped; the file may be gzipped (recognised by content).
/// - A header line is detected: the first line is a header when a label NAME is given, or when
///   one of its fields is not a number while the same field of the next line is (so a column
///   of text labels alone does not make a header).
/// - Every column but the label is a feature and must hold finite numbers.
/// - Labels may be integers or text. Non-negative integers (below 1000) are the classes
///   themselves: labels 0…9 give classes "0"…"9", and a missing class keeps its place. Other
///   labels (text, negative integers) become classes 0, 1, … in sorted order (text by its
///   characters, integers by value), and their text is kept as the class names.
///
/// Every error names the file, the line and the column (fields counted from 1).
public enum CSVReader {
  /// Which column holds the labels.
  public enum LabelColumn: Sendable, Equatable, CustomStringConvertible {
    /// The column with this name in the header.
    case name(String)
    /// The column at this index, counted from 0; negative counts from the end (−1: the last).
    case index(Int)
    /// The last column (the default).
    case last

    /// The column a `label=` argument names: an integer is an index, anything else a name.
    public init(_ argument: String) {
      if let index = Int(argument) {
        self = .index(index)
      } else {
        self = .name(argument)
      }
    }

    /// "'species'", "4", "last".
    public var description: String {
      switch self {
      case let .name(name): return "'\(name)'"
      case let .index(index): return "\(index)"
      case .last: return "last"
      }
    }
  }

  /// The longest line accepted, in bytes (1 MiB).
  public static let lineLengthLimit = 1 << 20

  /// Integer labels from 0 up to this bound (excluded) are used as class indices directly.
  static let directLabelBound = 1000

  /// Reads the data set in the CSV file at `path`; its name is the file's name without
  /// extensions.
  ///
  /// - Throws: `DatasetError.fileNotFound`, `.unreadable`, `.badGzip`, or `.malformedCSV`
  ///   for an empty file, a missing label column, a ragged row, a field that is not a
  ///   number, a line that is too long or a broken quote.
  public static func read(_ path: String, label: LabelColumn = .last) throws(DatasetError) -> Dataset {
    let content = try FileBytes.readContent(path).bytes
    var name = (path as NSString).lastPathComponent
    for suffix in [".gz", ".csv"] where name.lowercased().hasSuffix(suffix) {
      name = String(name.dropLast(suffix.count))
    }
    return try parse(content, path: path, label: label, name: name)
  }

  /// Reads a data set from the bytes of a CSV file; `path` is only for errors.
  static func parse(_ content: [UInt8], path: String, label: LabelColumn, name: String) throws(DatasetError) -> Dataset {
    let terminated = content + [0]
    return try terminated.withUnsafeBufferPointer { buffer throws(DatasetError) -> Dataset in
      var scanner = CSVScanner(bytes: buffer, path: path, lineLengthLimit: lineLengthLimit)
      guard let first = try scanner.nextRow() else {
        throw .malformedCSV(path: path, line: 1, column: nil, problem: .emptyFile)
      }
      let second = try scanner.nextRow()
      let width = first.fields.count
      let hasHeader = isHeader(first, before: second, label: label, scanner: scanner)
      let labelIndex = try labelColumn(label, in: first, hasHeader: hasHeader, scanner: scanner, path: path)
      guard width >= 2 else {
        throw .malformedCSV(path: path, line: first.line, column: nil,
                            problem: .noData(reason: "only one column: no features besides the label"))
      }

      var features: [Float] = []
      var labels: [String] = []
      func take(_ row: CSVRow) throws(DatasetError) {
        guard row.fields.count == width else {
          throw .malformedCSV(path: path, line: row.line, column: min(row.fields.count, width) + 1,
                              problem: .raggedRow(expected: width, found: row.fields.count))
        }
        for (column, field) in row.fields.enumerated() {
          if column == labelIndex {
            let text = scanner.text(field)
            guard !text.isEmpty else {
              throw .malformedCSV(path: path, line: row.line, column: column + 1, problem: .emptyLabel)
            }
            labels.append(text)
          } else {
            guard let value = scanner.number(field) else {
              let text = scanner.text(field)
              // 1e39 is a number, just not one a Float32 holds; nan and inf are not finite.
              let wide = Double(text.trimmingCharacters(in: .whitespaces))
              let problem: CSVProblem = wide.map { $0.isFinite ? .outOfRange(field: text) : .notFinite(field: text) }
                ?? .notANumber(field: text)
              throw .malformedCSV(path: path, line: row.line, column: column + 1, problem: problem)
            }
            features.append(value)
          }
        }
      }
      if !hasHeader { try take(first) }
      if let second { try take(second) }
      while let row = try scanner.nextRow() { try take(row) }
      guard !labels.isEmpty else {
        throw .malformedCSV(path: path, line: first.line, column: nil,
                            problem: .noData(reason: "a header but no data rows"))
      }
      let (classes, classNames) = classify(labels)
      return Dataset(
        name: name,
        features: Matrix(rows: labels.count, columns: width - 1, storage: features),
        labels: classes,
        classNames: classNames
      )
    }
  }

  // MARK: - Header and label column

  /// Whether the first row is a header (see the type's documentation).
  private static func isHeader(_ first: CSVRow, before second: CSVRow?, label: LabelColumn, scanner: CSVScanner) -> Bool {
    if case .name = label { return true }
    return first.fields.indices.contains { column in
      guard scanner.number(first.fields[column]) == nil else { return false }
      guard let second else { return true }
      return column < second.fields.count && scanner.number(second.fields[column]) != nil
    }
  }

  /// The index of the label column among the first row's fields.
  private static func labelColumn(
    _ label: LabelColumn, in first: CSVRow, hasHeader: Bool, scanner: CSVScanner, path: String
  ) throws(DatasetError) -> Int {
    let width = first.fields.count
    let index: Int?
    switch label {
    case .last:
      index = width - 1
    case let .index(value):
      let resolved = value < 0 ? width + value : value
      index = (0 ..< width).contains(resolved) ? resolved : nil
    case let .name(name):
      index = first.fields.firstIndex { scanner.text($0) == name }
    }
    guard let index else {
      throw .malformedCSV(path: path, line: first.line, column: nil,
                          problem: .missingLabelColumn(label: label.description, columns: width))
    }
    return index
  }

  // MARK: - Classes

  /// Class indices and names for the label texts (see the type's documentation).
  static func classify(_ labels: [String]) -> (classes: [Int], names: [String]) {
    let integers = labels.compactMap { Int($0) }
    if integers.count == labels.count {
      let low = integers.min()!
      let high = integers.max()!
      if low >= 0 && high < directLabelBound {
        return (integers, (0 ... high).map(String.init))
      }
      let distinct = Array(Set(integers)).sorted()
      let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
      return (integers.map { position[$0]! }, distinct.map(String.init))
    }
    let distinct = Array(Set(labels)).sorted()
    let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
    return (labels.map { position[$0]! }, distinct)
  }
}
