import MLPPlot
import MLPScript

/// An output sink that keeps a cell's outputs in order — text lines, figures as figures,
/// diagnostics — and passes everything on to another sink as it comes (the terminal, during a
/// walkthrough), so a long `train` still shows its progress.
public final class CapturingSink: OutputSink {
  /// Where everything is passed on to, if anywhere.
  public let forward: OutputSink?
  private var outputs: [CellOutput] = []
  private let renderer = DiagnosticRenderer(color: false)

  public init(forwardingTo forward: OutputSink? = nil) {
    self.forward = forward
  }

  /// Returns what was captured since the last call, and forgets it.
  public func take() -> [CellOutput] {
    defer { outputs.removeAll() }
    return outputs
  }

  public func line(_ text: String) {
    if case var .text(lines)? = outputs.last {
      lines.append(text)
      outputs[outputs.count - 1] = .text(lines)
    } else {
      outputs.append(.text([text]))
    }
    forward?.line(text)
  }

  public func figure(_ figure: Figure, drawing: String) {
    outputs.append(.figure(figure, drawing: drawing))
    forward?.figure(figure, drawing: drawing)
  }

  public func status(_ text: String) { forward?.status(text) }

  public func clearStatus() { forward?.clearStatus() }

  public func diagnostic(_ diagnostic: Diagnostic) {
    outputs.append(.diagnostic(diagnostic, rendered: renderer.render(diagnostic)))
    forward?.diagnostic(diagnostic)
  }
}
