// Captured output used as test fixtures; see HangFixtures.swift for how each was made.

extension HangFixtures {
    /// Real: `HANG=chan go test -timeout 2s ./...` (Go 1.19 prints no "running tests:" list).
    static let goTimeout = #"""
cache compiles
waiting for the pod
panic: test timed out after 2s

goroutine 21 [running]:
testing.(*M).startAlarm.func1()
	/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e
created by time.goFunc
	/usr/lib/go-1.19/src/time/sleep.go:176 +0x32

goroutine 1 [chan receive]:
testing.(*T).Run(0xc0000964e0, {0x525e4e?, 0x4b7f85?}, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
testing.runTests.func1(0xc0000964e0?)
	/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e
testing.tRunner(0xc0000964e0, 0xc000086cd8)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
testing.runTests(0xc0000ae0a0?, {0x603300, 0x3, 0x3}, {0x7fb53c6ce5b8?, 0x40?, 0x607bc0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456
testing.(*M).Run(0xc0000ae0a0)
	/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9
main.main()
	_testmain.go:51 +0x1aa

goroutine 19 [chan receive]:
example.com/m/cmd.waitForPodRunning(...)
	/tmp/hangfix/src/cmd/cache_list.go:9
example.com/m/cmd.TestCacheList(0xc0000969c0)
	/tmp/hangfix/src/cmd/cache_list_test.go:22 +0x131
testing.tRunner(0xc0000969c0, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

goroutine 20 [chan receive]:
example.com/m/internal/kube.Serve(0x52f548?)
	/tmp/hangfix/src/internal/kube/client.go:21 +0x1b
created by example.com/m/cmd.TestCacheList
	/tmp/hangfix/src/cmd/cache_list_test.go:19 +0xca
FAIL	example.com/m/cmd	2.004s
?   	example.com/m/internal/kube	[no test files]
FAIL
"""#

    /// Real: `HANG=poll go test -v -timeout 2s ./cmd`.
    static let goTimeoutPollVerbose = #"""
=== RUN   TestCacheCompiles
cache compiles
--- PASS: TestCacheCompiles (0.00s)
=== RUN   TestCacheList
    cache_list_test.go:17: set HANG=chan
--- SKIP: TestCacheList (0.00s)
=== RUN   TestCachePoll
=== RUN   TestCachePoll/eventually_ready
panic: test timed out after 2s

goroutine 5 [running]:
testing.(*M).startAlarm.func1()
	/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e
created by time.goFunc
	/usr/lib/go-1.19/src/time/sleep.go:176 +0x32

goroutine 1 [chan receive]:
testing.(*T).Run(0xc0000964e0, {0x525e5b?, 0x4b7f85?}, 0x52f560)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
testing.runTests.func1(0xc00008e390?)
	/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e
testing.tRunner(0xc0000964e0, 0xc000086cd8)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
testing.runTests(0xc0000ae0a0?, {0x603300, 0x3, 0x3}, {0x7f27d42c15b8?, 0x40?, 0x607bc0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456
testing.(*M).Run(0xc0000ae0a0)
	/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9
main.main()
	_testmain.go:51 +0x1aa

goroutine 20 [chan receive]:
testing.(*T).Run(0xc000096d00, {0x5268a5?, 0x0?}, 0x52f558)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
example.com/m/cmd.TestCachePoll(0xc000096d00)
	/tmp/hangfix/src/cmd/cache_list_test.go:29 +0x90
testing.tRunner(0xc000096d00, 0x52f560)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

goroutine 21 [sleep]:
time.Sleep(0x2faf080)
	/usr/lib/go-1.19/src/runtime/time.go:195 +0x135
example.com/m/internal/kube.(*Client).WaitReady(0xc000034758)
	/tmp/hangfix/src/internal/kube/client.go:15 +0x25
example.com/m/cmd.listCache(...)
	/tmp/hangfix/src/cmd/cache_list.go:17
example.com/m/cmd.TestCachePoll.func1(0xc000096d00?)
	/tmp/hangfix/src/cmd/cache_list_test.go:31 +0x34
testing.tRunner(0xc000096ea0, 0x52f558)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f
FAIL	example.com/m/cmd	2.004s
FAIL
"""#

    /// Real: `go test -v -trimpath -timeout 2s ./store` in the "hangdemo" module: paths are
    /// module-relative, the standard library's are GOROOT-relative ("runtime/time.go").
    static let goTrimpathTimeout = #"""
=== RUN   TestStoreSync
=== PAUSE TestStoreSync
=== RUN   TestStoreLoad
=== PAUSE TestStoreLoad
=== CONT  TestStoreSync
=== CONT  TestStoreLoad
panic: test timed out after 2s

goroutine 20 [running]:
testing.(*M).startAlarm.func1()
	testing/testing.go:2036 +0x8e
created by time.goFunc
	time/sleep.go:176 +0x32

goroutine 1 [chan receive]:
testing.tRunner.func1()
	testing/testing.go:1412 +0x4a5
testing.tRunner(0xc0000964e0, 0xc000086cd8)
	testing/testing.go:1452 +0x144
testing.runTests(0xc0000ae0a0?, {0x5fd520, 0x2, 0x2}, {0x7fb5d26d15b8?, 0x40?, 0x605b80?})
	testing/testing.go:1844 +0x456
testing.(*M).Run(0xc0000ae0a0)
	testing/testing.go:1726 +0x5d9
main.main()
	_testmain.go:49 +0x1aa

goroutine 18 [sleep]:
time.Sleep(0x1312d00)
	runtime/time.go:195 +0x135
github.com/acme/retry.Until(0xc000034750)
	github.com/acme/retry@v1.2.0/retry.go:8 +0x25
hangdemo/store.(*Store).Sync(...)
	hangdemo/store/store.go:15
hangdemo/store.TestStoreSync(0x0?)
	hangdemo/store/store_test.go:8 +0x56
testing.tRunner(0xc000096680, 0x52f788)
	testing/testing.go:1446 +0x10b
created by testing.(*T).Run
	testing/testing.go:1493 +0x35f

goroutine 19 [semacquire]:
sync.runtime_Semacquire(0xc0000ce000?)
	runtime/sema.go:62 +0x25
sync.(*WaitGroup).Wait(0x18?)
	sync/waitgroup.go:139 +0x52
hangdemo/store.waitLoaded(...)
	hangdemo/store/store.go:26
hangdemo/store.(*Store).Load(0xc0000969c0?)
	hangdemo/store/store.go:22 +0x34
hangdemo/store.TestStoreLoad(0x0?)
	hangdemo/store/store_test.go:14 +0x2a
testing.tRunner(0xc0000969c0, 0x52f780)
	testing/testing.go:1446 +0x10b
created by testing.(*T).Run
	testing/testing.go:1493 +0x35f
FAIL	hangdemo/store	2.004s
FAIL
"""#
}
