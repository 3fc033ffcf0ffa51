// Captured output used as test fixtures; see HangFixtures.swift for the general conventions.

/// Swift runtime backtraces, real: Swift 6.3.1 (swift-6.3.1-RELEASE) on x86_64 Debian 12, from a package in
/// /tmp/swbt/pkg ("Kube": library target Kube with `waitForPodRunning()` polling with `Thread.sleep` in
/// Sources/Kube/Pods.swift and a `Watcher` thread; test target KubeTests with XCTest's CacheTests in
/// Tests/KubeTests/CacheTests.swift and Swift Testing tests in Tests/KubeTests/PodTests.swift, each hanging only
/// when the environment variable HANG names it), debug build (`-g` by default). Each fixture's comment gives the
/// command; all output went to one file (`> out 2>&1`). They are unedited.
extension HangFixtures {
    /// Real: `swift test` with greenlight's SWIFT_BACKTRACE (`enable=yes,threads=all,interactive=no,color=no,registers=none,images=none`),
    /// HANG=xctest: CacheTests.testCacheList waits in waitForPodRunning (Sources/Kube/Pods.swift, a Thread.sleep
    /// poll loop); `kill -ABRT` of the KubePackageTests.xctest process after 6 s, again 4 s later (the first one only
    /// prints the backtrace: the runtime's handler returns and the test goes on). `threads=all` shows the crashed
    /// thread only (Swift 6.3's runtime passes "all" and swift-backtrace reads it as a boolean).
    static let swiftXCTest = #"""
[0/1] Planning build
Building for debugging...
[0/3] Write swift-version-6A52383ED409C6A7.txt
Build complete! (0.08s)
error: Process '/tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest' exited with unexpected signal code 6
Test Suite 'All tests' started at 2026-12-01 04:53:12.377
Test Suite 'debug.xctest' started at 2026-12-01 04:53:12.379
Test Suite 'CacheTests' started at 2026-12-01 04:53:12.379
Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:53:12.379

*** Signal 6: Backtracing from 0x7f1e4b525545... done ***

*** Program crashed: Aborted at 0x0000000000005b08 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0               0x00007f1e4b525545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 [ra]          0x00005578ef2d8f8f waitForPodRunning() + 46 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:9:16
  2 [ra]          0x00005578ef303b76 CacheTests.testCacheList() + 469 in KubePackageTests.xctest at /tmp/swbt/pkg/Tests/KubeTests/CacheTests.swift:11:9
  3 [ra] [system] 0x00005578ef2d920b implicit closure #2 in implicit closure #1 in variable initialization expression of static CacheTests.__allTests__CacheTests + 26 in KubePackageTests.xctest at /tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageDiscoveredTests.derived/KubeTests.swift
  4 [ra] [thunk]  0x00005578ef2d92ec thunk for @escaping @callee_guaranteed () -> () + 11 in KubePackageTests.xctest at //<compiler-generated>
...

Backtrace took 0.01s

◇ Test run started.
↳ Testing Library Version: 6.3.1 (937120cbc281cf2)
↳ Target Platform: x86_64-unknown-linux-gnu
◇ Suite PodSuite started.
◇ Test quick() started.
◇ Test podRunning() started.
◇ Test "Pod becomes ready" started.
◇ Test podEvents() started.
✔ Test "Pod becomes ready" passed after 0.001 seconds.
✔ Test quick() passed after 0.001 seconds.
✔ Test podRunning() passed after 0.001 seconds.
✔ Test podEvents() passed after 0.001 seconds.
✔ Suite PodSuite passed after 0.001 seconds.
✔ Test run with 4 tests in 1 suite passed after 0.001 seconds.
"""#

    /// Real: the test binary run directly, `HANG=thread .build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest`,
    /// with SWIFT_BACKTRACE `enable=yes,interactive=no,color=no,registers=none,images=none` (no `threads=`, so every
    /// thread is shown); `kill -ABRT` after 3 s: CacheTests.testWatch waits in waitForPodRunning on the main thread
    /// while the "pod-watcher" thread it started sleeps in Watcher.watchEvents.
    static let swiftXCTestWatcher = #"""
Test Suite 'All tests' started at 2026-12-01 04:57:19.366
Test Suite 'debug.xctest' started at 2026-12-01 04:57:19.368
Test Suite 'CacheTests' started at 2026-12-01 04:57:19.368
Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:57:19.368
Test Case 'CacheTests.testCacheList' passed (0.001 seconds)
Test Case 'CacheTests.testQuick' started at 2026-12-01 04:57:19.368
Test Case 'CacheTests.testQuick' passed (0.0 seconds)
Test Case 'CacheTests.testWatch' started at 2026-12-01 04:57:19.369

*** Signal 6: Backtracing from 0x7fd4c5325545... done ***

*** Program crashed: Aborted at 0x0000000000005f72 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0               0x00007fd4c5325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 [ra]          0x000055b188c82f8f waitForPodRunning() + 46 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:9:16
  2 [ra]          0x000055b188cadda6 CacheTests.testWatch() + 533 in KubePackageTests.xctest at /tmp/swbt/pkg/Tests/KubeTests/CacheTests.swift:18:9
  3 [ra] [system] 0x000055b188c8344b implicit closure #6 in implicit closure #5 in variable initialization expression of static CacheTests.__allTests__CacheTests + 26 in KubePackageTests.xctest at /tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageDiscoveredTests.derived/KubeTests.swift
  4 [ra] [thunk]  0x000055b188c832ec thunk for @escaping @callee_guaranteed () -> () + 11 in KubePackageTests.xctest at //<compiler-generated>
...

Thread 1 "r-initiated-qos":

