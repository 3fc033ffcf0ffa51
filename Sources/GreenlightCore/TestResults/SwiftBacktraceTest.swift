/// The test a thread of a Swift backtrace runs, read from its frames: an XCTest test method
/// (`CacheTests.testCacheList()`) or a Swift Testing `@Test` function (the frame just inside the
/// `@Test` macro's expansion: `podRunning()`, `PodSuite.podReady()`).
struct SwiftBacktraceTest: Sendable, Equatable {
    enum Framework: Sendable, Equatable {
        case xctest
        case swiftTesting
    }

    var framework: Framework
    /// The name to report: XCTest's own `CacheTests.testCacheList` (class and method), or the
    /// Swift Testing function as the backtrace printed it, `PodSuite.podReady()`.
    var name: String
    /// The function alone, as Swift Testing's "◇ Test podReady() started." names it (XCTest: the name).
    var function: String
    /// Seen only in a closure inside the test (`closure #1 in CacheTests.testX()`), so the thread
    /// may be one the test started rather than the one running it.
    var fromClosure = false

    /// An XCTest test method: a method named `test…` taking no arguments, of a type, possibly
    /// inside closures: `CacheTests.testCacheList()`, `closure #1 in CacheTests.testWatch()`.
    /// XCTest names it `CacheTests.testCacheList` (the type's own name, without module or outer types).
    static func xctest(function printed: Substring) -> SwiftBacktraceTest? {
        var text = printed
        var fromClosure = false
        if let last = lastRange(of: " in ", in: text) {
            fromClosure = true
            text = text[last.upperBound...]
        }
        guard OutputText.hasSuffix(text, "()"), !OutputText.contains(text, " "), !OutputText.contains(text, "<") else { return nil }
        let callee = text.dropLast(2)
        guard let dot = callee.lastIndex(of: ".") else { return nil }
        let method = callee[callee.index(after: dot)...]
        let type = callee[..<dot].split(separator: ".").last ?? ""
        guard OutputText.hasPrefix(method, "test"), !type.isEmpty, type.first?.isLetter == true || type.first == "_" else { return nil }
        let name = HangDumpText.capped(type + "." + method)
        return SwiftBacktraceTest(framework: .xctest, name: name, function: name, fromClosure: fromClosure)
    }

    /// The Swift Testing function just inside a `@Test` expansion, as printed: `PodSuite.podReady()`.
    static func swiftTesting(function printed: Substring) -> SwiftBacktraceTest {
        let name = HangDumpText.capped(printed)
        return SwiftBacktraceTest(framework: .swiftTesting, name: name, function: String(baseName(Substring(name))))
    }

    /// The function named by a `@Test` expansion's mangled name when its own frame is missing
    /// (the frame-pointer unwinder loses the caller of a blocking C function):
    /// `@__swiftmacro_9KubeTests8PodSuiteV8podReady4TestfMp_` is `PodSuite.podReady`. Only plain
    /// identifiers are read; a name using the mangling's substitutions gives nil.
    static func swiftTesting(expansion text: Substring) -> SwiftBacktraceTest? {
        guard let marker = HangDumpText.range(of: SwiftBacktraceFrame.testMacroMarker, in: text) else { return nil }
        let head = text[..<marker.lowerBound]
        var start = head.startIndex
        for prefix in ["@__swiftmacro_", "$s"] {
            if let found = lastRange(of: prefix, in: head), found.upperBound > start { start = found.upperBound }
        }
        var identifiers: [Substring] = []
        var rest = head[start...]
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if digits.isEmpty {
                // A type's kind after its name: V struct, C class, O enum, E extension, …
                guard let kind = rest.first, kind.isASCII, kind.isUppercase else { return nil }
                rest = rest.dropFirst()
                continue
            }
            guard digits.first != "0", let length = Int(digits), length <= rest.count - digits.count else { return nil }
            let identifier = rest[digits.endIndex...].prefix(length)
            identifiers.append(identifier)
            rest = rest[identifier.endIndex...]
        }
        // The module, any types, then the function.
        guard identifiers.count >= 2, let function = identifiers.last else { return nil }
        let name = identifiers.dropFirst().joined(separator: ".")
        return SwiftBacktraceTest(framework: .swiftTesting, name: HangDumpText.capped(Substring(name)), function: String(function))
    }

    /// Whether a running test's name (from the runner's output) is this test. XCTest:
    /// `CacheTests.testCacheList`, also module-qualified or Darwin's `Module.CacheTests testCacheList`.
    /// Swift Testing: `podReady()` or `PodSuite.podReady()`, also after an id's `Module.Suite/`.
    func matches(_ running: String) -> Bool {
        switch framework {
        case .xctest:
            let spaced = name.replacingOccurrences(of: ".", with: " ")
            return running == name || running.hasSuffix("." + name) || running == spaced || running.hasSuffix("." + spaced)
        case .swiftTesting:
            var candidate = Substring(running)
            if let slash = candidate.lastIndex(of: "/") { candidate = candidate[candidate.index(after: slash)...] }
            if candidate == name || candidate == function { return true }
            // A name read from a mangled expansion has no parameter list.
            return !OutputText.hasSuffix(name, ")") && (candidate.hasPrefix(function + "(") || candidate.hasPrefix(name + "("))
        }
    }

    /// `PodSuite.podReady()` is `podReady()`: the part after the last dot outside parentheses.
    static func baseName(_ text: Substring) -> Substring {
        var depth = 0
        var lastDot: Substring.Index?
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "(", "<", "[": depth += 1
            case ")", ">", "]": depth -= 1
            case "." where depth == 0: lastDot = index
            default: break
            }
            index = text.index(after: index)
        }
        return lastDot.map { text[text.index(after: $0)...] } ?? text
    }

    static func lastRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        var found: Range<Substring.Index>?
        var search = text
        while let range = HangDumpText.range(of: needle, in: search) {
            found = range
            search = text[range.upperBound...]
        }
        return found
    }
}
