import Foundation

/// The one switch that re-records what the tests compare against: snapshot files
/// (`assertSnapshot`), the expected renderings of the fuzz regressions, docs/commands.md and
/// the generated tables of docs/errors.md. `MLPSH_RECORD=1 swift test --filter …` rewrites
/// them and passes; look at the diff before committing (docs/testing.md).
public enum Recording {
  /// Whether `MLPSH_RECORD=1` is set.
  public static var isOn: Bool { ProcessInfo.processInfo.environment["MLPSH_RECORD"] == "1" }
}
