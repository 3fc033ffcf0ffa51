import Foundation
import GreenlightCore
import Testing

/// `HangDumpCollector` on the Swift runtime's crash backtraces (see HangFixturesSwift.swift for
/// how each was made) and on the awkward inputs a step's output can hold.
@Suite("Swift backtraces")
struct SwiftBacktraceTests {
    static let root = "/tmp/swbt/pkg"

    static func report(_ output: String, roots: [String] = [root], running: [String] = []) -> HangReport? {
        HangDumpTests.report(output, roots: roots, running: running)
    }

    static let waitFrame = "Sources/Kube/Pods.swift:9 waitForPodRunning()"
    static let cacheList = HangReport(test: "CacheTests.testCacheList", frames: [
        waitFrame,
        "Tests/KubeTests/CacheTests.swift:11 CacheTests.testCacheList()",
    ])
    static let podRunning = HangReport(test: "podRunning()", frames: [
        waitFrame,
        "Tests/KubeTests/PodTests.swift:11 podRunning()",
    ])
    static let podReadyFrames = [
        waitFrame,
        "Tests/KubeTests/PodTests.swift:18 PodSuite.podReady()",
    ]

    // MARK: XCTest, real

    @Test func xctestThroughSwiftTest() {
        #expect(Self.report(HangFixtures.swiftXCTest) == Self.cacheList)
        #expect(Self.report(HangFixtures.swiftXCTest, running: ["CacheTests.testCacheList"]) == Self.cacheList)
        // The runner's own reading of the output agrees.
        let summary = TestOutputAnalyzer.analyze(HangFixtures.swiftXCTest, projectRoots: [Self.root])
        #expect(summary.running == ["CacheTests.testCacheList"])
        #expect(summary.hang == Self.cacheList)
    }

    @Test func xctestWithAThreadOfItsOwn() {
        // The "pod-watcher" thread has project frames too, but runs no test.
        let expected = HangReport(test: "CacheTests.testWatch", frames: [
            Self.waitFrame,
            "Tests/KubeTests/CacheTests.swift:18 CacheTests.testWatch()",
        ])
        #expect(Self.report(HangFixtures.swiftXCTestWatcher) == expected)
        #expect(TestOutputAnalyzer.analyze(HangFixtures.swiftXCTestWatcher, projectRoots: [Self.root]).hang == expected)
    }

