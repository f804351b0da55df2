import ArgumentParser
import Foundation
import MLPCore
import MLPExport
import MLPScript

/// The `mlpsh` command line: a REPL by default, or a script from a file, from `-c`, or
/// from standard input when it is not a terminal.
struct MLPShell: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mlpsh",
    abstract: "A shell for building and training perceptrons and multilayer perceptrons.",
    discussion: """
      With no arguments, starts an interactive shell (type 'help' there). With FILE, runs the \
      script and exits: 0 when it ran to the end, 1 when an '# expect:' line did not hold, 64 \
      for a wrong command line, 65 for a syntax error, 66 when the script cannot be read, 70 \
      for an error while running, 73 when an --export file cannot be written (checked before \
      the lesson runs), 74 when standard output could not be written (a reader that closed a \
      pipe is not an error: the script goes on without output), 130 when stopped by Ctrl-C, \
      143 or 129 when ended by SIGTERM or SIGHUP (the running command stops at the end of its \
      batch). A script piped on standard input runs the same way. 'mlpsh run FILE' is the same as 'mlpsh FILE'. \
      For lessons: --export writes the script with its outputs and figures as a web page, a \
      Jupyter notebook or Markdown; --check runs it and lists every '# expect:' line that does \
      not hold; --step walks through it cell by cell (docs/classroom.md). NO_COLOR turns \
      colour off. 'mlpsh kernel install' makes mlpsh a Jupyter kernel ('mlpsh kernel --help', \
      docs/jupyter.md).
      """,
    version: Release.version
  )

  @ArgumentParser.Argument(help: "A script to run (.mlp).", completion: .file(extensions: ["mlp"]))
  var file: String?

  @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands and exit.", valueName: "commands"))
  var commands: String?

  @Option(help: ArgumentHelp("Run the script and write it, with its outputs and figures, to this file: .html, .ipynb or .md "
                               + "(give it more than once for several files from one run).",
                             valueName: "file"),
          completion: .file(extensions: ["html", "ipynb", "md"]))
  var export: [String] = []

  @Flag(help: "Run the script, check every '# expect:' line, and list those that do not hold (exit 1).")
  var check = false

  @Flag(help: "Walk through the script one step at a time: Enter runs the next cell.")
  var step = false

  func validate() throws {
    if file != nil && commands != nil {
      throw ValidationError("give a script file or -c commands, not both")
    }
    let lessonFlags = [export.isEmpty ? nil : "--export", check ? "--check" : nil, step ? "--step" : nil].compactMap { $0 }
    if let flag = lessonFlags.first, file == nil {
      throw ValidationError("\(flag) needs a script file, such as 'mlpsh \(flag)\(flag == "--export" ? " report.html" : "") lesson.mlp'")
    }
    if step && lessonFlags.count > 1 {
      throw ValidationError("--step runs a lesson by hand; it cannot be combined with --export or --check")
    }
    if let unknown = export.first(where: { ExportFormat(path: $0) == nil }) {
      throw ValidationError("\(ExportError.unknownFormat(path: unknown))")
    }
  }

  func run() throws {
    Interrupts.install()
    let terminal = Terminal.current()
    let sink = StandardOutputSink(terminal: terminal)
    var environment = Environment(sink: sink, style: terminal.style, shouldStop: { Interrupts.isPending })
    environment.stopReason = { Interrupts.reason }
    let interpreter = Interpreter(environment: environment)

    if let file, step {
      throw ExitCode(StepMode(file: file, terminal: terminal).run())
    } else if let file, check || !export.isEmpty {
      throw ExitCode(LessonMode(file: file, exports: export, check: check, terminal: terminal).run())
    } else if let commands {
      try finish(interpreter.run(script: Source(name: "<command line>", text: commands)))
    } else if let file {
      guard FileManager.default.fileExists(atPath: Paths.expandingTilde(file)) else {
        sink.diagnostic(Diagnostic(.fileError, "cannot read '\(file)': no such file"))
        throw ExitCode(66)
      }
      try finish(interpreter.run(file: file))
    } else if isatty(STDIN_FILENO) == 0 {
      let source: Source
      do throws(Diagnostic) { source = try Interpreter.readStandardInput() } catch {
        sink.diagnostic(error)
        throw ExitCode(66)
      }
      try finish(interpreter.run(script: source))
    } else {
      REPL(interpreter: interpreter, terminal: terminal).run()
      if let signal = Interrupts.endingSignal { throw ExitCode(128 + signal) }
    }
  }

  /// Exits with the status a script's first diagnostic calls for.
  private func finish(_ diagnostic: Diagnostic?) throws {
    // SIGTERM or SIGHUP: 128 + its number, whatever the script was doing.
    if let signal = Interrupts.endingSignal { throw ExitCode(128 + signal) }
    guard let diagnostic else {
      // Ctrl-C during the last command of a script still makes the run "stopped".
      if Interrupts.isPending { throw ExitCode(130) }
      if let failure = Console.outputFailure {
        Console.write(DiagnosticRenderer(color: false).render(Diagnostic(.fileError, failure)) + "\n", to: STDERR_FILENO)
        throw ExitCode(74)
      }
      return
    }
    throw ExitCode(diagnostic.id == .interrupted ? 130 : diagnostic.exitStatus)
  }
}

// Before anything else: OpenBLAS chose its kernels when it loaded; if it fell back to SSE3 on a
// processor with AVX2 or AVX-512, have it choose again (docs/performance.md).
BLAS.useRecommendedKernels()
// `mlpsh run FILE …` is `mlpsh FILE …`.
var arguments = Array(CommandLine.arguments.dropFirst())
// `mlpsh kernel …` is the Jupyter kernel and its installer (a script named `kernel` runs as
// `mlpsh ./kernel` or `mlpsh run kernel`).
if arguments.first == "kernel" {
  KernelCommand.main(Array(arguments.dropFirst()))
  exit(0)
}
if arguments.count > 1 && arguments[0] == "run" { arguments.removeFirst() }
MLPShell.main(arguments)
