import Foundation
import MLPCore
import MLPData
import MLPScript
import Synchronization

/// Where the interpreter target runs fuzzed scripts: a fresh session per input holding two
/// tiny data sets, limits small enough that no input can build a large model or train for
/// long, and a private folder as the working directory so that `save`, `plot … to=` and
/// `run` touch only files the same input made.
///
/// Statements naming a path with `/` or `~` (or `..`) are dropped before they run, so an
/// input cannot reach outside the folder, and so are those naming `mnist` or
/// `fashion-mnist` (see `readsIDX`); `HOME`, `XDG_CACHE_HOME` and `MLPSH_DATA` point
/// into it while an input runs, so `load mnist` finds nothing and downloads nothing. The
/// folder is emptied and the process's directory and environment restored after each
/// input, which keeps every run independent of the ones before (libFuzzer needs that) and
/// lets the replay test run inside an ordinary test process.
final class InterpreterSandbox: @unchecked Sendable {
  static let shared = InterpreterSandbox()

  /// Small enough that an input runs in milliseconds: networks of at most 20 000
  /// parameters, 500 iterations a run, 200 000 working values, 2·10⁷ multiply-adds.
  static let limits = Limits(parameters: 20_000, iterations: 500, workingValues: 200_000, operations: 20_000_000)

  /// How often one input may ask "should I stop?" before the answer becomes yes: a bound
  /// on loops the limits do not cover.
  static let stopAfter = 20_000

  let folder: String
  let data: [String: DataEntry]
  private let lock = NSLock()

  private init() {
    let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("mlpsh-fuzz-XXXXXX")
    var path = Array(template.utf8CString)
    guard let made = mkdtemp(&path) else { fatalError("cannot make a sandbox folder from \(template)") }
    folder = String(cString: made)
    data = Self.tinyData()
    // The folder is empty between inputs; remove it when the process ends.
    Self.created.withLock { $0 = folder }
    atexit { InterpreterSandbox.created.withLock { path in _ = path.map { rmdir($0) } } }
  }

  /// The folder this process made, for the `atexit` handler (which can capture nothing).
  private static let created = Mutex<String?>(nil)

  /// `blobs`: 24 points of the notebook's two blobs (2 features, 2 classes); `three`: 30
  /// seeded points of 4 features in 3 classes, with a test set of 9.
  static func tinyData() -> [String: DataEntry] {
    var entries: [String: DataEntry] = [:]
    do {
      let blobs = try Synthetic.blobs.make(count: 24, seed: 1)
      entries["blobs"] = DataEntry(train: blobs, test: nil, origin: "fuzz sandbox: blobs")
    } catch {
      fatalError("cannot make the sandbox's blobs: \(error)")
    }
    var generator = SeededGenerator(seed: 3)
    func samples(_ count: Int) -> Samples {
      let values = (0 ..< count * 4).map { _ in Float(generator.nextNormal() * 3) }
      let labels = (0 ..< count).map { _ in generator.nextInt(below: 3) }
      return Samples(features: Matrix(rows: count, columns: 4, storage: values), labels: labels,
                     classNames: ["a", "b", "c"])
    }
    entries["three"] = DataEntry(train: samples(30), test: samples(9), origin: "fuzz sandbox: three")
    return entries
  }

  /// Parses `source` and runs what is safe to run of it in a fresh session; returns what the
  /// session printed, the diagnostic that stopped it last.
  func run(_ source: Source, terminal: Bool) -> String {
    let script: Script
    do {
      script = try Parser.parse(source)
    } catch {
      return FuzzTarget.render(error) + "\n"
    }
    let statements = script.statements.filter { statement in
      guard case let .command(command) = statement else { return true }
      return !command.arguments.contains { Self.reachesOutside($0) || Self.readsIDX($0) }
    }

    lock.lock()
    defer { lock.unlock() }
    let previousDirectory = FileManager.default.currentDirectoryPath
    let keys = ["HOME", "XDG_CACHE_HOME", "MLPSH_DATA", "MLPSH_HISTORY"]
    let previousEnvironment = keys.map { ProcessInfo.processInfo.environment[$0] }
    guard FileManager.default.changeCurrentDirectoryPath(folder) else { fatalError("cannot enter \(folder)") }
    for key in keys { setenv(key, folder, 1) }
    defer {
      for (key, value) in zip(keys, previousEnvironment) {
        if let value { setenv(key, value, 1) } else { unsetenv(key) }
      }
      _ = FileManager.default.changeCurrentDirectoryPath(previousDirectory)
      empty()
    }

    let sink = CollectingSink()
    let counter = Counter()
    var environment = Environment(
      sink: sink, style: OutputStyle(isTerminal: terminal, color: terminal, width: terminal ? 60 : 80),
      shouldStop: { counter.next() > Self.stopAfter }, clock: { Double(counter.tick()) * 0.001 })
    environment.limits = Self.limits
    var session = Session()
    session.datasets = data
    session.currentData = "three"
    var stopped = ""
    do {
      try Interpreter.execute(statements, source: source, session: &session, environment: environment)
    } catch {
      stopped = FuzzTarget.render(error) + "\n"
    }
    for diagnostic in sink.diagnostics { FuzzTarget.render(diagnostic) }
    let lastLine = source.lineCount > 0 ? source.line(source.lineCount) : ""
    let word = lastLine.split(separator: " ").last.map(String.init) ?? ""
    _ = Completer.candidates(before: String(lastLine.dropLast(word.count)), word: word, session: session)
    return sink.text + stopped
  }

  /// Whether an argument names a path that could leave the sandbox folder.
  static func reachesOutside(_ argument: Argument) -> Bool {
    switch argument {
    case let .positional(value): return reachesOutside(value)
    case let .option(_, value): return reachesOutside(value)
    }
  }

  static func reachesOutside(_ value: Value) -> Bool {
    switch value {
    case .number: return false
    case let .string(text, _), let .word(text, _):
      return text.contains("/") || text.contains("~") || text.contains("..")
    case let .list(elements, _): return elements.contains { reachesOutside($0) }
    }
  }

  /// Whether an argument names MNIST or Fashion-MNIST, which `load` would read from the
  /// system's copy (`/usr/share/datasets/fashion-mnist`) wherever the sandbox points: 70 000
  /// images an input would be slow and differ between machines. The IDX reader has tests
  /// of its own.
  static func readsIDX(_ argument: Argument) -> Bool {
    guard case let .positional(value) = argument else { return false }
    switch value {
    case let .word(text, _), let .string(text, _): return text == "mnist" || text == "fashion-mnist"
    default: return false
    }
  }

  /// Removes everything the last input wrote.
  private func empty() {
    let manager = FileManager.default
    // Best effort between inputs: a file left behind only changes what the next input finds.
    for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
      try? manager.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
    }
  }
}

/// Counts calls, for a stop flag and a clock that depend on nothing but the input.
private final class Counter: Sendable {
  private let stops = Atomic<Int>(0)
  private let ticks = Atomic<Int>(0)

  func next() -> Int { stops.wrappingAdd(1, ordering: .relaxed).newValue }
  func tick() -> Int { ticks.wrappingAdd(1, ordering: .relaxed).newValue }
}
