import Foundation

extension AtomicFile {
  /// Where a write goes, checked before a byte is written: a regular file or a missing one,
  /// writable, with the mode and owner the new file must keep.
  struct Target {
    /// The path written: the given one, or the file a symbolic link points to.
    var path: String
    var folder: String
    var name: String
    /// The status of the file being replaced; `nil` when there is none yet.
    var existing: stat?

    /// Checks `given`; throws when it names no file, or a file that must not be replaced.
    init(_ given: String) throws(WriteError) {
      guard AtomicFile.split(given) != nil else {
        throw WriteError(step: given.isEmpty ? "the file name is empty" : "it names a folder, not a file")
      }
      var status = stat()
      path = given
      if lstat(given, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK {
        // The link stays a link: the file it points to is the one replaced.
        guard let resolved = realpath(given, nil) else {
          throw WriteError(step: "it is a symbolic link to nothing", code: nil)
        }
        path = String(cString: resolved)
        free(resolved)
      }
      guard let (folder, name) = AtomicFile.split(path) else {
        throw WriteError(step: "it names a folder, not a file")
      }
      (self.folder, self.name) = (folder, name)
      guard stat(path, &status) == 0 else {
        guard errno == ENOENT else { throw WriteError(step: "cannot look at it", code: errno) }
        existing = nil
        return
      }
      existing = status
      if let kind = Self.kind(of: status) {
        throw WriteError(step: "it is \(kind), not a regular file; only a regular file is replaced")
      }
      // Root passes every access check: for it, a file without any write bit is read-only.
      guard access(path, W_OK) == 0, geteuid() != 0 || status.st_mode & 0o222 != 0 else {
        throw WriteError(step: "it is read-only; make it writable first (chmod u+w) or save under another name")
      }
    }

    /// What a file that is not regular is, "a FIFO"; `nil` for a regular file.
    static func kind(of status: stat) -> String? {
      switch status.st_mode & S_IFMT {
      case S_IFREG: return nil
      case S_IFDIR: return "a folder"
      case S_IFIFO: return "a FIFO"
      case S_IFCHR: return "a character device"
      case S_IFBLK: return "a block device"
      case S_IFSOCK: return "a socket"
      default: return "a special file"
      }
    }

    /// Gives the temporary file the replaced file's permissions and owner; the error when
    /// they cannot be kept (another user's file, when not root).
    func keepOwnership(of descriptor: Int32) -> WriteError? {
      guard let existing else { return nil }
      if fchmod(descriptor, existing.st_mode & 0o7777) != 0 {
        return WriteError(step: "cannot keep its permissions", code: errno)
      }
      // Another user's file cannot be given away by us (only root can): refused. A group we
      // cannot set (a file from a setgid folder) is not worth refusing a save over.
      if existing.st_uid != geteuid() || existing.st_gid != getegid(),
         fchown(descriptor, existing.st_uid, existing.st_gid) != 0, existing.st_uid != geteuid() {
        return WriteError(step: "cannot keep its owner", code: errno)
      }
      return nil
    }
  }

  /// Why `path` cannot be written, checked before any work is done for it (`--export`
  /// checks its destination before running the lesson); `nil` when it can be.
  public static func refusal(for path: String) -> WriteError? {
    do throws(WriteError) {
      let target = try Target(path)
      var status = stat()
      guard stat(target.folder, &status) == 0 else {
        return WriteError(step: "cannot create a file in '\(target.folder)'", code: errno)
      }
      guard status.st_mode & S_IFMT == S_IFDIR else {
        return WriteError(step: "cannot create a file in '\(target.folder)'", code: ENOTDIR)
      }
      guard access(target.folder, W_OK | X_OK) == 0 else {
        return WriteError(step: "cannot create a file in '\(target.folder)'", code: errno)
      }
      return nil
    } catch {
      return error
    }
  }
}
