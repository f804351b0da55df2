import Foundation

/// Everything that can go wrong while finding, reading, downloading or transforming a data set.
///
/// Every case names the file (or the argument) it is about, and `description` is a lower-case
/// diagnostic without a trailing period, ready for the shell to print after `error: `.
public enum DatasetError: Error, Equatable, Sendable, CustomStringConvertible {
  // MARK: - Files

  /// The file does not exist.
  case fileNotFound(path: String)
  /// The file exists but could not be read (a folder, no permission, an I/O error).
  case unreadable(path: String, reason: String)
  /// The file starts like a gzip file but does not inflate.
  case badGzip(path: String, reason: String)

  // MARK: - IDX

  /// The first four bytes are not the expected IDX magic number.
  case badMagic(path: String, expected: UInt32, found: UInt32)
  /// The file (after gunzip) ends before the size its header announces.
  case truncated(path: String, expectedBytes: Int, foundBytes: Int)
  /// The file (after gunzip) goes on past the size its header announces.
  case trailingData(path: String, expectedBytes: Int, foundBytes: Int)
  /// An IDX header that announces more than mlpsh reads from one file.
  case announcedTooLarge(path: String, announcedBytes: Int, limit: Int)
  /// A file, or its inflated content, larger than mlpsh reads (`FileBytes.largestContent`).
  case contentTooLarge(path: String, limit: Int)
  /// An IDX header that describes no data: images of no pixels, or no samples.
  case badHeader(path: String, reason: String)
  /// Training and test images of different sizes.
  case shapeMismatch(trainPath: String, train: ImageShape, testPath: String, test: ImageShape)
  /// The images and labels files hold different numbers of samples.
  case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
  /// A label is not one of the data set's classes.
  case labelOutOfRange(path: String, index: Int, label: Int, classCount: Int)

  // MARK: - CSV

  /// A CSV file that cannot be read as a table of numbers; `line` counts lines and `column`
  /// counts fields, both from 1.
  case malformedCSV(path: String, line: Int, column: Int?, problem: CSVProblem)

  // MARK: - Finding and downloading

  /// The name is not one of the data sets the catalog knows.
  case unknownDataset(name: String, known: [String])
  /// The data set's files are in none of the places searched, and downloading was not allowed.
  case notFound(dataset: String, searched: [String])
  /// No mirror gave a good copy of a file; nothing was put in the cache.
  case downloadFailed(dataset: String, file: String, attempts: [DownloadAttempt], cacheFolder: String)
  /// The verified files could not be moved into the cache.
  case cacheUnwritable(path: String, reason: String)

  // MARK: - Arguments

  /// A parameter of a transformation or generator is out of its range.
  case invalidArgument(name: String, value: String, expected: String)

  // MARK: - Describing

