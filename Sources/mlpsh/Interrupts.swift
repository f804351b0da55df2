import Foundation
import Synchronization

/// Ctrl-C, SIGTERM and SIGHUP as flags: the handlers only store to atomics (safe in a signal
/// handler); training asks between batches, the interpreter between statements, the REPL
/// at its prompt.
///
/// - SIGINT (Ctrl-C) stops the running command at the end of its batch; the REPL clears it
///   at each prompt and goes on, a script exits 130.
/// - SIGTERM and SIGHUP (the terminal closed) end the process cleanly: the running command
///   stops at the end of its batch, nothing after it runs, and mlpsh exits with 128 + the
///   signal's number (143, 129). A file being saved is finished first (the handler
///   interrupts nothing), so it is whole or, if its save had not begun, absent. A second
///   SIGTERM or SIGHUP kills at once, for a process that must go now.
/// - A SIGHUP or SIGTERM the parent set to be ignored (`nohup`) stays ignored.
enum Interrupts {
  private static let pending = Atomic<Bool>(false)
  /// The signal that asked the process to end, or 0.
  private static let ending = Atomic<Int32>(0)

  /// Installs the handlers, without SA_RESTART so that a wait for input returns at once,
  /// and unblocks the signals, which a parent may have left blocked.
  static func install() {
    handle(SIGINT) { _ in Interrupts.pending.store(true, ordering: .relaxed) }
    for signal in [SIGTERM, SIGHUP] {
      var current = sigaction()
      sigaction(signal, nil, &current)
      if let handler = current.__sigaction_handler.sa_handler,
         unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
      handle(signal) { number in
        let first = Interrupts.ending.compareExchange(expected: 0, desired: number, ordering: .relaxed).exchanged
        if !first {
          Glibc.signal(number, SIG_DFL)
          raise(number)
        }
      }
    }
    // A reader that leaves (`| head -1`) must not kill a script before its saves: writes to
    // it fail with EPIPE instead, and Console drops them.
    Glibc.signal(SIGPIPE, SIG_IGN)
    var mask = sigset_t()
    sigemptyset(&mask)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&mask, signal) }
    sigprocmask(SIG_UNBLOCK, &mask, nil)
  }

  private static func handle(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(signal, &action, nil)
  }

  /// True once the running command should stop: after Ctrl-C, SIGTERM or SIGHUP.
  static var isPending: Bool { pending.load(ordering: .relaxed) || endingSignal != nil }

  /// SIGTERM or SIGHUP, once one has asked the process to end.
  static var endingSignal: Int32? {
    let signal = ending.load(ordering: .relaxed)
    return signal == 0 ? nil : signal
  }

  /// What stopped the run, for messages: "Ctrl-C", "SIGTERM" or "SIGHUP".
  static var reason: String {
    switch endingSignal {
    case SIGTERM?: return "SIGTERM"
    case SIGHUP?: return "SIGHUP"
    default: return "Ctrl-C"
    }
  }

  /// Asks the running command to stop, as Ctrl-C does: the Jupyter kernel's interrupt
  /// request, which comes as a message rather than a signal.
  static func request() { pending.store(true, ordering: .relaxed) }

  /// Forgets a Ctrl-C (the REPL, at each prompt). An ending signal is never forgotten.
  static func clear() { pending.store(false, ordering: .relaxed) }
}
