import MLPCore
import XCTest
@testable import MLPData

final class SyntheticTests: XCTestCase {
  private func points(_ data: Dataset, label: Int) -> [(x: Float, y: Float)] {
    (0 ..< data.count).filter { data.labels[$0] == label }.map { (data.features[$0, 0], data.features[$0, 1]) }
  }

  func testEverySetHasTheRequestedCountTwoFeaturesAndBothClasses() throws {
    for toy in Synthetic.allCases {
      for count in [2, 7, 200] {
        let data = try toy.make(count: count, seed: 3)
        XCTAssertEqual(data.count, count, "\(toy)")
        XCTAssertEqual(data.featureCount, 2, "\(toy)")
        XCTAssertEqual(data.classNames, ["0", "1"], "\(toy)")
        XCTAssertEqual(data.name, toy.rawValue)
        if toy != .xor {
          XCTAssertEqual(data.classCounts(), [count / 2, count - count / 2], "\(toy) n=\(count)")
        }
      }
      XCTAssertEqual(try toy.make().count, 200)
    }
    XCTAssertEqual(Synthetic.choices, "blobs, xor, circles, gaussians, spiral or moons")
  }

  func testTheSameSeedGivesTheSameSetAndAnotherSeedAnother() throws {
    for toy in Synthetic.allCases {
      let first = try toy.make(count: 50, noise: 0.2, seed: 11)
      XCTAssertEqual(first, try toy.make(count: 50, noise: 0.2, seed: 11), "\(toy)")
      XCTAssertNotEqual(first.features, try toy.make(count: 50, noise: 0.2, seed: 12).features, "\(toy)")
    }
  }

  func testSamplesAreShuffled() throws {
    for toy in Synthetic.allCases {
      let labels = try toy.make(seed: 1).labels
      XCTAssertTrue(Set(labels.prefix(20)).count == 2, "\(toy): the first 20 samples hold both classes")
    }
  }

  func testBlobsFollowTheNotebooksLayout() throws {
    let blobs = try Synthetic.blobs.make()
    XCTAssertEqual(blobs.classCounts(), [100, 100])
    let class0 = points(blobs, label: 0)
    let class1 = points(blobs, label: 1)
    // Centres (−5, 5) and (5, 5): 100 standard-normal draws put each mean within 0.35.
    XCTAssertEqual(class0.map { Double($0.x) }.reduce(0, +) / 100, -5, accuracy: 0.35)
    XCTAssertEqual(class0.map { Double($0.y) }.reduce(0, +) / 100, 5, accuracy: 0.35)
    XCTAssertEqual(class1.map { Double($0.x) }.reduce(0, +) / 100, 5, accuracy: 0.35)
    XCTAssertEqual(class1.map { Double($0.y) }.reduce(0, +) / 100, 5, accuracy: 0.35)
    // The same noise for both classes: class 1 is class 0 moved by (10, 0), point for point.
    let offsets0 = class0.map { [$0.x + 5, $0.y - 5] }.sorted { $0.lexicographicallyPrecedes($1) }
    let offsets1 = class1.map { [$0.x - 5, $0.y - 5] }.sorted { $0.lexicographicallyPrecedes($1) }
    for (a, b) in zip(offsets0, offsets1) {
      XCTAssertEqual(a[0], b[0], accuracy: 1e-5)
      XCTAssertEqual(a[1], b[1], accuracy: 1e-5)
    }
    // Linearly separable, as the notebook's perceptron needs.
    XCTAssertTrue(class0.allSatisfy { $0.x < 0 } && class1.allSatisfy { $0.x > 0 })
    let wider = try Synthetic.blobs.make(noise: 2)
    let spread = points(wider, label: 0).map { abs(Double($0.y) - 5) }.max()!
    XCTAssertGreaterThan(spread, points(blobs, label: 0).map { abs(Double($0.y) - 5) }.max()!)
  }

