/// What a Swift runtime backtrace says about a hung test: the threads that run a test, the
/// crashed thread and the first thread with project frames.
///
/// On Linux (and macOS) the Swift runtime catches SIGABRT, SIGSEGV, SIGILL, … and runs
/// `swift-backtrace`, which prints "*** Signal 6: Backtracing from 0x… done ***", "*** Program
/// crashed: Aborted at 0x… ***", "Platform: …", then per thread `Thread 0 "name" crashed:` and
/// its frames, and "Backtrace took 0.01s"; see https://github.com/swiftlang/swift/blob/main/docs/Backtracing.rst
/// (`SWIFT_BACKTRACE`). greenlight sets `SWIFT_BACKTRACE=enable=yes,…,interactive=no` for Swift
/// test steps and sends SIGABRT to the `*.xctest` process when a step hangs.
struct SwiftBacktraceDump: Sendable {
    /// At most this many threads running a test are kept.
    static let maxTests = 256

    var sequence: Int
    private(set) var tests: [SwiftBacktraceThread] = []
    private(set) var crashed: SwiftBacktraceThread?
    private(set) var firstWithFrames: SwiftBacktraceThread?

    init(sequence: Int) {
        self.sequence = sequence
    }

    mutating func add(_ thread: SwiftBacktraceThread) {
        if thread.test != nil, tests.count < Self.maxTests { tests.append(thread) }
        if thread.crashed, crashed == nil { crashed = thread }
        if firstWithFrames == nil, !thread.projectFrames.isEmpty { firstWithFrames = thread }
    }

    /// The thread running a test (one whose test was seen only in a closure comes last), the one
    /// whose test is the latest in `running` first; without any, the crashed thread when it has
    /// project frames, else the first thread that has some (the test is then left to the caller).
    /// The test is named as `running` names it when it matches, else from the frames.
    func report(running: [String]) -> HangReport? {
        let ordered = tests.filter { !$0.test!.fromClosure } + tests.filter { $0.test!.fromClosure }
        for name in running.reversed() {
            if let thread = ordered.first(where: { $0.test!.matches(name) }) {
                return HangReport(test: name, frames: thread.projectFrames)
            }
        }
        if let thread = ordered.first {
            return HangReport(test: thread.test!.name, frames: thread.projectFrames)
        }
        let other = (crashed?.projectFrames.isEmpty == false ? crashed : nil) ?? firstWithFrames
        guard let frames = other?.projectFrames, !frames.isEmpty else { return nil }
        return HangReport(test: nil, frames: frames)
    }
}