  0  0x00007fd4c52dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Thread 2 "-qos.overcommit":

  0      0x00007fd4c535ef36 epoll_wait + 86 in libc.so.6
  1 [ra] 0x00007fd4c6803ff2 _dispatch_mgr_invoke + 129 in libdispatch.so
  2 [ra] 0x00007fd4c6803f5d _dispatch_mgr_thread + 108 in libdispatch.so
  3 [ra] 0x00007fd4c6807195 _dispatch_worker_thread + 676 in libdispatch.so
...

Thread 3 "r-initiated-qos":

  0  0x00007fd4c52dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Thread 4 "pod-watcher":

  0      0x00007fd4c5325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 [ra] 0x000055b188c83074 static Watcher.watchEvents() + 51 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:27:20
  2 [ra] 0x000055b188c82da9 closure #1 in Watcher.init() + 104 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:19:21
  3 [ra] 0x00007fd4c63795f9 Thread.main() + 24 in libFoundation.so
  4 [ra] 0x00007fd4c63783b7 NSThreadStart(_:) + 150 in libFoundation.so
...

Thread 5 "-qos.overcommit":

  0  0x00007fd4c52dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Backtrace took 0.01s

"""#

    /// Real: `swift test`, SWIFT_BACKTRACE as `swiftXCTestWatcher`, HANG=testing: the Swift Testing function
    /// podRunning() waits in waitForPodRunning on a cooperative-pool thread; `kill -ABRT` of the
    /// `KubePackageTests.xctest --testing-library swift-testing` process after 6 s. swift test's own "error: Process …
    /// exited with unexpected signal code 6" (its stderr) lands in the middle of frame 15.
    static let swiftTesting = #"""
[0/1] Planning build
Building for debugging...
[0/3] Write swift-version-6A52383ED409C6A7.txt
Build complete! (0.08s)
Test Suite 'All tests' started at 2026-12-01 04:54:36.687
Test Suite 'debug.xctest' started at 2026-12-01 04:54:36.689
Test Suite 'CacheTests' started at 2026-12-01 04:54:36.689
Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:54:36.689
Test Case 'CacheTests.testCacheList' passed (0.003 seconds)
Test Case 'CacheTests.testQuick' started at 2026-12-01 04:54:36.692
Test Case 'CacheTests.testQuick' passed (0.1 seconds)
Test Case 'CacheTests.testWatch' started at 2026-12-01 04:54:36.792
Test Case 'CacheTests.testWatch' passed (0.0 seconds)
Test Suite 'CacheTests' passed at 2026-12-01 04:54:36.793
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.104 (0.104) seconds
Test Suite 'debug.xctest' passed at 2026-12-01 04:54:36.793
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.104 (0.104) seconds
Test Suite 'All tests' passed at 2026-12-01 04:54:36.793
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.104 (0.104) seconds
◇ Test run started.
↳ Testing Library Version: 6.3.1 (937120cbc281cf2)
↳ Target Platform: x86_64-unknown-linux-gnu
◇ Suite PodSuite started.
◇ Test quick() started.
◇ Test podRunning() started.
◇ Test podEvents() started.
◇ Test "Pod becomes ready" started.
✔ Test quick() passed after 0.001 seconds.
✔ Test podEvents() passed after 0.001 seconds.
✔ Test "Pod becomes ready" passed after 0.001 seconds.
✔ Suite PodSuite passed after 0.002 seconds.

*** Signal 6: Backtracing from 0x7f69bb292301... done ***

*** Program crashed: Aborted at 0x0000000000005cc9 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0      0x00007f69bb292301 sigsuspend + 65 in libc.so.6
  1 [ra] 0x00007f69bc804c29 _dispatch_sig_thread + 8 in libdispatch.so
...

Thread 1 "oot.default-qos":

