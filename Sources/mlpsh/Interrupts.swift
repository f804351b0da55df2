import Foundation
import Synchronization

/// Ctrl-C as a flag: the SIGINT handler only sets it (an atomic store is safe in a signal
/// handler); training asks it between batches, the REPL clears it at each prompt.
enum Interrupts {
  private static let pending = Atomic<Bool>(false)

  /// Installs the handler, without SA_RESTART so that a wait for input returns at once,
  /// and unblocks SIGINT, which a parent may have left blocked.
  static func install() {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in Interrupts.pending.store(true, ordering: .relaxed) }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    sigaction(SIGINT, &action, nil)
    var mask = sigset_t()
    sigemptyset(&mask)
    sigaddset(&mask, SIGINT)
    sigprocmask(SIG_UNBLOCK, &mask, nil)
  }

  static var isPending: Bool { pending.load(ordering: .relaxed) }

  static func clear() { pending.store(false, ordering: .relaxed) }
}
