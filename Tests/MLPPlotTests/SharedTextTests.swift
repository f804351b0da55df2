import Testing
@testable import MLPPlot

/// The project's one XML escaper and one word-wrap (docs/architecture.md, "Helpers with one
/// home").
@Suite struct SharedTextTests {
  @Test func xmlEscapingNamesTheFiveSpecialCharacters() {
    #expect(xmlEscaped(#"a & b < c > d "e" 'f'"#) == "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;")
  }

  /// XML 1.0 forbids C0 controls other than tab, newline and CR, and discourages DEL and C1;
  /// all of them are left out (CR too: the text is normalised to newlines anyway).
  @Test func xmlEscapingLeavesOutControlCharacters() {
    #expect(xmlEscaped("a\u{1}b\u{8}c\td\ne\r\nf\u{7F}g\u{85}h\u{9F}i") == "abc\td\ne\nfghi")
    #expect(xmlEscaped("Σ é 😀 ≈") == "Σ é 😀 ≈")
  }

  @Test func wrapBreaksAtSpacesAndKeepsParagraphs() {
    #expect(wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    #expect(wrap("one\n\ntwo  words", width: 20) == ["one", "", "two words"])
    #expect(wrap("", width: 10) == [])
    #expect(wrap("exactly10c", width: 10) == ["exactly10c"])
  }

  @Test func wrapLeavesOrCutsLongWords() {
    #expect(wrap("a verylongword b", width: 4) == ["a", "verylongword", "b"])
    #expect(wrap("a verylongword b", width: 4, cuttingLongWords: true) == ["a", "very", "long", "word", "b"])
  }
}