    @Test func xctestWithRegistersAndImages() {
        #expect(Self.report(HangFixtures.swiftXCTestFullPreset) == HangReport(test: "CacheTests.testCacheList", frames: [
            "Sources/Kube/Pods.swift:4 podIsRunning()",
            "Sources/Kube/Pods.swift:8 waitForPodRunning()",
            "Tests/KubeTests/CacheTests.swift:11 CacheTests.testCacheList()",
        ]))
    }

    @Test func xctestWithSourceLinesAndNoAddresses() {
        #expect(Self.report(HangFixtures.swiftXCTestFriendly) == Self.cacheList)
    }

    @Test func xctestReleaseBuildWithoutTheTestsFrame() {
        let frames = [Self.waitFrame]
        #expect(Self.report(HangFixtures.swiftXCTestRelease, running: ["CacheTests.testCacheList"])
            == HangReport(test: "CacheTests.testCacheList", frames: frames))
        #expect(Self.report(HangFixtures.swiftXCTestRelease) == HangReport(test: nil, frames: frames))
        #expect(Self.report(HangFixtures.swiftXCTestRelease)?.description == "hung at Sources/Kube/Pods.swift:9 waitForPodRunning()")
    }

    @Test func xctestDarwinNamesMatchToo() {
        #expect(Self.report(HangFixtures.swiftXCTest, running: ["KubeTests.CacheTests testCacheList"])
            == HangReport(test: "KubeTests.CacheTests testCacheList", frames: Self.cacheList.frames))
        #expect(Self.report(HangFixtures.swiftXCTest, running: ["KubeTests.CacheTests.testCacheList"])?.test == "KubeTests.CacheTests.testCacheList")
        // A running name that is not this test's leaves the frames' name.
        #expect(Self.report(HangFixtures.swiftXCTest, running: ["CacheTests.testQuick"]) == Self.cacheList)
    }

    // MARK: Swift Testing, real

    @Test func swiftTestingFunctionOnAPoolThread() {
        #expect(Self.report(HangFixtures.swiftTesting) == Self.podRunning)
        #expect(Self.report(HangFixtures.swiftTesting, running: ["podRunning()"]) == Self.podRunning)
        let summary = TestOutputAnalyzer.analyze(HangFixtures.swiftTesting, projectRoots: [Self.root])
        #expect(summary.running == ["podRunning()"])
        #expect(summary.hang == Self.podRunning)
    }

    @Test func swiftTestingSuiteMethodWithADisplayName() {
        let fromFrames = HangReport(test: "PodSuite.podReady()", frames: Self.podReadyFrames)
        #expect(Self.report(HangFixtures.swiftTestingSuite) == fromFrames)
        // Swift Testing prints the display name, which the frames cannot be matched with.
        #expect(Self.report(HangFixtures.swiftTestingSuite, running: ["\"Pod becomes ready\""]) == fromFrames)
        #expect(Self.report(HangFixtures.swiftTestingSuite, running: ["podReady()", "quick()"])
            == HangReport(test: "podReady()", frames: Self.podReadyFrames))
        #expect(Self.report(HangFixtures.swiftTestingSuite, running: ["KubeTests.PodSuite/podReady()"])?.test == "KubeTests.PodSuite/podReady()")
    }

    @Test func swiftTestingWithOnlyTheCrashedThread() {
        // threads=all: Swift 6.3 shows the crashed main thread only; the test comes from `running`.
        #expect(Self.report(HangFixtures.swiftTestingCrashedThreadOnly) == nil)
        #expect(TestOutputAnalyzer.analyze(HangFixtures.swiftTestingCrashedThreadOnly, projectRoots: [Self.root]).hang
            == HangReport(test: "podRunning()", frames: []))
    }

    @Test func swiftTestingSuspendedTestIsOnNoThread() {
        #expect(Self.report(HangFixtures.swiftTestingSuspended) == nil)
        let summary = TestOutputAnalyzer.analyze(HangFixtures.swiftTestingSuspended, projectRoots: [Self.root])
        #expect(summary.running == ["podEvents()"])
        #expect(summary.hang == HangReport(test: "podEvents()", frames: []))
    }

    // MARK: Frames, from source

    /// The test's own frame lost (the frame-pointer unwinder skips the function that called a
    /// blocking C function, here as if the test had called it itself): the function is read from
    /// the `@Test` expansion's mangled name.
    @Test func swiftTestingFunctionNamedByItsExpansion() throws {
        let lines = HangFixtures.swiftTestingSuite.split(separator: "\n", omittingEmptySubsequences: false)
        let output = lines.filter { !$0.contains("waitForPodRunning()") && !$0.contains("PodSuite.podReady() + 23") }.joined(separator: "\n")
        #expect(Self.report(output) == HangReport(test: "PodSuite.podReady", frames: []))
        #expect(Self.report(output, running: ["quick()", "podReady()"]) == HangReport(test: "podReady()", frames: []))
        let free = HangFixtures.swiftTesting.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(" podRunning() + 458") && !$0.contains("waitForPodRunning()") }.joined(separator: "\n")
        #expect(Self.report(free) == HangReport(test: "podRunning", frames: []))
        #expect(Self.report(free, running: ["podRunning()"]) == HangReport(test: "podRunning()", frames: []))
    }

    @Test func dependencyToolchainAndGeneratedFramesAreLeftOut() {
        let output = """
            *** Signal 6: Backtracing from 0x7f54f0325545... done ***

            *** Program crashed: Aborted at 0x000000000000459c ***

            Thread 0 "ShopPackageTest" crashed:

              0               0x00007f54f0325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
              1 [ra] [inlined] 0x000055560eb32c39 NIOLock.withLock<A>(_:) in ShopPackageTests.xctest at /work/src/.build/checkouts/swift-nio/Sources/NIOConcurrencyHelpers/NIOLock.swift:270:16
              2 [ra]          0x000055560eb32c39 Client.waitReady() - 8 in ShopPackageTests.xctest at /work/src/Sources/Shop/Client.swift:40:9
              3 [ra]          0x000055560eb32d00 static Array<A>.append(_:) + 12 in ShopPackageTests.xctest at /home/build-user/swift/stdlib/public/core/Array.swift:1200:5
              4 [ra] [inlined] 0x000055560eb32e00 closure #1 in CartTests.testCheckout() in ShopPackageTests.xctest at /work/src/Tests/ShopTests/CartTests.swift:22:13
              5 [ra]          0x000055560eb32e00 CartTests.testCheckout() + 77 in ShopPackageTests.xctest at /work/src/Tests/ShopTests/CartTests.swift:20:9
              6 [ra] [thunk]  0x000055560eb0883c thunk for @escaping @callee_guaranteed () throws -> () + 11 in ShopPackageTests.xctest at //<compiler-generated>
              7 [ra]          0x00007f54f0400000 XCTestCase.invokeTest() + 40 in libXCTest.so at /home/build-user/swift-corelibs-xctest/Sources/XCTest/Public/XCTestCase.swift:296:13
              8 [ra]          0x0000555600000010
            ...

            Backtrace took 0.01s
            """
        #expect(Self.report(output, roots: ["/work/src"]) == HangReport(test: "CartTests.testCheckout", frames: [
            "Sources/Shop/Client.swift:40 Client.waitReady()",
            "Tests/ShopTests/CartTests.swift:22 closure #1 in CartTests.testCheckout()",
            "Tests/ShopTests/CartTests.swift:20 CartTests.testCheckout()",
        ]))
        // Without roots, toolchain and dependency paths still are not the project's.
        #expect(Self.report(output, roots: [])?.frames == [
            "/work/src/Sources/Shop/Client.swift:40 Client.waitReady()",
            "/work/src/Tests/ShopTests/CartTests.swift:22 closure #1 in CartTests.testCheckout()",
            "/work/src/Tests/ShopTests/CartTests.swift:20 CartTests.testCheckout()",
        ])
    }

    /// A thread the test started, running a closure of the test, gives way to the test's own thread.
    @Test func aClosureOfTheTestOnAnotherThreadIsNotTheTest() {
        let output = """
            *** Program crashed: Aborted at 0x000000000000459c ***

            Thread 0 "main" crashed:

              0      0x00007f54f0325545 epoll_wait + 86 in libc.so.6
            ...

            Thread 1 "pod-watcher":

              0      0x00007f54f0325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
              1 [ra] 0x000055560eb32c39 closure #1 in CacheTests.testWatch() + 30 in KubePackageTests.xctest at /work/src/Tests/KubeTests/CacheTests.swift:17:13
            ...

            Thread 2:

              0      0x00007f54f0325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
              1 [ra] 0x000055560eb32c40 waitForPodRunning() + 46 in KubePackageTests.xctest at /work/src/Sources/Kube/Pods.swift:9:16
              2 [ra] 0x000055560eb32c50 CacheTests.testWatch() + 533 in KubePackageTests.xctest at /work/src/Tests/KubeTests/CacheTests.swift:18:9
            ...

            Backtrace took 0.01s
            """
        let expected = HangReport(test: "CacheTests.testWatch", frames: [
            "Sources/Kube/Pods.swift:9 waitForPodRunning()",
            "Tests/KubeTests/CacheTests.swift:18 CacheTests.testWatch()",
        ])
        #expect(Self.report(output, roots: ["/work/src"]) == expected)
        #expect(Self.report(output, roots: ["/work/src"], running: ["CacheTests.testWatch"]) == expected)
    }

    // MARK: Awkward input

    @Test func dumpCutShort() throws {
        let lines = HangFixtures.swiftTesting.split(separator: "\n", omittingEmptySubsequences: false)
        let expansion = try #require(lines.firstIndex { $0.contains("TestfMp_.swift:4:100") })
        #expect(Self.report(lines[...expansion].joined(separator: "\n")) == Self.podRunning)
        // Before the `@Test` expansion the test is not known: the caller names it from `running`.
        let test = try #require(lines.firstIndex { $0.contains("PodTests.swift:11:5") })
        #expect(Self.report(lines[...test].joined(separator: "\n")) == HangReport(test: nil, frames: Self.podRunning.frames))
        #expect(Self.report(lines[...test].joined(separator: "\n"), running: ["podRunning()"]) == Self.podRunning)
        let inner = try #require(lines.firstIndex { $0.contains("Pods.swift:9:16") })
        #expect(Self.report(lines[...inner].joined(separator: "\n")) == HangReport(test: nil, frames: [Self.waitFrame]))
        let marker = try #require(lines.firstIndex { $0.hasPrefix("*** Signal 6") })
        #expect(Self.report(lines[...marker].joined(separator: "\n"), running: ["podRunning()"]) == HangReport(test: "podRunning()", frames: []))
        #expect(Self.report(lines[...marker].joined(separator: "\n")) == nil)
    }

    @Test func oddBytesAndLineEndings() {
        var bytes: [UInt8] = [0xFF, 0xFE, 0x0A]
        for line in HangFixtures.swiftXCTestWatcher.split(separator: "\n", omittingEmptySubsequences: false) {
            bytes += Array(line.utf8) + [0x0D, 0x0A]
            if line.hasPrefix("Thread ") { bytes += [0xC3, 0x28, 0x00, 0xF0, 0x9F, 0x0D, 0x0A] }
        }
        let output = String(decoding: bytes, as: UTF8.self)
        #expect(output.contains("\u{FFFD}"))
        #expect(Self.report(output)?.test == "CacheTests.testWatch")
        // The whole output in one call.
        let whole = HangDumpCollector(projectRoots: [Self.root])
        whole.consume(Substring(output))
        #expect(whole.report(running: []) == Self.report(HangFixtures.swiftXCTestWatcher))
        // Tabs for the frame columns' spaces.
        let tabs = HangFixtures.swiftXCTest.replacingOccurrences(of: "          0x", with: "\t0x")
        #expect(Self.report(tabs) == Self.cacheList)
    }

    /// `swift test` buffers the test process's output, so XCTest's "started" line can come after
    /// the dump; other output can land between its lines (swift test's stderr did in `swiftTesting`).
    @Test func interleavedWithTheRunnersLines() throws {
        var lines = HangFixtures.swiftXCTest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let started = try #require(lines.firstIndex { $0.hasPrefix("Test Case 'CacheTests.testCacheList' started") })
        let line = lines.remove(at: started)
        lines.append(line)
        let frame = try #require(lines.firstIndex { $0.contains("Pods.swift:9:16") })
        lines.insert(contentsOf: ["Test Case 'CacheTests.testQuick' passed (0.0 seconds)", "✔ Test quick() passed after 0.001 seconds.", "  Executed 3 tests"], at: frame)
        let output = lines.joined(separator: "\n")
        let summary = TestOutputAnalyzer.analyze(output, projectRoots: [Self.root])
        #expect(summary.running == ["CacheTests.testCacheList"])
        #expect(summary.hang == Self.cacheList)
    }

    @Test func manyUnrecognisedLinesEndTheDump() {
        let noise = Array(repeating: "downloading chunk", count: 60).joined(separator: "\n")
        let output = """
            *** Program crashed: Aborted at 0x000000000000459c ***

            \(noise)
            Thread 0 "main" crashed:
              1 [ra] 0x000055560eb32c40 waitForPodRunning() + 46 in KubePackageTests.xctest at /work/src/Sources/Kube/Pods.swift:9:16
            """
        #expect(Self.report(output, roots: ["/work/src"]) == nil)
    }

    @Test func thousandsOfThreadsAndLongLines() throws {
        var threads = ""
        for index in 1...5_000 {
            threads += """
                Thread \(index) "worker-\(index)":

                  0      0x00007f0f8e6dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
                  1 [ra] 0x0000558cd1ed3074 static Watcher.watchEvents() + 51 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:27:20
                  2 [ra] 0x00007fc1c5f795f9 Thread.main() + 24 in libFoundation.so
                ...


                """
        }
        let long = "  3 [ra] 0x00007fc1c5f795f9 " + String(repeating: "closure #1 in ", count: 100_000) + "f() + 1 in X.xctest at /tmp/swbt/pkg/x.swift:1:1"
        let lines = HangFixtures.swiftXCTestWatcher.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let second = try #require(lines.firstIndex { $0.hasPrefix("Thread 1 ") })
        let output = (lines[..<second] + [long, threads] + lines[second...]).joined(separator: "\n")
        let started = Date()
        #expect(Self.report(output) == Self.report(HangFixtures.swiftXCTestWatcher))
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func aLaterDumpWinsAndOtherFormatsStillWork() {
        let both = HangFixtures.swiftTesting + "\n" + HangFixtures.swiftXCTest
        #expect(Self.report(both) == Self.cacheList)
        let goAfter = HangFixtures.swiftXCTest + "\n" + HangFixtures.goChanQuit
        #expect(Self.report(goAfter, roots: [Self.root, HangDumpTests.goRoot]) == HangDumpTests.cacheList)
        let swiftAfter = HangFixtures.goChanQuit + "\n" + HangFixtures.swiftXCTestWatcher
        #expect(Self.report(swiftAfter, roots: [Self.root, HangDumpTests.goRoot])?.test == "CacheTests.testWatch")
    }

    @Test func swiftBuildAndTestOutputHasNoDump() {
        let output = """
            Building for debugging...
            /work/src/Sources/App/Cache.swift:12:5: error: cannot find 'podPhase' in scope
            Thread 1: Fatal error: Unexpectedly found nil while unwrapping an Optional value
              0 packages resolved
            *** Note: see the log ***
            Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:50:38.692
            """
        #expect(Self.report(output, roots: ["/work/src"]) == nil)
    }
}
