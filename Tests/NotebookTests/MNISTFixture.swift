import Foundation
import MLPCore
import MLPData
import XCTest

/// Full MNIST from `$MLPSH_DATA` (CI sets it to `../shared/data/mnist`), read once for all
/// tests of this target. These tests train for real: run them in a release build.
enum MNISTFixture {
  struct Sets: Sendable {
    var train: Dataset
    var test: Dataset
  }

  static let sets: Result<Sets, Error> = Result {
    guard let folder = ProcessInfo.processInfo.environment["MLPSH_DATA"] else {
      // CI sets MLPSH_REQUIRE_SHARED=1: there a missing data set fails rather than skips.
      guard ProcessInfo.processInfo.environment["MLPSH_REQUIRE_SHARED"] != "1" else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "MLPSH_DATA is not set (MLPSH_REQUIRE_SHARED=1)"])
      }
      throw XCTSkip("MLPSH_DATA is not set: it names the folder with the MNIST files")
    }
    let classes = (0 ..< 10).map(String.init)
    func read(_ images: String, _ labels: String, _ name: String) throws -> Dataset {
      try IDXReader.readDataset(images: "\(folder)/\(images)-idx3-ubyte.gz",
                                labels: "\(folder)/\(labels)-idx1-ubyte.gz",
                                name: name, classNames: classes)
    }
    return Sets(train: try read("train-images", "train-labels", "mnist"),
                test: try read("t10k-images", "t10k-labels", "mnist test"))
  }

  static func load() throws -> Sets { try sets.get() }
}
