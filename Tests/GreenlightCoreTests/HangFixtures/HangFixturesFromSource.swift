// Fixtures written by hand from the printing code; see HangFixtures.swift.

extension HangFixtures {
    /// From source (not real output): a Ginkgo v2.23 suite run by `go test ./e2e` in /work/src,
    /// interrupted with SIGINT while the spec "Pods when the cache is listed creates the pod"
    /// polls in waitForPodRunning → (*Client).WaitReady. Non-verbose mode, so Ginkgo's
    /// `EmitProgressReport` prints the interrupt message, the report with the captured
    /// GinkgoWriter output, the spec goroutine (highlighted frames with their source) and the
    /// goroutines of interest, between indented delimiters.
    static let ginkgoInterrupt = #"""
=== RUN   TestE2E
Running Suite: E2E Suite - /work/src/e2e
========================================
Random Seed: 1764561600

Will run 2 of 2 specs
•
  ------------------------------
  Interrupted by User
  First interrupt received; Ginkgo will run any cleanup and reporting nodes but will skip all remaining specs.  Interrupt again to skip cleanup.
  Here's a current progress report:
    Pods when the cache is listed creates the pod (Spec Runtime: 5.003s)
      /work/src/e2e/pods_test.go:21
      In [It] (Node Runtime: 5.002s)
        /work/src/e2e/pods_test.go:21
        At [By Step] waiting for the pod to run (Step Runtime: 5.001s)
          /work/src/e2e/pods_test.go:22

        Begin Captured GinkgoWriter Output >>
          pod cache-0 is Pending
        << End Captured GinkgoWriter Output

        Spec Goroutine
        goroutine 37 [sleep]
          time.Sleep(0x3b9aca00)
            /usr/local/go/src/runtime/time.go:300
          example.com/m/internal/kube.(*Client).WaitReady(0xc0001b2000)
            /work/src/internal/kube/client.go:15
        > example.com/m/e2e.waitForPodRunning({0x1c3a5f0, 0xc0001a6000}, {0x1a2b3c4, 0x7})
            /work/src/e2e/helpers_test.go:31
              | func waitForPodRunning(ctx context.Context, name string) {
              | 	for client.Phase(ctx, name) != "Running" {
              > 		client.WaitReady()
              | 	}
              | }
        > example.com/m/e2e.init.func1.1.1({0x1c3a5f0, 0xc0001a6000})
            /work/src/e2e/pods_test.go:23
              | 	It("creates the pod", func(ctx SpecContext) {
              | 		By("waiting for the pod to run")
              > 		waitForPodRunning(ctx, "cache-0")
              | 	})
              | })
          github.com/onsi/ginkgo/v2/internal.extractBodyFunction.func2({0x1c45b68?, 0xc0001a6000})
            /root/go/pkg/mod/github.com/onsi/ginkgo/v2@v2.23.4/internal/node.go:475
          github.com/onsi/ginkgo/v2/internal.(*Suite).runNode.func3()
            /root/go/pkg/mod/github.com/onsi/ginkgo/v2@v2.23.4/internal/suite.go:894
          github.com/onsi/ginkgo/v2/internal.(*Suite).runNode in goroutine 7
            /root/go/pkg/mod/github.com/onsi/ginkgo/v2@v2.23.4/internal/suite.go:881

        Goroutines of Interest
        goroutine 41 [chan receive]
        > example.com/m/e2e.watchEvents({0x1c3a5f0, 0xc0001a6000}, 0xc0001b4000)
            /work/src/e2e/helpers_test.go:52
              | func watchEvents(ctx context.Context, events chan<- string) {
              | 	for {
              > 		events <- <-client.Events()
              | 	}
              | }
  ------------------------------
"""#

    /// From source (not real output): Go ≥1.21's `go test -timeout 10m` panic for the real
    /// `goTimeoutPollVerbose` scenario, with "running tests:" (Go ≥1.20, sorted, durations rounded),
    /// waiting times in the headers and "created by … in goroutine N" (Go ≥1.21).
    static let goTimeoutRunningTests = #"""
=== RUN   TestCacheCompiles
cache compiles
--- PASS: TestCacheCompiles (0.00s)
=== RUN   TestCachePoll
=== RUN   TestCachePoll/eventually_ready
panic: test timed out after 10m0s
running tests:
	TestCachePoll (10m0s)
	TestCachePoll/eventually_ready (10m0s)

goroutine 35 [running]:
testing.(*M).startAlarm.func1()
	/usr/local/go/src/testing/testing.go:2373 +0x385
created by time.goFunc
	/usr/local/go/src/time/sleep.go:215 +0x2d

goroutine 1 [chan receive, 9 minutes]:
testing.(*T).Run(0xc0000cc4e0, {0x5a4e7b?, 0x0?}, 0x5b3d48)
	/usr/local/go/src/testing/testing.go:1750 +0x3ab