  0                  0x00007f69bb325545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 [ra]             0x000055a77188af8f waitForPodRunning() + 46 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:9:16
  2 [ra]             0x000055a7718b947b podRunning() + 458 in KubePackageTests.xctest at /tmp/swbt/pkg/Tests/KubeTests/PodTests.swift:11:5
  3 [ra]             0x000055a7718b6871 $s9KubeTests10podRunning4TestfMp_7__localfMu_ #1 @Sendable (_:) in $s9KubeTests10podRunning4TestfMp_17Z124c5761dd096445fMu_@Sendable () + 32 in KubePackageTests.xctest at /tmp/swift-generated-sources/@__swiftmacro_9KubeTests10podRunning4TestfMp_.swift:4:100
  4 [async]          0x000055a7718b6690 $s9KubeTests10podRunning4TestfMp_17Z124c5761dd096445fMu_@Sendable () in KubePackageTests.xctest at /tmp/swift-generated-sources/@__swiftmacro_9KubeTests10podRunning4TestfMp_.swift:6
  5 [async]          0x00007f69bb556270 closure #1 in closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
  6 [async] [thunk]  0x00007f69bb56ff00 partial apply for closure #1 in closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
  7 [async]          0x00007f69bb50c630 specialized static Issue.withErrorRecording(at:configuration:isolation:_:) in libTesting.so
  8 [async]          0x00007f69bb5556a0 closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
  9 [async] [thunk]  0x00007f69bb56fef0 partial apply for closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
 10 [async]          0x00007f69bb537440 specialized closure #1 in closure #1 in TestCancellable.withCancellationHandling<A>(_:) in libTesting.so
 11 [async] [thunk]  0x00007f69bb539fb0 partial apply for specialized closure #1 in closure #1 in TestCancellable.withCancellationHandling<A>(_:) in libTesting.so
 12 [async]          0x00007f69bd1ac650 withTaskCancellationHandler<A>(operation:onCancel:isolation:) in libswift_Concurrency.so
 13 [async]          0x00007f69bb537170 specialized TestCancellable.withCancellationHandling<A>(_:) in libTesting.so
 14 [async]          0x00007f69bb549e60 specialized static Test.Case.withCurrent<A>(_:perform:) in libTesting.so
 15 [async]          0x00007f69bb56eb90 specialized static Runner._runTestCase(_error: Process '/tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest --testing-library swift-testing' exited with unexpected signal code 6
:within:context:) in libTesting.so
 16 [async]          0x00007f69bb554b30 closure #4 in static Runner._runTestCases<A>(_:within:context:) in libTesting.so
 17 [async] [thunk]  0x00007f69bb56e0b0 partial apply for closure #4 in static Runner._runTestCases<A>(_:within:context:) in libTesting.so
 18 [async] [thunk]  0x00007f69bb570000 thunk for @escaping @callee_guaranteed @Sendable @async (@unowned Int, @in_guaranteed Test.Case) -> () in libTesting.so
 19 [async] [thunk]  0x00007f69bb56fed0 partial apply for thunk for @escaping @callee_guaranteed @Sendable @async (@unowned Int, @in_guaranteed Test.Case) -> () in libTesting.so
 20 [async]          0x00007f69bb56c400 specialized closure #1 in closure #1 in static Runner._forEach<A, B>(in:namingTasksWith:_:) in libTesting.so
 21 [async] [thunk]  0x00007f69bb56fee0 partial apply for specialized closure #1 in closure #1 in static Runner._forEach<A, B>(in:namingTasksWith:_:) in libTesting.so
 22 [async] [system] 0x00007f69bd1e3310 completeTaskWithClosure(swift::AsyncContext*, swift::SwiftError*) in libswift_Concurrency.so
...

Thread 2 "-qos.overcommit":

