// `plot confusion to "c.svg"`: the file of a figure written as two words, `to` and the
// file, as well as the option `to="c.svg"`.

extension Command {
  /// The word `to` and the value after it, for a command that writes figures (one with a
  /// `to=` option) and has no `to=` option given; `file` is `nil` when `to` ends the line.
  func figureFile(for spec: CommandSpec) -> (word: Value, file: Value?)? {
    guard spec.option("to") != nil else { return nil }
    for case let .option(name, _) in arguments where name.text == "to" { return nil }
    let values = arguments.compactMap { argument -> Value? in
      if case let .positional(value) = argument { return value } else { return nil }
    }
    guard let index = values.firstIndex(where: { if case .word("to", _) = $0 { return true } else { return false } })
    else { return nil }
    return (values[index], index + 1 < values.count ? values[index + 1] : nil)
  }

  /// The positional values, in order, without a `to FILE` pair.
  func positionals(for spec: CommandSpec) -> [Value] {
    let pair = figureFile(for: spec)
    return arguments.compactMap { argument -> Value? in
      guard case let .positional(value) = argument else { return nil }
      if let pair, value.range == pair.word.range || value.range == pair.file?.range { return nil }
      return value
    }
  }
}
