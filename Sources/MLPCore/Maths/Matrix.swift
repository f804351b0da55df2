import Foundation

/// A dense, row-major matrix of 32-bit floats: the one numeric container of mlpsh.
///
/// Element `(i, j)` lives at `storage[i * columns + j]`. The matrix is a value: copying it
/// copies on write, like the `Array` that holds it. Everything heavy (products, the training
/// loop) goes through CBLAS in `Matrix+BLAS.swift`.
public struct Matrix: Equatable, Sendable {
  /// The number of rows.
  public private(set) var rows: Int
  /// The number of columns.
  public private(set) var columns: Int
  /// The elements, row after row; always `rows * columns` of them. Change them in place
  /// freely, but keep the count: the products check it (`checkShape()`). (An observer here
  /// would make every mutation from another module copy the whole array.)
  public var storage: [Float]

  // MARK: - Creating

  /// A `rows` x `columns` matrix with every element equal to `value`.
  public init(rows: Int, columns: Int, repeating value: Float = 0) {
    precondition(rows >= 0 && columns >= 0, "negative shape \(rows)x\(columns)")
    self.rows = rows
    self.columns = columns
    self.storage = Array(repeating: value, count: rows * columns)
  }

  /// A matrix over existing row-major `storage`.
  public init(rows: Int, columns: Int, storage: [Float]) {
    precondition(rows >= 0 && columns >= 0, "negative shape \(rows)x\(columns)")
    precondition(storage.count == rows * columns,
                 "storage of \(storage.count) elements for a \(rows)x\(columns) matrix")
    self.rows = rows
    self.columns = columns
    self.storage = storage
  }

  /// A matrix from its rows, which must all have the same length.
  public init(_ rowArrays: [[Float]]) {
    let columns = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      precondition(row.count == columns, "row \(index) has \(row.count) columns, expected \(columns)")
    }
    self.init(rows: rowArrays.count, columns: columns, storage: rowArrays.flatMap { $0 })
  }

  /// Stops with a message naming both counts when `storage` no longer fits the shape.
  @inline(__always)
  func checkShape() {
    precondition(storage.count == rows * columns,
                 "storage of \(storage.count) elements for a \(rows)x\(columns) matrix")
  }

  // MARK: - Reading and writing

  /// The element in row `row`, column `column`.
  public subscript(row: Int, column: Int) -> Float {
    get {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                   "index (\(row), \(column)) outside a \(rows)x\(columns) matrix")
      return storage[row * columns + column]
    }
    set {
      precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                   "index (\(row), \(column)) outside a \(rows)x\(columns) matrix")
      storage[row * columns + column] = newValue
    }
  }

  /// The elements of one row.
  public func row(_ index: Int) -> ArraySlice<Float> {
    precondition(index >= 0 && index < rows, "row \(index) outside a \(rows)x\(columns) matrix")
    return storage[index * columns ..< (index + 1) * columns]
  }

  /// The rows at `indices`, in that order, as a new matrix.
  public func rows(at indices: some Collection<Int>) -> Matrix {
    var result = Matrix(rows: indices.count, columns: columns)
    result.storage.withUnsafeMutableBufferPointer { destination in
      storage.withUnsafeBufferPointer { source in
        for (target, index) in indices.enumerated() {
          precondition(index >= 0 && index < rows, "row \(index) outside a \(rows)x\(columns) matrix")
          let from = source.baseAddress! + index * columns
          (destination.baseAddress! + target * columns).update(from: from, count: columns)
        }
      }
    }
    return result
  }

  /// The rows `range` as a new matrix.
  public func rows(in range: Range<Int>) -> Matrix {
    precondition(range.lowerBound >= 0 && range.upperBound <= rows,
                 "rows \(range) outside a \(rows)x\(columns) matrix")
    return Matrix(rows: range.count, columns: columns,
                  storage: Array(storage[range.lowerBound * columns ..< range.upperBound * columns]))
  }

  // MARK: - Transposing

  /// The transpose: element `(i, j)` of the result is element `(j, i)` of `self`.
  public func transposed() -> Matrix {
    var result = Matrix(rows: columns, columns: rows)
    for i in 0 ..< rows {
      for j in 0 ..< columns {
        result.storage[j * rows + i] = storage[i * columns + j]
      }
    }
    return result
  }

  /// Transposes in place.
  public mutating func transpose() {
    self = transposed()
  }
}

// MARK: - Printing

extension Matrix: CustomStringConvertible {
  /// The shape, then up to six rows of up to eight columns each.
  public var description: String {
    var lines = ["Matrix \(rows)x\(columns)"]
    for i in 0 ..< min(rows, 6) {
      var cells = (0 ..< min(columns, 8)).map { formatElement(self[i, $0]) }
      if columns > 8 { cells.append("…") }
      lines.append("  [" + cells.joined(separator: ", ") + "]")
    }
    if rows > 6 { lines.append("  …") }
    return lines.joined(separator: "\n")
  }
}

/// A float with four significant digits, for printing.
func formatElement(_ value: Float) -> String {
  let magnitude = abs(value)
  if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) {
    return String(format: "%.3e", Double(value))
  }
  return String(format: "%.4g", Double(value))
}