  0      0x00007f69bb35ef36 epoll_wait + 86 in libc.so.6
  1 [ra] 0x00007f69bc803ff2 _dispatch_mgr_invoke + 129 in libdispatch.so
  2 [ra] 0x00007f69bc803f5d _dispatch_mgr_thread + 108 in libdispatch.so
  3 [ra] 0x00007f69bc807195 _dispatch_worker_thread + 676 in libdispatch.so
...

Backtrace took 0.01s

"""#

    /// Real: `HANG=suite .build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest --testing-library swift-testing`,
    /// SWIFT_BACKTRACE as `swiftXCTestWatcher`; `kill -ABRT` after 3 s: `@Test("Pod becomes ready") func podReady() async`
    /// of `@Suite struct PodSuite` waits in waitForPodRunning.
    static let swiftTestingSuite = #"""
◇ Test run started.
↳ Testing Library Version: 6.3.1 (937120cbc281cf2)
↳ Target Platform: x86_64-unknown-linux-gnu
◇ Suite PodSuite started.
◇ Test podRunning() started.
◇ Test quick() started.
◇ Test "Pod becomes ready" started.
◇ Test podEvents() started.
✔ Test podRunning() passed after 0.001 seconds.
✔ Test quick() passed after 0.001 seconds.
✔ Test podEvents() passed after 0.001 seconds.

*** Signal 6: Backtracing from 0x7f3589692301... done ***

*** Program crashed: Aborted at 0x0000000000005f85 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0      0x00007f3589692301 sigsuspend + 65 in libc.so.6
  1 [ra] 0x00007f358ac04c29 _dispatch_sig_thread + 8 in libdispatch.so
...

Thread 1 "-qos.overcommit":

  0  0x00007f35896dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Thread 2 "oot.default-qos":

  0                  0x00007f3589725545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 [ra]             0x0000555874f08f8f waitForPodRunning() + 46 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:9:16
  2 [ra]             0x0000555874f35648 PodSuite.podReady() + 23 in KubePackageTests.xctest at /tmp/swbt/pkg/Tests/KubeTests/PodTests.swift:18:9
  3 [async]          0x0000555874f34ff0 static PodSuite.$s9KubeTests8PodSuiteV8podReady4TestfMp_17Z62e0c2c9be3f760dfMu_@Sendable () in KubePackageTests.xctest at /tmp/swift-generated-sources/@__swiftmacro_9KubeTests8PodSuiteV8podReady4TestfMp_.swift:4
  4 [async] [system] 0x0000555874f35920 implicit closure #1 in static PodSuite.$s9KubeTests8PodSuiteV8podReady4TestfMp_25generator62e0c2c9be3f760dfMu_@Sendable () in KubePackageTests.xctest at /tmp/swift-generated-sources/@__swiftmacro_9KubeTests8PodSuiteV8podReady4TestfMp_.swift
  5 [async] [thunk]  0x0000555874f36b00 partial apply for implicit closure #1 in static PodSuite.$s9KubeTests8PodSuiteV8podReady4TestfMp_25generator62e0c2c9be3f760dfMu_@Sendable () in KubePackageTests.xctest at //<compiler-generated>
  6 [async]          0x00007f3589956270 closure #1 in closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
  7 [async] [thunk]  0x00007f358996ff00 partial apply for closure #1 in closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
  8 [async]          0x00007f358990c630 specialized static Issue.withErrorRecording(at:configuration:isolation:_:) in libTesting.so
  9 [async]          0x00007f35899556a0 closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
 10 [async] [thunk]  0x00007f358996fef0 partial apply for closure #1 in static Runner._runTestCase(_:within:context:) in libTesting.so
 11 [async]          0x00007f3589937440 specialized closure #1 in closure #1 in TestCancellable.withCancellationHandling<A>(_:) in libTesting.so
 12 [async] [thunk]  0x00007f3589939fb0 partial apply for specialized closure #1 in closure #1 in TestCancellable.withCancellationHandling<A>(_:) in libTesting.so
 13 [async]          0x00007f358b585650 withTaskCancellationHandler<A>(operation:onCancel:isolation:) in libswift_Concurrency.so
 14 [async]          0x00007f3589937170 specialized TestCancellable.withCancellationHandling<A>(_:) in libTesting.so
 15 [async]          0x00007f3589949e60 specialized static Test.Case.withCurrent<A>(_:perform:) in libTesting.so
 16 [async]          0x00007f358996eb90 specialized static Runner._runTestCase(_:within:context:) in libTesting.so
 17 [async]          0x00007f3589954b30 closure #4 in static Runner._runTestCases<A>(_:within:context:) in libTesting.so
 18 [async] [thunk]  0x00007f358996e0b0 partial apply for closure #4 in static Runner._runTestCases<A>(_:within:context:) in libTesting.so
 19 [async] [thunk]  0x00007f3589970000 thunk for @escaping @callee_guaranteed @Sendable @async (@unowned Int, @in_guaranteed Test.Case) -> () in libTesting.so
 20 [async] [thunk]  0x00007f358996fed0 partial apply for thunk for @escaping @callee_guaranteed @Sendable @async (@unowned Int, @in_guaranteed Test.Case) -> () in libTesting.so
 21 [async]          0x00007f358996c400 specialized closure #1 in closure #1 in static Runner._forEach<A, B>(in:namingTasksWith:_:) in libTesting.so
 22 [async] [thunk]  0x00007f358996fee0 partial apply for specialized closure #1 in closure #1 in static Runner._forEach<A, B>(in:namingTasksWith:_:) in libTesting.so
 23 [async] [system] 0x00007f358b5bc310 completeTaskWithClosure(swift::AsyncContext*, swift::SwiftError*) in libswift_Concurrency.so
...

Thread 3 "-qos.overcommit":

