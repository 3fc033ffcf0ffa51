/// What a Go goroutine dump says about a hung test: the goroutines that run tests (those with a
/// `testing.tRunner` frame), a goroutine running a Ginkgo node, a fallback goroutine with project
/// frames, and Go ≥1.20's "running tests:" list of a "panic: test timed out".
///
/// The dump comes from a SIGQUIT (the runtime prints "SIGQUIT: quit", "PC=…", then every
/// goroutine), from `go test -timeout` ("panic: test timed out after 10m0s"), or from the
/// runtime's deadlock detector; see https://pkg.go.dev/runtime (GOTRACEBACK) and
/// https://go.dev/src/testing/testing.go (`startAlarm`).
struct GoroutineDump: Sendable {
    /// At most this many test goroutines are kept (a waiting one gives way to an active one).
    static let maxTests = 256

    /// When the dump started among the collector's dumps (later dumps win).
    var sequence: Int
    /// The names under "running tests:", without their durations.
    private(set) var timedOutTests: [String] = []
    private(set) var tests: [GoroutineDumpStack] = []
    private(set) var ginkgoNode: GoroutineDumpStack?
    private(set) var fallback: GoroutineDumpStack?

    init(sequence: Int) {
        self.sequence = sequence
    }

    /// Whether the dump has a goroutine running a Ginkgo node (then a Ginkgo progress report,
    /// when there is one, names the spec better than this dump can).
    var runsGinkgo: Bool { ginkgoNode != nil }

    mutating func addTimedOutTest(_ name: String) {
        if timedOutTests.count < Self.maxTests { timedOutTests.append(name) }
    }

    mutating func add(_ stack: GoroutineDumpStack) {
        if stack.testFunction != nil {
            if tests.count < Self.maxTests {
                tests.append(stack)
            } else if !stack.waitsInTestingPackage, let waiting = tests.firstIndex(where: \.waitsInTestingPackage) {
                tests[waiting] = stack
            }
        } else if stack.runsGinkgoNode {
            if ginkgoNode == nil || (ginkgoNode!.projectFrames.isEmpty && !stack.projectFrames.isEmpty) {
                ginkgoNode = stack
            }
        } else if !stack.projectFrames.isEmpty,
                  fallback == nil || (fallback!.outermostTestLike == nil && stack.outermostTestLike != nil) {
            // A goroutine outside any test: the first with project frames, or one cut short
            // before its tRunner frame, which still shows a test function.
            fallback = stack
        }
    }

    /// The hung test and its project frames. The test goroutine is chosen among those not
    /// waiting in the testing package (a parent waiting for subtests, a paused parallel test):
    /// the one whose test matches the latest name in `running`, else one under "running tests:",
    /// else the first. The name reported is the most specific matching name (`TestX/sub`).
    func report(running: [String]) -> HangReport? {
        let active = tests.filter { !$0.waitsInTestingPackage }
        let pool = active.isEmpty ? tests : active
        let byLength = timedOutTests.sorted { $0.count > $1.count }
        var chosen: GoroutineDumpStack?
        for name in running.reversed() + byLength {
            if let match = pool.first(where: { Self.name(name, matches: $0.testFunction) }) {
                chosen = match
                break
            }
        }
        guard let stack = chosen ?? pool.first else {
            guard let other = ginkgoNode ?? fallback else { return nil }
            let test = running.last ?? byLength.first ?? other.outermostTestLike?.testName
            return HangReport(test: test, frames: other.projectFrames)
        }
        let test = running.last(where: { Self.name($0, matches: stack.testFunction) })
            ?? byLength.first(where: { Self.name($0, matches: stack.testFunction) })
            ?? stack.testFunction
        if stack.runsGinkgoSuite, let ginkgoNode {
            // The spec's frames are in the goroutine running the node, not in TestXxx's.
            let spec = running.last.flatMap { Self.name($0, matches: stack.testFunction) ? nil : $0 }
            return HangReport(test: spec ?? test, frames: ginkgoNode.projectFrames)
        }
        return HangReport(test: test, frames: stack.projectFrames)
    }

    /// "TestX" matches the goroutine of TestX, "TestX/sub" too (its closure is `TestX.func1`).
    static func name(_ name: String, matches test: String?) -> Bool {
        guard let test else { return false }
        return name == test || name.hasPrefix(test + "/")
    }
}
