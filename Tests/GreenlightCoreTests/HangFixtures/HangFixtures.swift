/// Output of hung test runs, for `HangDumpTests`.
///
/// Real fixtures were captured on Linux (Debian 12) with Go 1.19.8, Python 3.11.7 + pytest 9.0.3
/// and OpenJDK 17.0.15 from tiny projects under /tmp/hangfix (Go module example.com/m in
/// /tmp/hangfix/src, Go module "hangdemo" in /tmp/hangfix/demo, Python project in /tmp/hangfix/py,
/// Java classes in /tmp/hangfix/java), with GOFLAGS=-mod=mod GOPROXY=off GOPATH=/tmp/gopath; each
/// fixture's comment gives the command and signal. They are unedited.
///
/// Fixtures marked "From source" were written by hand from the printing code, because the tool
/// could not be run here (no network for Ginkgo, only Go 1.19 installed): Ginkgo v2's
/// reporters/default_reporter.go (`EmitProgressReport`, `emitProgressReport`, `emitGoroutines`,
/// `emitSource`) and formatter.go (two spaces per level), and Go's runtime/traceback.go and
/// testing/testing.go (`goroutineheader`, `printcreatedby1` " in goroutine N", `startAlarm`'s
/// "running tests:").
enum HangFixtures {}
