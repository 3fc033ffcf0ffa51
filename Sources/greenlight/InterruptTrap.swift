import Dispatch
import Foundation
import GreenlightCore

/// Ctrl-C and SIGTERM stop every child process group the gate started (SwiftPM's
/// Cancellator does the same), so the gate can return and report "interrupted".
/// A second signal exits at once.
final class InterruptTrap: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var count = 0

    init(stopping processes: ProcessGroupSet) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                let seen = self.lock.withLock { () -> Int in
                    self.count += 1
                    return self.count
                }
                processes.stopAll()
                if seen > 1 {
                    FileHandle.standardError.write(Data("\ngreenlight: interrupted again, exiting now\n".utf8))
                    exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
