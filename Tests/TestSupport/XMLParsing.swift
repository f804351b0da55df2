import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

// Parsing the SVG figures and the HTML pages mlpsh writes (well-formed XML both), for the
// tests of MLPPlot, MLPScript and MLPExport.

/// An element of a parsed XML document.
public final class XMLNode {
  public let name: String
  public let attributes: [String: String]
  public internal(set) var children: [XMLNode] = []
  /// The text directly inside this element.
  public internal(set) var text = ""
  /// The text inside this element and every element below it, in document order.
  public internal(set) var textContent = ""

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// This element and all below it, depth first.
  public var all: [XMLNode] { [self] + children.flatMap(\.all) }

  /// Every element below (or at) this one named `name`.
  public func elements(_ name: String) -> [XMLNode] { all.filter { $0.name == name } }

  /// The elements at or below this one whose `class` attribute holds `className`.
  public func elements(withClass className: String) -> [XMLNode] {
    all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
  }

  /// The texts of every `<text>` element below this one.
  public var texts: [String] { elements("text").map(\.text) }
}

public enum XMLParseError: Error, CustomStringConvertible {
  case invalid(String)
  public var description: String {
    switch self {
    case let .invalid(reason): "not well-formed XML: \(reason)"
    }
  }
}

/// Parses `text` with Foundation's `XMLParser` (FoundationXML on Linux), failing on anything
/// that is not well-formed XML.
public func parseXML(_ text: String) throws -> XMLNode {
  let parser = XMLParser(data: Data(text.utf8))
  let builder = TreeBuilder()
  parser.delegate = builder
  guard parser.parse(), let root = builder.root else {
    throw XMLParseError.invalid(parser.parserError.map { "\($0) at line \(parser.lineNumber)" } ?? "no root element")
  }
  return root
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var root: XMLNode?
  private var stack: [XMLNode] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    let node = XMLNode(name: elementName, attributes: attributes)
    if let parent = stack.last { parent.children.append(node) } else { root = node }
    stack.append(node)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    stack.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    stack.last?.text += string
    for node in stack { node.textContent += string }
  }
}
