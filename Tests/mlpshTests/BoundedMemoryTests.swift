import Foundation
import Testing

/// Issue 17, "prove": every reader refuses a hostile file within a bounded address space.
/// The binary runs under `prlimit --as=1GiB` (the files below took 4 to 12.6 GB before);
/// an allocation past it would fail and end the process with a trap, not a diagnostic.
/// OpenBLAS runs one thread here: its per-thread buffers alone reserve much of a small
/// address space, and the readers are what is measured.
@Suite(.serialized) struct BoundedMemoryTests {
  static let limit = 1 << 30

  struct Run {
    var status: Int32
    var errors: String
  }

  func folder() throws -> String {
    let folder = NSTemporaryDirectory() + "mlpsh-memory-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// mlpsh with `arguments` under the address-space limit, standard input from `input`.
  func mlpsh(_ arguments: [String], in folder: String, input: String = "/dev/null") throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
    process.arguments = ["--as=\(Self.limit)", PseudoTerminal.binary] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_NUM_THREADS"] = "1"
    environment["SWIFT_BACKTRACE"] = "enable=no"
    process.environment = environment
    process.standardInput = FileHandle(forReadingAtPath: input)
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let text = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, errors: String(decoding: text, as: UTF8.self))
  }

  /// Runs a shell line (a sparse file, a gzip of zeros) in `folder`.
  func shell(_ line: String, in folder: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", line]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(line)")
  }

  func firstLine(_ run: Run) -> String { String(run.errors.split(separator: "\n").first ?? "") }

  /// MNIST's other three files, tiny and valid, so that the hostile one is reached.
  func tinyMNIST(in folder: String) throws {
    func idx(_ magic: UInt8, _ sizes: [UInt8], _ body: [UInt8]) -> Data {
      Data([0, 0, 8, magic] + sizes.flatMap { [0, 0, 0, $0] } + body)
    }
    try idx(1, [2], [0, 1]).write(to: URL(fileURLWithPath: folder + "/train-labels-idx1-ubyte"))
    try idx(3, [2, 1, 1], [0, 9]).write(to: URL(fileURLWithPath: folder + "/t10k-images-idx3-ubyte"))
    try idx(1, [2], [0, 1]).write(to: URL(fileURLWithPath: folder + "/t10k-labels-idx1-ubyte"))
  }

  @Test func idxGzipBombFailsAtItsMagicNumber() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try tinyMNIST(in: folder)
    try shell("head -c 2000000000 /dev/zero | gzip -1 > train-images-idx3-ubyte.gz", in: folder)
    let run = try mlpsh(["-c", "load mnist from=\".\""], in: folder)
    #expect(run.status == 70)
    #expect(firstLine(run) == "error: './train-images-idx3-ubyte.gz' is not an IDX file of the expected kind: magic number 0x00000000, expected 0x00000803")
  }

  @Test func idxGzipBombAfterAValidHeaderStopsAtTheLimit() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try tinyMNIST(in: folder)
    try shell("(printf '\\0\\0\\10\\3\\0\\0\\0\\2\\0\\0\\0\\1\\0\\0\\0\\1\\7\\7'; head -c 2000000000 /dev/zero) | gzip -1 > train-images-idx3-ubyte.gz",
              in: folder)
    let run = try mlpsh(["-c", "load mnist from=\".\""], in: folder)
    #expect(run.status == 70)
    #expect(firstLine(run) == "error: './train-images-idx3-ubyte.gz' holds more than the 268435456 bytes mlpsh reads from one data file")
  }

  @Test func csvGzipBombAndAHugeCSVAreRefused() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try shell("(printf '1,2,0\\n'; head -c 2000000000 /dev/zero) | gzip -1 > bomb.csv.gz && truncate -s 2G nuls.csv", in: folder)
    let bomb = try mlpsh(["-c", "load csv \"bomb.csv.gz\""], in: folder)
    #expect(bomb.status == 70)
    #expect(firstLine(bomb) == "error: 'bomb.csv.gz' holds more than the 268435456 bytes mlpsh reads from one data file")
    let nuls = try mlpsh(["-c", "load csv \"nuls.csv\""], in: folder)
    #expect(nuls.status == 70)
    #expect(firstLine(nuls) == "error: 'nuls.csv' holds more than the 268435456 bytes mlpsh reads from one data file")
  }

  @Test func hugeScriptsAreRefusedFromAFileAPipeAndRun() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try shell("truncate -s 2G nuls.mlp", in: folder)
    let file = try mlpsh(["nuls.mlp"], in: folder)
    #expect(file.status == 70)
    #expect(firstLine(file) == "error: cannot read 'nuls.mlp': it is 2 GiB; a script is at most 16 MiB")
    let run = try mlpsh(["-c", "run \"nuls.mlp\""], in: folder)
    #expect(run.status == 70)
    #expect(firstLine(run) == "error: cannot read 'nuls.mlp': it is 2 GiB; a script is at most 16 MiB")
    let piped = try mlpsh([], in: folder, input: "/dev/zero")
    #expect(piped.status == 66)
    #expect(firstLine(piped) == "error: cannot read '<stdin>': it holds more than 16 MiB; a script is at most 16 MiB")
  }

  @Test func aHugeModelFileIsRefusedFromItsFirstBytes() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try shell("truncate -s 4294967295 m.json", in: folder)
    let run = try mlpsh(["-c", "load \"m.json\""], in: folder)
    #expect(run.status == 70)
    #expect(firstLine(run) == "error: cannot load a model from 'm.json': it is not a model saved by mlpsh")
  }

  @Test func aHugeJSONObjectThatNamesNoModelIsRefusedFromItsFirstBytes() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // `{` then 4 GiB of zero bytes: it starts as a JSON object but never says it is a model.
    try shell("printf '{\"x\": ' > m.json && truncate -s 4294967295 m.json", in: folder)
    let run = try mlpsh(["-c", "load \"m.json\""], in: folder)
    #expect(run.status == 70)
    #expect(firstLine(run) == "error: cannot load a model from 'm.json': it is not a model saved by mlpsh")
  }
}