  func testXORLabelsAreTheSignOfTheProductWithoutNoise() throws {
    let data = try Synthetic.xor.make(count: 300, noise: 0, seed: 2)
    for i in 0 ..< data.count {
      let x = data.features[i, 0], y = data.features[i, 1]
      XCTAssertEqual(data.labels[i], x * y >= 0 ? 1 : 0)
      XCTAssertTrue(abs(x) >= 0.3 && abs(x) <= 5.3 && abs(y) >= 0.3 && abs(y) <= 5.3)
    }
    let noisy = try Synthetic.xor.make(count: 300, noise: 0.5, seed: 2)
    let flipped = (0 ..< noisy.count).filter {
      noisy.labels[$0] != (noisy.features[$0, 0] * noisy.features[$0, 1] >= 0 ? 1 : 0)
    }
    XCTAssertFalse(flipped.isEmpty, "noise flips labels near the axes")
  }

  func testCirclesWithoutNoiseAreADiscAndARing() throws {
    let data = try Synthetic.circles.make(count: 400, noise: 0, seed: 5)
    for i in 0 ..< data.count {
      let r = (data.features[i, 0] * data.features[i, 0] + data.features[i, 1] * data.features[i, 1]).squareRoot()
      if data.labels[i] == 1 { XCTAssertLessThan(r, 2.5 + 1e-5) } else { XCTAssertTrue(r >= 3.5 - 1e-5 && r <= 5 + 1e-5) }
    }
  }

  func testGaussiansSitAroundTheirCentres() throws {
    let data = try Synthetic.gaussians.make(count: 1000, noise: 0, seed: 8)
    for (label, centre) in [(0, -2.0), (1, 2.0)] {
      let group = points(data, label: label)
      let meanX = group.map { Double($0.x) }.reduce(0, +) / Double(group.count)
      let variance = group.map { (Double($0.x) - meanX) * (Double($0.x) - meanX) }.reduce(0, +) / Double(group.count)
      XCTAssertEqual(meanX, centre, accuracy: 0.15)
      XCTAssertEqual(variance, 0.5, accuracy: 0.1)
    }
  }

  func testSpiralArmsStayWithinRadiusFive() throws {
    let data = try Synthetic.spiral.make(count: 200, noise: 0, seed: 1)
    let radii = (0 ..< data.count).map {
      (data.features[$0, 0] * data.features[$0, 0] + data.features[$0, 1] * data.features[$0, 1]).squareRoot()
    }
    XCTAssertEqual(radii.min()!, 0, accuracy: 1e-6)
    XCTAssertLessThan(radii.max()!, 5)
    // The arms are opposite: the point at radius 2.5 of one arm mirrors the other's.
    let halfway0 = points(data, label: 0).filter { abs(($0.x * $0.x + $0.y * $0.y).squareRoot() - 2.5) < 1e-4 }
    let halfway1 = points(data, label: 1).filter { abs(($0.x * $0.x + $0.y * $0.y).squareRoot() - 2.5) < 1e-4 }
    XCTAssertEqual(halfway0.count, 1)
    XCTAssertEqual(halfway0[0].x, -halfway1[0].x, accuracy: 1e-5)
    XCTAssertEqual(halfway0[0].y, -halfway1[0].y, accuracy: 1e-5)
  }

  func testMoonsWithoutNoiseLieOnTheirHalfCircles() throws {
    let data = try Synthetic.moons.make(count: 100, noise: 0, seed: 0)
    for (x, y) in points(data, label: 0) {
      XCTAssertEqual(x * x + y * y, 1, accuracy: 1e-5)
      XCTAssertGreaterThanOrEqual(y, -1e-6)
    }
    for (x, y) in points(data, label: 1) {
      XCTAssertEqual((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1, accuracy: 1e-5)
      XCTAssertLessThanOrEqual(y, 0.5 + 1e-6)
    }
  }

  func testArgumentsOutOfRange() {
    XCTAssertEqual(datasetError { try Synthetic.xor.make(count: 1) }?.description,
                   "n 1 is out of range: expected at least 2 points")
    XCTAssertEqual(datasetError { try Synthetic.moons.make(noise: -0.1) },
                   .invalidArgument(name: "noise", value: "-0.1", expected: "a number at least 0"))
  }
}
