extension CommandSpec {
  /// `set lr=0.1 batch=32`
  static let set = CommandSpec(
    name: "set", topic: .session,
    summary: "change defaults such as seed, lr and batch",
    details: """
      Changes the defaults that later commands use when not told otherwise: new networks take \
      lr, activation, init and seed; train takes batch, epochs, shuffle and seed. Models that \
      already exist keep their own learning rate. set alone shows every setting; reset puts \
      them back to the notebook's values.
      """,
    options: SettingSpec.all.map(\.option),
    example: "set lr=0.1 batch=32\nset activation=tanh init=xavier seed=7"
  ) { invocation throws(Diagnostic) in
    var changed = false
    for case let .option(key, value) in invocation.command.arguments {
      let setting = SettingSpec.named(key.text)!
      guard let converted = invocation.options.converted(value) else {
        preconditionFailure("every setting declares a check, so '\(key.text)' was converted before 'set' ran")
      }
      setting.write(&invocation.session.settings, converted)
      invocation.print("\(key.text) = \(setting.value(in: invocation.session.settings))")
      changed = true
    }
    if !changed { showSettings(&invocation) }
  }
}
