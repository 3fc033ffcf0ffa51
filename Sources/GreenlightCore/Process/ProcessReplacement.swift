import CProcessSpawn
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Replaces greenlight with another program (`git push`, `gh pr create`) once the gate
/// passed, so that program gets greenlight's stdin, terminal and exit status untouched.
public enum ProcessReplacement {
    /// Flushes every C stream, resets every signal to its default and unblocks it, stops
    /// being a child subreaper, then `execvp(arguments[0], arguments)` (looked up on PATH).
    /// Returns only when that failed: the errno.
    public static func exec(_ arguments: [String]) -> Int32 {
        fflush(nil)
        let prepared = greenlight_prepare_exec()
        if prepared != 0 { return prepared }
        var pointers: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        pointers.append(nil)
        execvp(arguments[0], pointers)
        let failure = errno
        pointers.forEach { free($0) }
        return failure
    }
}
