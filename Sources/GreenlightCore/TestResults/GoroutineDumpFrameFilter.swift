/// Which frames of a Go traceback belong to the project: not the runtime or the standard library
/// (a package path whose first element has no dot, or a file in GOROOT), not the generated test
/// main, not a dependency (the module cache `/pkg/mod/`, a `vendor/` directory, a `-trimpath`
/// `module@version/` path), and, when project roots are known, only files under one of them.
enum GoroutineDumpFrameFilter {
    static func isProject(_ function: GoroutineDumpFunction, file: Substring, paths: HangDumpPaths) -> Bool {
        if file == "_testmain.go" || OutputText.hasSuffix(file, "/_testmain.go") || function.packagePath.isEmpty {
            return false
        }
        let relative = paths.relativeToCheckout(file)
        let shown = relative ?? file
        if HangDumpText.contains(file, "/pkg/mod/") || HangDumpPaths.hasDirectory("vendor", in: shown)
            || HangDumpText.contains(shown, "@v") {
            return false
        }
        if relative != nil { return true }
        if function.looksLikeStandardLibrary {
            if GoroutineDumpFunction.standardLibraryRoots.contains(function.firstPathElement) { return false }
            // A standard package missing from the list above still lives at GOROOT/src/<package path>/.
            if HangDumpText.contains(file, "/src/" + function.packagePath + "/") { return false }
        }
        return !paths.isOutsideCheckout(file)
    }
}
