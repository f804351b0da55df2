import Foundation
import Testing
@testable import MLPScript

/// Issue 17, D1 and D4: `save`, `plot … to=` and the exports replace only a regular file (or
/// a missing one), keep its mode and owner, and refuse a read-only one; a link stays a link.
@Suite struct AtomicFileTargetTests {
  func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "mlpsh-target-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  func fileType(_ path: String) -> mode_t {
    var status = stat()
    _ = lstat(path, &status)
    return status.st_mode & S_IFMT
  }

  func run(_ line: String) -> String? {
    let interpreter = Interpreter(environment: Environment(sink: CollectingSink()))
    return interpreter.run(line: line).map { DiagnosticRenderer(color: false).render($0) }
      .map { String($0.split(separator: "\n")[0]) }
  }

  @Test func aFIFOIsNeverReplacedBySaveOrPlot() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["m.json", "p.svg"] { #expect(mkfifo(folder + "/" + name, 0o644) == 0) }
    #expect(run("m = mlp [2,2]; save m \"\(folder)/m.json\"")
      == "error: cannot save to '\(folder)/m.json': it is a FIFO, not a regular file; only a regular file is replaced; nothing was written")
    #expect(run("data xor; m = mlp [2,2]; train m iterations=2 progress=false; plot m to=\"\(folder)/p.svg\"")
      == "error: cannot write '\(folder)/p.svg': it is a FIFO, not a regular file; only a regular file is replaced")
    #expect(fileType(folder + "/m.json") == S_IFIFO && fileType(folder + "/p.svg") == S_IFIFO)
  }

  @Test func aDeviceIsNamedAndRefusedBeforeAnyWrite() throws {
    // Only looked at, never written: the refusal comes from the file's type.
    #expect(AtomicFile.refusal(for: "/dev/null")?.description
      == "it is a character device, not a regular file; only a regular file is replaced")
  }

  @Test func aPrivateFileStaysPrivate() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/m.json"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o600]))
    #expect(run("m = mlp [2,2]; save m \"\(path)\"") == nil)
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(try ModelFile.read(path).headline.hasPrefix("mlp 2-2"))
  }

  @Test func aReadOnlyFileIsRefusedAndLeftAsItWas() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/m.json"
    #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o444]))
    #expect(run("m = mlp [2,2]; save m \"\(path)\"")
      == "error: cannot save to '\(path)': it is read-only; make it writable first (chmod u+w) or save under another name; nothing was written")
    #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
  }

  @Test func aLinkStaysALinkAndItsFileIsReplaced() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(FileManager.default.createFile(atPath: folder + "/real.json", contents: Data("old".utf8)))
    #expect(symlink("real.json", folder + "/link.json") == 0)
    #expect(run("m = mlp [2,2]; save m \"\(folder)/link.json\"") == nil)
    #expect(fileType(folder + "/link.json") == S_IFLNK)
    #expect(try ModelFile.read(folder + "/real.json").headline.hasPrefix("mlp 2-2"))
  }
}
