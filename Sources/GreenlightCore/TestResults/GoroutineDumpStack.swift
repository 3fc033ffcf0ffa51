/// One goroutine of a Go traceback, summarised while its frames are read (innermost first), so
/// that a dump of any number of goroutines keeps only a few short strings for each one kept.
struct GoroutineDumpStack: Sendable {
    /// The goroutine's number from its header line.
    var id: Int
    /// Frames that belong to the project, innermost first, at most `HangDumpState.maxFrames`,
    /// each "path:line function". For a test's goroutine only frames above `testing.tRunner`.
    private(set) var projectFrames: [String] = []
    /// The test whose function sits just above `testing.tRunner`: `TestCacheList` (closures of
    /// subtests name their parent test); nil when the goroutine runs no test.
    private(set) var testFunction: String?
    /// The innermost frame outside the runtime is the testing package waiting: a parent in
    /// `(*T).Run` waiting for its subtests, or a parallel test paused in `(*T).Parallel`.
    private(set) var waitsInTestingPackage = false
    /// The goroutine runs a Ginkgo node's body: it has Ginkgo's `(*Suite).runNode.func…` frame.
    private(set) var runsGinkgoNode = false
    /// The goroutine entered Ginkgo's `RunSpecs` (the `TestXxx` that runs a Ginkgo suite).
    private(set) var runsGinkgoSuite = false

    /// The outermost frame so far named like a test; names the test of a goroutine whose stack
    /// was cut before its `testing.tRunner` frame.
    private(set) var outermostTestLike: GoroutineDumpFunction?
    private var previous: GoroutineDumpFunction?
    private var sawFrameOutsideRuntime = false
    private var sawTRunner = false

    init(id: Int) {
        self.id = id
    }

    mutating func add(_ function: GoroutineDumpFunction, file: Substring, line: Int, paths: HangDumpPaths) {
        defer { previous = function }
        if !sawFrameOutsideRuntime, function.packagePath != "runtime", !function.packagePath.isEmpty {
            sawFrameOutsideRuntime = true
            if function.packagePath == "testing" {
                waitsInTestingPackage = function.name == "(*T).Run" || function.name.hasPrefix("(*T).Parallel")
                    || function.name.hasPrefix("(*testContext).waitParallel")
            }
        }
        if OutputText.contains(function.symbol, "ginkgo/v2/internal.(*Suite).runNode.func") || OutputText.contains(function.symbol, "onsi/ginkgo/internal/leafnodes.") {
            runsGinkgoNode = true
        }
        if function.symbol.hasSuffix("ginkgo/v2.RunSpecs") || function.symbol.hasSuffix("onsi/ginkgo.RunSpecs") {
            runsGinkgoSuite = true
        }
        if function.looksLikeTest, function.packagePath != "testing" {
            outermostTestLike = function
        }
        if function.packagePath == "testing", function.name == "tRunner" {
            if !sawTRunner, let previous {
                // Usually the test function itself; a suite library (testify) puts its own
                // frames between tRunner and the test method, which then is the outermost test-like one.
                if previous.looksLikeTest {
                    testFunction = previous.testName
                } else if let outermostTestLike {
                    testFunction = outermostTestLike.testName
                } else if previous.packagePath != "testing", !previous.packagePath.isEmpty {
                    testFunction = previous.testName
                }
            }
            sawTRunner = true
            return
        }
        guard !sawTRunner, projectFrames.count < HangDumpState.maxFrames,
              GoroutineDumpFrameFilter.isProject(function, file: file, paths: paths) else { return }
        projectFrames.append("\(paths.display(file)):\(line) \(function.name)")
    }
}