  0      0x00007f358975ef36 epoll_wait + 86 in libc.so.6
  1 [ra] 0x00007f358ac03ff2 _dispatch_mgr_invoke + 129 in libdispatch.so
  2 [ra] 0x00007f358ac03f5d _dispatch_mgr_thread + 108 in libdispatch.so
  3 [ra] 0x00007f358ac07195 _dispatch_worker_thread + 676 in libdispatch.so
...

Thread 4 "oot.default-qos":

  0  0x00007f35896dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Backtrace took 0.01s

"""#

    /// Real: as `swiftTesting` but with greenlight's SWIFT_BACKTRACE (`threads=all`): only the crashed main
    /// thread, parked in Dispatch, is shown; the test's thread is not.
    static let swiftTestingCrashedThreadOnly = #"""
[0/1] Planning build
Building for debugging...
[0/3] Write swift-version-6A52383ED409C6A7.txt
Build complete! (0.08s)
error: Process '/tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest --testing-library swift-testing' exited with unexpected signal code 6
Test Suite 'All tests' started at 2026-12-01 04:53:40.424
Test Suite 'debug.xctest' started at 2026-12-01 04:53:40.425
Test Suite 'CacheTests' started at 2026-12-01 04:53:40.425
Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:53:40.425
Test Case 'CacheTests.testCacheList' passed (0.003 seconds)
Test Case 'CacheTests.testQuick' started at 2026-12-01 04:53:40.428
Test Case 'CacheTests.testQuick' passed (0.0 seconds)
Test Case 'CacheTests.testWatch' started at 2026-12-01 04:53:40.428
Test Case 'CacheTests.testWatch' passed (0.0 seconds)
Test Suite 'CacheTests' passed at 2026-12-01 04:53:40.428
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.003 (0.003) seconds
Test Suite 'debug.xctest' passed at 2026-12-01 04:53:40.428
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.003 (0.003) seconds
Test Suite 'All tests' passed at 2026-12-01 04:53:40.428
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.003 (0.003) seconds
◇ Test run started.
↳ Testing Library Version: 6.3.1 (937120cbc281cf2)
↳ Target Platform: x86_64-unknown-linux-gnu
◇ Suite PodSuite started.
◇ Test quick() started.
◇ Test podRunning() started.
◇ Test "Pod becomes ready" started.
◇ Test podEvents() started.
✔ Test quick() passed after 0.001 seconds.
✔ Test "Pod becomes ready" passed after 0.001 seconds.
✔ Test podEvents() passed after 0.001 seconds.
✔ Suite PodSuite passed after 0.001 seconds.

*** Signal 6: Backtracing from 0x7f0591692301... done ***

*** Program crashed: Aborted at 0x0000000000005b93 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0      0x00007f0591692301 sigsuspend + 65 in libc.so.6
  1 [ra] 0x00007f0592abdc29 _dispatch_sig_thread + 8 in libdispatch.so
...

Backtrace took 0.01s

"""#

    /// Real: `swift test`, SWIFT_BACKTRACE as `swiftXCTestWatcher`, HANG=suspend: PodSuite.podEvents() is suspended in
    /// `try await Task.sleep(for: .seconds(3600))`, so no thread runs it.
    static let swiftTestingSuspended = #"""
[0/1] Planning build
Building for debugging...
[0/3] Write swift-version-6A52383ED409C6A7.txt
Build complete! (0.08s)
error: Process '/tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest --testing-library swift-testing' exited with unexpected signal code 6
Test Suite 'All tests' started at 2026-12-01 04:55:04.693
Test Suite 'debug.xctest' started at 2026-12-01 04:55:04.694
Test Suite 'CacheTests' started at 2026-12-01 04:55:04.694
Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:55:04.694
Test Case 'CacheTests.testCacheList' passed (0.001 seconds)
Test Case 'CacheTests.testQuick' started at 2026-12-01 04:55:04.696
Test Case 'CacheTests.testQuick' passed (0.0 seconds)
Test Case 'CacheTests.testWatch' started at 2026-12-01 04:55:04.696
Test Case 'CacheTests.testWatch' passed (0.0 seconds)
Test Suite 'CacheTests' passed at 2026-12-01 04:55:04.696
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.002 (0.002) seconds
Test Suite 'debug.xctest' passed at 2026-12-01 04:55:04.696
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.002 (0.002) seconds
Test Suite 'All tests' passed at 2026-12-01 04:55:04.696
	 Executed 3 tests, with 0 failures (0 unexpected) in 0.002 (0.002) seconds
◇ Test run started.
↳ Testing Library Version: 6.3.1 (937120cbc281cf2)
↳ Target Platform: x86_64-unknown-linux-gnu
◇ Suite PodSuite started.
◇ Test quick() started.
◇ Test podRunning() started.
◇ Test podEvents() started.
◇ Test "Pod becomes ready" started.
✔ Test quick() passed after 0.001 seconds.
✔ Test podRunning() passed after 0.001 seconds.
✔ Test "Pod becomes ready" passed after 0.001 seconds.

*** Signal 6: Backtracing from 0x7fb384c92301... done ***

*** Program crashed: Aborted at 0x0000000000005d6f ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0      0x00007fb384c92301 sigsuspend + 65 in libc.so.6
  1 [ra] 0x00007fb3860b9c29 _dispatch_sig_thread + 8 in libdispatch.so
...

Thread 1 "-qos.overcommit":

