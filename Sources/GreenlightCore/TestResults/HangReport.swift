/// What a step was doing when its timeout (or idle timeout) fired, read from the state dump
/// greenlight asked it for (a Go goroutine dump, Ginkgo's progress report, Python's
/// faulthandler traceback, a JVM thread dump, a Swift runtime backtrace) or from Go's own "panic: test timed out".
/// Recorded per step in the verdict note (`hang`) and in `check --json`.
public struct HangReport: Codable, Equatable, Sendable {
    /// The test that was running, when it can be named.
    public var test: String?
    /// The innermost frames that belong to the project (not the language runtime, the standard
    /// library, the test framework or a dependency), innermost first, at most 5, each
    /// `path:line function` with the path relative to the checkout when it lies inside it.
    public var frames: [String]

    public init(test: String?, frames: [String]) {
        self.test = test
        self.frames = frames
    }

    /// "hung in TestCacheList (cmd/cache_list.go:212 waitForPodRunning)"; without a test name
    /// "hung at cmd/cache_list.go:212 waitForPodRunning"; `nil` when there is nothing to say.
    public var description: String? {
        switch (test, frames.first) {
        case let (test?, frame?): return "hung in \(test) (\(frame))"
        case let (test?, nil): return "hung in \(test)"
        case let (nil, frame?): return "hung at \(frame)"
        case (nil, nil): return nil
        }
    }
}
