/// The options one command was given, each converted and checked as its `OptionSpec`
/// says, before the command runs.
///
/// The interpreter makes this from the command as written; commands read typed values from
/// it (`Invocation.integer`, `.choice`, …). A value of the wrong kind is a diagnostic under
/// the value, raised before anything has run: `sweep m batch=16,32 y=los` fails on `los`
/// before it trains a single run.
public struct OptionValues: Sendable {
  /// One option as written: its key, where its value is, and the value converted (one
  /// element for most options, one per element of a list for an option that takes a list).
  private struct Given: Sendable {
    var key: String
    var range: SourceRange
    var values: [OptionValue]
  }

  /// The options in the order written; options left to their command are absent.
  private var given: [Given] = []

  public init() {}

  /// Converts every option of `command` that `spec` declares a check for.
  init(_ command: Command, spec: CommandSpec, source: Source, limits: Limits) throws(Diagnostic) {
    let convert = Converter(source: source)
    for case let .option(name, value) in command.arguments {
      guard let option = spec.option(name.text), option.check != .byCommand else { continue }
      var elements = [value]
      if option.takesList, case let .list(items, _) = value { elements = items }
      var converted: [OptionValue] = []
      for element in elements {
        guard let typed = try convert.convert(element, option.check, key: option.key, kind: option.kind,
                                              limits: limits) else { break }
        converted.append(typed)
      }
      given.append(Given(key: option.key, range: value.range, values: converted))
    }
  }

  /// The converted value of `key` where it is first given (as `Invocation.option` reads
  /// it), the first element of a list.
  public subscript(key: String) -> OptionValue? { all(key).first }

  /// Every converted value of `key` where it is first given, in the order written.
  public func all(_ key: String) -> [OptionValue] { given.first { $0.key == key }?.values ?? [] }

  /// The converted values written at `value` (one per element of a list): for a command
  /// that reads every occurrence of its options, as `set` and `sweep` do.
  public func values(at value: Value) -> [OptionValue] { given.first { $0.range == value.range }?.values ?? [] }

  /// The converted value written at `value`, the first element of a list.
  public func converted(_ value: Value) -> OptionValue? { values(at: value).first }
}
