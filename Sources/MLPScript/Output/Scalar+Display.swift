/// How a Unicode scalar shows on a terminal: whether it shows at all, and how many columns
/// it takes. Used where a script's text is echoed (`DiagnosticRenderer`) and named
/// (`Lexer`): an invisible or bidirectional character is named by code point rather than
/// quoted raw, and a caret under text after CJK characters lands under the right column.
extension Unicode.Scalar {
  /// Control characters, and characters that do not show but change what is around them:
  /// format characters (zero-width space U+200B, the bidirectional overrides such as U+202E
  /// that reverse the rest of a line on screen, a byte-order mark U+FEFF), line and
  /// paragraph separators, and spaces other than the ASCII one.
  var isHiddenOrControl: Bool {
    switch properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator: return true
    case .spaceSeparator: return self != " "
    default: return false
    }
  }

  /// "U+202E": the scalar by code point, four hex digits at least.
  var codePoint: String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// Terminal columns: 0 for a combining mark, 2 for a wide East Asian character or an
  /// emoji, 1 otherwise (Unicode's East Asian Width, by its main blocks).
  var columns: Int {
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    default: break
    }
    switch value {
    case 0x1100 ... 0x115F, 0x2E80 ... 0x303E, 0x3041 ... 0x33FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF,
         0xA000 ... 0xA4CF, 0xAC00 ... 0xD7A3, 0xF900 ... 0xFAFF, 0xFE30 ... 0xFE4F, 0xFF00 ... 0xFF60,
         0xFFE0 ... 0xFFE6, 0x1F300 ... 0x1F64F, 0x1F900 ... 0x1F9FF, 0x20000 ... 0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}

extension String {
  /// The terminal columns the text takes.
  var columns: Int { unicodeScalars.reduce(0) { $0 + $1.columns } }
}
