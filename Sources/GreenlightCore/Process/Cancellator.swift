import Dispatch
import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// The signals that stop greenlight, handled the way SwiftPM's `Cancellator` handles them:
/// SIGINT, SIGTERM and SIGHUP (a terminal or SSH session that went away), and the other
/// signals whose default action ends a process and that a user may send (SIGQUIT, SIGALRM,
/// SIGUSR1, SIGUSR2). SIGPIPE is not among them: the command line ignores it, so a reader of
/// greenlight's output that went away (`greenlight check | head`) costs the output, not the
/// gate (libdispatch cannot deliver a thread-directed signal such as SIGPIPE to a source):
///
/// 1. the first signal stops every process group in `group` (SIGTERM, then SIGKILL after the
///    launcher's grace); the gate then returns without recording the running tier and removes
///    its temporary directories, and the caller ends with `exitInterrupted(by:)`;
/// 2. a second signal kills every group at once (SIGKILL), for steps that ignore SIGTERM;
///    cleanup still runs;
/// 3. if the caller has not exited `deadline` seconds after the first signal (a blocking call
///    that does not return), or on a third signal, greenlight kills every group and every
///    descendant, removes every temporary directory it made, and exits itself.
///
/// Exiting prints `finalLine`, then re-raises the first signal with its default action, so
/// the exit status is honest (a shell sees 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
public final class Cancellator: Sendable {
    /// The signals handled.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2]

    private struct State: @unchecked Sendable {  // DispatchSourceSignal is thread-safe but not marked Sendable
        var received: [Int32] = []
        var sources: [DispatchSourceSignal] = []
    }

    private let group: ProcessGroupSet
    private let deadline: TimeInterval
    private let say: @Sendable (String) -> Void
    private let finalLine: String
    private let state = NIOLockedValueBox(State())
    /// Held for good by whoever exits first, so two exits never race.
    private let exiting = NIOLock()

    /// Installs the handlers. `say` prints one line to the user (stderr); `finalLine` is the
    /// last line printed before greenlight ends by a signal.
    public init(stopping group: ProcessGroupSet, deadline: TimeInterval = 10, finalLine: String,
                say: @escaping @Sendable (String) -> Void) {
        self.group = group
        self.deadline = deadline
        self.say = say
        self.finalLine = finalLine
        var sources: [DispatchSourceSignal] = []
        let registered = DispatchGroup()
        for number in Self.signals {
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number) }
            registered.enter()
            source.setRegistrationHandler { registered.leave() }
            source.resume()
            sources.append(source)
        }
        // On Linux, libdispatch catches the signal with a handler of its own, installed when the
        // source is registered (asynchronously, on its manager thread). Until then the default
        // action stands: a signal in that window ends greenlight before anything has started.
        // Setting SIG_IGN first (as kqueue-based platforms need) would drop such a signal unseen
        // and let the check run on and record; so wait for registration and leave the action alone.
        if registered.wait(timeout: .now() + 5) == .timedOut {
            say("greenlight: warning: signal handling was not ready after 5s; Ctrl-C may end greenlight without cleaning up")
        }
        state.withLockedValue { $0.sources = sources }
    }

    /// The first signal received, `nil` while none was.
    public var signal: Int32? { state.withLockedValue { $0.received.first } }

    private func received(_ number: Int32) {
        let (count, first) = state.withLockedValue { state in
            state.received.append(number)
            return (state.received.count, state.received[0])
        }
        switch count {
        case 1:
            group.stopAll()
            DispatchQueue.global().asyncAfter(deadline: .now() + deadline) { [self] in
                say("greenlight: steps did not stop within \(Int(deadline.rounded()))s of the signal; killing them and exiting")
                forceExit(by: first)
            }
        case 2:
            say("greenlight: interrupted again: killing every running step now (SIGKILL)")
            group.killAll()
        default:
            forceExit(by: first)
        }
    }

    /// Everything killed first (steps and escapees, so nothing writes into a directory being
    /// removed), then every temporary directory, then the exit.
    private func forceExit(by number: Int32) -> Never {
        group.killAll()
        Descendants.sweep()
        for problem in TemporaryDirectory.removeAllLive() { say("greenlight: warning: \(problem)") }
        exitInterrupted(by: number)
    }

    /// Ends greenlight after `number` (the first signal received, `signal`): kills every group
    /// and sweeps every descendant left (see `Descendants`), prints the final line, restores the
    /// signal's default action and raises it. Never returns.
    public func exitInterrupted(by number: Int32) -> Never {
        exiting.lock()
        group.killAll()
        Descendants.sweep()
        say(finalLine)
        fflush(nil)
        for other in Self.signals { Glibc.signal(other, SIG_DFL) }
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, number)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(number)
        _exit(128 + number)
    }
}