  0      0x00007fb384d5ef36 epoll_wait + 86 in libc.so.6
  1 [ra] 0x00007fb3860b8ff2 _dispatch_mgr_invoke + 129 in libdispatch.so
  2 [ra] 0x00007fb3860b8f5d _dispatch_mgr_thread + 108 in libdispatch.so
  3 [ra] 0x00007fb3860bc195 _dispatch_worker_thread + 676 in libdispatch.so
...

Backtrace took 0.00s

"""#

    /// Real: `swift build -c release --build-tests -Xswiftc -enable-testing`, then
    /// `HANG=xctest .build/x86_64-unknown-linux-gnu/release/KubePackageTests.xctest`, SWIFT_BACKTRACE as `swiftXCTestWatcher`,
    /// `kill -ABRT` after 3 s: the optimiser folded testCacheList into a thunk, so no frame names the test.
    static let swiftXCTestRelease = #"""
Test Suite 'All tests' started at 2026-12-01 04:57:54.488
Test Suite 'release.xctest' started at 2026-12-01 04:57:54.490
Test Suite 'CacheTests' started at 2026-12-01 04:57:54.490
Test Case 'CacheTests.testCacheList' started at 2026-12-01 04:57:54.490

*** Signal 6: Backtracing from 0x7f5a310fe545... done ***

*** Program crashed: Aborted at 0x000000000000602f ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0              0x00007f5a310fe545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 [ra]         0x000056246bf6ef0f waitForPodRunning() + 78 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:9:16
  2 [ra] [thunk] 0x000056246bf6f1a1 partial apply for thunk for @escaping @callee_guaranteed () -> () + 16 in KubePackageTests.xctest at //<compiler-generated>
...

Thread 1 "r-initiated-qos":

