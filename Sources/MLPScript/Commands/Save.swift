import Foundation

extension CommandSpec {
  /// `save m16 "m16.json"`
  static let save = CommandSpec(
    name: "save", topic: .models,
    summary: "save a model to a file",
    details: """
      Writes the model as JSON: its layer sizes, activation, learning rate, initialisation \
      and seed, every weight and bias, and its training history. load FILE reads it back \
      into a model that predicts, evaluates and goes on training exactly as this one would. \
      Without FILE the model is saved as NAME.json in the current directory.
      """,
    arguments: [
      ArgumentSpec("MODEL", .model, "the model (default: the current one)"),
      ArgumentSpec("FILE", .path, "where to write it (default: MODEL.json)"),
    ],
    example: "save\nsave m16 \"models/m16.json\""
  ) { invocation throws(Diagnostic) in
    let targets = try invocation.targets(words: true, values: true)
    let (name, model) = try invocation.model(targets.model)
    if let extra = targets.rest.dropFirst().first {
      throw invocation.error(.extraArgument, "unexpected argument \(extra.display)", at: extra,
                             hint: "usage: \(invocation.spec.usage)")
    }
    let pathValue = targets.rest.first
    let path = try pathValue.map { value throws(Diagnostic) in try invocation.convert.text(value, key: "the file") }
      ?? "\(name).json"
    do {
      try ModelFile.encode(model).write(to: URL(fileURLWithPath: (path as NSString).expandingTildeInPath))
    } catch {
      throw invocation.error(.fileError, "cannot write '\(path)': \(error.localizedDescription)",
                             at: pathValue?.range)
    }
    invocation.print("saved \(name) to \(path)")
  }
}
