/// A function as Go prints it in a traceback: the symbol, then the arguments, e.g.
/// `example.com/m/cmd.waitForPodRunning(...)`, `example.com/m/internal/kube.(*Client).WaitReady(0xc00003c758)`,
/// `testing.tRunner(0xc0000969c0, 0x52f548)`. The package path ends at the first dot after the
/// last slash (Go escapes dots in a path's last element as %2e in symbol names), see
/// https://go.dev/src/runtime/traceback.go and https://go.dev/src/cmd/internal/objabi/path.go.
struct GoroutineDumpFunction: Sendable, Equatable {
    /// The whole symbol, without arguments: `example.com/m/internal/kube.(*Client).WaitReady`.
    var symbol: String
    /// `example.com/m/internal/kube`; empty for a symbol without a package (`panic`).
    var packagePath: String
    /// The name without the package path and without type arguments: `(*Client).WaitReady`, `TestX.func1`.
    var name: String

    /// Parses a symbol as printed: arguments `(…)` at the end and ` in goroutine N` (Ginkgo keeps
    /// that suffix of a "created by" line) are dropped.
    init?(printed: Substring) {
        var text = HangDumpText.trimmed(printed)
        if let suffix = HangDumpText.range(of: " in goroutine ", in: text) {
            text = Substring(text.unicodeScalars[..<suffix.lowerBound])
        }
        if text.last == ")" {
            // The arguments are the last balanced parentheses; "(...)" marks an inlined call.
            var depth = 0
            var open: Substring.Index?
            var index = text.endIndex
            while index > text.startIndex {
                index = text.index(before: index)
                if text[index] == ")" { depth += 1 }
                if text[index] == "(" {
                    depth -= 1
                    if depth == 0 { open = index; break }
                }
            }
            guard let open else { return nil }
            text = text[..<open]
        }
        guard !text.isEmpty, !OutputText.contains(text, " "), !OutputText.contains(text, "\t") else { return nil }
        symbol = HangDumpText.capped(text)
        let lastSlash = text.lastIndex(of: "/")
        let afterSlash = lastSlash.map { text.index(after: $0) } ?? text.startIndex
        if let dot = text[afterSlash...].firstIndex(of: ".") {
            packagePath = String(text[..<dot])
            name = String(text[text.index(after: dot)...])
        } else {
            packagePath = ""
            name = String(text)
        }
        name = name.replacing("[...]", with: "")
    }

    /// The package path's first element, e.g. `example.com`, `runtime`, `net`.
    var firstPathElement: Substring {
        packagePath.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    }

    /// Whether the package path starts like a standard library one: no dot in its first element.
    /// (A module path without a dot can still be the project's; the file path decides that.)
    var looksLikeStandardLibrary: Bool {
        !OutputText.contains(firstPathElement, ".")
    }

    /// The test a test function's frame names: `TestCacheList` for `TestCacheList` and for its
    /// closures `TestCacheList.func1.2`; a method keeps its receiver: `(*Suite).TestX`.
    var testName: String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if OutputText.hasPrefix(name, "("), parts.count >= 2 {
            return parts[0] + "." + parts[1]
        }
        return String(parts.first ?? Substring(name))
    }

    /// Whether the function (or the method, past its receiver) is named like a Go test, fuzz
    /// test, example or benchmark, or is a closure inside one.
    var looksLikeTest: Bool {
        var base = Substring(name)
        if OutputText.hasPrefix(base, "("), let close = base.firstIndex(of: ")") {
            base = base[base.index(after: close)...].drop { $0 == "." }
        }
        return ["Test", "Fuzz", "Example", "Benchmark"].contains { base.hasPrefix($0) }
    }

    /// Top-level directories of Go's standard library (GOROOT/src), for paths printed without
    /// GOROOT (`-trimpath`) and for telling a dot-less package path apart from a project's module.
    static let standardLibraryRoots: Set<Substring> = [
        "archive", "bufio", "builtin", "bytes", "cmp", "compress", "container", "context", "crypto",
        "database", "debug", "embed", "encoding", "errors", "expvar", "flag", "fmt", "go", "hash",
        "html", "image", "index", "internal", "io", "iter", "log", "maps", "math", "mime", "net",
        "os", "path", "plugin", "reflect", "regexp", "runtime", "slices", "sort", "strconv",
        "strings", "structs", "sync", "syscall", "testing", "text", "time", "unicode", "unique",
        "unsafe", "vendor", "weak",
    ]
}
