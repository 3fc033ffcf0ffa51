import Foundation

/// A JUnit `<failure>`'s (or `<error>`'s) message and location, from its `message` attribute
/// and its body, in the dialects of the tools that write JUnit XML:
///
/// - Ginkgo (`--junit-report`): the body ends with `In [It] at: /src/x_test.go:19 @ …`.
/// - gotestsum and go-junit-report: `message="Failed"`, the body is the test's output with
///   `    x_test.go:15: message`.
/// - pytest (`--junitxml`): the message is the exception; the body's last `tests/x.py:14: Error`
///   line is the location.
/// - cargo-nextest: the body is the panic, `thread 'a::b' panicked at src/lib.rs:16:9:` then the
///   message.
/// - Maven Surefire and JUnit's console launcher: the message is the assertion's; the stack
///   trace's frame in the test's class gives `CartTest.java:22`.
/// - `swift test --xunit-output`: XCTest's says `message="failure"` and nothing more; Swift
///   Testing's message is the issue.
///
/// A placeholder message ("Failed", "failure", "error") counts as none and the body's first
/// meaningful line stands in.
enum JUnitFailureText {
    private static let placeholders: Set<String> = ["failed", "failure", "error", "fail", ""]
    private static let frameworkPrefixes = ["org.junit.", "junit.", "java.", "javax.", "jdk.", "sun.", "org.opentest4j.",
                                            "org.testng.", "org.hamcrest.", "org.assertj.", "kotlin.", "org.apache.maven."]

    static func describe(message attribute: String?, body: String, classname: String,
                         paths: ProjectPaths) -> (message: String?, location: String?) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).prefix(400).map { OutputText.trimmedEnd($0) }
        var ginkgo: String?
        var ginkgoOutside = true
        var rust: (location: String?, message: [Substring])?
        var python: String?
        var swift: String?
        var javaOwn: String?
        var javaOther: String?
        var pythonErrors: [Substring] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = OutputText.trimmed(line)
            if OutputText.hasPrefix(trimmed, "In ["), let at = OutputText.range(of: "] at: ", in: trimmed), ginkgo == nil {
                var place = trimmed[at.upperBound...]
                if let time = OutputText.range(of: " @ ", in: place) { place = place[..<time.lowerBound] }
                if let found = OutputText.fileAndLine(place) {
                    ginkgo = paths.location(found.path, line: found.line)
                    ginkgoOutside = paths.relative(found.path) == found.path
                }
            } else if ginkgo != nil, ginkgoOutside, OutputText.hasPrefix(trimmed, "/"),
                      let found = OutputText.fileAndLine(OutputText.firstWord(trimmed)), paths.relative(found.path) != found.path {
                // A panic's location is in the runtime: the first frame in the checkout instead.
                ginkgo = paths.location(found.path, line: found.line)
                ginkgoOutside = false
            } else if rust == nil, OutputText.hasPrefix(trimmed, "thread '"), let panicked = OutputText.range(of: " panicked at ", in: trimmed) {
                var rest = trimmed[panicked.upperBound...]
                if OutputText.hasSuffix(rest, ":") { rest = rest.dropLast() }
                var message: [Substring] = []
                var cursor = index + 1
                while cursor < lines.count, !lines[cursor].isEmpty, !OutputText.hasPrefix(lines[cursor], "note: "),
                      lines[cursor] != "stack backtrace:", message.count < 10 {
                    message.append(lines[cursor])
                    cursor += 1
                }
                rust = (OutputText.fileAndLine(rest).map { paths.location($0.path, line: $0.line) }, message)
            } else if OutputText.hasPrefix(line, "E "), pythonErrors.count < 10 {
                pythonErrors.append(OutputText.trimmed(line.dropFirst()))
            } else if let error = OutputText.range(of: ": error: ", in: line), swift == nil,
                      let found = OutputText.fileAndLine(line[..<error.lowerBound]), found.line > 0 {
                swift = paths.location(found.path, line: found.line)
            } else if !OutputText.hasPrefix(line, " "), let colon = OutputText.range(of: ": ", in: line), let found = OutputText.fileAndLine(line[..<colon.lowerBound]),
                      !found.path.hasSuffix(".go") {
                python = paths.location(found.path, line: found.line)
            } else if let frame = OutputText.after("at ", in: trimmed), let open = frame.lastIndex(of: "("), OutputText.hasSuffix(frame, ")") {
                let method = frame[..<open]
                if let found = OutputText.fileAndLine(frame[frame.index(after: open)..<frame.index(before: frame.endIndex)]) {
                    let place = "\(found.path):\(found.line)"
                    if javaOwn == nil, !classname.isEmpty, method.hasPrefix(classname + ".") { javaOwn = place }
                    if javaOther == nil, !frameworkPrefixes.contains(where: { method.hasPrefix($0) }) { javaOther = place }
                }
            }
            index += 1
        }
        let go = GoTestLine.failure(from: lines.map(String.init), paths: paths)

        let location = ginkgo ?? rust?.location ?? go.location ?? swift ?? python ?? javaOwn ?? javaOther
        var message = attribute.flatMap(FailureList.cleanMessage)
        if let current = message, placeholders.contains(current.lowercased()) { message = nil }
        if message == nil || rust != nil && message?.hasPrefix("thread '") == true {
            if let rust, !rust.message.isEmpty {
                message = FailureList.cleanMessage(rust.message.joined(separator: "\n"))
            } else if go.location != nil {
                message = go.message
            } else if !pythonErrors.isEmpty {
                message = FailureList.cleanMessage(pythonErrors.joined(separator: "\n"))
            } else {
                message = lines.first { !OutputText.isBlank($0) && GoTestLine.update($0) == nil && GoTestLine.result($0) == nil }
                    .flatMap { FailureList.cleanMessage(String($0)) }
            }
        }
        return (message, location)
    }
}
