import Foundation

extension NSLock {
    /// Runs `body` with the lock held, keeping the body's typed error.
    func locked<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}
