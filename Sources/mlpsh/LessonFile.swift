import MLPExport
import MLPScript

/// Why a lesson file could not be had, as the exit status that says so.
struct LessonFileError: Error {
  let exitStatus: Int32
}

extension Lesson {
  /// The lesson in `file` for `--check`, `--export` and `--step`; when it cannot be read (exit
  /// 66, `EX_NOINPUT`) or does not parse (65), `sink` is told why and the status comes back.
  static func opened(_ file: String, reportingTo sink: StandardOutputSink) -> Result<Lesson, LessonFileError> {
    do {
      return .success(try Lesson(path: file))
    } catch {
      sink.diagnostic(error)
      return .failure(LessonFileError(exitStatus: error.id == .fileError ? 66 : error.exitStatus))
    }
  }
}
