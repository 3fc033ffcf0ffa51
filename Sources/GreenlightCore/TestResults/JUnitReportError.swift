/// Why a JUnit XML report could not be read: which file, and what is wrong with it.
public struct JUnitReportError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        /// The file could not be opened or read.
        case unreadable(reason: String)
        /// The file is larger than the limit read.
        case tooLarge(bytes: Int, limit: Int)
        /// The XML parser stopped at `line` (1-based).
        case notXML(line: Int, reason: String)
        /// Well-formed XML whose root element is neither `testsuites` nor `testsuite`.
        case notJUnit(root: String)
        /// A document type declaration, which no JUnit writer emits; refused so that no
        /// entity is ever expanded.
        case documentType
    }

    /// The report's path as given.
    public var file: String
    public var problem: Problem

    public init(file: String, problem: Problem) {
        self.file = file
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .unreadable(let reason):
            return "JUnit report \(file) could not be read: \(reason)"
        case .tooLarge(let bytes, let limit):
            return "JUnit report \(file) is \(bytes) bytes, more than the \(limit) bytes read; not read"
        case .notXML(let line, let reason):
            return "JUnit report \(file) is not XML: line \(line): \(reason)"
        case .notJUnit(let root):
            return "JUnit report \(file) is not a JUnit report: its root element is <\(root)>, not <testsuites> or <testsuite>"
        case .documentType:
            return "JUnit report \(file) has a document type declaration (<!DOCTYPE>), which JUnit reports do not; not read"
        }
    }
}
