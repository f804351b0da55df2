extension CommandSpec {
  /// `reset` or `reset lr batch`
  static let reset = CommandSpec(
    name: "reset", topic: .session,
    summary: "put settings back to the notebook's defaults",
    details: """
      reset alone restores every setting (seed \(Settings().seed), lr \(format(Settings().learningRate)), \
      batch \(Settings().batch), epochs \(Settings().epochs), \(Settings().activation.rawValue), the \
      notebook's init, no shuffling); reset KEY… restores only those. Models and data sets \
      are kept.
      """,
    arguments: [ArgumentSpec("KEY", .setting, "settings to restore (default: all)", repeated: true)],
    example: "reset\nreset lr batch"
  ) { invocation throws(Diagnostic) in
    guard !invocation.positionals.isEmpty else {
      invocation.session.settings = Settings()
      invocation.print("settings reset to the notebook's defaults")
      return
    }
    for value in invocation.positionals {
      guard case let .word(key, _) = value, let setting = SettingSpec.named(key) else {
        // Only for the message: a value that is not text is quoted as written.
        let key = (try? invocation.convert.text(value, key: "a setting")) ?? value.display
        throw invocation.error(.unknownName, "no setting called '\(key)'", at: value,
                               hint: Suggestions.hint(for: key, among: SettingSpec.keys)
                                 ?? "should be \(Suggestions.prose(SettingSpec.keys))")
      }
      setting.restore(&invocation.session.settings)
      invocation.print("\(key) = \(setting.value(in: invocation.session.settings))")
    }
  }
}
