/// What a Python faulthandler traceback says about a hung test: the threads' project frames and
/// test functions, and the pytest node id printed just before "Fatal Python error" (pytest -v
/// prints "tests/test_x.py::test_y " and the traceback continues that line).
///
/// With `PYTHONFAULTHANDLER=1` / `-X faulthandler` (and always under pytest, whose faulthandler
/// plugin enables it) SIGABRT prints "Fatal Python error: Aborted", then for each thread
/// "Thread 0x… (most recent call first):" or "Current thread 0x… (most recent call first):" and
/// lines `  File "/path/x.py", line 12 in func`; see https://docs.python.org/3/library/faulthandler.html.
struct PythonFaulthandlerDump: Sendable {
    var sequence: Int
    /// "tests/test_pods.py::TestEvents::test_event_arrives" from the marker line, if it had one.
    var nodeID: String?
    /// The current thread, and the first other thread that runs a test function.
    var current: PythonFaulthandlerThread?
    var firstTestThread: PythonFaulthandlerThread?
    var firstThread: PythonFaulthandlerThread?

    mutating func add(_ thread: PythonFaulthandlerThread) {
        if thread.isCurrent, current == nil { current = thread }
        if firstTestThread == nil, thread.testFunction != nil { firstTestThread = thread }
        if firstThread == nil { firstThread = thread }
    }

    /// The current thread when it runs a test, else the first thread that does, else the current
    /// one. The test: the latest name in `running` that ends with the test function (pytest's
    /// `path::Class::test_f[param]`, unittest's `test_f (module.Class.test_f)`), else the node id,
    /// else the bare function name.
    /// Whether the dump shows a test running (a pytest node id, or a thread in a `test…` function).
    var namesTest: Bool { nodeID != nil || firstTestThread != nil }

    func report(running: [String]) -> HangReport? {
        let thread = (current?.testFunction != nil ? current : nil) ?? firstTestThread ?? current ?? firstThread
        var test = nodeID
        if let function = thread?.testFunction {
            test = running.last(where: { Self.name($0, endsWith: function) })
                ?? nodeID.flatMap { Self.name($0, endsWith: function) ? $0 : nil }
                ?? function
        }
        let frames = thread?.projectFrames ?? []
        guard test != nil || !frames.isEmpty else { return nil }
        return HangReport(test: test, frames: frames)
    }

    static func name(_ name: String, endsWith function: String) -> Bool {
        var base = Substring(name)
        if OutputText.hasSuffix(base, "]"), let open = base.firstIndex(of: "[") { base = base[..<open] }
        return base == function || base.hasSuffix("::" + function) || base.hasSuffix("." + function)
            || base.hasPrefix(function + " (")
    }
}
