/// One frame line of a Swift runtime backtrace, as swift-backtrace's `BacktraceFormatter` prints
/// it (https://github.com/swiftlang/swift/blob/main/stdlib/public/RuntimeModule/BacktraceFormatter.swift,
/// `formatColumns(frame:)`): the index, the attributes, the address, then the symbol, its offset,
/// its image and its source location, e.g.
///
///     1 [ra]          0x000055560eb32c39 CacheTests.testCacheList() + 24 in LibPackageTests.xctest at /src/Tests/LibTests/LibTests.swift:6:28
///     3 [ra] [thunk]  0x000055560eb0883c thunk for @escaping @callee_guaranteed () -> () + 11 in LibPackageTests.xctest at //<compiler-generated>
///     0               0x00007f54f0325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
///
/// The "friendly" preset leaves out the attributes, and the address when there is a source location.
struct SwiftBacktraceFrame {
    /// `[thunk]`: a compiler-generated thunk.
    var isThunk = false
    /// `[system]`: a frame the backtracer counts as the system's (test discovery, runtime entry points).
    var isSystem = false
    /// The symbol as printed, without " + offset": `CacheTests.testCacheList()`,
    /// `closure #1 in Watcher.init()`; nil when the address was not symbolicated.
    var function: Substring?
    /// `LibPackageTests.xctest`, `libc.so.6`.
    var image: Substring?
    /// What follows " at ": `/src/Tests/LibTests/LibTests.swift:6:28`, `//<compiler-generated>`.
    var location: Substring?

    /// Reads a frame line; nil for anything else (a frame needs an index and an address or an image).
    init?(line: Substring) {
        var text = HangDumpText.trimmed(line)
        let index = text.prefix { $0.isASCII && $0.isNumber }
        guard !index.isEmpty else { return nil }
        text = text[index.endIndex...]
        guard text.isEmpty || text.first == " " else { return nil }
        text = Self.droppingSpaces(text)
        while text.first == "[", let close = text.firstIndex(of: "]") {
            switch text[text.index(after: text.startIndex)..<close] {
            case "thunk": isThunk = true
            case "system": isSystem = true
            default: break // ra, async, inlined (a function inlined into the next frame's)
            }
            text = Self.droppingSpaces(text[text.index(after: close)...])
        }
        var sawAddress = false
        if OutputText.hasPrefix(text, "0x") {
            let token = text.prefix { $0 != " " }
            guard token.count > 2, token.dropFirst(2).allSatisfy(\.isHexDigit) else { return nil }
            sawAddress = true
            text = Self.droppingSpaces(text[token.endIndex...])
        }
        if !text.isEmpty {
            let parts = Self.split(symbol: text)
            function = parts.function
            image = parts.image
            location = parts.location
        }
        guard sawAddress || image != nil else { return nil }
    }

    private static func droppingSpaces(_ text: Substring) -> Substring {
        text.drop { $0 == " " || $0 == "\t" }
    }

    /// "name + 24 in Image at /path:6:28": the image is the first single word after " in " that
    /// ends the text or is followed by " at " (a symbol may hold " in " itself: "closure #1 in f()").
    static func split(symbol text: Substring) -> (function: Substring, image: Substring?, location: Substring?) {
        var search = text
        while let found = HangDumpText.range(of: " in ", in: search) {
            let after = text[found.upperBound...]
            let token = after.prefix { $0 != " " }
            let rest = after[token.endIndex...]
            if !token.isEmpty, rest.isEmpty || OutputText.hasPrefix(rest, " at ") {
                let location = rest.isEmpty ? nil : rest.dropFirst(4)
                return (withoutOffset(text[..<found.lowerBound]), token, location.flatMap { $0.isEmpty ? nil : $0 })
            }
            search = text[found.upperBound...]
        }
        return (withoutOffset(text), nil, nil)
    }

    /// "f() + 24" is "f()" ("- 8" too).
    static func withoutOffset(_ text: Substring) -> Substring {
        let digits = text.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return text }
        let beforeDigits = text.dropLast(digits.count)
        guard OutputText.hasSuffix(beforeDigits, " + ") || OutputText.hasSuffix(beforeDigits, " - ") else { return text }
        return beforeDigits.dropLast(3)
    }

    /// The location's file and line: "/path/x.swift:6:28" and "/path/x.swift:6" give ("/path/x.swift", 6);
    /// a path without a line (generated code) gives nil.
    var source: (path: Substring, line: Int)? {
        guard let location, let (first, number) = HangDumpText.location(location) else { return nil }
        if let (path, line) = HangDumpText.location(first), !path.isEmpty { return (path, line) }
        return first.isEmpty ? nil : (first, number)
    }

    /// Part of a `@Test` function's macro expansion (Swift Testing): its symbol or its file,
    /// `@__swiftmacro_9KubeTests10podRunning4TestfMp_.swift`, names the attached `Test` peer macro.
    var isTestMacroExpansion: Bool {
        (function.map { HangDumpText.contains($0, Self.testMacroMarker) } ?? false)
            || (location.map { HangDumpText.contains($0, Self.testMacroMarker) } ?? false)
    }

    /// How the mangled name of a `@Test` peer-macro expansion continues after the function's name.
    static let testMacroMarker = "4TestfMp_"

    /// Whether the frame is the project's own code: it has a source file and line, is no thunk or
    /// system frame, and lies neither in generated code (`<compiler-generated>`, macro expansions,
    /// SwiftPM's `*.derived` sources) nor in a dependency (`.build/checkouts/`) nor in the
    /// toolchain or a system library; when project roots are known, its file lies under one of them.
    func isProject(paths: HangDumpPaths) -> Bool {
        guard !isThunk, !isSystem, function != nil, let (path, _) = source else { return false }
        if let image, Self.isSystemImage(image) { return false }
        if HangDumpText.contains(path, "<compiler-generated>") || HangDumpText.contains(path, "@__swiftmacro_")
            || HangDumpText.contains(path, ".derived/") {
            return false
        }
        let relative = paths.relativeToCheckout(path)
        let shown = relative ?? path
        if HangDumpPaths.hasDirectory(".build/checkouts", in: shown) || HangDumpPaths.hasDirectory("SourcePackages/checkouts", in: shown) {
            return false
        }
        if relative != nil { return true }
        if Self.toolchainPrefixes.contains(where: { path.hasPrefix($0) }) { return false }
        return !paths.isOutsideCheckout(path)
    }

    /// Where toolchains and their sources live (swift.org builds record `/home/build-user/…`).
    static let toolchainPrefixes = [
        "/usr/lib/swift", "/usr/share/swift", "/usr/libexec/swift", "/opt/swift", "/home/build-user/",
        "/Library/Developer/", "/Applications/Xcode", "/usr/include/",
    ]

    /// Images of the C library, the Swift runtime, Foundation, Dispatch and the test frameworks.
    static func isSystemImage(_ image: Substring) -> Bool {
        systemImages.contains(String(image)) || systemImagePrefixes.contains { image.hasPrefix($0) }
    }

    private static let systemImages: Set<String> = ["XCTest", "XCTestCore", "Testing", "Foundation", "dyld"]
    private static let systemImagePrefixes = [
        "libc.so", "libc-", "libm.so", "libpthread", "ld-linux", "ld-musl", "libstdc++", "libgcc", "libswift",
        "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libXCTest", "libTesting.",
        "lib_Testing", "libicu", "libsystem_", "libdyld",
    ]
}
