/// One thread of a Python faulthandler traceback, summarised while its frames are read
/// (most recent call first).
struct PythonFaulthandlerThread: Sendable {
    /// "Current thread 0x…" rather than "Thread 0x…": the thread the signal interrupted.
    var isCurrent: Bool
    /// Project frames, innermost first, at most `HangDumpState.maxFrames`, "path:line function".
    private(set) var projectFrames: [String] = []
    /// The innermost project function named like a test (`test…`), the test being run.
    private(set) var testFunction: String?

    init(isCurrent: Bool) {
        self.isCurrent = isCurrent
    }

    mutating func add(file: Substring, line: Int, function: Substring, paths: HangDumpPaths) {
        guard Self.isProject(file, paths: paths) else { return }
        if testFunction == nil, OutputText.hasPrefix(function, "test") {
            testFunction = HangDumpText.capped(function)
        }
        if projectFrames.count < HangDumpState.maxFrames {
            projectFrames.append("\(paths.display(file)):\(line) \(HangDumpText.capped(function))")
        }
    }

    /// Not the project's: `<frozen runpy>`-style pseudo files, installed packages (site-packages,
    /// dist-packages, which hold pytest and pluggy), the standard library (…/lib/python3.11/),
    /// pytest and pluggy wherever they are, and, when roots are known, anything outside them.
    static func isProject(_ file: Substring, paths: HangDumpPaths) -> Bool {
        if OutputText.hasPrefix(file, "<") { return false }
        for directory in ["site-packages", "dist-packages", "_pytest", "pluggy", "pytest"]
        where HangDumpPaths.hasDirectory(directory, in: file) {
            return false
        }
        for marker in ["/lib/python", "/lib64/python"] {
            if let found = HangDumpText.range(of: marker, in: file),
               let next = file.unicodeScalars[found.upperBound...].first, ("0"..."9").contains(next) {
                return false
            }
        }
        if paths.relativeToCheckout(file) != nil { return true }
        return !paths.isOutsideCheckout(file)
    }
}
