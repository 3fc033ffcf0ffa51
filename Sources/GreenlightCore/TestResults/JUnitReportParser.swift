import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one JUnit XML document with Foundation's SAX `XMLParser` (no DOM, no external
/// entities), counting and describing its `<testcase>` elements wherever they are nested.
final class JUnitReportParser: NSObject, XMLParserDelegate {
    private struct Case {
        var classname: String
        var name: String
        var failed = false
        var skipped = false
        var message: String?
        var body = ""
        var capturing = false
    }

    /// The most of a failure's body kept, in UTF-8 bytes.
    private static let bodyLimit = 64 * 1024

    private let paths: ProjectPaths
    private var testcase: Case?
    private var depth = 0
    private(set) var root: String?
    /// The first error the parser reported: its line and code. Foundation's `parse()` on Linux
    /// returns true after some errors (a mismatched end tag), so they are kept here.
    private(set) var error: (line: Int, code: Int)?
    /// Elements still open when the document ended (a truncated report).
    var unclosed: Int { depth }
    private(set) var counts = TestCounts()
    private(set) var failures = FailureList()
    private(set) var blocks = FailureBlockList()

    init(paths: ProjectPaths) {
        self.paths = paths
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        depth += 1
        if root == nil {
            root = elementName
            guard elementName == "testsuites" || elementName == "testsuite" else {
                parser.abortParsing()
                return
            }
        }
        switch elementName {
        case "testcase":
            let classname = attributes["classname"] ?? attributes["class"] ?? ""
            let name = attributes["name"] ?? ""
            testcase = Case(classname: classname, name: classname.isEmpty ? name : "\(classname).\(name)")
        case "failure", "error":
            guard var open = testcase else { return }
            if !open.failed {
                open.failed = true
                open.message = attributes["message"]
                open.capturing = true
            }
            testcase = open
        case "skipped":
            testcase?.skipped = true
        default:
            // Surefire's flakyFailure and rerunFailure describe runs that were retried; the
            // testcase's own failure (or its absence) decides. system-out and system-err are
            // not read.
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        append(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        append(String(decoding: CDATABlock, as: UTF8.self))
    }

    private func append(_ text: String) {
        guard var open = testcase, open.capturing, open.body.utf8.count < Self.bodyLimit else { return }
        open.body += text
        testcase = open
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        switch elementName {
        case "failure", "error":
            testcase?.capturing = false
        case "testcase":
            guard let open = testcase else { return }
            testcase = nil
            if open.failed {
                counts.failed += 1
                let found = JUnitFailureText.describe(message: open.message, body: open.body, classname: open.classname, paths: paths)
                failures.record(open.name, message: found.message, location: found.location)
                let body = open.body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let quoted = body.contains { !OutputText.isBlank($0[...]) } ? body : (found.message.map { [$0] } ?? [])
                blocks.add(["\(open.name): failed"] + quoted.prefix(FailureBlockList.lineLimit - 1))
            } else if open.skipped {
                counts.skipped += 1
            } else {
                counts.passed += 1
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = (parser.lineNumber, (parseError as NSError).code) }
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }
}
