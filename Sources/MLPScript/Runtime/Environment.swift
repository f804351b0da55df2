import Foundation
import MLPData

/// What the interpreter runs in: where output goes, what the output can do, and how the
/// user asks a long command to stop.
public struct Environment {
  public var sink: OutputSink
  public var style: OutputStyle
  /// Asked between batches and between statements; true after Ctrl-C.
  public var shouldStop: @Sendable () -> Bool
  /// What asked the run to stop, for messages: "Ctrl-C", or the signal that ended the
  /// process ("SIGTERM").
  public var stopReason: @Sendable () -> String = { "Ctrl-C" }
  /// Seconds on a monotonic clock, for timing and ETAs.
  public var clock: @Sendable () -> Double
  /// How many scripts deep `run` has gone.
  public var depth: Int = 0
  /// Where `load` finds MNIST and Fashion-MNIST (folders, cache, mirrors); tests point it at
  /// a temporary cache.
  public var catalog = DatasetCatalog()

  /// How much one command may allocate or run (`Limits.standard` in the shell).
  public var limits: Limits = .standard

  /// Scripts may `run` one another at most this deep.
  public static let maximumDepth = 16

  public init(
    sink: OutputSink, style: OutputStyle = .plain, shouldStop: @escaping @Sendable () -> Bool = { false },
    clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }
  ) {
    self.sink = sink
    self.style = style
    self.shouldStop = shouldStop
    self.clock = clock
  }
}
