import MLPCore
import XCTest
@testable import MLPData

final class DatasetTests: XCTestCase {
  private func dataset(_ rows: [[Float]], labels: [Int]? = nil, valueRange: ClosedRange<Float>? = nil) -> Dataset {
    Dataset(name: "t", features: Matrix(rows), labels: labels ?? rows.indices.map { $0 % 2 },
            classNames: ["a", "b"], valueRange: valueRange)
  }

  func testShapeAndCounts() {
    let data = dataset([[1, 2, 3], [4, 5, 6], [7, 8, 9]], labels: [1, 1, 0])
    XCTAssertEqual(data.count, 3)
    XCTAssertEqual(data.featureCount, 3)
    XCTAssertEqual(data.classCount, 2)
    XCTAssertEqual(data.classCounts(), [1, 2])
    XCTAssertEqual(data.description, "t: 3 samples, 3 features, 2 classes")
    XCTAssertEqual(Digits.all.description, "digits: 1797 samples, 64 features (8x8 images), 10 classes")
  }

  // MARK: - Scaling

  func testScalingWithAKnownRangeDividesBy255() {
    let scaled = dataset([[0, 51], [255, 102]], valueRange: 0 ... 255).scaledToUnitRange()
    XCTAssertEqual(scaled.features.storage, [0, 0.2, 1, 0.4])
    XCTAssertEqual(scaled.valueRange, 0 ... 1)
  }

  func testScalingWithoutAKnownRangeUsesTheSetsMinimumAndMaximum() {
    let scaled = dataset([[2, 4], [6, 10]]).scaledToUnitRange()
    XCTAssertEqual(scaled.features.storage, [0, 0.25, 0.5, 1])
    XCTAssertEqual(dataset([[3, 3], [3, 3]]).scaledToUnitRange().features.storage, [0, 0, 0, 0])
  }

  func testScalingBothSetsUsesTheTrainingRange() {
    let data = LoadedData(train: dataset([[0, 10], [5, 0]]), test: dataset([[5, 20], [-10, 0]]),
                          origin: .embedded)
    let scaled = data.scaledToUnitRange()
    XCTAssertEqual(scaled.train.features.storage, [0, 1, 0.5, 0])
    XCTAssertEqual(scaled.test?.features.storage, [0.5, 2, -1, 0])
  }

  // MARK: - Standardising

  func testStandardisingByHand() {
    // Column 0: mean 3, population deviation √(8/3); column 1 is constant and becomes 0.
    let standardized = dataset([[1, 5], [3, 5], [5, 5]]).standardized()
    let z = Float(2 / (8.0 / 3).squareRoot())
    for (value, expected) in zip(standardized.features.storage, [-z, 0, 0, 0, z, 0]) {
      XCTAssertEqual(value, expected, accuracy: 1e-6)
    }
    XCTAssertNil(standardized.valueRange)
  }

  func testStandardisedFeaturesHaveMeanZeroAndDeviationOne() throws {
    let data = try Synthetic.gaussians.make(count: 500, noise: 0.3, seed: 9).standardized()
    let statistics = data.featureStatistics()
    for column in 0 ..< 2 {
      XCTAssertEqual(statistics.means[column], 0, accuracy: 1e-5)
      XCTAssertEqual(statistics.standardDeviations[column], 1, accuracy: 1e-5)
    }
  }

  func testStandardisingBothSetsUsesTheTrainingStatistics() {
    let data = LoadedData(train: dataset([[0], [2]]), test: dataset([[4], [1]]), origin: .embedded)
    let standardized = data.standardized()
    // Training mean 1, deviation 1.
    XCTAssertEqual(standardized.train.features.storage, [-1, 1])
    XCTAssertEqual(standardized.test?.features.storage, [3, 0])
  }

  // MARK: - Splitting and taking

  func testSplitIsASeededPartition() throws {
    let data = dataset((0 ..< 10).map { [Float($0)] })
    let (train, test) = try data.split(testFraction: 0.3, seed: 4)
    XCTAssertEqual(train.count, 7)
    XCTAssertEqual(test.count, 3)
    let ids = (train.features.storage + test.features.storage).map(Int.init)
    XCTAssertEqual(ids.sorted(), Array(0 ..< 10))
    for (row, id) in ids.enumerated() {
      XCTAssertEqual((row < 7 ? train.labels[row] : test.labels[row - 7]), id % 2, "labels follow their rows")
    }
    let again = try data.split(testFraction: 0.3, seed: 4)
    XCTAssertEqual(again.train, train)
    XCTAssertEqual(again.test, test)
    let other = try data.split(testFraction: 0.3, seed: 5)
    XCTAssertNotEqual(other.test.features, test.features)
  }

  func testSplitRejectsFractionsThatEmptyASide() {
    let data = dataset((0 ..< 10).map { [Float($0)] })
    let error = datasetError { try data.split(testFraction: 1.5) }
    XCTAssertEqual(error?.description, "test fraction 1.5 is out of range: expected between 0 and 1")
    XCTAssertEqual(datasetError { try data.split(testFraction: 0.01) },
                   .invalidArgument(name: "test fraction", value: "0.01",
                                    expected: "a fraction that leaves samples on both sides of the 10"))
  }

  func testPrefixTakesTheFirstSamples() {
    let data = dataset([[1], [2], [3]], labels: [0, 1, 1])
    XCTAssertEqual(data.prefix(2).features.storage, [1, 2])
    XCTAssertEqual(data.prefix(2).labels, [0, 1])
    XCTAssertEqual(data.prefix(10), data)
    XCTAssertEqual(data.prefix(0).count, 0)
    let loaded = LoadedData(train: data, test: data, origin: .embedded).prefix(1, testCount: 2)
    XCTAssertEqual(loaded.train.count, 1)
    XCTAssertEqual(loaded.test?.count, 2)
  }

  func testSubsetKeepsTheOrderGiven() {
    let data = dataset([[1], [2], [3]], labels: [0, 1, 1])
    let subset = data.subset([2, 0])
    XCTAssertEqual(subset.features.storage, [3, 1])
    XCTAssertEqual(subset.labels, [1, 0])
  }
}
