import Foundation

/// Sleeping for a duration that came from a client or a test (`timeoutSeconds`, `activeDeadlineSeconds`,
/// fault delays): clamped to a sane range so absurd values never trap, and ends early on cancellation.
enum Pause {
    /// About eleven days; longer than any test runs.
    static let longest: TimeInterval = 1_000_000

    static func seconds(_ duration: TimeInterval) async {
        let clamped = duration.isFinite ? min(max(0, duration), longest) : longest
        try? await Task.sleep(nanoseconds: UInt64(clamped * 1_000_000_000))
    }
}
