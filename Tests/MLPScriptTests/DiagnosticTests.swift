import Foundation
import Testing
@testable import MLPScript

/// Bad inputs and the exact diagnostic each one renders (no colour).
@Suite struct SyntaxDiagnosticTests {
  static let cases: [(source: String, rendering: String)] = [
    ("mlp [784,128,64,10 relu", """
      error: expected ',' or ']' in a list, found 'relu'
       --> lesson.mlp:1:20
      1 | mlp [784,128,64,10 relu
        |                    ^~~~
      """),
    ("mlp [784,128", """
      error: unclosed '['
       --> lesson.mlp:1:5
      1 | mlp [784,128
        |     ^ add ']' after the last element
      """),
    ("train [1,2 3]", """
      error: expected ',' or ']' in a list, found '3'
       --> lesson.mlp:1:12
      1 | train [1,2 3]
        |            ^
      """),
    // Found by the interpreter fuzzer: a place just past the shown line (its `\r`) trapped
    // the caret's arithmetic; the caret now stays at the line's end.
    ("scale\nscalelabel=\r\n", """
      error: expected a command after 'scalelabel ='
       --> lesson.mlp:2:13
      2 | scalelabel=
        |            ^ such as 'scalelabel = mlp [784,128,64,10] relu'
      """),
    ("train batch=", """
      error: expected a value after 'batch='
       --> lesson.mlp:1:13
      1 | train batch=
        |             ^
      """),
    ("train batch= ; evaluate", """
      error: expected a value after 'batch='
       --> lesson.mlp:1:13
      1 | train batch= ; evaluate
        |             ^
      """),
    ("load \"mnist", """
      error: unterminated string
       --> lesson.mlp:1:6
      1 | load "mnist
        |      ^~~~~~ add a closing '"' before the end of the line
      """),
    ("save \"a\\qb\"", """
      error: unknown escape '\\q'
       --> lesson.mlp:1:8
      1 | save "a\\qb"
        |        ^~ should be \\n, \\t, \\\\ or \\"
      """),
    ("set lr=0.1.2", """
      error: malformed number '0.1.2'
       --> lesson.mlp:1:8
      1 | set lr=0.1.2
        |        ^~~~~
      """),
    ("run 01-intro.mlp", """
      error: malformed number '01-intro.mlp'
       --> lesson.mlp:1:5
      1 | run 01-intro.mlp
        |     ^~~~~~~~~~~~ put names that start with a digit in double quotes
      """),
    ("train --batch 16", """
      error: unexpected character '-'
       --> lesson.mlp:1:7
      1 | train --batch 16
        |       ^ options are written key=value, without dashes
      """),
    ("load 'mnist'", """
      error: unexpected character '''
       --> lesson.mlp:1:6
      1 | load 'mnist'
        |      ^ strings are written in double quotes
      """),
    ("m.x = mlp [2,2]", """
      error: 'm.x' cannot name a model or data set
       --> lesson.mlp:1:1
      1 | m.x = mlp [2,2]
        | ^~~ names start with a letter and hold letters, digits and '_'
      """),
    ("m =", """
      error: expected a command after 'm ='
       --> lesson.mlp:1:4
      1 | m =
        |    ^ such as 'm = mlp [784,128,64,10] relu'
      """),
    ("= train", """
      error: expected a command, found '='
       --> lesson.mlp:1:1
      1 | = train
        | ^ a statement starts with a command such as 'train' or 'help'
      """),
    ("[1] train", """
      error: expected a command, found '['
       --> lesson.mlp:1:1
      1 | [1] train
        | ^ a statement starts with a command such as 'train' or 'help'
      """),
    ("train batch=16 =", """
      error: unexpected '='
       --> lesson.mlp:1:16
      1 | train batch=16 =
        |                ^ options are written key=value
      """),
    ("train = 16", """
      error: expected a command, found '16'
       --> lesson.mlp:1:9
      1 | train = 16
        |         ^~ a statement starts with a command such as 'train' or 'help'
      """),
    ("train batch=16 batch=32", """
      error: option 'batch' is given twice
       --> lesson.mlp:1:16
      1 | train batch=16 batch=32
        |                ^~~~~ keep one 'batch='
      """),
    ("# expect: test loss < 1", """
      error: '# expect:' before any command
       --> lesson.mlp:1:1
      1 | # expect: test loss < 1
        | ^~~~~~~~~~~~~~~~~~~~~~~ an expectation checks the command before it
      """),
    ("evaluate\n# expect: test accuracy", """
      error: expected '≈', '=', '<', '>', '≤' or '≥' after 'test accuracy'
       --> lesson.mlp:2:24
      2 | # expect: test accuracy
        |                        ^ such as 'test accuracy ≈ 0.92 ± 0.03'
      """),
    ("evaluate # expect: test loss ≈ abc", """
      error: malformed number 'abc'
       --> lesson.mlp:1:32
      1 | evaluate # expect: test loss ≈ abc
        |                                ^~~
      """),
    ("evaluate\n# expect: test loss ≈ 0.3 ±", """
      error: expected a number after '±'
       --> lesson.mlp:2:28
      2 | # expect: test loss ≈ 0.3 ±
        |                            ^
      """),
    ("evaluate\n# expect: test loss ≈ 0.3 ± 0.1 roughly", """
      error: unexpected 'roughly' after the expectation
       --> lesson.mlp:2:33
      2 | # expect: test loss ≈ 0.3 ± 0.1 roughly
        |                                 ^~~~~~~
      """),
    ("evaluate\n# expect: ≈ 3", """
      error: expected a quantity such as 'test accuracy'
       --> lesson.mlp:2:11
      2 | # expect: ≈ 3
        |           ^
      """),
    ("train\n# expect:", """
      error: empty expectation
       --> lesson.mlp:2:10
      2 | # expect:
        |          ^ such as '# expect: test accuracy ≈ 0.92 ± 0.03' or '# expect: "text"'
      """),
    ("# %% [raw]\nx", """
      error: unknown cell type 'raw'
       --> lesson.mlp:1:1
      1 | # %% [raw]
        | ^~~~~~~~~~ should be '# %%' for code or '# %% [markdown]'
      """),
    ("# %% [markdown]\n# Title\ntrain batch=16\n", """
      error: code in a markdown cell
       --> lesson.mlp:3:1
      3 | train batch=16
        | ^~~~~~~~~~~~~~ start a code cell with '# %%', or write the text as '# train batch=16'
      """),
    (String(repeating: "\n", count: 11) + "\ttrain [", """
      error: unclosed '['
        --> lesson.mlp:12:8
      12 |  train [
         |        ^ add ']' after the last element
      """),
  ]

