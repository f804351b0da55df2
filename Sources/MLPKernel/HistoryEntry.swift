/// One stored cell: its number (`In[n]`), its code, and its result's text if it had one.
struct HistoryEntry: Sendable, Equatable {
  /// The history's session: one per kernel process, as mlpsh keeps no history database.
  static let session = 1

  var line: Int
  var input: String
  var output: String?
}
