import Foundation

/// Finds the real `gh` for `greenlight pr create`: `GREENLIGHT_REAL_GH` (set by the shim),
/// else the first `gh` on PATH that is not greenlight's shim, so there is no recursion.
public enum RealGH {
    public struct NotFound: Error, CustomStringConvertible, LocalizedError, Sendable {
        public var description: String { "the GitHub CLI (gh) is not on PATH; install it, or open the PR another way" }
        public var errorDescription: String? { description }
    }

    public static func locate(environment: [String: String]) throws -> String {
        if let given = environment["GREENLIGHT_REAL_GH"], !given.isEmpty, !isShim(given) { return given }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("gh").path
            if FileManager.default.isExecutableFile(atPath: candidate), !isShim(candidate) { return candidate }
        }
        throw NotFound()
    }

    static func isShim(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 512)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains("greenlight-managed-hook: gh")
    }
}
