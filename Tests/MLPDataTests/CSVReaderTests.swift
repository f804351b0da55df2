import Foundation
import XCTest
@testable import MLPData

final class CSVReaderTests: XCTestCase {
  private var folder = ""

  override func setUpWithError() throws {
    folder = try makeTemporaryFolder(self)
  }

  private func file(_ text: String, named name: String = "data.csv") throws -> String {
    try write(Array(text.utf8), to: name, in: folder)
  }

  private func csvError(_ text: String, label: CSVReader.LabelColumn = .last,
                        line: UInt = #line) throws -> (error: DatasetError?, path: String) {
    let path = try file(text)
    return (datasetError(line: line) { try CSVReader.read(path, label: label) }, path)
  }

  // MARK: - Reading

  func testHeaderAndTextLabelsByName() throws {
    let path = try file("""
      sepal_length,sepal_width,species
      5.1,3.5,setosa
      7.0,3.2,versicolor
      6.3,3.3,virginica
      4.9,3.0,setosa
      """, named: "iris.csv")
    let data = try CSVReader.read(path, label: .name("species"))
    XCTAssertEqual(data.name, "iris")
    XCTAssertEqual(data.count, 4)
    XCTAssertEqual(data.featureCount, 2)
    XCTAssertEqual(data.features.storage, [5.1, 3.5, 7.0, 3.2, 6.3, 3.3, 4.9, 3.0])
    XCTAssertEqual(data.classNames, ["setosa", "versicolor", "virginica"])
    XCTAssertEqual(data.labels, [0, 1, 2, 0])
    XCTAssertNil(data.imageShape)
    XCTAssertEqual(try CSVReader.read(path, label: CSVReader.LabelColumn("species")), data)
    XCTAssertEqual(try CSVReader.read(path), data, "the header is detected and the label is last by default")
  }

  func testNoHeaderAndIntegerLabels() throws {
    let path = try file("1,2,3\n4,5,0\n6,7,3\n")
    let data = try CSVReader.read(path)
    XCTAssertEqual(data.count, 3)
    XCTAssertEqual(data.features.storage, [1, 2, 4, 5, 6, 7])
    XCTAssertEqual(data.labels, [3, 0, 3])
    XCTAssertEqual(data.classNames, ["0", "1", "2", "3"], "integer labels are the classes themselves")
  }

  func testLabelByIndexFromEitherEnd() throws {
    let path = try file("label,a,b\n1,0.5,0.25\n0,-1e-3,+2\n")
    let first = try CSVReader.read(path, label: .index(0))
    XCTAssertEqual(first.labels, [1, 0])
    XCTAssertEqual(first.features.storage, [0.5, 0.25, -0.001, 2])
    XCTAssertEqual(try CSVReader.read(path, label: .index(-3)), first)
    XCTAssertEqual(try CSVReader.read(path, label: CSVReader.LabelColumn("0")), first)
  }

  func testNegativeIntegerLabelsBecomeSortedClasses() throws {
    let data = try CSVReader.read(try file("0.5,1\n0.2,-1\n0.1,1\n"))
    XCTAssertEqual(data.classNames, ["-1", "1"])
    XCTAssertEqual(data.labels, [1, 0, 1])
  }

  func testQuotesSpacesCRLFBlankLinesAndByteOrderMark() throws {
    let text = "\u{FEFF}\"x\", y ,\"kind, of\"\r\n\r\n 1.5 , \"2\", \"a \"\"b\"\"\"\r\n3,4,plain\r\n\n"
    let data = try CSVReader.read(try file(text))
    XCTAssertEqual(data.features.storage, [1.5, 2, 3, 4])
    XCTAssertEqual(data.classNames, ["a \"b\"", "plain"])
    XCTAssertEqual(data.labels, [0, 1])
  }

  func testGzippedCSV() throws {
    let path = try write(gzipStored(Array("1,2,0\n3,4,1\n".utf8)), to: "small.csv.gz", in: folder)
    let data = try CSVReader.read(path)
    XCTAssertEqual(data.name, "small")
    XCTAssertEqual(data.features.storage, [1, 2, 3, 4])
  }