testing.runTests.func1(0xc0000cc4e0)
	/usr/local/go/src/testing/testing.go:2161 +0x37
testing.tRunner(0xc0000cc4e0, 0xc0000afc70)
	/usr/local/go/src/testing/testing.go:1689 +0xfb
testing.runTests(0xc0000b2048, {0x6a8d40, 0x3, 0x3}, {0x1?, 0x4b9c2e?, 0x6b2b20?})
	/usr/local/go/src/testing/testing.go:2159 +0x445
testing.(*M).Run(0xc0000b8000)
	/usr/local/go/src/testing/testing.go:2027 +0x68b
main.main()
	_testmain.go:51 +0x16c

goroutine 20 [chan receive, 9 minutes]:
testing.(*T).Run(0xc0000cc820, {0x5a5b3c?, 0x0?}, 0x5b3d40)
	/usr/local/go/src/testing/testing.go:1750 +0x3ab
example.com/m/cmd.TestCachePoll(0xc0000cc820)
	/work/src/cmd/cache_list_test.go:29 +0x90
testing.tRunner(0xc0000cc820, 0x5b3d48)
	/usr/local/go/src/testing/testing.go:1689 +0xfb
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:1742 +0x390

goroutine 21 [sleep]:
time.Sleep(0x2faf080)
	/usr/local/go/src/runtime/time.go:195 +0x115
example.com/m/internal/kube.(*Client).WaitReady(0xc000034758)
	/work/src/internal/kube/client.go:15 +0x25
example.com/m/cmd.listCache(...)
	/work/src/cmd/cache_list.go:17
example.com/m/cmd.TestCachePoll.func1(0xc0000cc9c0)
	/work/src/cmd/cache_list_test.go:31 +0x34
testing.tRunner(0xc0000cc9c0, 0x5b3d40)
	/usr/local/go/src/testing/testing.go:1689 +0xfb
created by testing.(*T).Run in goroutine 20
	/usr/local/go/src/testing/testing.go:1742 +0x390
FAIL	example.com/m/cmd	600.012s
FAIL
"""#

    /// From source (not real output): a Go ≥1.23 SIGQUIT dump, whose headers at GOTRACEBACK
    /// "crash" level carry `gp=… m=…` (and `mp=…` for a goroutine on a thread), for the real
    /// `goChanQuit` scenario, cut down to the goroutines that matter.
    static let goQuitNewHeaders = #"""
=== RUN   TestCacheList
waiting for the pod
SIGQUIT: quit
PC=0x473a21 m=0 sigcode=0

goroutine 0 gp=0x6b7e40 m=0 mp=0x6b8b00 [idle]:
runtime.futex(0x6b8c40, 0x80, 0x0, 0x0, 0x0, 0x0)
	/usr/local/go/src/runtime/sys_linux_amd64.s:557 +0x21 fp=0x7ffd5f8e9d40 sp=0x7ffd5f8e9d38 pc=0x473a21
runtime.mcall()
	/usr/local/go/src/runtime/asm_amd64.s:459 +0x4e fp=0x7ffd5f8e9e00 sp=0x7ffd5f8e9de8 pc=0x46faee

goroutine 19 gp=0xc000102fc0 m=nil [chan receive]:
runtime.gopark(0xc0000a6060?, 0xc000057e70?, 0x65?, 0xc1?, 0x6a9480?)
	/usr/local/go/src/runtime/proc.go:435 +0xce fp=0xc000057e40 sp=0xc000057e20 pc=0x46c1ee
runtime.chanrecv1(0x5e24c0?, 0xc0000a4008?)
	/usr/local/go/src/runtime/chan.go:489 +0x12 fp=0xc000057ef8 sp=0xc000057ed0 pc=0x407f12
example.com/m/cmd.waitForPodRunning(...)
	/work/src/cmd/cache_list.go:9
example.com/m/cmd.TestCacheList(0xc0001036c0)
	/work/src/cmd/cache_list_test.go:22 +0x131 fp=0xc000057f70 sp=0xc000057ef8 pc=0x5455d1
testing.tRunner(0xc0001036c0, 0x5b3548)
	/usr/local/go/src/testing/testing.go:1792 +0xf4 fp=0xc000057fc0 sp=0xc000057f70 pc=0x4f8c54
testing.(*T).Run.gowrap1()
	/usr/local/go/src/testing/testing.go:1851 +0x25 fp=0xc000057fe0 sp=0xc000057fc0 pc=0x4f9c45
runtime.goexit({})
	/usr/local/go/src/runtime/asm_amd64.s:1700 +0x1 fp=0xc000057fe8 sp=0xc000057fe0 pc=0x4716e1
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:1851 +0x413

rax    0xca
rip    0x473a21
"""#
}
