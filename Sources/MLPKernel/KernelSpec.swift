import Foundation
import MLPScript

/// The kernelspec that tells Jupyter how to start mlpsh: a folder
/// `…/share/jupyter/kernels/NAME/` holding `kernel.json` and the logos, as
/// `python -m ipykernel install` writes one for Python.
public struct KernelSpec: Sendable {
  /// Where to install: for this user, into the running Python's prefix (a virtualenv or
  /// conda environment, and so JupyterHub's), or under any prefix.
  public enum Location: Sendable, Equatable {
    case user
    case sysPrefix(String)
    case prefix(String)
  }

  public var name: String
  public var displayName: String
  /// The absolute path of the mlpsh binary that Jupyter starts.
  public var binary: String

  public init(name: String = Release.name, displayName: String = Release.name, binary: String) throws(KernelError) {
    guard Self.isValidName(name) else {
      throw .kernelSpec("'\(name)' is not a kernel name: use letters, digits, '.', '_' and '-'")
    }
    self.name = name
    self.displayName = displayName
    self.binary = binary
  }

  /// Jupyter's rule for kernel names (it folds them to lower case when it looks them up).
  /// The name must also hold a letter or digit: `.` and `..` name folders, not kernels.
  public static func isValidName(_ name: String) -> Bool {
    let allowed = name.unicodeScalars.allSatisfy {
      $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
    }
    return allowed && name.count <= 255 && name.unicodeScalars.contains { CharacterSet.alphanumerics.contains($0) }
  }

  /// `kernel.json`: start `mlpsh kernel -f CONNECTION_FILE`; interrupt with SIGINT.
  public func kernelJSON() -> Data {
    let object: JSON = [
      "argv": [.string(binary), "kernel", "-f", "{connection_file}"],
      "display_name": .string(displayName),
      "language": .string(Release.name),
      "interrupt_mode": "signal",
      "metadata": ["debugger": false],
    ]
    return object.encoded() + Data("\n".utf8)
  }

  /// The `share/jupyter` folder of `location`. `environment` supplies `HOME`,
  /// `JUPYTER_DATA_DIR` and `XDG_DATA_HOME`, which Jupyter itself reads for the user's.
  public static func dataFolder(_ location: Location, environment: [String: String]) -> String {
    switch location {
    case let .prefix(folder), let .sysPrefix(folder):
      return ((folder as NSString).expandingTildeInPath as NSString).appendingPathComponent("share/jupyter")
    case .user:
      if let folder = environment["JUPYTER_DATA_DIR"], !folder.isEmpty { return folder }
      let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
      let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
        ?? (home as NSString).appendingPathComponent(".local/share")
      return (data as NSString).appendingPathComponent("jupyter")
    }
  }

  /// Writes the kernelspec into `dataFolder/kernels/NAME`, replacing one of the same name,
  /// and returns that folder.
  @discardableResult
  public func install(into dataFolder: String) throws(KernelError) -> String {
    let folder = Self.folder(name: name, in: dataFolder)
    let files: [(String, Data)] = [
      ("kernel.json", kernelJSON()),
      ("logo-svg.svg", Data(KernelLogo.svg().utf8)),
      ("logo-32x32.png", PNGEncoder.encode(rgba: KernelLogo.pixels(size: 32), width: 32, height: 32)),
      ("logo-64x64.png", PNGEncoder.encode(rgba: KernelLogo.pixels(size: 64), width: 64, height: 64)),
    ]
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for (file, data) in files {
        try data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(file)), options: .atomic)
      }
    } catch {
      throw .kernelSpec("cannot write the kernelspec in '\(folder)': \(Self.reason(error))")
    }
    return folder
  }

  /// Removes the kernelspec `name` from `dataFolder`, and returns the folder removed.
  @discardableResult
  public static func uninstall(name: String, from dataFolder: String) throws(KernelError) -> String {
    let folder = Self.folder(name: name, in: dataFolder)
    let specFile = (folder as NSString).appendingPathComponent("kernel.json")
    guard FileManager.default.fileExists(atPath: specFile) else {
      throw .kernelSpec("no kernelspec '\(name)' in '\((dataFolder as NSString).appendingPathComponent("kernels"))'")
    }
    do {
      try FileManager.default.removeItem(atPath: folder)
    } catch {
      throw .kernelSpec("cannot remove '\(folder)': \(Self.reason(error))")
    }
    return folder
  }

  static func folder(name: String, in dataFolder: String) -> String {
    ((dataFolder as NSString).appendingPathComponent("kernels") as NSString).appendingPathComponent(name.lowercased())
  }

  private static func reason(_ error: Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
       let message = strerror(Int32(underlying.code)) {
      return String(cString: message).lowercased()
    }
    return error.localizedFailureReason ?? error.localizedDescription
  }
}
