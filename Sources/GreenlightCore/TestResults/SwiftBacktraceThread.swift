/// One thread of a Swift runtime backtrace, summarised while its frames are read (innermost first).
struct SwiftBacktraceThread: Sendable {
    /// The number in "Thread 1 "name":".
    var index: Int
    /// "Thread 0 "…" crashed:": the thread that took the signal (with `kill`, any thread).
    var crashed: Bool
    /// Project frames, innermost first, at most `HangDumpState.maxFrames`: "path:line function".
    private(set) var projectFrames: [String] = []
    /// The test the thread runs: the Swift Testing function inside the `@Test` expansion, else the
    /// outermost XCTest test method (one seen only in a closure gives way to a method's own frame).
    private(set) var test: SwiftBacktraceTest?

    /// The frame before the current one, when it was the project's: the candidate for the Swift
    /// Testing function once the `@Test` expansion shows up.
    private var previousProjectFunction: String?
    private var sawTestExpansion = false

    init(index: Int, crashed: Bool) {
        self.index = index
        self.crashed = crashed
    }

    mutating func add(_ frame: SwiftBacktraceFrame, paths: HangDumpPaths) {
        let isProject = frame.isProject(paths: paths)
        defer { previousProjectFunction = isProject ? frame.function.map { HangDumpText.capped($0) } : nil }
        if frame.isTestMacroExpansion {
            if !sawTestExpansion {
                sawTestExpansion = true
                if let function = previousProjectFunction {
                    test = .swiftTesting(function: Substring(function))
                } else if let expansion = SwiftBacktraceTest.swiftTesting(expansion: frame.location ?? "")
                            ?? SwiftBacktraceTest.swiftTesting(expansion: frame.function ?? "") {
                    test = expansion
                }
            }
            return
        }
        guard isProject, let function = frame.function, let (path, line) = frame.source else { return }
        if !sawTestExpansion, let method = SwiftBacktraceTest.xctest(function: function),
           test == nil || test!.fromClosure || !method.fromClosure {
            test = method
        }
        if projectFrames.count < HangDumpState.maxFrames {
            projectFrames.append("\(paths.display(path)):\(line) \(HangDumpText.capped(function))")
        }
    }
}
