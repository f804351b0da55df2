import Foundation

/// Any picture the shell draws: a line chart, a decision boundary, digit images, a
/// confusion matrix or a layer's weights. Each draws itself for a terminal and as an SVG
/// file, and says in one line what it shows.
public enum Figure: Sendable, Equatable {
  /// Training curves: loss and accuracy on twin axes, or runs overlaid.
  case lineChart(LineChart)
  /// Predicted regions of the plane with the data points on top.
  case decisionBoundary(DecisionBoundary)
  /// Grey-scale images with captions, such as misclassified digits.
  case digits(DigitGallery)
  /// A confusion matrix as a shaded table.
  case confusionMatrix(ConfusionMatrixChart)
  /// A layer's incoming weights, one image per unit, on a scale diverging from 0.
  case weights(WeightImages)

  /// The title drawn above the figure.
  public var title: String {
    switch self {
    case .lineChart(let chart): chart.title
    case .decisionBoundary(let boundary): boundary.title
    case .digits(let gallery): gallery.title
    case .confusionMatrix(let matrix): matrix.title
    case .weights(let images): images.title
    }
  }

  /// One line that says what the figure shows, for logs and screen readers; the terminal
  /// drawing ends with it and the SVG carries it as its description.
  public var summary: String {
    switch self {
    case .lineChart(let chart): chart.summary
    case .decisionBoundary(let boundary): boundary.summary
    case .digits(let gallery): gallery.summary
    case .confusionMatrix(let matrix): matrix.summary
    case .weights(let images): images.summary
    }
  }

  /// The figure drawn for a terminal of `style`, its summary on the last line, no final
  /// newline.
  public func terminal(_ style: TerminalStyle) -> String {
    switch self {
    case .lineChart(let chart): chart.terminal(style)
    case .decisionBoundary(let boundary): boundary.terminal(style)
    case .digits(let gallery): gallery.terminal(style)
    case .confusionMatrix(let matrix): matrix.terminal(style)
    case .weights(let images): images.terminal(style)
    }
  }

  /// The figure as a standalone SVG document. Every id it defines (its title, its
  /// description, its clip paths) starts with `idPrefix`, so that several figures can sit
  /// inline in one HTML page.
  public func svg(idPrefix: String = "") -> String {
    switch self {
    case .lineChart(let chart): chart.svg(idPrefix: idPrefix)
    case .decisionBoundary(let boundary): boundary.svg(idPrefix: idPrefix)
    case .digits(let gallery): gallery.svg(idPrefix: idPrefix)
    case .confusionMatrix(let matrix): matrix.svg(idPrefix: idPrefix)
    case .weights(let images): images.svg(idPrefix: idPrefix)
    }
  }

  /// Writes the SVG document to `path`, replacing any file there.
  ///
  /// - Throws: `PlotError.cannotWrite` naming the path and the system's reason.
  public func writeSVG(to path: String) throws(PlotError) {
    do {
      try Data(svg().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
      throw PlotError.cannotWrite(path: path, reason: reason)
    }
  }
}
