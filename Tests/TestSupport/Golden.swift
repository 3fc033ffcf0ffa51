import Foundation

/// Report text made comparable across runs, in the spirit of swift-argument-parser's
/// `AssertExecuteCommand`: what changes from run to run (SHAs, temporary paths, times,
/// durations, the version) becomes a placeholder, and everything else is compared exactly.
public struct Golden {
    /// Paths to replace, longest first, each with its placeholder (`<repo>`, `<remote>`).
    public var paths: [(path: String, placeholder: String)]
    /// Object names known in advance (the commit, its tree): `<sha1>`, `<sha2>`, … in this order.
    public var objects: [String]

    public init(paths: [(String, String)], objects: [String] = []) {
        self.paths = paths.sorted { $0.0.count > $1.0.count }.map { (path: $0.0, placeholder: $0.1) }
        self.objects = objects
    }

    /// - 40-hex object names become `<sha1>`, `<sha2>`, … in order of first appearance, and a
    ///   12-hex prefix of one of them `<sha1:12>`;
    /// - a 12-hex digest prefix in a log file name becomes `<digest12>`;
    /// - `mkdtemp` suffixes (`-XXXXXX`) become `-XXXXXX`;
    /// - ISO 8601 times become `<time>`; durations as greenlight prints them (one decimal,
    ///   `0.0s`, `12.3s`) become `<d>s`, while a test's own `0.00s` stays;
    /// - `greenlight <version>` becomes `greenlight <version>`.
    public func normalize(_ text: String) -> String {
        var text = text
        for (path, placeholder) in paths { text = text.replacingOccurrences(of: path, with: placeholder) }
        var names = objects
        text = Self.replace(#"\b[0-9a-f]{40}\b"#, in: text) { match in
            if !names.contains(match) { names.append(match) }
            return "<sha\(names.firstIndex(of: match)! + 1)>"
        }
        text = Self.replace(#"(?<=>-)[0-9a-f]{12}(?=[.])"#, in: text) { _ in "<digest12>" }
        text = Self.replace(#"\b[0-9a-f]{12}\b"#, in: text) { match in
            if let index = names.firstIndex(where: { $0.hasPrefix(match) }) { return "<sha\(index + 1):12>" }
            return match
        }
        text = Self.replace(#"(greenlight-(?:clean|fast)-<sha\d+:12>)-[A-Za-z0-9]{6}"#, in: text) { match in
            String(match.dropLast(6)) + "XXXXXX"
        }
        text = Self.replace(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#, in: text) { _ in "<time>" }
        text = Self.replace(#"\b\d+\.\ds\b"#, in: text) { _ in "<d>s" }
        text = Self.replace(#"greenlight \d+\.\d+\.\d+"#, in: text) { _ in "greenlight <version>" }
        return text
    }

    private static func replace(_ pattern: String, in text: String, with transform: (String) -> String) -> String {
        let expression = try! NSRegularExpression(pattern: pattern)
        let nsText = text as NSString
        var result = ""
        var last = 0
        for match in expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
            result += nsText.substring(with: NSRange(location: last, length: match.range.location - last))
            result += transform(nsText.substring(with: match.range))
            last = match.range.location + match.range.length
        }
        return result + nsText.substring(from: last)
    }

    /// A readable line-by-line difference, empty when equal.
    public static func difference(expected: String, actual: String) -> String {
        guard expected != actual else { return "" }
        let want = expected.components(separatedBy: "\n")
        let got = actual.components(separatedBy: "\n")
        var out = ["golden text differs (- expected, + actual):"]
        for index in 0..<max(want.count, got.count) {
            let left = index < want.count ? want[index] : nil
            let right = index < got.count ? got[index] : nil
            if left == right { out.append("  \(left ?? "")") } else {
                if let left { out.append("- \(left)") }
                if let right { out.append("+ \(right)") }
            }
        }
        return out.joined(separator: "\n")
    }
}