  // MARK: - Malformed files

  func testEmptyFile() throws {
    let (error, path) = try csvError("")
    XCTAssertEqual(error, .malformedCSV(path: path, line: 1, column: nil, problem: .emptyFile))
    XCTAssertEqual(error?.description, "'\(path)' is empty")
    XCTAssertEqual(try csvError("\n  \n\t\n").error?.description, "'\(path)' is empty")
  }

  func testMissingFile() {
    XCTAssertEqual(datasetError { try CSVReader.read("/nonexistent/x.csv") }, .fileNotFound(path: "/nonexistent/x.csv"))
  }

  func testMissingLabelColumn() throws {
    let (error, path) = try csvError("a,b,c\n1,2,3\n", label: .name("species"))
    XCTAssertEqual(error?.description, "'\(path)', line 1: no label column 'species' among the 3 columns")
    XCTAssertEqual(try csvError("1,2,3\n", label: .index(3)).error,
                   .malformedCSV(path: path, line: 1, column: nil,
                                 problem: .missingLabelColumn(label: "3", columns: 3)))
  }

  func testRaggedRow() throws {
    let (error, path) = try csvError("1,2,0\n3,4,1\n\n5,1\n")
    XCTAssertEqual(error, .malformedCSV(path: path, line: 4, column: 3, problem: .raggedRow(expected: 3, found: 2)))
    XCTAssertEqual(error?.description, "'\(path)', line 4, column 3: expected 3 fields like the first row, found 2")
    XCTAssertEqual(try csvError("1,2,0\n3,4,1,9\n").error?.description,
                   "'\(path)', line 2, column 4: expected 3 fields like the first row, found 4")
  }

  func testNonNumericField() throws {
    let (error, path) = try csvError("a,b,label\n1,2,x\n3,abc,y\n")
    XCTAssertEqual(error, .malformedCSV(path: path, line: 3, column: 2, problem: .notANumber(field: "abc")))
    XCTAssertEqual(error?.description, "'\(path)', line 3, column 2: 'abc' is not a number")
    for field in ["", "1.5.2", "3e", "1,5"] {
      let text = "1,2,0\n\"\(field)\",2,1\n"
      XCTAssertEqual(try csvError(text).error, .malformedCSV(path: path, line: 2, column: 1,
                                                             problem: .notANumber(field: field)), field)
    }
    // Numbers, but not ones a Float32 feature can be (issue 17, M6): said so.
    for field in ["nan", "inf"] {
      XCTAssertEqual(try csvError("1,2,0\n\(field),2,1\n").error?.description,
                     "'\(path)', line 2, column 1: '\(field)' is not a finite number")
    }
    for field in ["1e39", "-1e308"] {
      XCTAssertEqual(try csvError("1,2,0\n\(field),2,1\n").error?.description,
                     "'\(path)', line 2, column 1: '\(field)' is beyond the range of 32-bit floats (about ±3.4e38)")
    }
  }

  func testHugeLine() throws {
    let long = String(repeating: "1,", count: CSVReader.lineLengthLimit / 2) + "0"
    let (error, path) = try csvError("1,0\n" + long + "\n")
    XCTAssertEqual(error?.description, "'\(path)', line 2: line longer than 1048576 bytes")
  }

  func testBrokenQuotes() throws {
    let (error, path) = try csvError("1,\"2,0\n")
    XCTAssertEqual(error, .malformedCSV(path: path, line: 1, column: 2, problem: .unterminatedQuote))
    XCTAssertEqual(try csvError("1,\"2\"x,0\n").error?.description,
                   "'\(path)', line 1, column 2: text after the closing quote of a field")
  }

  func testNothingToLearnFrom() throws {
    let (error, path) = try csvError("a,b,label\n")
    XCTAssertEqual(error?.description, "'\(path)', line 1: a header but no data rows")
    XCTAssertEqual(try csvError("1\n2\n").error?.description,
                   "'\(path)', line 1: only one column: no features besides the label")
    XCTAssertEqual(try csvError("1,2,0\n3,4,\n").error?.description, "'\(path)', line 2, column 3: the label is empty")
  }
}
