import Foundation
import MLPScript

/// The formats a lesson exports to, chosen by the file's extension.
public enum ExportFormat: String, CaseIterable, Sendable {
  /// One self-contained page (`.html`, `.htm`, `.xhtml`).
  case html
  /// A Jupyter notebook (`.ipynb`).
  case ipynb
  /// Markdown with its figures beside it (`.md`, `.markdown`).
  case markdown = "md"

  /// The format `path`'s extension names, if any.
  public init?(path: String) {
    switch (path as NSString).pathExtension.lowercased() {
    case "html", "htm", "xhtml": self = .html
    case "ipynb": self = .ipynb
    case "md", "markdown": self = .markdown
    default: return nil
    }
  }
}

/// Why an export was not written.
public enum ExportError: Error, Equatable, CustomStringConvertible {
  /// The file's extension names no format.
  case unknownFormat(path: String)
  /// The file (or the figures' folder) could not be written.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case let .unknownFormat(path):
      return "cannot tell the format of '\(path)': it should end in .html, .ipynb or .md"
    case let .cannotWrite(path, reason):
      return "cannot write '\(path)': \(reason)"
    }
  }
}

/// Writes a lesson run to a file in the format its extension names.
public enum Exporter {
  /// Writes `run` to `path` (and, for Markdown, its figures to a folder beside it, named
  /// after the file: `report.md` puts them in `report_files/`), with the teacher's folders
  /// hidden (`LessonRun.hidingPaths`). Returns the paths written, the export first.
  ///
  /// - Throws: `ExportError.unknownFormat` for an extension it does not know,
  ///   `.cannotWrite` naming the path and the system's reason.
  @discardableResult
  public static func write(_ run: LessonRun, to path: String, generator: String = Release.name) throws(ExportError) -> [String] {
    guard let format = ExportFormat(path: path) else { throw .unknownFormat(path: path) }
    let expanded = Paths.expandingTilde(path)
    let run = run.hidingPaths()
    switch format {
    case .html:
      try write(HTMLExport(run: run, generator: generator).document(), to: expanded, shown: path)
      return [path]
    case .ipynb:
      let json: String
      do {
        json = try NotebookExport(run: run, generator: generator).json()
      } catch {
        throw .cannotWrite(path: path, reason: "the notebook could not be encoded (\(error))")
      }
      try write(json, to: expanded, shown: path)
      return [path]
    case .markdown:
      let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      let folderName = stem + "_files"
      let document = MarkdownExport(run: run, figureFolder: folderName, generator: generator).document()
      var written = [path]
      let folder = ((expanded as NSString).deletingLastPathComponent as NSString).appendingPathComponent(folderName)
      let shownFolder = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(folderName)
      if !document.figures.isEmpty {
        do {
          try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
          throw .cannotWrite(path: shownFolder, reason: reason(error))
        }
        for figure in document.figures {
          let file = (folder as NSString).appendingPathComponent(figure.name)
          let shown = (shownFolder as NSString).appendingPathComponent(figure.name)
          try write(figure.svg, to: file, shown: shown)
          written.append(shown)
        }
      }
      try write(document.markdown, to: expanded, shown: path)
      return written
    }
  }

  private static func write(_ text: String, to path: String, shown: String) throws(ExportError) {
    // Through AtomicFile, as `save` writes: never over a FIFO, a device or a read-only file.
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(Data(text.utf8), to: path)
    } catch {
      throw .cannotWrite(path: shown, reason: error.description)
    }
  }

  /// The system's reason, lower-case, as `strerror` words it where it can.
  private static func reason(_ error: Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code))).lowercased()
    }
    if let cocoa = error as? CocoaError {
      switch cocoa.code {
      case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT)).lowercased()
      case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES)).lowercased()
      case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC)).lowercased()
      case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS)).lowercased()
      default: break
      }
    }
    var text = (error.localizedFailureReason ?? error.localizedDescription).lowercased()
    while text.hasSuffix(".") { text.removeLast() }
    return text
  }
}
