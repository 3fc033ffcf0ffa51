import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The JUnit XML reports a step names in `reports:`, found after it ran and read with
/// `JUnitReport`. Only files inside the checkout count (a symbolic link out of it is refused),
/// and only those written while the step ran (a report left by an earlier run in the
/// workspace describes other code).
struct StepReports {
    /// The checkout, as a host path.
    let directory: URL
    /// When the step started; older files are stale.
    let since: Date
    /// Where the checkout is, as paths inside reports may name it (the host path, the sandbox's).
    var projectRoots: [String] = []

    struct Read {
        var summaries: [TestRunSummary] = []
        /// One line per pattern that matched nothing fresh, or file that could not be read.
        var warnings: [String] = []
    }

    func read(_ patterns: [String]) -> Read {
        var read = Read()
        let root = directory.resolvingSymlinksInPath().path
        // A file two patterns match is one report, read once.
        var seen = Set<String>()
        for pattern in patterns {
            var fresh = 0
            for path in Self.glob(Self.escaped(directory.path) + "/" + pattern) {
                let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard resolved.hasPrefix(root + "/") else {
                    read.warnings.append("report \(path.dropFirst(directory.path.count + 1)) leads out of the checkout; not read")
                    continue
                }
                var info = stat()
                guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                let seconds = TimeInterval(info.st_mtim.tv_sec)
                let modified = Date(timeIntervalSince1970: seconds + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
                // A file system that keeps whole seconds only: the step's own second counts.
                let coarse = info.st_mtim.tv_nsec == 0 && seconds >= since.timeIntervalSince1970.rounded(.down)
                guard modified >= since || coarse else { continue }
                fresh += 1
                guard seen.insert(resolved).inserted else { continue }
                do {
                    read.summaries.append(try JUnitReport.read(contentsOf: URL(fileURLWithPath: resolved), projectRoots: projectRoots + [directory.path, root]))
                } catch {
                    read.warnings.append("\(error)")
                }
            }
            if fresh == 0 { read.warnings.append("report '\(pattern)': no file written by this run matched") }
        }
        return read
    }

    /// glob(3) matches, sorted; none on error.
    static func glob(_ pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard Glibc.glob(pattern, 0, nil, &matches) == 0 else { return [] }
        return (0..<Int(matches.gl_pathc)).compactMap { matches.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    /// `path` with glob(7)'s special characters escaped, so only the pattern part matches.
    static func escaped(_ path: String) -> String {
        var out = ""
        for character in path {
            if "*?[]\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
