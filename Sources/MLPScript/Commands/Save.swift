import Foundation

extension CommandSpec {
  /// `save m16 "m16.json"`
  static let save = CommandSpec(
    name: "save", topic: .models,
    summary: "save a model to a file",
    details: """
      Writes the model as JSON: its layer sizes, activation, learning rate, initialisation \
      and seed, every weight and bias (bit for bit, in base64), and its training history, \
      with a checksum. load FILE reads it back into a model that predicts, evaluates and \
      goes on training exactly as this one would. Without FILE the model is saved as \
      NAME.json in the current directory. The file is written whole or not at all: an \
      existing file of that name is replaced only once the new one is safely on the disk.
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
    let data: Data
    do {
      data = try ModelFile.encode(model)
    } catch {
      throw invocation.error(.fileError, "cannot encode '\(name)': \(error)", at: pathValue?.range)
    }
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(data, to: Paths.expandingTilde(path))
    } catch {
      throw invocation.error(.fileError, "cannot save to '\(path)': \(error); nothing was written",
                             at: pathValue?.range)
    }
    invocation.print("saved \(name) to \(path)")
  }
}
