#if canImport(Glibc)
import Glibc
#endif

/// One process below a hung step that greenlight asked to print its state before killing it.
public struct StateRequest: Sendable, Equatable, CustomStringConvertible {
    /// What the process was taken for, which decides the signal.
    public enum Kind: String, Sendable, Equatable {
        /// A Go test binary (`*.test`): SIGQUIT makes the Go runtime print every goroutine's
        /// stack and exit 2 (https://pkg.go.dev/os/signal#hdr-Default_behavior_of_signals_in_Go_programs).
        case goTest = "go test binary"
        /// A Go test binary the Ginkgo CLI started (with `-ginkgo.` flags): SIGINT makes it print a
        /// progress report of the running specs and its summary (https://onsi.github.io/ginkgo/#interrupting-aborting-and-timing-out-suites).
        case ginkgo = "Ginkgo suite"
        /// A Python interpreter with `PYTHONFAULTHANDLER` set: SIGABRT makes faulthandler print
        /// every thread's traceback (https://docs.python.org/3/library/faulthandler.html).
        case python = "Python"
        /// A JVM: SIGQUIT prints a thread dump and the JVM goes on
        /// (https://docs.oracle.com/en/java/javase/17/troubleshoot/diagnostic-tools.html).
        case jvm = "JVM"
        /// A Swift test process (`*.xctest`, `swiftpm-testing-helper`) with the runtime's
        /// backtracer on (`SWIFT_BACKTRACE=enable=yes,…`): SIGABRT makes it print every thread's
        /// stack (https://github.com/swiftlang/swift/blob/main/docs/Backtracing.rst).
        case swift = "Swift tests"

        /// The signal that asks this kind of process for its state.
        public var signal: Int32 {
            switch self {
            case .goTest, .jvm: return SIGQUIT
            case .ginkgo: return SIGINT
            case .python, .swift: return SIGABRT
            }
        }

        var signalName: String {
            switch self {
            case .goTest, .jvm: return "SIGQUIT"
            case .ginkgo: return "SIGINT"
            case .python, .swift: return "SIGABRT"
            }
        }
    }

    public var pid: Int32
    /// The program's file name (`cmd.test`, `python3.11`, `java`).
    public var program: String
    public var kind: Kind

    public init(pid: Int32, program: String, kind: Kind) {
        self.pid = pid
        self.program = program
        self.kind = kind
    }

    /// "SIGQUIT to cmd.test (pid 4242, go test binary)".
    public var description: String { "\(kind.signalName) to \(program) (pid \(pid), \(kind.rawValue))" }
}
