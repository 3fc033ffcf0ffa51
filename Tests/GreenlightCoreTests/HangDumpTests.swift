import Foundation
import GreenlightCore
import Testing

/// `HangDumpCollector` on real dumps (see HangFixtures.swift for how each was made) and on the
/// awkward inputs a step's output can hold.
@Suite("hang dumps")
struct HangDumpTests {
    static let goRoot = "/tmp/hangfix/src"
    static let demoRoot = "/tmp/hangfix/demo"

    /// Feeds `output` line by line, as the output analyzer does.
    static func collect(_ output: String, roots: [String]) -> HangDumpCollector {
        let collector = HangDumpCollector(projectRoots: roots)
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            collector.consume(line)
        }
        return collector
    }

    static func report(_ output: String, roots: [String], running: [String] = []) -> HangReport? {
        collect(output, roots: roots).report(running: running)
    }

    /// The text of `go test -json` output: its Output fields in order, as the analyzer unwraps them.
    static func unwrapJSON(_ output: String) throws -> String {
        var text = ""
        for line in output.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            if let piece = object?["Output"] as? String { text += piece }
        }
        return text
    }

    static let cacheList = HangReport(test: "TestCacheList", frames: [
        "cmd/cache_list.go:9 waitForPodRunning",
        "cmd/cache_list_test.go:22 TestCacheList",
    ])
    static let pollFrames = [
        "internal/kube/client.go:15 (*Client).WaitReady",
        "cmd/cache_list.go:17 listCache",
        "cmd/cache_list_test.go:31 TestCachePoll.func1",
    ]
    static let pollRunning = ["TestCachePoll", "TestCachePoll/eventually_ready"]

    // MARK: Go, real

    @Test func goSIGQUITOnAChannelReceive() {
        #expect(Self.report(HangFixtures.goChanQuit, roots: [Self.goRoot]) == Self.cacheList)
        #expect(Self.report(HangFixtures.goChanQuit, roots: [Self.goRoot], running: ["TestCacheList"]) == Self.cacheList)
    }

    @Test func goSIGQUITInAPollLoopOfASubtest() {
        // The parent waits in t.Run; the subtest's goroutine is the one hanging.
        #expect(Self.report(HangFixtures.goPollQuit, roots: [Self.goRoot], running: Self.pollRunning)
            == HangReport(test: "TestCachePoll/eventually_ready", frames: Self.pollFrames))
        #expect(Self.report(HangFixtures.goPollQuit, roots: [Self.goRoot])
            == HangReport(test: "TestCachePoll", frames: Self.pollFrames))
    }

    @Test func goSIGQUITThroughGoTestAndTheDeadlockDetector() {
        #expect(Self.report(HangFixtures.goTestVerboseQuit, roots: [Self.goRoot]) == Self.cacheList)
        #expect(Self.report(HangFixtures.goDeadlock, roots: [Self.goRoot]) == Self.cacheList)
    }

    @Test func goTestTimeoutPanic() {
        #expect(Self.report(HangFixtures.goTimeout, roots: [Self.goRoot]) == Self.cacheList)
        #expect(Self.report(HangFixtures.goTimeoutPollVerbose, roots: [Self.goRoot], running: Self.pollRunning)
            == HangReport(test: "TestCachePoll/eventually_ready", frames: Self.pollFrames))
    }

    @Test func goTestJSONUnwrapped() throws {
        #expect(Self.report(try Self.unwrapJSON(HangFixtures.goTimeoutJSON), roots: [Self.goRoot]) == Self.cacheList)
        #expect(Self.report(try Self.unwrapJSON(HangFixtures.goQuitJSON), roots: [Self.goRoot], running: Self.pollRunning)
            == HangReport(test: "TestCachePoll/eventually_ready", frames: Self.pollFrames))
    }

    @Test func goParallelTestsAreToldApartByTheLatestRunningTest() {
        let load = HangReport(test: "TestStoreLoad", frames: [
            "store/store.go:26 waitLoaded",
            "store/store.go:22 (*Store).Load",
            "store/store_test.go:14 TestStoreLoad",
        ])
        // The dependency's frame (module cache) is left out between the project's.
        let sync = HangReport(test: "TestStoreSync", frames: [
            "store/store.go:15 (*Store).Sync",
            "store/store_test.go:8 TestStoreSync",
        ])
        #expect(Self.report(HangFixtures.goParallelQuit, roots: [Self.demoRoot], running: ["TestStoreSync", "TestStoreLoad"]) == load)
        #expect(Self.report(HangFixtures.goParallelQuit, roots: [Self.demoRoot], running: ["TestStoreLoad", "TestStoreSync"]) == sync)
        // Without a hint, the first test goroutine of the dump.
        #expect(Self.report(HangFixtures.goParallelQuit, roots: [Self.demoRoot]) == sync)
    }

    @Test func goModuleWithoutADotAndNoRootsKeepsAbsolutePaths() {
        #expect(Self.report(HangFixtures.goParallelQuit, roots: [], running: ["TestStoreSync"])
            == HangReport(test: "TestStoreSync", frames: [
                "/tmp/hangfix/demo/store/store.go:15 (*Store).Sync",
                "/tmp/hangfix/demo/store/store_test.go:8 TestStoreSync",
            ]))
    }

    @Test func goTrimpathKeepsModuleRelativePaths() {
        #expect(Self.report(HangFixtures.goTrimpathTimeout, roots: [Self.demoRoot], running: ["TestStoreSync", "TestStoreLoad"])
            == HangReport(test: "TestStoreLoad", frames: [
                "hangdemo/store/store.go:26 waitLoaded",
                "hangdemo/store/store.go:22 (*Store).Load",
                "hangdemo/store/store_test.go:14 TestStoreLoad",
            ]))
    }

    @Test func rootsChooseTheLongestMatchAndIgnoreATrailingSlash() {
        #expect(Self.report(HangFixtures.goChanQuit, roots: ["/tmp", "/tmp/hangfix/src/", "/work/src"])
            == Self.cacheList)
        // The checkout elsewhere: the frames are someone else's, but the test is still named.
        #expect(Self.report(HangFixtures.goChanQuit, roots: ["/work/src"]) == HangReport(test: "TestCacheList", frames: []))
    }

    // MARK: Go, from source

    @Test func goRunningTestsListNamesTheSubtest() {
        #expect(Self.report(HangFixtures.goTimeoutRunningTests, roots: ["/work/src"])
            == HangReport(test: "TestCachePoll/eventually_ready", frames: Self.pollFrames))
    }

    @Test func goHeadersWithGoroutinePointers() {
        #expect(Self.report(HangFixtures.goQuitNewHeaders, roots: ["/work/src", "/clean-room/src"]) == Self.cacheList)
    }

    // MARK: Ginkgo, from source

    static let ginkgoFrames = [
        "internal/kube/client.go:15 (*Client).WaitReady",
        "e2e/helpers_test.go:31 waitForPodRunning",
        "e2e/pods_test.go:23 init.func1.1.1",
    ]

    @Test func ginkgoProgressReportOnInterrupt() {
        #expect(Self.report(HangFixtures.ginkgoInterrupt, roots: ["/work/src"])
            == HangReport(test: "Pods when the cache is listed creates the pod", frames: Self.ginkgoFrames))
    }

    @Test func ginkgoSpecNamedWithItsNodeTypeWhenTheOutputHasIt() {
        let named = HangReport(test: "Pods when the cache is listed [It] creates the pod", frames: Self.ginkgoFrames)
        #expect(Self.report(HangFixtures.ginkgoInterrupt, roots: ["/work/src"],
                            running: ["TestE2E", "Pods when the cache is listed [It] creates the pod"]) == named)
        let later = HangFixtures.ginkgoInterrupt + "\n• [INTERRUPTED] [30.004 seconds]\nPods when the cache is listed [It] creates the pod\n/work/src/e2e/pods_test.go:21\n"
        #expect(Self.report(later, roots: ["/work/src"]) == named)
    }

    // MARK: Python, real

    @Test func pythonFaulthandlerInAPollLoop() {
        let expected = HangReport(test: "tests/test_pods.py::test_pod_running", frames: [
            "app/pods.py:7 wait_for_pod",
            "tests/test_pods.py:15 test_pod_running",
        ])
        #expect(Self.report(HangFixtures.pythonPoll, roots: ["/tmp/hangfix/py"], running: ["tests/test_pods.py::test_pod_running"]) == expected)
        // Without `running`, pytest -v's node id on the line the traceback continues.
        #expect(Self.report(HangFixtures.pythonPoll, roots: ["/tmp/hangfix/py"]) == expected)
    }

    @Test func pythonFaulthandlerOnAQueueWithAnotherThread() {
        #expect(Self.report(HangFixtures.pythonQueue, roots: ["/tmp/hangfix/py"])
            == HangReport(test: "tests/test_pods.py::TestEvents::test_event_arrives", frames: [
                "app/pods.py:11 next_event",
                "tests/test_pods.py:25 test_event_arrives",
            ]))
    }

    @Test func pythonWithoutNodeIDNamesTheFunction() {
        let output = HangFixtures.pythonPoll.replacingOccurrences(of: "tests/test_pods.py::test_pod_running Fatal", with: "Fatal")
        #expect(Self.report(output, roots: ["/tmp/hangfix/py"])?.test == "test_pod_running")
    }

    // MARK: JVM, real

    @Test func jvmThreadDumpOfATestBlockedOnALatch() {
        let expected = HangReport(test: "CacheListTest.listsCache", frames: [
            "CacheListTest.java:10 CacheListTest.waitForPodRunning",
            "CacheListTest.java:29 CacheListTest.listsCache",
            "MiniRunner.java:12 MiniRunner.main",
        ])
        #expect(Self.report(HangFixtures.jvmLatch, roots: ["/tmp/hangfix/java"]) == expected)
        #expect(Self.report(HangFixtures.jvmLatch, roots: [], running: ["com.example.cache.CacheListTest.listsCache"])
            == HangReport(test: "com.example.cache.CacheListTest.listsCache", frames: expected.frames))
    }

    /// From source (the shape of the real dump above with JUnit 5 and Gradle frames): the test
    /// runs on Gradle's "Test worker" thread, not on "main".
    @Test func jvmJUnitOnAGradleTestWorker() {
        let output = """
            Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

            "main" #1 prio=5 os_prio=0 cpu=401.20ms elapsed=62.31s tid=0x00007f3c2c017f40 nid=0x2f01 waiting on condition  [0x00007f3c31ffd000]
               java.lang.Thread.State: WAITING (parking)
            \tat jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
            \tat org.gradle.process.internal.worker.child.SystemApplicationClassLoaderWorker.call(SystemApplicationClassLoaderWorker.java:129)
            \tat worker.org.gradle.process.internal.worker.GradleWorkerMain.main(GradleWorkerMain.java:74)

            "Test worker" #12 prio=5 os_prio=0 cpu=512.33ms elapsed=62.10s tid=0x00007f3c2c4a1000 nid=0x2f1b waiting on condition  [0x00007f3bf4dfd000]
               java.lang.Thread.State: TIMED_WAITING (sleeping)
            \tat java.lang.Thread.sleep(java.base@17.0.15/Native Method)
            \tat com.example.kube.PodClient.waitRunning(PodClient.java:41)
            \tat com.example.kube.PodClientTest.waitsForRunningPod(PodClientTest.java:27)
            \tat jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(java.base@17.0.15/Native Method)
            \tat java.lang.reflect.Method.invoke(java.base@17.0.15/Method.java:569)
            \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)
            \tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)
            \tat org.gradle.api.internal.tasks.testing.worker.TestWorker.run(TestWorker.java:176)

            JNI global refs: 24, weak refs: 0
            """
        #expect(Self.report(output, roots: ["/work/src"]) == HangReport(test: "PodClientTest.waitsForRunningPod", frames: [
            "PodClient.java:41 PodClient.waitRunning",
            "PodClientTest.java:27 PodClientTest.waitsForRunningPod",
        ]))
    }

    // MARK: Awkward input

    @Test func pythonTracebackCutShort() throws {
        let lines = HangFixtures.pythonQueue.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = try #require(lines.firstIndex { $0.contains("app/pods.py\", line 11") })
        #expect(Self.report(lines[...cut].joined(separator: "\n"), roots: ["/tmp/hangfix/py"])
            == HangReport(test: "tests/test_pods.py::TestEvents::test_event_arrives", frames: ["app/pods.py:11 next_event"]))
    }

    @Test func dumpCutInTheMiddleOfTheTestGoroutine() throws {
        let lines = HangFixtures.goChanQuit.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = try #require(lines.firstIndex { $0.contains("cache_list_test.go:22") })
        let output = lines[...cut].joined(separator: "\n")
        #expect(Self.report(output, roots: [Self.goRoot]) == Self.cacheList)
    }

    @Test func dumpCutRightAfterItsMarker() throws {
        let lines = HangFixtures.goChanQuit.split(separator: "\n", omittingEmptySubsequences: false)
        let marker = try #require(lines.firstIndex(of: "SIGQUIT: quit"))
        let output = lines[...marker].joined(separator: "\n")
        #expect(Self.report(output, roots: [Self.goRoot], running: ["TestCacheList"]) == HangReport(test: "TestCacheList", frames: []))
        #expect(Self.report(output, roots: [Self.goRoot]) == nil)
    }

    /// The fixture's goroutine 20 (a project goroutine that runs no test) repeated `count` times
    /// with fresh numbers, as the runtime would print a process with that many goroutines.
    static func manyGoroutines(_ count: Int) -> String {
        var text = ""
        for id in 0..<count {
            text += """
                goroutine \(1_000 + id) [chan receive, 3 minutes]:
                example.com/m/internal/kube.Serve(0x52f548?)
                \t/tmp/hangfix/src/internal/kube/client.go:21 +0x1b
                created by example.com/m/cmd.TestCacheList
                \t/tmp/hangfix/src/cmd/cache_list_test.go:19 +0xca


                """
        }
        return text
    }

    @Test func dumpOfTenThousandGoroutines() throws {
        let lines = HangFixtures.goTimeout.split(separator: "\n", omittingEmptySubsequences: false)
        let testGoroutine = try #require(lines.firstIndex(of: "goroutine 19 [chan receive]:"))
        // 9,000 goroutines before the test's and 1,000 after it.
        let output = lines[..<testGoroutine].joined(separator: "\n") + "\n" + Self.manyGoroutines(9_000)
            + lines[testGoroutine...].joined(separator: "\n") + "\n" + Self.manyGoroutines(1_000)
        let started = Date()
        #expect(Self.report(output, roots: [Self.goRoot]) == Self.cacheList)
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func thousandsOfPausedParallelTestsAndOneRunning() {
        var output = "SIGQUIT: quit\nPC=0x468181 m=0 sigcode=0\n\n"
        for id in 0..<2_000 {
            output += """
                goroutine \(100 + id) [chan receive]:
                testing.(*T).Parallel(0xc000007ba0)
                \t/usr/lib/go-1.19/src/testing/testing.go:1384 +0x225
                example.com/m/cmd.TestParallel\(id)(0x0?)
                \t/tmp/hangfix/src/cmd/parallel_test.go:\(10 + id) +0x2a
                testing.tRunner(0xc000007ba0, 0x52f788)
                \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
                created by testing.(*T).Run
                \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f


                """
        }
        let lines = HangFixtures.goChanQuit.split(separator: "\n", omittingEmptySubsequences: false)
        let start = lines.firstIndex(of: "goroutine 19 [chan receive]:")!
        output += lines[start...].joined(separator: "\n")
        #expect(Self.report(output, roots: [Self.goRoot]) == Self.cacheList)
    }

    @Test func linesSplitOddly() {
        let expected = HangReport(test: "TestCachePoll/eventually_ready", frames: Self.pollFrames)
        // The whole output in one call.
        let whole = HangDumpCollector(projectRoots: [Self.goRoot])
        whole.consume(Substring(HangFixtures.goPollQuit))
        #expect(whole.report(running: Self.pollRunning) == expected)
        // CRLF line endings, and several lines per call with a trailing newline.
        let crlf = HangFixtures.goPollQuit.replacingOccurrences(of: "\n", with: "\r\n")
        let lines = crlf.split(separator: "\n", omittingEmptySubsequences: false)
        let chunked = HangDumpCollector(projectRoots: [Self.goRoot])
        var index = 0
        while index < lines.count {
            let end = min(index + 3, lines.count)
            chunked.consume(Substring(lines[index..<end].joined(separator: "\n") + (end < lines.count ? "\n" : "")))
            index = end
        }
        #expect(chunked.report(running: Self.pollRunning) == expected)
        // Tabs turned into spaces by a log pipeline.
        let spaces = HangFixtures.goPollQuit.replacingOccurrences(of: "\t", with: "        ")
        #expect(Self.report(spaces, roots: [Self.goRoot], running: Self.pollRunning) == expected)
    }

    @Test func invalidUTF8AroundAndInsideTheDump() {
        var bytes: [UInt8] = Array("prelude \u{1F600} ok\n".utf8) + [0xFF, 0xFE, 0x41, 0x0A, 0xE2, 0x82, 0x0A]
        for line in HangFixtures.goChanQuit.split(separator: "\n", omittingEmptySubsequences: false) {
            bytes += Array(line.utf8) + [0x0A]
            if line.hasPrefix("goroutine ") { bytes += [0xC3, 0x28, 0xF0, 0x9F, 0x0A] }
        }
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(output.contains("\u{FFFD}"))
        #expect(Self.report(output, roots: [Self.goRoot]) == Self.cacheList)
    }

    @Test func aLineOfOneMegabyte() {
        let long = String(repeating: "x", count: 1 << 20)
        let marked = String(repeating: "y", count: 1 << 20) + " SIGQUIT: quit"
        let lines = HangFixtures.goChanQuit.split(separator: "\n", omittingEmptySubsequences: false)
        let middle = lines.firstIndex(of: "goroutine 19 [chan receive]:")!
        let output = ([long, marked] + lines[..<middle].map(String.init) + [long] + lines[middle...].map(String.init) + [long])
            .joined(separator: "\n")
        let started = Date()
        #expect(Self.report(output, roots: [Self.goRoot]) == Self.cacheList)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func buildAndLinterOutputHasNoDump() {
        let output = """
            Building for debugging...
            /work/src/Sources/App/Cache.swift:12:5: error: cannot find 'podPhase' in scope
            cmd/cache_list.go:12:2: SA1019: grpc.Dial is deprecated (staticcheck)
            cmd/cache_list.go:40:6: func `waitForPodRunning` is unused (unused)
            # example.com/m/cmd
            ./cache_list.go:9:2: undefined: podEvents
            FAIL	example.com/m/cmd [build failed]
            goroutine leak detector: 0 leaked goroutines
            tests/test_pods.py:15: in test_pod_running
            E   AssertionError: panic: not really
            """
        #expect(Self.report(output, roots: ["/work/src"]) == nil)
        #expect(Self.report("", roots: ["/work/src"]) == nil)
    }

    @Test func noDumpNamesTheLastRunningTest() {
        let output = "=== RUN   TestA\n=== RUN   TestA/sub\nwaiting...\n"
        #expect(Self.report(output, roots: ["/work/src"], running: ["TestA", "TestA/sub"]) == HangReport(test: "TestA/sub", frames: []))
    }

    @Test func theLatestDumpWins() {
        let output = HangFixtures.pythonPoll + "\n" + HangFixtures.goChanQuit
        #expect(Self.report(output, roots: [Self.goRoot, "/tmp/hangfix/py"]) == Self.cacheList)
        let reversed = HangFixtures.goChanQuit + "\n" + HangFixtures.jvmLatch
        #expect(Self.report(reversed, roots: [Self.goRoot])?.test == "CacheListTest.listsCache")
    }

    @Test func reportWhileLinesKeepComing() async {
        let collector = HangDumpCollector(projectRoots: [Self.goRoot])
        let lines = HangFixtures.goChanQuit.split(separator: "\n", omittingEmptySubsequences: false)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for line in lines { collector.consume(line) }
            }
            group.addTask {
                for _ in 0..<200 { _ = collector.report(running: []) }
            }
        }
        // Asking early does not disturb what follows.
        #expect(collector.report(running: []) == Self.cacheList)
    }
}
