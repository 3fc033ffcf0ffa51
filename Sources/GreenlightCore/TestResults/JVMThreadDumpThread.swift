/// One thread of a JVM thread dump, summarised while its frames are read (innermost first).
struct JVMThreadDumpThread: Sendable {
    /// The thread's name: "main", "Test worker", "pod-watcher".
    var name: String
    /// Project frames, innermost first, at most `HangDumpState.maxFrames`: "File.java:12 Class.method"
    /// (a dump names the source file only, not its directory).
    private(set) var projectFrames: [String] = []
    /// The outermost frame of a test class (`…Test`, `…Tests`, `…IT`, `…TestCase`, `Test…`):
    /// "CacheListTest.listsCache", the test method the framework called.
    private(set) var testMethod: (className: String, method: String)?
    /// The test method was only seen through a lambda (`lambda$listsCache$0`), so this thread is
    /// one the test started rather than the one running it.
    private(set) var testMethodFromLambda = false

    init(name: String) {
        self.name = name
    }

    /// Takes a frame line without its "at ": `com.example.cache.CacheListTest.waitForPodRunning(CacheListTest.java:10)`,
    /// `java.util.concurrent.CountDownLatch.await(java.base@17.0.15/CountDownLatch.java:230)`.
    mutating func add(frame text: Substring) {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return }
        let qualified = text[..<open]
        guard let dot = qualified.lastIndex(of: ".") else { return }
        let className = qualified[..<dot]
        let method = qualified[qualified.index(after: dot)...]
        var source = text[text.index(after: open)..<close]
        var fromNamedModule = false
        if let slash = source.lastIndex(of: "/") {
            fromNamedModule = OutputText.contains(source[..<slash], "@")
            source = source[source.index(after: slash)...]
        }
        guard !fromNamedModule, Self.isProject(className), let (file, line) = HangDumpText.location(source) else { return }
        let simpleName = className.split(separator: ".").last.map(String.init) ?? String(className)
        if projectFrames.count < HangDumpState.maxFrames {
            projectFrames.append("\(HangDumpText.capped(file)):\(line) \(HangDumpText.capped(Substring(simpleName))).\(HangDumpText.capped(method))")
        }
        let outerClass = String(simpleName.prefix { $0 != "$" })
        if Self.isTestClass(outerClass) {
            // lambda$listsCache$0 is a lambda inside listsCache.
            if OutputText.hasPrefix(method, "lambda$") {
                let inner = method.dropFirst("lambda$".count).prefix { $0 != "$" }
                testMethod = (outerClass, String(inner))
                testMethodFromLambda = true
            } else {
                testMethod = (outerClass, String(method))
                testMethodFromLambda = false
            }
        }
    }

    /// Packages of the JDK, of test frameworks and build tools, and of the JVM languages' runtimes.
    static let foreignPrefixes = [
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "jakarta.", "org.junit.", "junit.", "org.testng.",
        "org.opentest4j.", "org.apache.maven.", "org.gradle.", "worker.org.gradle.", "kotlin.", "kotlinx.",
        "scala.", "groovy.", "org.codehaus.groovy.", "org.spockframework.", "io.kotest.", "org.mockito.",
        "net.bytebuddy.", "org.assertj.", "org.hamcrest.", "org.awaitility.",
    ]

    static func isProject(_ className: Substring) -> Bool {
        // Hidden classes (lambdas' `Foo$$Lambda$1/0x…`) are generated, not written.
        guard !OutputText.contains(className, "/"), !OutputText.contains(className, "$$") else { return false }
        return !foreignPrefixes.contains { className.hasPrefix($0) }
    }

    static func isTestClass(_ simpleName: String) -> Bool {
        if ["Test", "Tests", "IT", "TestCase"].contains(where: { simpleName.hasSuffix($0) }) { return true }
        guard OutputText.hasPrefix(simpleName, "Test"), simpleName.count > 4 else { return false }
        return simpleName.dropFirst(4).first?.isUppercase ?? false
    }
}
