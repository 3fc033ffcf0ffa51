import Foundation
import Testing

/// Stand-ins for Go test binaries: real executables named `*.test`, compiled here from C, so
/// that what finds test processes through /proc sees what it sees in a real `go test` tree.
public enum FakeTestBinary {
    /// A C program that prints `=== RUN   TestWait` and waits; on `signal` it prints `dump` and exits 2.
    /// `marker` is compiled into the binary (Ginkgo's package path makes it a Ginkgo suite).
    public static func build(named name: String, in directory: URL, signal: String, dump: String, marker: String = "",
                             started: String = "=== RUN   TestWait") throws -> URL {
        let source = directory.appendingPathComponent("\(name).c")
        let escaped = dump.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        try """
            #include <signal.h>
            #include <stdio.h>
            #include <string.h>
            #include <unistd.h>
            static const char marker[] = "\(marker)";
            static void dump(int sig) { const char *text = "\(escaped)"; write(1, text, strlen(text)); _exit(2); }
            int main(void) {
                signal(\(signal), dump);
                printf("\(started)\\n%s", marker[0] ? "" : ""); fflush(stdout);
                for (;;) pause();
            }
            """.write(to: source, atomically: true, encoding: .utf8)
        let binary = directory.appendingPathComponent(name)
        let compiler = ["/usr/bin/cc", "/usr/bin/gcc", "/usr/bin/clang"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let cc = try #require(compiler, "a C compiler (cc) is needed to build the stand-in test binary")
        let compiled = try FixtureProcess().run([cc, "-o", binary.path, source.path], in: directory, environment: TestEnvironment.base)
        #expect(compiled.status == 0, "\(compiled)")
        return binary
    }

}
