import MLPCore
import MLPData
import XCTest

/// The notebook's perceptron cell: two blobs (class 0 at (-5, 5), class 1 at (5, 5), 100
/// points each, the same noise for both), the binary perceptron with its own update rule,
/// lr 0.001, three epochs. The notebook's run reached 25%, 88% and 100% (measured with its
/// code in `benchmarks/reference_numpy.py notebook-all`).
///
/// How fast it gets there depends on where it starts: each mistake moves a weight by only
/// η·|x| ≈ 0.005, so a start of w₀ = -1.5 needs 300 mistakes to turn round. The notebook
/// started at w = (-0.5747, -0.4215) (its `np.random.randn(2)` after its seeds); from there
/// the claim is 100% by the third epoch, whatever the noise of the blobs.
final class PerceptronCellTests: XCTestCase {
  static let notebookStart = [-0.57470921, -0.42149822]

  func testFromTheNotebooksStartTheBlobsAreSeparatedByTheThirdEpoch() throws {
    for seed: UInt64 in 0 ..< 10 {
      let blobs = try Synthetic.blobs.make(count: 200, seed: seed)
      var perceptron = Perceptron(weights: Self.notebookStart, rule: .notebook)
      let accuracies = (0 ..< 3).map { _ in
        perceptron.trainEpoch(inputs: blobs.features, labels: blobs.labels, learningRate: 0.001)
      }
      XCTAssertEqual(accuracies.last, 1, "blobs seed \(seed): epochs \(accuracies)")
      XCTAssertLessThan(accuracies[0], accuracies[2], "blobs seed \(seed): it learnt")
      XCTAssertEqual(perceptron.accuracy(inputs: blobs.features, labels: blobs.labels), 1)
    }
  }

  /// From any random start both rules separate the blobs in time: the data is linearly
  /// separable, so the classic rule converges (Novikoff); the notebook's does here too.
  func testFromRandomStartsBothRulesSeparateTheBlobs() throws {
    for rule in Perceptron.UpdateRule.allCases {
      for seed: UInt64 in 0 ..< 10 {
        let blobs = try Synthetic.blobs.make(count: 200, seed: seed)
        var perceptron = Perceptron(inputSize: 2, rule: rule, seed: seed)
        var epochs = 0
        while perceptron.accuracy(inputs: blobs.features, labels: blobs.labels) < 1 && epochs < 50 {
          _ = perceptron.trainEpoch(inputs: blobs.features, labels: blobs.labels, learningRate: 0.001)
          epochs += 1
        }
        XCTAssertLessThan(epochs, 50, "\(rule) rule, seed \(seed) did not separate the blobs")
      }
    }
  }
}
