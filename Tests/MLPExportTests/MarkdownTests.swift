import Foundation
import Testing
@testable import MLPExport
import TestSupport

/// The Markdown subset lessons use, rendered to XHTML: each case is source → exact output.
@Suite struct MarkdownTests {
  static let cases: [(String, String)] = [
    // Headings, with closing hashes and inline markup.
    ("# Title", "<h1>Title</h1>"),
    ("### Three ###", "<h3>Three</h3>"),
    ("## The *notebook's* MLP", "<h2>The <em>notebook&#39;s</em> MLP</h2>"),
    ("#hashtag", "<p>#hashtag</p>"),
    // Paragraphs: lines join, a blank line separates, two spaces break.
    ("one\ntwo\n\nthree", "<p>one\ntwo</p>\n<p>three</p>"),
    ("hard  \nbreak", "<p>hard<br/>\nbreak</p>"),
    // Emphasis, strong, both; underscores inside words stay.
    ("*a* _b_ **c** __d__ ***e***", "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em></p>"),
    ("snake_case_name and 2*3*4", "<p>snake_case_name and 2<em>3</em>4</p>"),
    ("a * b * c", "<p>a * b * c</p>"),
    ("**unclosed", "<p>**unclosed</p>"),
    // Code spans keep their text; escapes.
    ("`train batch=64` and ``a ` b``", "<p><code>train batch=64</code> and <code>a ` b</code></p>"),
    ("`*not emphasis*`", "<p><code>*not emphasis*</code></p>"),
    ("\\*literal\\* \\# x", "<p>*literal* # x</p>"),
    // Math is left as text, and no emphasis happens inside it.
    ("$w_i x_i$ and $$\\sum_k y_k$$", "<p><span class=\"math\">$w_i x_i$</span> and <span class=\"math\">$$\\sum_k y_k$$</span></p>"),
    ("costs $5 and $10", "<p>costs $5 and $10</p>"),
    // Links: safe ones link, unsafe ones stay text, images never load.
    ("[the notebook](https://example.org/a_b \"Seed\")", "<p><a href=\"https://example.org/a_b\" title=\"Seed\">the notebook</a></p>"),
    ("[docs](docs/language.md#cells)", "<p><a href=\"docs/language.md#cells\">docs</a></p>"),
    ("[click](javascript:alert(1))", "<p>click</p>"),
    ("[x](JavaScript:alert(1)) [y](data:text/html,hi)", "<p>x y</p>"),
    ("![a digit](https://example.org/d.png)", "<p><a href=\"https://example.org/d.png\">[image: a digit]</a></p>"),
    ("<https://example.org> <mailto:t@example.org>", "<p><a href=\"https://example.org\">https://example.org</a> <a href=\"mailto:t@example.org\">t@example.org</a></p>"),
    // Raw HTML is escaped, never passed through.
    ("<script>alert('x')</script> & <b>", "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;</p>"),
    ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>"),
    // Lists: tight, loose, ordered with a start, nested.
    ("- a\n- *b*\n- c", "<ul>\n<li>a</li>\n<li><em>b</em></li>\n<li>c</li>\n</ul>"),
    ("- a\n\n- b", "<ul>\n<li><p>a</p></li>\n<li><p>b</p></li>\n</ul>"),
    ("3. three\n4. four", "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>"),
    ("1. one\n   - inner\n   - more\n2. two", "<ol>\n<li>one\n<ul>\n<li>inner</li>\n<li>more</li>\n</ul></li>\n<li>two</li>\n</ol>"),
    ("- item\ncontinued", "<ul>\n<li>item\ncontinued</li>\n</ul>"),
    ("text\n- list after text", "<p>text</p>\n<ul>\n<li>list after text</li>\n</ul>"),
    // Code blocks, quotes, rules, tables.
    ("```mlpsh\ntrain batch=64\n<x> & y\n```", "<pre><code class=\"language-mlpsh\">train batch=64\n&lt;x&gt; &amp; y\n</code></pre>"),
    ("a perceptron\n\n    f(x) = 1 if w·x + b > 0\n\n    else 0\n\nlearns", "<p>a perceptron</p>\n<pre><code>f(x) = 1 if w·x + b &gt; 0\n\nelse 0\n</code></pre>\n<p>learns</p>"),
    ("text\n    more text", "<p>text\nmore text</p>"),
    ("- item\n\n      code in an item", "<ul>\n<li><p>item</p>\n<pre><code>code in an item\n</code></pre></li>\n</ul>"),
    ("> quoted *text*\n> more", "<blockquote>\n<p>quoted <em>text</em>\nmore</p>\n</blockquote>"),
    ("---", "<hr/>"),
    ("| batch | updates |\n|:--|--:|\n| 16 | 3750 |\n| 64 | 937 |",
     "<table>\n<thead>\n<tr><th style=\"text-align: left\">batch</th><th style=\"text-align: right\">updates</th></tr>\n</thead>\n"
       + "<tbody>\n<tr><td style=\"text-align: left\">16</td><td style=\"text-align: right\">3750</td></tr>\n"
       + "<tr><td style=\"text-align: left\">64</td><td style=\"text-align: right\">937</td></tr>\n</tbody>\n</table>"),
    ("a | b without a delimiter row", "<p>a | b without a delimiter row</p>"),
  ]

  @Test(arguments: cases)
  func rendersExactly(_ source: String, _ expected: String) {
    #expect(Markdown(source).html() == expected)
  }

  /// Whatever a lesson's Markdown says, the output is well-formed XML: hostile text included.
  @Test(arguments: cases.map(\.0) + ["<<<>>>&&&", "[unclosed](", "`unclosed", "$ $$ $", "*_*_", "\u{1}\u{8}control"])
  func outputIsWellFormed(_ source: String) throws {
    _ = try parseXML("<div>" + Markdown(source).html() + "</div>")
  }
}
