import ArgumentParser
import Foundation
import MLPKernel
import MLPScript

/// `mlpsh kernel …`: run mlpsh as a Jupyter kernel, or install its kernelspec.
struct KernelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mlpsh kernel",
    abstract: "Run mlpsh as a Jupyter kernel, or install it for Jupyter (docs/jupyter.md).",
    discussion: """
      'mlpsh kernel install' once, then choose mlpsh in JupyterLab, Jupyter Notebook, VS Code \
      or JupyterHub. Jupyter itself runs 'mlpsh kernel -f CONNECTION_FILE'. Exit status: 0 \
      after a shutdown request, 66 when the connection file cannot be used, 69 when a socket \
      cannot be bound, 73 when a kernelspec cannot be written or removed, 64 for wrong \
      arguments, 143 or 129 when ended by SIGTERM or SIGHUP.
      """,
    subcommands: [Start.self, Install.self, Uninstall.self],
    defaultSubcommand: Start.self
  )

  /// `mlpsh kernel -f FILE`
  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "start", abstract: "Run the kernel on the sockets a Jupyter connection file names.")

    @Option(name: .customShort("f"), help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "connection-file"))
    var connectionFile: String

    func run() throws {
      Interrupts.install()
      do {
        let connection = try ConnectionInfo(contentsOf: connectionFile)
        throw ExitCode(try KernelServer(connection: connection).run())
      } catch let error as KernelError {
        KernelServer.log("error: \(error)")
        if case .connectionFile = error { throw ExitCode(66) }
        throw ExitCode(69)
      }
    }
  }

  /// Where `install` and `uninstall` put the kernelspec.
  struct LocationOptions: ParsableArguments {
    @Flag(help: "For this user: Jupyter's data folder (~/.local/share/jupyter, or $JUPYTER_DATA_DIR). The default.")
    var user = false
    @Flag(help: "Into the prefix of the Python that runs Jupyter (a virtualenv or conda environment; for JupyterHub).")
    var sysPrefix = false
    @Option(help: ArgumentHelp("Under DIR/share/jupyter (such as /usr/local for every user).", valueName: "DIR"))
    var prefix: String?
    @Option(help: "The kernelspec's name, which notebooks refer to.")
    var name: String = Release.name

    func validate() throws {
      let given = [user ? "--user" : nil, sysPrefix ? "--sys-prefix" : nil, prefix.map { _ in "--prefix" }].compactMap { $0 }
      if given.count > 1 {
        throw ValidationError("give one of --user, --sys-prefix and --prefix, not \(given.joined(separator: " and "))")
      }
      if !KernelSpec.isValidName(name) {
        throw ValidationError("'\(name)' is not a kernel name: use letters, digits, '.', '_' and '-'")
      }
    }

    /// The `share/jupyter` folder these options name.
    func dataFolder() throws -> String {
      let environment = ProcessInfo.processInfo.environment
      if let prefix { return KernelSpec.dataFolder(.prefix(prefix), environment: environment) }
      if sysPrefix { return KernelSpec.dataFolder(.sysPrefix(try Self.pythonPrefix(environment)), environment: environment) }
      return KernelSpec.dataFolder(.user, environment: environment)
    }

    /// The prefix of the active Python environment: the virtualenv or conda environment
    /// that is on, or else what `python3` says its `sys.prefix` is.
    static func pythonPrefix(_ environment: [String: String]) throws -> String {
      for key in ["VIRTUAL_ENV", "CONDA_PREFIX"] {
        if let folder = environment[key], !folder.isEmpty { return folder }
      }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
      let output = Pipe()
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      do {
        try process.run()
      } catch {
        throw ValidationError("--sys-prefix needs python3, which could not be started; give --prefix DIR instead")
      }
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let prefix = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      guard process.terminationStatus == 0, !prefix.isEmpty else {
        throw ValidationError("--sys-prefix: python3 did not say its prefix; give --prefix DIR instead")
      }
      return prefix
    }
  }

  /// `mlpsh kernel install`
  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Install the kernelspec that lets Jupyter start mlpsh.")

    @OptionGroup var location: LocationOptions
    @Option(help: "The name Jupyter shows for the kernel.")
    var displayName: String = Release.name

    func run() throws {
      do {
        let spec = try KernelSpec(name: location.name, displayName: displayName, binary: Self.executablePath())
        let folder = try spec.install(into: try location.dataFolder())
        print("installed kernelspec \(spec.name) in \(folder)")
      } catch let error as KernelError {
        KernelServer.log("error: \(error)")
        throw ExitCode(73)
      }
    }

    /// This binary's absolute path, links resolved: what Jupyter will start.
    static func executablePath() -> String {
      // Optional: without /proc the path the shell was started by stands in.
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
      return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
    }
  }

  /// `mlpsh kernel uninstall`
  struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove an installed mlpsh kernelspec.")

    @OptionGroup var location: LocationOptions

    func run() throws {
      do {
        let folder = try KernelSpec.uninstall(name: location.name, from: try location.dataFolder())
        print("removed kernelspec \(location.name) from \(folder)")
      } catch let error as KernelError {
        KernelServer.log("error: \(error)")
        throw ExitCode(73)
      }
    }
  }
}
