@testable import MLPScript

// Builders for expected syntax trees with every range zeroed, and `erased` to zero the
// ranges of a parsed tree, so that structure can be compared with `==`.

let zero = SourceRange.point(0)

func num(_ value: Double) -> Value {
  .number(value, isInteger: value.rounded() == value && !"\(value)".contains("e"), zero)
}
func real(_ value: Double) -> Value { .number(value, isInteger: false, zero) }
func word(_ text: String) -> Value { .word(text, zero) }
func str(_ text: String) -> Value { .string(text, zero) }
func list(_ elements: Value...) -> Value { .list(elements, zero) }
func opt(_ key: String, _ value: Value) -> Argument { .option(key: Name(key, zero), value: value) }
func pos(_ value: Value) -> Argument { .positional(value) }

func cmd(_ name: String, _ arguments: Argument..., bind: String? = nil) -> Statement {
  .command(Command(binding: bind.map { Name($0, zero) }, name: Name(name, zero),
                   arguments: arguments, range: zero))
}

func expect(_ quantity: String?, _ check: Expectation.Check) -> Statement {
  .expectation(Expectation(quantity: quantity.map { Name($0, zero) }, check: check, range: zero))
}

extension Value {
  var erased: Value {
    switch self {
    case let .number(value, isInteger, _): return .number(value, isInteger: isInteger, zero)
    case let .string(text, _): return .string(text, zero)
    case let .word(text, _): return .word(text, zero)
    case let .list(elements, _): return .list(elements.map(\.erased), zero)
    }
  }
}

extension Argument {
  var erased: Argument {
    switch self {
    case let .positional(value): return .positional(value.erased)
    case let .option(key, value): return .option(key: Name(key.text, zero), value: value.erased)
    }
  }
}

extension Statement {
  var erased: Statement {
    switch self {
    case let .command(command):
      return .command(Command(binding: command.binding.map { Name($0.text, zero) },
                              name: Name(command.name.text, zero),
                              arguments: command.arguments.map(\.erased), range: zero))
    case let .expectation(expectation):
      return .expectation(Expectation(quantity: expectation.quantity.map { Name($0.text, zero) },
                                      check: expectation.check, range: zero))
    }
  }
}

extension Cell {
  var erased: Cell {
    Cell(kind: kind, title: title, isMarked: isMarked, statements: statements.map(\.erased),
         markdown: markdown, range: zero)
  }
}

/// The statements of `text`, ranges zeroed.
func statements(_ text: String) throws -> [Statement] {
  try Parser.parse(text, name: "test.mlp").statements.map(\.erased)
}

/// The diagnostic `text` raises when parsed, rendered without colour.
func syntaxError(_ text: String, name: String = "lesson.mlp") -> String? {
  do {
    _ = try Parser.parse(text, name: name)
    return nil
  } catch {
    return DiagnosticRenderer(color: false).render(error)
  }
}
