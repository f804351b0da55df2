import Testing
@testable import MLPScript

@Suite struct ParserTests {
  @Test func commandWithoutArguments() throws {
    #expect(try statements("train") == [cmd("train")])
  }

  @Test func positionalList() throws {
    #expect(try statements("mlp [784,128,64,10] relu") == [
      cmd("mlp", pos(list(num(784), num(128), num(64), num(10))), pos(word("relu"))),
    ])
  }

  @Test func bindingWithOptions() throws {
    #expect(try statements("m16 = mlp [784,128,64,10] relu lr=0.01") == [
      cmd("mlp", pos(list(num(784), num(128), num(64), num(10))), pos(word("relu")),
          opt("lr", real(0.01)), bind: "m16"),
    ])
  }

  @Test func positionalNameAndOptions() throws {
    #expect(try statements("train m16 batch=16 shuffle=true seed=7") == [
      cmd("train", pos(word("m16")), opt("batch", num(16)), opt("shuffle", word("true")),
          opt("seed", num(7))),
    ])
  }

  @Test func spacesAroundEqualsInOptions() throws {
    #expect(try statements("set lr = 0.1") == [cmd("set", opt("lr", real(0.1)))])
  }

  @Test func commaSeparatedValuesAreAList() throws {
    #expect(try statements("sweep batch=16,32,64,128") == [
      cmd("sweep", opt("batch", list(num(16), num(32), num(64), num(128)))),
    ])
    #expect(try statements("plot loss, accuracy") == [
      cmd("plot", pos(list(word("loss"), word("accuracy")))),
    ])
  }

  @Test func nestedAndEmptyLists() throws {
    #expect(try statements("x [[1,2],[]]") == [cmd("x", pos(list(list(num(1), num(2)), list())))])
  }

  @Test func numbers() throws {
    #expect(try statements("n 1 -2 0.5 .25 -0.125 1e-3 2.5E+2") == [
      cmd("n", pos(num(1)), pos(num(-2)), pos(real(0.5)), pos(real(0.25)), pos(real(-0.125)),
          pos(real(0.001)), pos(real(250))),
    ])
  }

  @Test func stringsWithEscapes() throws {
    #expect(try statements(#"save to "my model.json" note="a \"b\"\n\\""#) == [
      cmd("save", pos(word("to")), pos(str("my model.json")), opt("note", str("a \"b\"\n\\"))),
    ])
  }

  @Test func barePaths() throws {
    #expect(try statements("run examples/01-perceptron.mlp; run ./a.mlp; run ~/x/y.mlp") == [
      cmd("run", pos(word("examples/01-perceptron.mlp"))),
      cmd("run", pos(word("./a.mlp"))),
      cmd("run", pos(word("~/x/y.mlp"))),
    ])
  }

  @Test func semicolonsAndCommentsAndBlankLines() throws {
    let text = """
      # a comment
      load mnist ; mlp [784,10]   # trailing comment

      ;; train
      """
    #expect(try statements(text) == [
      cmd("load", pos(word("mnist"))), cmd("mlp", pos(list(num(784), num(10)))), cmd("train"),
    ])
  }

  @Test func windowsLineEndings() throws {
    #expect(try statements("train\r\nevaluate\r\n") == [cmd("train"), cmd("evaluate")])
  }

  @Test func ranges() throws {
    let script = try Parser.parse("m = mlp [2,3] lr=0.5", name: "t")
    guard case let .command(command) = script.statements.first else {
      Issue.record("no command")
      return
    }
    #expect(command.binding?.range == SourceRange(start: 0, end: 1))
    #expect(command.name.range == SourceRange(start: 4, end: 7))
    #expect(command.arguments[0].range == SourceRange(start: 8, end: 13))
    #expect(command.arguments[1].range == SourceRange(start: 14, end: 20))
    #expect(command.range == SourceRange(start: 0, end: 20))
  }

  // MARK: - Expectations

  @Test func approximateExpectation() throws {
    #expect(try statements("evaluate\n# expect: test accuracy ≈ 0.92 ± 0.03") == [
      cmd("evaluate"), expect("test accuracy", .approximately(0.92, tolerance: 0.03)),
    ])
  }

  @Test func asciiApproximationAndPercent() throws {
    #expect(try statements("evaluate\n#expect:  test   accuracy ~= 92% +- 3%") == [
      cmd("evaluate"), expect("test accuracy", .approximately(0.92, tolerance: 0.03)),
    ])
  }

  @Test func defaultToleranceIsHalfTheLastDigit() throws {
    let parsed = try statements("evaluate\n# expect: test loss ≈ 0.29\n# expect: iterations ~ 937")
    guard case let .expectation(a) = parsed[1], case let .approximately(v, t) = a.check,
          case let .expectation(b) = parsed[2], case let .approximately(w, u) = b.check else {
      Issue.record("expected two approximate checks, got \(parsed)")
      return
    }
    #expect(v == 0.29 && abs(t - 0.005) < 1e-12)
    #expect(w == 937 && u == 0.5)
    #expect(abs(ExpectationScanner.halfUnit(of: "1e-3") - 0.0005) < 1e-15)
    #expect(ExpectationScanner.halfUnit(of: "2e2") == 50)
  }

  @Test func comparisons() throws {
    #expect(try statements("""
      evaluate
      # expect: test accuracy ≥ 97.5%
      # expect: test accuracy >= 0.975
      # expect: test loss < 0.3
      # expect: test loss <= 0.3
      # expect: test loss ≤ 0.3
      # expect: iterations = 937
      # expect: iterations == 937
      # expect: updates > 10
      """) == [
      cmd("evaluate"),
      expect("test accuracy", .compare(.greaterOrEqual, 0.975)),
      expect("test accuracy", .compare(.greaterOrEqual, 0.975)),
      expect("test loss", .compare(.less, 0.3)),
      expect("test loss", .compare(.lessOrEqual, 0.3)),
      expect("test loss", .compare(.lessOrEqual, 0.3)),
      expect("iterations", .compare(.equal, 937)),
      expect("iterations", .compare(.equal, 937)),
      expect("updates", .compare(.greater, 10)),
    ])
  }

  @Test func textExpectationAndTrailingExpectation() throws {
    #expect(try statements(#"summary # expect: "101770 parameters""#) == [
      cmd("summary"), expect(nil, .contains("101770 parameters")),
    ])
  }

  // MARK: - Cells

  @Test func cellsInPercentFormat() throws {
    let text = """
      set seed=1

      # %% [markdown] Introduction
      # # A title
      #
      # Some *text*.

      # %% Train it
      train
      # expect: iterations = 3

      # %%
      # %% [md]
      # more
      """
    let cells = try Parser.parse(text, name: "t.mlp").cells.map(\.erased)
    #expect(cells == [
      Cell(kind: .code, isMarked: false, statements: [cmd("set", opt("seed", num(1)))], range: zero),
      Cell(kind: .markdown, title: "Introduction", isMarked: true,
           markdown: ["# A title", "", "Some *text*."], range: zero),
      Cell(kind: .code, title: "Train it", isMarked: true,
           statements: [cmd("train"), expect("iterations", .compare(.equal, 3))], range: zero),
      Cell(kind: .code, isMarked: true, range: zero),
      Cell(kind: .markdown, isMarked: true, markdown: ["more"], range: zero),
    ])
  }

  @Test func cellRangesCoverTheirLines() throws {
    let text = "# %%\ntrain\n\n# %% [markdown]\n# hi\n"
    let script = try Parser.parse(text, name: "t.mlp")
    #expect(script.source.text(in: script.cells[0].range) == "# %%\ntrain")
    #expect(script.source.text(in: script.cells[1].range) == "# %% [markdown]\n# hi")
  }

  @Test func emptyScriptHasNoCells() throws {
    #expect(try Parser.parse("", name: "t").cells.isEmpty)
    #expect(try Parser.parse("\n\n", name: "t").cells.isEmpty)
  }
}
