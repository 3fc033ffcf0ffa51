/// One state dump found in a step's output, of whichever kind.
enum HangDump: Sendable {
    case go(GoroutineDump)
    case ginkgo(GinkgoProgressReportDump)
    case python(PythonFaulthandlerDump)
    case jvm(JVMThreadDump)
    case swift(SwiftBacktraceDump)

    /// When the dump started among the collector's dumps (later dumps win).
    var sequence: Int {
        switch self {
        case let .go(dump): dump.sequence
        case let .ginkgo(dump): dump.sequence
        case let .python(dump): dump.sequence
        case let .jvm(dump): dump.sequence
        case let .swift(dump): dump.sequence
        }
    }

    func report(running: [String], specHeaders: [String]) -> HangReport? {
        switch self {
        case let .go(dump): dump.report(running: running)
        case let .ginkgo(dump): dump.report(running: running, specHeaders: specHeaders)
        case let .python(dump): dump.report(running: running)
        case let .jvm(dump): dump.report(running: running)
        case let .swift(dump): dump.report(running: running)
        }
    }
}
