// Finding the models and data sets a command acts on, and naming what it makes.

extension Invocation {
  /// The model and data set named by positional words (in any order), the rest of the
  /// positional values left for the command.
  public struct Targets {
    public var model: String?
    public var data: String?
    public var rest: [Value] = []
  }

  /// Sorts the positional values into a model name, a data set name and the rest. A word
  /// that names neither is an error with a suggestion unless `words` allows it; any other
  /// value is an error unless `values` allows it.
  public func targets(words: Bool = false, values: Bool = false) throws(Diagnostic) -> Targets {
    var targets = Targets()
    for value in positionals {
      guard case let .word(name, _) = value else {
        guard values else {
          throw error(.extraArgument, "unexpected argument \(value.display)", at: value,
                      hint: "usage: \(spec.usage)")
        }
        targets.rest.append(value)
        continue
      }
      if session.models[name] != nil && targets.model == nil {
        targets.model = name
      } else if session.datasets[name] != nil && targets.data == nil {
        targets.data = name
      } else if words {
        targets.rest.append(value)
      } else {
        throw unknownName(name, at: value)
      }
    }
    return targets
  }

  /// "no model or data set named 'm61'", with a suggestion; a bare option name (`train m
  /// shuffle`) is taken for the option written without its value.
  public func unknownName(_ name: String, at value: Value) -> Diagnostic {
    if let option = spec.options.first(where: { $0.key == name }) {
      let written = option.kind == .boolean ? "\(name)=true" : "\(name)=…"
      return error(.unknownName, "no model or data set named '\(name)'", at: value,
                   hint: "did you mean '\(written)'? an option takes its value after '='")
    }
    let known = session.modelNames + session.dataNames
    let hint = Suggestions.hint(for: name, among: known)
      ?? (known.isEmpty ? nil : "known names: \(Suggestions.prose(known, conjunction: "and"))")
    return error(.unknownName, "no model or data set named '\(name)'", at: value, hint: hint)
  }

  /// The model called `name`, or the current one.
  public func model(_ name: String?) throws(Diagnostic) -> (name: String, model: Model) {
    if let name, let model = session.models[name] { return (name, model) }
    guard let current = session.currentModel, let model = session.models[current] else {
      throw error(.noModel, "no model yet", hint: "make one with 'mlp [784,128,64,10] relu' or 'perceptron'")
    }
    return (current, model)
  }

  /// The data set called `name`, or the current one.
  public func data(_ name: String?) throws(Diagnostic) -> (name: String, data: DataEntry) {
    if let name, let data = session.datasets[name] { return (name, data) }
    guard let current = session.currentData, let data = session.datasets[current] else {
      let hint = CommandSpec.named("load") != nil ? "load one with 'load mnist'" : nil
      throw error(.noData, "no data set yet", hint: hint)
    }
    return (current, data)
  }

  /// Words commands read as keywords (`show sample 3`, `show settings`): a model of that
  /// name would be shadowed by them, so none is given it.
  static let keywords: Set<String> = ["settings", "models", "data", "weights", "sample"]

  /// The name for what this command makes: the one bound with `name =`, or a fresh one
  /// such as `mlp2`. A bound name may replace a value of the same sort, not of the other
  /// sort, and may not be a command's name.
  public mutating func claimName(kind: String, isModel: Bool) throws(Diagnostic) -> String {
    guard let binding = command.binding else { return session.freshName(for: kind) }
    let name = binding.text
    if CommandSpec.named(name) != nil {
      throw error(.cannotBind, "'\(name)' is a command", at: binding.range,
                  hint: "choose another name, such as '\(name)1'")
    }
    if Self.keywords.contains(name) {
      throw error(.cannotBind, "'\(name)' is a word 'show' reads, as in 'show \(name)'", at: binding.range,
                  hint: "choose another name, such as '\(name)1'")
    }
    if isModel && session.datasets[name] != nil {
      throw error(.cannotBind, "'\(name)' already names a data set", at: binding.range,
                  hint: "choose another name")
    }
    if !isModel && session.models[name] != nil {
      throw error(.cannotBind, "'\(name)' already names a model", at: binding.range,
                  hint: "choose another name")
    }
    return name
  }
}
