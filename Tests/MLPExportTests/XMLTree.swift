import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An element of a parsed XML (here: XHTML) document.
final class XMLElement {
  let name: String
  let attributes: [String: String]
  var children: [XMLElement] = []
  /// The text directly inside, and inside every element below.
  var text = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// This element and all below it, in document order.
  var all: [XMLElement] { [self] + children.flatMap(\.all) }

  /// Every element at or below this one named `name`.
  func elements(_ name: String) -> [XMLElement] { all.filter { $0.name == name } }

  /// The elements at or below this one whose `class` attribute holds `className`.
  func elements(withClass className: String) -> [XMLElement] {
    all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
  }
}

enum XMLTreeError: Error, CustomStringConvertible {
  case invalid(String)
  var description: String {
    switch self {
    case let .invalid(reason): "not well-formed XML: \(reason)"
    }
  }
}

/// Parses `text` with Foundation's `XMLParser`, failing on anything that is not
/// well-formed XML.
func parseXML(_ text: String) throws -> XMLElement {
  let parser = XMLParser(data: Data(text.utf8))
  let builder = TreeBuilder()
  parser.delegate = builder
  guard parser.parse(), let root = builder.root else {
    throw XMLTreeError.invalid(parser.parserError.map { "\($0) at line \(parser.lineNumber)" } ?? "no root element")
  }
  return root
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLElement?
  private var stack: [XMLElement] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    let element = XMLElement(name: elementName, attributes: attributes)
    if let parent = stack.last { parent.children.append(element) } else { root = element }
    stack.append(element)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    for element in stack { element.text += string }
  }
}
