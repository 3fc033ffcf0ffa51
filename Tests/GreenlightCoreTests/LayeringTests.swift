import Foundation
import Testing

/// "Folders are the architecture": each area of GreenlightCore may use the areas before it
/// in `order` (and itself), never one after it. The order is ARCHITECTURE.md's, bottom first. A type
/// declared at the top level of a file is found by name in the source text, comments removed.
@Suite("layering of GreenlightCore")
struct LayeringTests {
    static let order = ["Support", "Process", "TestResults", "Git", "Kubernetes", "Config", "Caches", "Verdict", "Attestation", "Steps",
                        "FastTier", "CleanRoom", "Attestor", "Gate", "Runs", "Hooks", "Report", "UseCases"]

    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/GreenlightCore")
    }

    static func sources() throws -> [(area: String, file: String, text: String)] {
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var result: [(String, String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = url.path.dropFirst(root.path.count + 1)
            let area = String(relative.split(separator: "/")[0])
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
            result.append((area, url.lastPathComponent, text))
        }
        return result
    }

    @Test func everyAreaIsInTheOrder() throws {
        let areas = Set(try Self.sources().map(\.area))
        #expect(areas == Set(Self.order), "areas not in the layering order: \(areas.symmetricDifference(Self.order))")
    }

    @Test func noAreaUsesOneAboveIt() throws {
        let files = try Self.sources()
        var definedIn: [String: String] = [:]
        let declaration = try NSRegularExpression(
            pattern: #"^(?:public |internal |fileprivate |private )?(?:final )?(?:struct|class|enum|protocol|actor|typealias) (\w+)"#,
            options: .anchorsMatchLines)
        for file in files {
            let text = file.text as NSString
            for match in declaration.matches(in: file.text, range: NSRange(location: 0, length: text.length)) {
                definedIn[text.substring(with: match.range(at: 1))] = file.area
            }
        }
        var violations: [String] = []
        for file in files {
            guard let level = Self.order.firstIndex(of: file.area) else { continue }
            for (name, area) in definedIn where area != file.area {
                guard let other = Self.order.firstIndex(of: area), other > level else { continue }
                if file.text.range(of: #"\b\#(name)\b"#, options: .regularExpression) != nil {
                    violations.append("\(file.area)/\(file.file) uses \(name) from \(area), which is above it")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.sorted().joined(separator: "\n"))")
    }
}