  0  0x00007f5a310b4f16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Thread 2 "-qos.overcommit":

  0      0x00007f5a31137f36 epoll_wait + 86 in libc.so.6
  1 [ra] 0x00007f5a32d7aff2 _dispatch_mgr_invoke + 129 in libdispatch.so
  2 [ra] 0x00007f5a32d7af5d _dispatch_mgr_thread + 108 in libdispatch.so
  3 [ra] 0x00007f5a32d7e195 _dispatch_worker_thread + 676 in libdispatch.so
...

Thread 3 "r-initiated-qos":

  0  0x00007f5a310b4f16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Thread 4 "-qos.overcommit":

  0  0x00007f5a310b4f16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Backtrace took 0.01s

"""#


    /// Real: `HANG=xctest .build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest` with SWIFT_BACKTRACE
    /// `enable=yes,interactive=no,color=no` (the "full" preset: every thread, the crashed thread's registers and the
    /// images mentioned); `kill -ABRT` after 3 s, which caught the poll loop reading the environment.
    static let swiftXCTestFullPreset = #"""
Test Suite 'All tests' started at 2026-12-01 05:00:53.709
Test Suite 'debug.xctest' started at 2026-12-01 05:00:53.713
Test Suite 'CacheTests' started at 2026-12-01 05:00:53.713
Test Case 'CacheTests.testCacheList' started at 2026-12-01 05:00:53.713

*** Signal 6: Backtracing from 0x7f9539014a02... done ***

*** Program crashed: Aborted at 0x00000000000063c3 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0               0x00007f9539014a02 String._uncheckedIndex(after:) + 322 in libswiftCore.so
  1 [ra]          0x00007f9537f152ea specialized Collection<>.firstIndex(of:) + 185 in libFoundationEssentials.so
  2 [ra]          0x00007f9537f6734f closure #1 in _ProcessInfo.environment.getter + 142 in libFoundationEssentials.so
  3 [ra]          0x00007f9537f67eb2 specialized _ProcessInfo.environment.getter + 241 in libFoundationEssentials.so
  4 [ra]          0x000055e01c5b1de9 podIsRunning() + 40 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:4:29
  5 [ra]          0x000055e01c5b1f6e waitForPodRunning() + 13 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:8:12
  6 [ra]          0x000055e01c5dcb76 CacheTests.testCacheList() + 469 in KubePackageTests.xctest at /tmp/swbt/pkg/Tests/KubeTests/CacheTests.swift:11:9
  7 [ra] [system] 0x000055e01c5b220b implicit closure #2 in implicit closure #1 in variable initialization expression of static CacheTests.__allTests__CacheTests + 26 in KubePackageTests.xctest at /tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageDiscoveredTests.derived/KubeTests.swift
  8 [ra] [thunk]  0x000055e01c5b22ec thunk for @escaping @callee_guaranteed () -> () + 11 in KubePackageTests.xctest at //<compiler-generated>
...

Thread 1 "r-initiated-qos":

  0  0x00007f95376dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...

Thread 2 "-qos.overcommit":

  0      0x00007f953775ef36 epoll_wait + 86 in libc.so.6
  1 [ra] 0x00007f9539556ff2 _dispatch_mgr_invoke + 129 in libdispatch.so
  2 [ra] 0x00007f9539556f5d _dispatch_mgr_thread + 108 in libdispatch.so
  3 [ra] 0x00007f953955a195 _dispatch_worker_thread + 676 in libdispatch.so
...

Thread 3 "r-initiated-qos":