  public var description: String {
    switch self {
    case let .fileNotFound(path):
      return "no such file '\(path)'"
    case let .unreadable(path, reason):
      return "cannot read '\(path)': \(reason)"
    case let .badGzip(path, reason):
      return "'\(path)' is not a valid gzip file: \(reason)"
    case let .badMagic(path, expected, found):
      return "'\(path)' is not an IDX file of the expected kind: magic number \(hex(found)), "
        + "expected \(hex(expected))"
    case let .truncated(path, expected, found):
      return "'\(path)' is truncated: its header announces \(expected) bytes but it has \(found)"
    case let .trailingData(path, expected, found):
      return "'\(path)' has \(found - expected) bytes past the \(expected) its header announces"
    case let .announcedTooLarge(path, announced, limit):
      return "'\(path)' announces \(announced) bytes; mlpsh reads at most \(limit) from one data file"
    case let .contentTooLarge(path, limit):
      return "'\(path)' holds more than the \(limit) bytes mlpsh reads from one data file"
    case let .badHeader(path, reason):
      return "'\(path)' describes no data: \(reason)"
    case let .shapeMismatch(trainPath, train, testPath, test):
      return "'\(trainPath)' holds images of \(train) pixels but '\(testPath)' holds images of \(test)"
    case let .countMismatch(imagesPath, images, labelsPath, labels):
      return "'\(imagesPath)' has \(images) images but '\(labelsPath)' has \(labels) labels"
    case let .labelOutOfRange(path, index, label, classCount):
      return "'\(path)': label \(label) of sample \(index) is outside the \(classCount) classes "
        + "(0 to \(classCount - 1))"
    case let .malformedCSV(path, _, _, .emptyFile):
      return "'\(path)' is empty"
    case let .malformedCSV(path, line, column, problem):
      let place = column.map { "'\(path)', line \(line), column \($0)" } ?? "'\(path)', line \(line)"
      return "\(place): \(problem)"
    case let .unknownDataset(name, known):
      return "unknown data set '\(name)'; should be \(listed(known))"
    case let .notFound(dataset, searched):
      return "\(dataset) not found; looked in " + searched.map { "'\($0)'" }.joined(separator: ", ")
    case let .downloadFailed(dataset, file, attempts, cacheFolder):
      let tried = attempts.map(\.description).joined(separator: "; ")
      return "could not download '\(file)' for \(dataset) (\(tried)); nothing was saved in the cache; "
        + "put the files there by hand ('\(cacheFolder)') or set MLPSH_DATA to a folder that holds them"
    case let .cacheUnwritable(path, reason):
      return "cannot save into the cache '\(path)': \(reason)"
    case let .invalidArgument(name, value, expected):
      return "\(name) \(value) is out of range: expected \(expected)"
    }
  }
}

/// What is wrong in a malformed CSV file.
public enum CSVProblem: Equatable, Sendable, CustomStringConvertible {
  /// The file has no data at all.
  case emptyFile
  /// The header (or the data) has no column for the requested label.
  case missingLabelColumn(label: String, columns: Int)
  /// A row has a different number of fields than the first one.
  case raggedRow(expected: Int, found: Int)
  /// A feature field does not parse as a finite number.
  case notANumber(field: String)
  /// A feature field is a number beyond Float32's range (1e39).
  case outOfRange(field: String)
  /// A feature field is nan or inf.
  case notFinite(field: String)
  /// A line is longer than the reader accepts.
  case lineTooLong(limit: Int)
  /// A quoted field is not closed on its line.
  case unterminatedQuote
  /// Something other than a comma follows a quoted field.
  case textAfterQuote
  /// The label field is empty.
  case emptyLabel
  /// Only a header, or only the label column: nothing to learn from.
  case noData(reason: String)

  public var description: String {
    switch self {
    case .emptyFile:
      return "the file is empty"
    case let .missingLabelColumn(label, columns):
      return "no label column \(label) among the \(columns) columns"
    case let .raggedRow(expected, found):
      return "expected \(expected) fields like the first row, found \(found)"
    case let .notANumber(field):
      return "'\(field)' is not a number"
    case let .outOfRange(field):
      return "'\(field)' is beyond the range of 32-bit floats (about ±3.4e38)"
    case let .notFinite(field):
      return "'\(field)' is not a finite number"
    case let .lineTooLong(limit):
      return "line longer than \(limit) bytes"
    case .unterminatedQuote:
      return "a quoted field is not closed on its line"
    case .textAfterQuote:
      return "text after the closing quote of a field"
    case .emptyLabel:
      return "the label is empty"
    case let .noData(reason):
      return reason
    }
  }
}

/// One try at one mirror, kept to explain a failed download.
public struct DownloadAttempt: Equatable, Sendable, CustomStringConvertible {
  /// The address tried.
  public var url: String
  /// What went wrong there.
  public var failure: String

  public init(url: String, failure: String) {
    self.url = url
    self.failure = failure
  }

  public var description: String { "\(url): \(failure)" }
}

/// `0x00000803`, as IDX documents write magic numbers.
private func hex(_ value: UInt32) -> String {
  let digits = String(value, radix: 16)
  return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}

/// "a, b or c".
func listed(_ names: [String]) -> String {
  guard names.count > 1 else { return names.first ?? "" }
  return names.dropLast().joined(separator: ", ") + " or " + names.last!
}
