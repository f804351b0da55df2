import Foundation
import XCTest
@testable import MLPData

final class DigitsTests: XCTestCase {
  func testShapeClassesAndValues() {
    let digits = Digits.all
    XCTAssertEqual(digits.count, 1797)
    XCTAssertEqual(digits.featureCount, 64)
    XCTAssertEqual(digits.classCount, 10)
    XCTAssertEqual(digits.imageShape, ImageShape(rows: 8, columns: 8))
    XCTAssertEqual(digits.observedRange(), 0 ... 16)
    XCTAssertTrue(digits.features.storage.allSatisfy { $0 == $0.rounded() })
    // Class sizes of the UCI set (178 zeros, 182 ones, …), as in scikit-learn's load_digits.
    XCTAssertEqual(digits.classCounts(), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    // The first sample is a 0: its first row of pixels is 0 0 5 13 9 1 0 0.
    XCTAssertEqual(digits.labels[0], 0)
    XCTAssertEqual(Array(digits.features.row(0).prefix(8)), [0, 0, 5, 13, 9, 1, 0, 0])
  }

  func testTheEmbeddedSamplesAreTheCSVFile() throws {
    guard let shared = sharedDataFolder() else {
      guard ProcessInfo.processInfo.environment["MLPSH_REQUIRE_SHARED"] != "1" else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no ../shared beside the package (MLPSH_REQUIRE_SHARED=1)"])
      }
      throw XCTSkip("the shared data folder is not beside the package")
    }
    let fromFile = try CSVReader.read((shared as NSString).appendingPathComponent("digits/digits.csv.gz"))
    XCTAssertEqual(fromFile.features, Digits.all.features)
    XCTAssertEqual(fromFile.labels, Digits.all.labels)
  }

  func testTheDefaultLoadIsASeededEightyTwentySplit() throws {
    let data = try Digits.load()
    XCTAssertEqual(data.train.count, 1438)
    XCTAssertEqual(data.test?.count, 359)
    XCTAssertEqual(data.origin, .embedded)
    XCTAssertEqual(try Digits.load(), data)
    XCTAssertNotEqual(try Digits.load(seed: 1).test?.labels, data.test?.labels)
    XCTAssertEqual(data.train.valueRange, 0 ... 16)
    XCTAssertEqual(data.scaledToUnitRange().train.observedRange(), 0 ... 1)
  }
}
