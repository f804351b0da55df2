import Dispatch
import Foundation

/// Runs independent jobs (the runs of a sweep) side by side, one per core, each with a
/// single BLAS thread, so that there are never more busy threads than cores.
public enum ParallelRuns {
  /// The number of cores this process may use.
  public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Whether the calling thread is running one of `map`'s jobs: the cores are taken, so the
  /// job's own work (its evaluation) stays on this thread.
  public static var isRunningAJob: Bool {
    Thread.current.threadDictionary[jobKey] != nil
  }

  private static let jobKey = "mlpsh.ParallelRuns.job"

  /// `body(job)` for every job, at most `concurrency` at a time, results in job order.
  public static func map<Job: Sendable, Result: Sendable>(
    _ jobs: [Job], concurrency: Int = coreCount, _ body: @Sendable (Job) -> Result
  ) -> [Result] {
    // One BLAS thread per run (the default). Changed only where someone raised it, so that
    // runs of two sweeps at once never flip the count under each other.
    let saved = BLAS.threadCount
    if saved != 1 { BLAS.threadCount = 1 }
    defer { if saved != 1 { BLAS.threadCount = saved } }
    let slots = ResultSlots<Result>(count: jobs.count)
    let workers = max(1, min(concurrency, jobs.count))
    let next = JobCounter()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let marks = Thread.current.threadDictionary
      let outer = marks[jobKey]
      marks[jobKey] = true
      defer { marks[jobKey] = outer }
      while let index = next.take(below: jobs.count) {
        slots.store(body(jobs[index]), at: index)
      }
    }
    return slots.values()
  }
}

/// Hands out job indices to workers, each once: a worker that runs late simply takes fewer.
final class JobCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0

  func take(below count: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }
}

/// One slot per job; each is written by exactly one worker, under a lock.
private final class ResultSlots<Result>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ value: Result, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [Result] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}

/// A pointer handed to worker threads that share one buffer, each reading what all read and
/// writing only its own part (evaluation's rows, the IDX loader's shares). The compiler
/// cannot check that split; the code that makes one of these does.
public struct SharedPointer<Pointee>: @unchecked Sendable {
  public let pointer: UnsafeMutablePointer<Pointee>?
  public init(_ pointer: UnsafeMutablePointer<Pointee>?) { self.pointer = pointer }
  public init(_ pointer: UnsafePointer<Pointee>?) { self.pointer = pointer.map(UnsafeMutablePointer.init(mutating:)) }
}
