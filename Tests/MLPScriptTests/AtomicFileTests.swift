import Foundation
import Testing
@testable import MLPScript

/// `save` writes through `AtomicFile`: whole or not at all, never half a file under the real
/// name, and nothing left behind when it fails.
@Suite struct AtomicFileTests {
  func temporaryFolder() throws -> String {
    let folder = NSTemporaryDirectory() + "mlpsh-atomic-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func aWriteReplacesTheFileWhole() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/m.json"
    try AtomicFile.write(Data("old".utf8), to: path)
    try AtomicFile.write(Data(repeating: 7, count: 3_000_000), to: path)
    #expect(FileManager.default.contents(atPath: path) == Data(repeating: 7, count: 3_000_000))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["m.json"])
  }

  @Test func aFullDiskLeavesTheOldFileAndNoTemporary() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/m.json"
    try AtomicFile.write(Data("the model saved yesterday".utf8), to: path)
    // The disk fills after 1 MiB of a 3 MB file.
    var written = 0
    let error = #expect(throws: AtomicFile.WriteError.self) {
      try AtomicFile.write(Data(repeating: 1, count: 3_000_000), to: path) { descriptor, bytes, count in
        guard written < 1 << 20 else {
          errno = ENOSPC
          return -1
        }
        written += count
        return write(descriptor, bytes, count)
      }
    }
    #expect(error == AtomicFile.WriteError(step: "cannot write", code: ENOSPC))
    #expect(error?.description == "cannot write: no space left on device")
    #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
      == "the model saved yesterday")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["m.json"])
  }

  @Test func saveIntoAMissingFolderSaysSoAndWritesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (interpreter, _) = Fixtures.interpreter()
    let error = interpreter.run(script: Source(name: "s.mlp", text: "m = mlp [2,2]\nsave m \"\(folder)/no/m.json\""))
    #expect(error?.message == "cannot save to '\(folder)/no/m.json': cannot create a file in '\(folder)/no': "
      + "no such file or directory; nothing was written")
    #expect(error?.location == SourceLocation(line: 2, column: 8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    // The session is intact: the model is still there and can be saved elsewhere.
    #expect(interpreter.run(line: "save m \"\(folder)/m.json\"") == nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["m.json"])
  }
}