  @Test(arguments: cases.indices)
  func rendering(_ index: Int) {
    let (source, rendering) = Self.cases[index]
    #expect(syntaxError(source) == rendering, "source: \(source)")
  }

  @Test func syntaxErrorsExitWith65() throws {
    do {
      _ = try Parser.parse("train [", name: "x")
      Issue.record("no error")
    } catch {
      #expect(error.exitStatus == 65)
      #expect(error.id == .unclosedList)
      #expect(error.position == "x:1:7")
    }
  }

  @Test func colourWrapsSeverityCaretAndGutter() {
    let diagnostic = Diagnostic(.unknownCommand, "unknown command 'trian'",
                                at: SourceRange(start: 0, end: 5),
                                in: Source(name: "<repl>", text: "trian"),
                                hint: "did you mean 'train'?")
    let rendered = DiagnosticRenderer(color: true).render(diagnostic)
    #expect(rendered.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    #expect(rendered.contains("\u{1B}[1;31m^~~~~\u{1B}[0m"))
    let plain = rendered.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "",
                                              options: .regularExpression)
    #expect(plain == DiagnosticRenderer(color: false).render(diagnostic))
  }

  @Test func notesFollowTheCaretWholeHoweverLong() {
    let source = Source(name: "lesson.mlp", text: "load mnist\n")
    let folder = "/" + String(repeating: "x", count: 300)
    var diagnostic = Diagnostic(.dataError, "mnist not found", at: SourceRange(start: 5, end: 10), in: source,
                                hint: "put the files there")
    diagnostic.notes = ["looked in '\(folder)'", "  train-images-idx3-ubyte  ba89"]
    #expect(DiagnosticRenderer(color: false).render(diagnostic) == """
      error: mnist not found
       --> lesson.mlp:1:6
      1 | load mnist
        |      ^~~~~ put the files there
        = looked in '\(folder)'
        =   train-images-idx3-ubyte  ba89
      """)
  }

  @Test func diagnosticWithoutPlace() {
    let diagnostic = Diagnostic(.fileError, "cannot read 'x.mlp': no such file", hint: "check the path")
    #expect(diagnostic.description == "error: cannot read 'x.mlp': no such file\n  = check the path")
  }
}
