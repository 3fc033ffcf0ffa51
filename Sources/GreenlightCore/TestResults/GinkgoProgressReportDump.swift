/// What a Ginkgo v2 progress report says about a hung spec: the spec's text (its containers'
/// texts and its own, as Ginkgo prints them before "(Spec Runtime: …)"), the node running
/// ("It", "BeforeEach", "BeforeSuite", …), and the project frames of the "Spec Goroutine".
///
/// Ginkgo prints such a report when interrupted (SIGINT, "Interrupted by User … Here's a current
/// progress report:"), on SIGINFO/SIGUSR1, and when polling progress; see
/// https://onsi.github.io/ginkgo/#getting-visibility-into-long-running-specs and
/// `emitProgressReport` in https://github.com/onsi/ginkgo/blob/master/reporters/default_reporter.go.
struct GinkgoProgressReportDump: Sendable {
    var sequence: Int
    /// "Pods when the cache is listed creates the pod" (colours gone, containers and the spec
    /// text can no longer be told apart).
    var spec: String?
    /// The node type from "In [It] (Node Runtime: …)".
    var node: String?
    /// Project frames of the spec goroutine, innermost first, at most `HangDumpState.maxFrames`.
    var frames: [String] = []

    /// The spec as named elsewhere in the output when that is the same text with its node type
    /// and labels in brackets ("Pods when the cache is listed [It] creates the pod", the form
    /// Ginkgo prints when a spec starts in verbose mode or fails): from `running`, else from
    /// `specHeaders` (recent output lines with "[It]"). Without a spec text, the node: "[BeforeSuite]".
    func report(running: [String], specHeaders: [String]) -> HangReport? {
        var test = spec
        if let spec {
            let plain = Self.withoutBrackets(spec)
            if let named = (running.reversed() + specHeaders.reversed()).first(where: { Self.withoutBrackets($0) == plain }) {
                test = named
            }
        } else if let node {
            test = "[\(node)]"
        }
        guard test != nil || !frames.isEmpty else { return nil }
        return HangReport(test: test, frames: frames)
    }

    /// The words of `text` outside square brackets, single-spaced.
    static func withoutBrackets(_ text: String) -> String {
        var words: [Substring] = []
        var depth = 0
        var word = ""
        for character in text {
            if character == "[" { depth += 1 }
            if depth == 0, character != " ", character != "\t" { word.append(character) }
            if depth == 0, character == " " || character == "\t", !word.isEmpty {
                words.append(Substring(word))
                word = ""
            }
            if character == "]", depth > 0 { depth -= 1 }
        }
        if !word.isEmpty { words.append(Substring(word)) }
        return words.joined(separator: " ")
    }
}
