import Foundation

/// The fake server's own threads for its async request handling. On the shared cooperative
/// pool (as wide as the machine has cores), test code that blocks waiting for a child
/// process — a `git push` whose hook is talking to this very server — could take every
/// thread and starve the server until the client's deadline.
final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = ServerExecutor(threads: 4)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        for index in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "fake-kube-apiserver-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
