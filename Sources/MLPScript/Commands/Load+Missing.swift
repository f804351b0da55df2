import MLPData

// The error a class on bad Wi-Fi sees first: MNIST is neither on disk nor downloadable. It
// says, whole, where mlpsh looked, where the files can go, and which files it will accept.
extension CommandSpec {
  /// The diagnostic for an image data set that was not found (and, if downloading is
  /// allowed, could not be downloaded): a short message, the fix as the hint, and the
  /// details as notes, which the renderer never elides.
  static func missingDataset(
    _ error: DatasetError, dataset: KnownDataset, catalog: DatasetCatalog, explicitFolder: String?,
    at value: Value, _ invocation: Invocation
  ) -> Diagnostic? {
    var notes: [String]
    let message: String
    switch error {
    case let .downloadFailed(_, file, attempts, cache):
      message = "could not download '\(file)' for \(dataset.name), and no folder holds the files"
      notes = ["looked in " + quotedList(catalog.searchFolders(for: dataset) + [cache])
               + "; nothing was saved in the cache"]
      notes += attempts.map { "tried \($0.url): \($0.failure)" }
    case let .notFound(_, searched) where explicitFolder == nil:
      message = "\(dataset.name) not found, and downloading is off"
      notes = ["looked in " + quotedList(searched)]
    default:
      return nil
    }
    let cache = catalog.cacheFolder(for: dataset)
    notes.append("the files it expects, gzipped (NAME.gz) or not, with the SHA-256 of each uncompressed:")
    notes += dataset.files.map { "  \($0.name)  \($0.sha256)" }
    var diagnostic = invocation.error(
      .dataError, message, at: invocation.option("from") ?? value,
      hint: "put the four files in '\(cache)', or set MLPSH_DATA to a folder that holds them (docs/data.md)")
    diagnostic.notes = notes
    return diagnostic
  }

  private static func quotedList(_ folders: [String]) -> String {
    folders.map { "'\($0)'" }.joined(separator: ", ")
  }
}
