import Foundation
import MLPCore
import MLPData
@testable import MLPScript

/// One row of docs/errors.md: something a class can throw at mlpsh, the exact error it gets,
/// and the files it needs. `DIR` stands for a fresh folder, in the input and in the error.
struct HostileInput {
  enum Section: String, CaseIterable {
    case commands = "Bad command forms"
    case sizes = "Absurd sizes"
    case text = "Text that is not a script"
    case dataFiles = "Malformed data files"
    case modelFiles = "Model files"
  }

  var section: Section
  /// What it is, in a few words.
  var what: String
  /// The script, as typed (DIR for the row's folder).
  var input: String
  /// The first line of the rendered diagnostic.
  var error: String
  /// Files to write into DIR first.
  var files: [String: [UInt8]] = [:]
  /// How the input reads in the doc when it holds bytes a table cannot show.
  var shown: String? = nil

  // MARK: - File makers

  /// An IDX file: big-endian magic, one big-endian size per dimension, then the bytes.
  static func idx(magic: UInt32, sizes: [UInt32], body: [UInt8]) -> [UInt8] {
    func bigEndian(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }
    return bigEndian(magic) + sizes.flatMap(bigEndian) + body
  }

  /// MNIST's four files for 3 training and 2 test images of 2×2 pixels, with `change`
  /// applied to them by name.
  static func mnist(_ change: (inout [String: [UInt8]]) -> Void = { _ in }) -> [String: [UInt8]] {
    var files = [
      "train-images-idx3-ubyte": idx(magic: 0x803, sizes: [3, 2, 2], body: Array(0 ..< 12)),
      "train-labels-idx1-ubyte": idx(magic: 0x801, sizes: [3], body: [0, 1, 2]),
      "t10k-images-idx3-ubyte": idx(magic: 0x803, sizes: [2, 2, 2], body: Array(repeating: 9, count: 8)),
      "t10k-labels-idx1-ubyte": idx(magic: 0x801, sizes: [2], body: [3, 4]),
    ]
    change(&files)
    return files
  }

  /// A saved model, then `edit` applied to its text; `resign` recomputes the checksum so
  /// that only the edit is wrong.
  static func modelFile(resign: Bool = false, _ edit: (String) -> String = { $0 }) -> [UInt8] {
    let network = MultilayerPerceptron(layerSizes: [4, 3, 2], seed: 1)
    let data = (try? ModelFile.encode(.mlp(NetworkModel(network: network, initializer: .seed, seed: 1)))) ?? Data()
    var text = edit(String(decoding: data, as: UTF8.self))
    if resign, let line = text.range(of: "  \"crc32\" : \"") {
      let checksum = CRC32.hex(of: Data(text[..<line.lowerBound].utf8))
      text.replaceSubrange(line.upperBound ..< text.index(line.upperBound, offsetBy: 8), with: checksum)
    }
    return Array(text.utf8)
  }
}
