import Foundation

/// Every request the server received, in arrival order.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [RecordedRequest] = []

    func record(_ request: APIRequest) {
        let entry = RecordedRequest(method: request.method, path: request.path, query: request.rawQuery,
                                    headers: request.headers)
        lock.withLock { entries.append(entry) }
    }

    private var createdJobs = 0

    var all: [RecordedRequest] { lock.withLock { entries } }

    /// Successful Job POSTs.
    var jobsCreated: Int { lock.withLock { createdJobs } }

    func noteJobCreated() {
        lock.withLock { createdJobs += 1 }
    }
}