  0  0x00007f95376dbf16 __futex_abstimed_wait_common + 198 in libc.so.6
...


Registers:

rax 0x000000000000001f  31
rdx 0xf00000000000001f  17293822569102704671
rcx 0x0000000000020107  131335
rbx 0x000055e0466e9100  38 f4 3e 39 95 7f 00 00 03 00 00 00 00 00 00 00  8ô>9············
rsi 0x0000000000030107  196871
rdi 0xf00000000000001f  17293822569102704671
rbp 0x00007ffea027c680  d0 c6 27 a0 fe 7f 00 00 ea 52 f1 37 95 7f 00 00  ÐÆ' þ···êRñ7····
rsp 0x00007ffea027c630  80 c6 27 a0 fe 7f 00 00 12 ee 18 39 95 7f 00 00  ·Æ' þ····î·9····
 r8 0x0000000000000000  0
 r9 0x6000000000000000  6917529027641081856
r10 0x1000000000000000  1152921504606846976
r11 0x000055e0466e9122  50 5f 44 49 53 41 42 4c 45 5f 50 49 50 5f 56 45  P_DISABLE_PIP_VE
r12 0x0000000000000000  0
r13 0x0000000000000000  0
r14 0x000000000000001f  31
r15 0x0000000000030000  196608
rip 0x00007f9539014a02  48 c1 e0 02 4c 89 f9 48 c1 e9 0e 48 89 d3 4c 21  HÁà·L·ùHÁé·H·ÓL!

rflags 0x0000000000000246  ZF PF

cs 0x0033  fs 0x0000  gs 0x0000


Images (20 omitted):

0x000055e01c5a7000–0x000055e01c5f1210 9e8602108d38bd24772890c749c751d58696b927 KubePackageTests.xctest    /tmp/swbt/pkg/.build/x86_64-unknown-linux-gnu/debug/KubePackageTests.xctest
0x00007f9537656000–0x00007f95377d10fc 93ac61ec5a8eb1396f9fbd350e3169a558528a40 libc.so.6                  /usr/lib/x86_64-linux-gnu/libc.so.6
0x00007f9537c00000–0x00007f9538181c48 b35804fbb74e33692bbbb6a78171d10d1e2a4c29 libFoundationEssentials.so /opt/swift/usr/lib/swift/linux/libFoundationEssentials.so
0x00007f9538e00000–0x00007f95393d2d40 b521f25fdeacf504eca83d97c7308e8fc11be729 libswiftCore.so            /opt/swift/usr/lib/swift/linux/libswiftCore.so
0x00007f9539525000–0x00007f953956d258 cb8d2d3cfa8e51d96b2da370bac3f34f88b57c92 libdispatch.so             /opt/swift/usr/lib/swift/linux/libdispatch.so

Backtrace took 0.02s

"""#

    /// Real: as `swiftXCTestFullPreset` with `preset=friendly`: no frame attributes, no addresses where
    /// there is a source location, and the source lines around each project frame.
    static let swiftXCTestFriendly = #"""
Test Suite 'All tests' started at 2026-12-01 05:01:04.729
Test Suite 'debug.xctest' started at 2026-12-01 05:01:04.730
Test Suite 'CacheTests' started at 2026-12-01 05:01:04.730
Test Case 'CacheTests.testCacheList' started at 2026-12-01 05:01:04.730

*** Signal 6: Backtracing from 0x7f7a47725545... done ***

*** Program crashed: Aborted at 0x00000000000063f1 ***

Platform: x86_64 Linux (Debian GNU/Linux 12 (bookworm))

Thread 0 "KubePackageTest" crashed:

  0 0x00007f7a47725545 clock_nanosleep@@GLIBC_2.17 + 101 in libc.so.6
  1 waitForPodRunning() + 46 in KubePackageTests.xctest at /tmp/swbt/pkg/Sources/Kube/Pods.swift:9:16

      7| public func waitForPodRunning() {
      8|     while !podIsRunning() {
  *   9|         Thread.sleep(forTimeInterval: 0.2)                           
       |                ^
     10|     }
     11| }

  2 CacheTests.testCacheList() + 469 in KubePackageTests.xctest at /tmp/swbt/pkg/Tests/KubeTests/CacheTests.swift:11:9

      9|     func testCacheList() {
     10|         guard ProcessInfo.processInfo.environment["HANG"] == "xctest" else { return }
  *  11|         waitForPodRunning()                                          
       |         ^
     12|     }
     13|

...

Backtrace took 0.01s

"""#
}
