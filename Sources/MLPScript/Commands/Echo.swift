extension CommandSpec {
  /// `echo "the learning rate is now 0.1"`
  static let echo = CommandSpec(
    name: "echo", topic: .session,
    summary: "print a line of text",
    details: """
      Prints its words and strings on one line, separated by spaces: a heading in a script's \
      output, or a note to the class between two runs.
      """,
    arguments: [ArgumentSpec("TEXT", .text, "words, strings, numbers or lists to print", repeated: true)],
    example: "echo \"hello, world\"\necho batch 64 then lr [0.1, 0.01]"
  ) { invocation in
    let words = invocation.positionals.map { value in
      switch value {
      case let .word(text, _), let .string(text, _): return text
      case .number, .list: return value.display
      }
    }
    invocation.print(words.joined(separator: " "))
  }
}
