import Foundation

/// One non-blank line of a CSV file, cut into fields.
struct CSVRow {
  /// The line number, from 1.
  var line: Int
  /// The fields, in order.
  var fields: [CSVField]
}

/// One field: a byte range of the file, or the unescaped text of a quoted field.
struct CSVField {
  /// Where the field lies in the file (for a quoted field: from the opening quote).
  var range: Range<Int>
  /// The text between the quotes, with `""` read as `"`; `nil` for an unquoted field.
  var quotedText: String?
}

/// Cuts a CSV file into rows and fields, and reads numbers straight from its bytes.
///
/// Fields are separated by commas; a field may be quoted (`"a, b"`, with `""` for a quote) but
/// may not span lines. `\n` and `\r\n` both end a line; blank lines are skipped. Numbers are
/// read with `strtof` from the file's bytes (the buffer ends with a 0 byte), so large files
/// need no String per field.
struct CSVScanner {
  /// The file's bytes followed by one 0 byte.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The path, for errors.
  let path: String
  /// The longest line accepted.
  let lineLengthLimit: Int
  private var position = 0
  private var line = 0

  init(bytes: UnsafeBufferPointer<UInt8>, path: String, lineLengthLimit: Int) {
    precondition(bytes.last == 0, "the scanned bytes must end with a 0 byte")
    self.bytes = bytes
    self.path = path
    self.lineLengthLimit = lineLengthLimit
    // Skip a UTF-8 byte order mark.
    if bytes.count >= 4 && bytes[0] == 0xef && bytes[1] == 0xbb && bytes[2] == 0xbf { position = 3 }
  }

  /// The number of bytes of content (without the final 0).
  private var count: Int { bytes.count - 1 }

  /// The next non-blank row, or `nil` at the end of the file.
  mutating func nextRow() throws(DatasetError) -> CSVRow? {
    while position < count {
      line += 1
      let start = position
      let newline = memchr(bytes.baseAddress! + start, 0x0a, count - start)
      let lineEnd = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(bytes.baseAddress!) } ?? count
      position = lineEnd + 1
      var end = lineEnd
      if end > start && bytes[end - 1] == 0x0d { end -= 1 }
      guard end - start <= lineLengthLimit else {
        throw .malformedCSV(path: path, line: line, column: nil, problem: .lineTooLong(limit: lineLengthLimit))
      }
      if (start ..< end).allSatisfy({ isSpace(bytes[$0]) }) { continue }
      return CSVRow(line: line, fields: try fields(from: start, to: end))
    }
    return nil
  }

  /// Cuts `start ..< end` at the commas that are not inside quotes.
  private func fields(from start: Int, to end: Int) throws(DatasetError) -> [CSVField] {
    var fields: [CSVField] = []
    var index = start
    while true {
      var first = index
      while first < end && isSpace(bytes[first]) { first += 1 }
      if first < end && bytes[first] == 0x22 {
        var text: [UInt8] = []
        var cursor = first + 1
        var closed = false
        while cursor < end {
          if bytes[cursor] == 0x22 {
            if cursor + 1 < end && bytes[cursor + 1] == 0x22 {
              text.append(0x22)
              cursor += 2
              continue
            }
            closed = true
            cursor += 1
            break
          }
          text.append(bytes[cursor])
          cursor += 1
        }
        guard closed else {
          throw .malformedCSV(path: path, line: line, column: fields.count + 1, problem: .unterminatedQuote)
        }
        while cursor < end && isSpace(bytes[cursor]) { cursor += 1 }
        guard cursor == end || bytes[cursor] == 0x2c else {
          throw .malformedCSV(path: path, line: line, column: fields.count + 1, problem: .textAfterQuote)
        }
        fields.append(CSVField(range: first ..< cursor, quotedText: String(decoding: text, as: UTF8.self)))
        if cursor == end { return fields }
        index = cursor + 1
      } else {
        var comma = index
        while comma < end && bytes[comma] != 0x2c { comma += 1 }
        fields.append(CSVField(range: index ..< comma, quotedText: nil))
        if comma == end { return fields }
        index = comma + 1
      }
    }
  }

  // MARK: - Reading fields

  /// The field as a finite number, or `nil` if it is not one.
  func number(_ field: CSVField) -> Float? {
    if let text = field.quotedText {
      return Float(text.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite ? $0 : nil }
    }
    var start = field.range.lowerBound
    var end = field.range.upperBound
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return nil }
    let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
    var stop: UnsafeMutablePointer<CChar>?
    let value = strtof(base + start, &stop)
    guard let stop, UnsafePointer(stop) == base + end, value.isFinite else { return nil }
    return value
  }

  /// The field's text without surrounding spaces (a quoted field: its text as written).
  func text(_ field: CSVField) -> String {
    if let text = field.quotedText { return text }
    var start = field.range.lowerBound
    var end = field.range.upperBound
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start ..< end]), as: UTF8.self)
  }
}

/// A space or a tab.
@inline(__always)
private func isSpace(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09
}
