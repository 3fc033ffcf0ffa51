/// What a JVM thread dump says about a hung test: the thread running a test method and its
/// project frames.
///
/// SIGQUIT makes a HotSpot JVM print to its standard output "Full thread dump …", then for each
/// thread a header `"main" #1 prio=5 os_prio=0 … waiting on condition  [0x…]`, its
/// `java.lang.Thread.State: …`, and frames `\tat pkg.Class.method(File.java:12)` with
/// `\t- locked <0x…>` lines between; see
/// https://docs.oracle.com/en/java/javase/17/troubleshoot/diagnostic-tools.html (thread dump).
struct JVMThreadDump: Sendable {
    /// At most this many threads with a test method are kept.
    static let maxTestThreads = 64

    var sequence: Int
    private(set) var testThreads: [JVMThreadDumpThread] = []
    private(set) var main: JVMThreadDumpThread?
    private(set) var firstWithProjectFrames: JVMThreadDumpThread?

    init(sequence: Int) {
        self.sequence = sequence
    }

    mutating func add(_ thread: JVMThreadDumpThread) {
        if thread.testMethod != nil, testThreads.count < Self.maxTestThreads { testThreads.append(thread) }
        if thread.name == "main", main == nil { main = thread }
        if firstWithProjectFrames == nil, !thread.projectFrames.isEmpty { firstWithProjectFrames = thread }
    }

    /// The thread running a test method directly (not through a lambda), preferring "main" and
    /// Gradle's "Test worker"; without one, "main". The test: `CacheListTest.listsCache`, or the
    /// latest name in `running` that mentions both the class and the method.
    /// Whether a thread of the dump runs a method of a test class.
    var namesTest: Bool { !testThreads.isEmpty }

    func report(running: [String]) -> HangReport? {
        let direct = testThreads.filter { !$0.testMethodFromLambda }
        let pool = direct.isEmpty ? testThreads : direct
        let thread = pool.first { $0.name == "main" || $0.name == "Test worker" } ?? pool.first
            ?? main ?? firstWithProjectFrames
        guard let thread else { return nil }
        var test: String?
        if let (className, method) = thread.testMethod {
            test = running.last { $0.contains(className) && $0.contains(method) } ?? "\(className).\(method)"
        }
        guard test != nil || !thread.projectFrames.isEmpty else { return nil }
        return HangReport(test: test, frames: thread.projectFrames)
    }
}
