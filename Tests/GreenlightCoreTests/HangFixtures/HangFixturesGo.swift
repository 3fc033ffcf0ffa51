// Captured output used as test fixtures; see HangFixtures.swift for how each was made.

extension HangFixtures {
    /// Real: Go 1.19.8, test binary killed with SIGQUIT while TestCacheList waits on a channel in
    /// waitForPodRunning. `go test -c -o cmd.test ./cmd && cd cmd && HANG=chan ../cmd.test -test.v -test.timeout=10m`,
    /// then `kill -QUIT <pid>` after 2 s (module example.com/m at /tmp/hangfix/src).
    static let goChanQuit = #"""
=== RUN   TestCacheCompiles
cache compiles
--- PASS: TestCacheCompiles (0.00s)
=== RUN   TestCacheList
waiting for the pod
SIGQUIT: quit
PC=0x468181 m=0 sigcode=0

goroutine 0 [idle]:
runtime.futex()
	/usr/lib/go-1.19/src/runtime/sys_linux_amd64.s:559 +0x21 fp=0x7ffc1fe39130 sp=0x7ffc1fe39128 pc=0x468181
runtime.futexsleep(0x0?, 0x0?, 0x7ffc1fe391d8?)
	/usr/lib/go-1.19/src/runtime/os_linux.go:69 +0x36 fp=0x7ffc1fe39180 sp=0x7ffc1fe39130 pc=0x4320d6
runtime.notesleep(0x6084a8)
	/usr/lib/go-1.19/src/runtime/lock_futex.go:160 +0x87 fp=0x7ffc1fe391b8 sp=0x7ffc1fe39180 pc=0x40b5c7
runtime.mPark(...)
	/usr/lib/go-1.19/src/runtime/proc.go:1457
runtime.stopm()
	/usr/lib/go-1.19/src/runtime/proc.go:2247 +0x8c fp=0x7ffc1fe391e8 sp=0x7ffc1fe391b8 pc=0x43c9cc
runtime.findRunnable()
	/usr/lib/go-1.19/src/runtime/proc.go:2874 +0x9e8 fp=0x7ffc1fe392d8 sp=0x7ffc1fe391e8 pc=0x43e068
runtime.schedule()
	/usr/lib/go-1.19/src/runtime/proc.go:3214 +0xbe fp=0x7ffc1fe39310 sp=0x7ffc1fe392d8 pc=0x43ee9e
runtime.park_m(0xc000096d00?)
	/usr/lib/go-1.19/src/runtime/proc.go:3363 +0x14d fp=0x7ffc1fe39340 sp=0x7ffc1fe39310 pc=0x43f3cd
runtime.mcall()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:448 +0x43 fp=0x7ffc1fe39350 sp=0x7ffc1fe39340 pc=0x464183

goroutine 1 [chan receive]:
runtime.gopark(0x1?, 0xc000086aa8?, 0xbf?, 0xcd?, 0xc000086a58?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000086a28 sp=0xc000086a08 pc=0x438bb6
runtime.chanrecv(0xc0000c60e0, 0xc000086b27, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc000086ab8 sp=0xc000086a28 pc=0x4066fb
runtime.chanrecv1(0x525e4e?, 0x525e4e?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc000086ae0 sp=0xc000086ab8 pc=0x406238
testing.(*T).Run(0xc0000964e0, {0x525e4e?, 0x4b7f85?}, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a fp=0xc000086b80 sp=0xc000086ae0 pc=0x4b901a
testing.runTests.func1(0xc00008e3c0?)
	/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e fp=0xc000086bd0 sp=0xc000086b80 pc=0x4baf0e
testing.tRunner(0xc0000964e0, 0xc000086cd8)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc000086c20 sp=0xc000086bd0 pc=0x4b822b
testing.runTests(0xc0000b00a0?, {0x603300, 0x3, 0x3}, {0x7f2241c915b8?, 0x40?, 0x607bc0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456 fp=0xc000086d08 sp=0xc000086c20 pc=0x4badb6
testing.(*M).Run(0xc0000b00a0)
	/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9 fp=0xc000086f00 sp=0xc000086d08 pc=0x4b9899
main.main()
	_testmain.go:51 +0x1aa fp=0xc000086f80 sp=0xc000086f00 pc=0x4f59ca
runtime.main()
	/usr/lib/go-1.19/src/runtime/proc.go:250 +0x212 fp=0xc000086fe0 sp=0xc000086f80 pc=0x4387f2
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000086fe8 sp=0xc000086fe0 pc=0x466281

goroutine 2 [force gc (idle)]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003afb0 sp=0xc00003af90 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.forcegchelper()
	/usr/lib/go-1.19/src/runtime/proc.go:302 +0xad fp=0xc00003afe0 sp=0xc00003afb0 pc=0x438a4d
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003afe8 sp=0xc00003afe0 pc=0x466281
created by runtime.init.6
	/usr/lib/go-1.19/src/runtime/proc.go:290 +0x25

goroutine 3 [GC sweep wait]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003b790 sp=0xc00003b770 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.bgsweep(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcsweep.go:278 +0x8e fp=0xc00003b7c8 sp=0xc00003b790 pc=0x423b0e
runtime.gcenable.func1()
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x26 fp=0xc00003b7e0 sp=0xc00003b7c8 pc=0x4187c6
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003b7e8 sp=0xc00003b7e0 pc=0x466281
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x6b

goroutine 4 [GC scavenge wait]:
runtime.gopark(0xc000058000?, 0x551ac0?, 0x1?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003bf70 sp=0xc00003bf50 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.(*scavengerState).park(0x607c40)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:389 +0x53 fp=0xc00003bfa0 sp=0xc00003bf70 pc=0x421bb3
runtime.bgscavenge(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:617 +0x45 fp=0xc00003bfc8 sp=0xc00003bfa0 pc=0x422185
runtime.gcenable.func2()
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0x26 fp=0xc00003bfe0 sp=0xc00003bfc8 pc=0x418766
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003bfe8 sp=0xc00003bfe0 pc=0x466281
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0xaa

goroutine 17 [finalizer wait]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0xc00003a770?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003a628 sp=0xc00003a608 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.runfinq()
	/usr/lib/go-1.19/src/runtime/mfinal.go:180 +0x10f fp=0xc00003a7e0 sp=0xc00003a628 pc=0x4178cf
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003a7e8 sp=0xc00003a7e0 pc=0x466281
created by runtime.createfing
	/usr/lib/go-1.19/src/runtime/mfinal.go:157 +0x45

goroutine 19 [chan receive]:
runtime.gopark(0xc000094060?, 0xc000087e70?, 0x65?, 0xc1?, 0x5ff480?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000087e40 sp=0xc000087e20 pc=0x438bb6
runtime.chanrecv(0xc000080360, 0xc000087f40, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc000087ed0 sp=0xc000087e40 pc=0x4066fb
runtime.chanrecv1(0x5524c0?, 0xc000092008?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc000087ef8 sp=0xc000087ed0 pc=0x406238
example.com/m/cmd.waitForPodRunning(...)
	/tmp/hangfix/src/cmd/cache_list.go:9
example.com/m/cmd.TestCacheList(0xc0000969c0)
	/tmp/hangfix/src/cmd/cache_list_test.go:22 +0x131 fp=0xc000087f70 sp=0xc000087ef8 pc=0x4f55d1
testing.tRunner(0xc0000969c0, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc000087fc0 sp=0xc000087f70 pc=0x4b822b
testing.(*T).Run.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc000087fe0 sp=0xc000087fc0 pc=0x4b90ca
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000087fe8 sp=0xc000087fe0 pc=0x466281
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

goroutine 20 [chan receive]:
runtime.gopark(0x4f54ce?, 0x524212?, 0x4?, 0x0?, 0x51b?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc0000366f0 sp=0xc0000366d0 pc=0x438bb6
runtime.chanrecv(0xc000080300, 0x0, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc000036780 sp=0xc0000366f0 pc=0x4066fb
runtime.chanrecv1(0xc000036790?, 0xc0000367d0?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc0000367a8 sp=0xc000036780 pc=0x406238
example.com/m/internal/kube.Serve(0x52f548?)
	/tmp/hangfix/src/internal/kube/client.go:21 +0x1b fp=0xc0000367c8 sp=0xc0000367a8 pc=0x4f53fb
example.com/m/cmd.TestCacheList.func1()
	/tmp/hangfix/src/cmd/cache_list_test.go:19 +0x26 fp=0xc0000367e0 sp=0xc0000367c8 pc=0x4f5646
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000367e8 sp=0xc0000367e0 pc=0x466281
created by example.com/m/cmd.TestCacheList
	/tmp/hangfix/src/cmd/cache_list_test.go:19 +0xca

rax    0xca
rbx    0x0
rcx    0x468183
rdx    0x0
rdi    0x6084a8
rsi    0x80
rbp    0x7ffc1fe39170
rsp    0x7ffc1fe39128
r8     0x0
r9     0x0
r10    0x0
r11    0x286
r12    0x7ffc1fe39180
r13    0x58
r14    0x607dc0
r15    0x7f221a7f3a12
rip    0x468181
rflags 0x286
cs     0x33
fs     0x0
gs     0x0
"""#

    /// Real: as `goChanQuit`, HANG=poll: the subtest TestCachePoll/eventually_ready polls with
    /// time.Sleep in (*Client).WaitReady, called from the inlined listCache.
    static let goPollQuit = #"""
=== RUN   TestCacheCompiles
cache compiles
--- PASS: TestCacheCompiles (0.00s)
=== RUN   TestCacheList
    cache_list_test.go:17: set HANG=chan
--- SKIP: TestCacheList (0.00s)
=== RUN   TestCachePoll
=== RUN   TestCachePoll/eventually_ready
SIGQUIT: quit
PC=0x468181 m=0 sigcode=0

goroutine 0 [idle]:
runtime.futex()
	/usr/lib/go-1.19/src/runtime/sys_linux_amd64.s:559 +0x21 fp=0x7ffc07b51b70 sp=0x7ffc07b51b68 pc=0x468181
runtime.futexsleep(0x10000000000?, 0x7b51bf0?, 0x444d8b?)
	/usr/lib/go-1.19/src/runtime/os_linux.go:69 +0x36 fp=0x7ffc07b51bc0 sp=0x7ffc07b51b70 pc=0x4320d6
runtime.notesleep(0x6084a8)
	/usr/lib/go-1.19/src/runtime/lock_futex.go:160 +0x87 fp=0x7ffc07b51bf8 sp=0x7ffc07b51bc0 pc=0x40b5c7
runtime.mPark(...)
	/usr/lib/go-1.19/src/runtime/proc.go:1457
runtime.stopm()
	/usr/lib/go-1.19/src/runtime/proc.go:2247 +0x8c fp=0x7ffc07b51c28 sp=0x7ffc07b51bf8 pc=0x43c9cc
runtime.findRunnable()
	/usr/lib/go-1.19/src/runtime/proc.go:2874 +0x9e8 fp=0x7ffc07b51d18 sp=0x7ffc07b51c28 pc=0x43e068
runtime.schedule()
	/usr/lib/go-1.19/src/runtime/proc.go:3214 +0xbe fp=0x7ffc07b51d50 sp=0x7ffc07b51d18 pc=0x43ee9e
runtime.park_m(0xc000098340?)
	/usr/lib/go-1.19/src/runtime/proc.go:3363 +0x14d fp=0x7ffc07b51d80 sp=0x7ffc07b51d50 pc=0x43f3cd
runtime.mcall()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:448 +0x43 fp=0x7ffc07b51d90 sp=0x7ffc07b51d80 pc=0x464183

goroutine 1 [chan receive]:
runtime.gopark(0x1?, 0xc00006eaa8?, 0xbf?, 0xcd?, 0xc00006ea58?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00006ea28 sp=0xc00006ea08 pc=0x438bb6
runtime.chanrecv(0xc0000581c0, 0xc00006eb27, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00006eab8 sp=0xc00006ea28 pc=0x4066fb
runtime.chanrecv1(0x525e5b?, 0x525e5b?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00006eae0 sp=0xc00006eab8 pc=0x406238
testing.(*T).Run(0xc0000076c0, {0x525e5b?, 0x4b7f85?}, 0x52f560)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a fp=0xc00006eb80 sp=0xc00006eae0 pc=0x4b901a
testing.runTests.func1(0xc0000143f0?)
	/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e fp=0xc00006ebd0 sp=0xc00006eb80 pc=0x4baf0e
testing.tRunner(0xc0000076c0, 0xc00006ecd8)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00006ec20 sp=0xc00006ebd0 pc=0x4b822b
testing.runTests(0xc000000140?, {0x603300, 0x3, 0x3}, {0x7fb29a3ac108?, 0x40?, 0x607bc0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456 fp=0xc00006ed08 sp=0xc00006ec20 pc=0x4badb6
testing.(*M).Run(0xc000000140)
	/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9 fp=0xc00006ef00 sp=0xc00006ed08 pc=0x4b9899
main.main()
	_testmain.go:51 +0x1aa fp=0xc00006ef80 sp=0xc00006ef00 pc=0x4f59ca
runtime.main()
	/usr/lib/go-1.19/src/runtime/proc.go:250 +0x212 fp=0xc00006efe0 sp=0xc00006ef80 pc=0x4387f2
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00006efe8 sp=0xc00006efe0 pc=0x466281

goroutine 2 [force gc (idle)]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003afb0 sp=0xc00003af90 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.forcegchelper()
	/usr/lib/go-1.19/src/runtime/proc.go:302 +0xad fp=0xc00003afe0 sp=0xc00003afb0 pc=0x438a4d
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003afe8 sp=0xc00003afe0 pc=0x466281
created by runtime.init.6
	/usr/lib/go-1.19/src/runtime/proc.go:290 +0x25

goroutine 3 [GC sweep wait]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003b790 sp=0xc00003b770 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.bgsweep(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcsweep.go:278 +0x8e fp=0xc00003b7c8 sp=0xc00003b790 pc=0x423b0e
runtime.gcenable.func1()
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x26 fp=0xc00003b7e0 sp=0xc00003b7c8 pc=0x4187c6
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003b7e8 sp=0xc00003b7e0 pc=0x466281
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x6b

goroutine 4 [GC scavenge wait]:
runtime.gopark(0xc000058000?, 0x551ac0?, 0x1?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003bf70 sp=0xc00003bf50 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.(*scavengerState).park(0x607c40)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:389 +0x53 fp=0xc00003bfa0 sp=0xc00003bf70 pc=0x421bb3
runtime.bgscavenge(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:617 +0x45 fp=0xc00003bfc8 sp=0xc00003bfa0 pc=0x422185
runtime.gcenable.func2()
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0x26 fp=0xc00003bfe0 sp=0xc00003bfc8 pc=0x418766
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003bfe8 sp=0xc00003bfe0 pc=0x466281
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0xaa

goroutine 5 [finalizer wait]:
runtime.gopark(0x0?, 0xc00003a670?, 0x6b?, 0x5c?, 0xc00003a770?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003a628 sp=0xc00003a608 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.runfinq()
	/usr/lib/go-1.19/src/runtime/mfinal.go:180 +0x10f fp=0xc00003a7e0 sp=0xc00003a628 pc=0x4178cf
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003a7e8 sp=0xc00003a7e0 pc=0x466281
created by runtime.createfing
	/usr/lib/go-1.19/src/runtime/mfinal.go:157 +0x45

goroutine 8 [chan receive]:
runtime.gopark(0x1?, 0xc00006fe58?, 0xbf?, 0xcd?, 0xc00006fe08?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00006fdd8 sp=0xc00006fdb8 pc=0x438bb6
runtime.chanrecv(0xc000058230, 0xc00006fed7, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00006fe68 sp=0xc00006fdd8 pc=0x4066fb
runtime.chanrecv1(0xc000022120?, 0xc000022120?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00006fe90 sp=0xc00006fe68 pc=0x406238
testing.(*T).Run(0xc000098000, {0x5268a5?, 0x0?}, 0x52f558)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a fp=0xc00006ff30 sp=0xc00006fe90 pc=0x4b901a
example.com/m/cmd.TestCachePoll(0xc000098000)
	/tmp/hangfix/src/cmd/cache_list_test.go:29 +0x90 fp=0xc00006ff70 sp=0xc00006ff30 pc=0x4f5790
testing.tRunner(0xc000098000, 0x52f560)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00006ffc0 sp=0xc00006ff70 pc=0x4b822b
testing.(*T).Run.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc00006ffe0 sp=0xc00006ffc0 pc=0x4b90ca
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00006ffe8 sp=0xc00006ffe0 pc=0x466281
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

goroutine 9 [sleep]:
runtime.gopark(0x1cfb4f18ebb3?, 0x27?, 0x1b?, 0x5?, 0x4b8120?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003c6f8 sp=0xc00003c6d8 pc=0x438bb6
time.Sleep(0x2faf080)
	/usr/lib/go-1.19/src/runtime/time.go:195 +0x135 fp=0xc00003c738 sp=0xc00003c6f8 pc=0x463295
example.com/m/internal/kube.(*Client).WaitReady(0xc00003c758)
	/tmp/hangfix/src/internal/kube/client.go:15 +0x25 fp=0xc00003c750 sp=0xc00003c738 pc=0x4f53a5
example.com/m/cmd.listCache(...)
	/tmp/hangfix/src/cmd/cache_list.go:17
example.com/m/cmd.TestCachePoll.func1(0xc000098000?)
	/tmp/hangfix/src/cmd/cache_list_test.go:31 +0x34 fp=0xc00003c770 sp=0xc00003c750 pc=0x4f56d4
testing.tRunner(0xc0000981a0, 0x52f558)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00003c7c0 sp=0xc00003c770 pc=0x4b822b
testing.(*T).Run.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc00003c7e0 sp=0xc00003c7c0 pc=0x4b90ca
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003c7e8 sp=0xc00003c7e0 pc=0x466281
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

rax    0xca
rbx    0x0
rcx    0x468183
rdx    0x0
rdi    0x6084a8
rsi    0x80
rbp    0x7ffc07b51bb0
rsp    0x7ffc07b51b68
r8     0x0
r9     0x0
r10    0x0
r11    0x286
r12    0xc00002a500
r13    0x0
r14    0x607dc0
r15    0x0
rip    0x468181
rflags 0x286
cs     0x33
fs     0x0
gs     0x0
"""#

    /// Real: as `goChanQuit` but without -test.timeout, so nothing else is alive and the runtime
    /// detected the deadlock itself before the kill ("fatal error: all goroutines are asleep - deadlock!").
    static let goDeadlock = #"""
=== RUN   TestCacheCompiles
cache compiles
--- PASS: TestCacheCompiles (0.00s)
=== RUN   TestCacheList
waiting for the pod
fatal error: all goroutines are asleep - deadlock!

goroutine 1 [chan receive]:
testing.(*T).Run(0xc0000964e0, {0x525e4e?, 0x4b7f85?}, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
testing.runTests.func1(0xc00008e390?)
	/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e
testing.tRunner(0xc0000964e0, 0xc000086cd8)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
testing.runTests(0xc0000b00a0?, {0x603300, 0x3, 0x3}, {0x7f858444f5b8?, 0x40?, 0x0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456
testing.(*M).Run(0xc0000b00a0)
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
"""#

    /// Real: `HANG=chan setsid go test -v ./cmd`, then `kill -QUIT -- -<pgid>` (the go command and the
    /// test binary both get the signal; go prints the binary's output without a prefix).
    static let goTestVerboseQuit = #"""
=== RUN   TestCacheCompiles
cache compiles
--- PASS: TestCacheCompiles (0.00s)
=== RUN   TestCacheList
waiting for the pod
SIGQUIT: quit
PC=0x468181 m=0 sigcode=0

goroutine 0 [idle]:
runtime.futex()
	/usr/lib/go-1.19/src/runtime/sys_linux_amd64.s:559 +0x21 fp=0x7fffe248e6c0 sp=0x7fffe248e6b8 pc=0x468181
runtime.futexsleep(0x0?, 0x0?, 0x7fffe248e768?)
	/usr/lib/go-1.19/src/runtime/os_linux.go:69 +0x36 fp=0x7fffe248e710 sp=0x7fffe248e6c0 pc=0x4320d6
runtime.notesleep(0x6084a8)
	/usr/lib/go-1.19/src/runtime/lock_futex.go:160 +0x87 fp=0x7fffe248e748 sp=0x7fffe248e710 pc=0x40b5c7
runtime.mPark(...)
	/usr/lib/go-1.19/src/runtime/proc.go:1457
runtime.stopm()
	/usr/lib/go-1.19/src/runtime/proc.go:2247 +0x8c fp=0x7fffe248e778 sp=0x7fffe248e748 pc=0x43c9cc
runtime.findRunnable()
	/usr/lib/go-1.19/src/runtime/proc.go:2874 +0x9e8 fp=0x7fffe248e868 sp=0x7fffe248e778 pc=0x43e068
runtime.schedule()
	/usr/lib/go-1.19/src/runtime/proc.go:3214 +0xbe fp=0x7fffe248e8a0 sp=0x7fffe248e868 pc=0x43ee9e
runtime.park_m(0xc000098000?)
	/usr/lib/go-1.19/src/runtime/proc.go:3363 +0x14d fp=0x7fffe248e8d0 sp=0x7fffe248e8a0 pc=0x43f3cd
runtime.mcall()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:448 +0x43 fp=0x7fffe248e8e0 sp=0x7fffe248e8d0 pc=0x464183

goroutine 1 [chan receive]:
runtime.gopark(0x1?, 0xc00006aaa8?, 0xbf?, 0xcd?, 0xc00006aa58?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00006aa28 sp=0xc00006aa08 pc=0x438bb6
runtime.chanrecv(0xc000056150, 0xc00006ab27, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00006aab8 sp=0xc00006aa28 pc=0x4066fb
runtime.chanrecv1(0x525e4e?, 0x525e4e?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00006aae0 sp=0xc00006aab8 pc=0x406238
testing.(*T).Run(0xc0000076c0, {0x525e4e?, 0x4b7f85?}, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a fp=0xc00006ab80 sp=0xc00006aae0 pc=0x4b901a
testing.runTests.func1(0xc00006e390?)
	/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e fp=0xc00006abd0 sp=0xc00006ab80 pc=0x4baf0e
testing.tRunner(0xc0000076c0, 0xc00006acd8)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00006ac20 sp=0xc00006abd0 pc=0x4b822b
testing.runTests(0xc000000140?, {0x603300, 0x3, 0x3}, {0x7f7df2902108?, 0x40?, 0x607bc0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456 fp=0xc00006ad08 sp=0xc00006ac20 pc=0x4badb6
testing.(*M).Run(0xc000000140)
	/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9 fp=0xc00006af00 sp=0xc00006ad08 pc=0x4b9899
main.main()
	_testmain.go:51 +0x1aa fp=0xc00006af80 sp=0xc00006af00 pc=0x4f59ca
runtime.main()
	/usr/lib/go-1.19/src/runtime/proc.go:250 +0x212 fp=0xc00006afe0 sp=0xc00006af80 pc=0x4387f2
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00006afe8 sp=0xc00006afe0 pc=0x466281

goroutine 2 [force gc (idle)]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000038fb0 sp=0xc000038f90 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.forcegchelper()
	/usr/lib/go-1.19/src/runtime/proc.go:302 +0xad fp=0xc000038fe0 sp=0xc000038fb0 pc=0x438a4d
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000038fe8 sp=0xc000038fe0 pc=0x466281
created by runtime.init.6
	/usr/lib/go-1.19/src/runtime/proc.go:290 +0x25

goroutine 3 [GC sweep wait]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000039790 sp=0xc000039770 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.bgsweep(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcsweep.go:278 +0x8e fp=0xc0000397c8 sp=0xc000039790 pc=0x423b0e
runtime.gcenable.func1()
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x26 fp=0xc0000397e0 sp=0xc0000397c8 pc=0x4187c6
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000397e8 sp=0xc0000397e0 pc=0x466281
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x6b

goroutine 4 [GC scavenge wait]:
runtime.gopark(0xc000056000?, 0x551ac0?, 0x1?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000039f70 sp=0xc000039f50 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.(*scavengerState).park(0x607c40)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:389 +0x53 fp=0xc000039fa0 sp=0xc000039f70 pc=0x421bb3
runtime.bgscavenge(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:617 +0x45 fp=0xc000039fc8 sp=0xc000039fa0 pc=0x422185
runtime.gcenable.func2()
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0x26 fp=0xc000039fe0 sp=0xc000039fc8 pc=0x418766
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000039fe8 sp=0xc000039fe0 pc=0x466281
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0xaa

goroutine 5 [finalizer wait]:
runtime.gopark(0x0?, 0xc000038670?, 0x6b?, 0x5c?, 0xc000038770?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000038628 sp=0xc000038608 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.runfinq()
	/usr/lib/go-1.19/src/runtime/mfinal.go:180 +0x10f fp=0xc0000387e0 sp=0xc000038628 pc=0x4178cf
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000387e8 sp=0xc0000387e0 pc=0x466281
created by runtime.createfing
	/usr/lib/go-1.19/src/runtime/mfinal.go:157 +0x45

goroutine 7 [chan receive]:
runtime.gopark(0xc00005a0c0?, 0xc00006be70?, 0x65?, 0xc1?, 0x5ff480?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00006be40 sp=0xc00006be20 pc=0x438bb6
runtime.chanrecv(0xc000064360, 0xc00006bf40, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00006bed0 sp=0xc00006be40 pc=0x4066fb
runtime.chanrecv1(0x5524c0?, 0xc000012018?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00006bef8 sp=0xc00006bed0 pc=0x406238
example.com/m/cmd.waitForPodRunning(...)
	/tmp/hangfix/src/cmd/cache_list.go:9
example.com/m/cmd.TestCacheList(0xc000007ba0)
	/tmp/hangfix/src/cmd/cache_list_test.go:22 +0x131 fp=0xc00006bf70 sp=0xc00006bef8 pc=0x4f55d1
testing.tRunner(0xc000007ba0, 0x52f548)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00006bfc0 sp=0xc00006bf70 pc=0x4b822b
testing.(*T).Run.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc00006bfe0 sp=0xc00006bfc0 pc=0x4b90ca
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00006bfe8 sp=0xc00006bfe0 pc=0x466281
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

goroutine 8 [chan receive]:
runtime.gopark(0x4f54ce?, 0x524212?, 0x4?, 0x0?, 0x51b?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003a6f0 sp=0xc00003a6d0 pc=0x438bb6
runtime.chanrecv(0xc000064300, 0x0, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00003a780 sp=0xc00003a6f0 pc=0x4066fb
runtime.chanrecv1(0xc00003a790?, 0xc00003a7d0?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00003a7a8 sp=0xc00003a780 pc=0x406238
example.com/m/internal/kube.Serve(0x52f548?)
	/tmp/hangfix/src/internal/kube/client.go:21 +0x1b fp=0xc00003a7c8 sp=0xc00003a7a8 pc=0x4f53fb
example.com/m/cmd.TestCacheList.func1()
	/tmp/hangfix/src/cmd/cache_list_test.go:19 +0x26 fp=0xc00003a7e0 sp=0xc00003a7c8 pc=0x4f5646
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003a7e8 sp=0xc00003a7e0 pc=0x466281
created by example.com/m/cmd.TestCacheList
	/tmp/hangfix/src/cmd/cache_list_test.go:19 +0xca

rax    0xca
rbx    0x0
rcx    0x468183
rdx    0x0
rdi    0x6084a8
rsi    0x80
rbp    0x7fffe248e700
rsp    0x7fffe248e6b8
r8     0x0
r9     0x0
r10    0x0
r11    0x286
r12    0x7fffe248e710
r13    0x58
r14    0x607dc0
r15    0x7f7dcb3f1d18
rip    0x468181
rflags 0x286
cs     0x33
fs     0x0
gs     0x0
FAIL	example.com/m/cmd	4.897s
rc=1
"""#

    /// Real: module "hangdemo" (no dot in its path) at /tmp/hangfix/demo; two parallel tests hang,
    /// TestStoreSync in a dependency's poll loop (github.com/acme/retry, replaced by a directory under
    /// /tmp/hangfix/gopath/pkg/mod/) and TestStoreLoad in sync.WaitGroup.Wait.
    /// `go test -c -o store.test ./store && cd store && ../store.test -test.v -test.timeout=10m`, `kill -QUIT <pid>`.
    static let goParallelQuit = #"""
=== RUN   TestStoreSync
=== PAUSE TestStoreSync
=== RUN   TestStoreLoad
=== PAUSE TestStoreLoad
=== CONT  TestStoreSync
=== CONT  TestStoreLoad
SIGQUIT: quit
PC=0x4681e1 m=0 sigcode=0

goroutine 0 [idle]:
runtime.futex()
	/usr/lib/go-1.19/src/runtime/sys_linux_amd64.s:559 +0x21 fp=0x7fff0a764610 sp=0x7fff0a764608 pc=0x4681e1
runtime.futexsleep(0x10000000000?, 0x0?, 0x3?)
	/usr/lib/go-1.19/src/runtime/os_linux.go:69 +0x36 fp=0x7fff0a764660 sp=0x7fff0a764610 pc=0x4320d6
runtime.notesleep(0x608488)
	/usr/lib/go-1.19/src/runtime/lock_futex.go:160 +0x87 fp=0x7fff0a764698 sp=0x7fff0a764660 pc=0x40b5c7
runtime.mPark(...)
	/usr/lib/go-1.19/src/runtime/proc.go:1457
runtime.stopm()
	/usr/lib/go-1.19/src/runtime/proc.go:2247 +0x8c fp=0x7fff0a7646c8 sp=0x7fff0a764698 pc=0x43c9cc
runtime.findRunnable()
	/usr/lib/go-1.19/src/runtime/proc.go:2874 +0x9e8 fp=0x7fff0a7647b8 sp=0x7fff0a7646c8 pc=0x43e068
runtime.schedule()
	/usr/lib/go-1.19/src/runtime/proc.go:3214 +0xbe fp=0x7fff0a7647f0 sp=0x7fff0a7647b8 pc=0x43ee9e
runtime.park_m(0xc000007d40?)
	/usr/lib/go-1.19/src/runtime/proc.go:3363 +0x14d fp=0x7fff0a764820 sp=0x7fff0a7647f0 pc=0x43f3cd
runtime.mcall()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:448 +0x43 fp=0x7fff0a764830 sp=0x7fff0a764820 pc=0x4641e3

goroutine 1 [chan receive]:
runtime.gopark(0x46c1c5?, 0x5ff480?, 0x67?, 0xc?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc0000749b0 sp=0xc000074990 pc=0x438bb6
runtime.chanrecv(0xc00005e0e0, 0x0, 0x1)
	/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc000074a40 sp=0xc0000749b0 pc=0x4066fb
runtime.chanrecv1(0xc00006e1e0?, 0xc00005e1a8?)
	/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc000074a68 sp=0xc000074a40 pc=0x406238
testing.tRunner.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1412 +0x4a5 fp=0xc000074bd0 sp=0xc000074a68 pc=0x4b8965
testing.tRunner(0xc000007a00, 0xc000074cd8)
	/usr/lib/go-1.19/src/testing/testing.go:1452 +0x144 fp=0xc000074c20 sp=0xc000074bd0 pc=0x4b8444
testing.runTests(0xc000000140?, {0x5ff540, 0x2, 0x2}, {0x7f73eb02e108?, 0x40?, 0x607ba0?})
	/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456 fp=0xc000074d08 sp=0xc000074c20 pc=0x4baf96
testing.(*M).Run(0xc000000140)
	/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9 fp=0xc000074f00 sp=0xc000074d08 pc=0x4b9a79
main.main()
	_testmain.go:49 +0x1aa fp=0xc000074f80 sp=0xc000074f00 pc=0x4f592a
runtime.main()
	/usr/lib/go-1.19/src/runtime/proc.go:250 +0x212 fp=0xc000074fe0 sp=0xc000074f80 pc=0x4387f2
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000074fe8 sp=0xc000074fe0 pc=0x4662e1

goroutine 2 [force gc (idle)]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000038fb0 sp=0xc000038f90 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.forcegchelper()
	/usr/lib/go-1.19/src/runtime/proc.go:302 +0xad fp=0xc000038fe0 sp=0xc000038fb0 pc=0x438a4d
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000038fe8 sp=0xc000038fe0 pc=0x4662e1
created by runtime.init.6
	/usr/lib/go-1.19/src/runtime/proc.go:290 +0x25

goroutine 3 [GC sweep wait]:
runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000039790 sp=0xc000039770 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.bgsweep(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcsweep.go:278 +0x8e fp=0xc0000397c8 sp=0xc000039790 pc=0x423b0e
runtime.gcenable.func1()
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x26 fp=0xc0000397e0 sp=0xc0000397c8 pc=0x4187c6
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000397e8 sp=0xc0000397e0 pc=0x4662e1
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x6b

goroutine 4 [GC scavenge wait]:
runtime.gopark(0xc00005e000?, 0x551bb0?, 0x1?, 0x0?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000039f70 sp=0xc000039f50 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.(*scavengerState).park(0x607c20)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:389 +0x53 fp=0xc000039fa0 sp=0xc000039f70 pc=0x421bb3
runtime.bgscavenge(0x0?)
	/usr/lib/go-1.19/src/runtime/mgcscavenge.go:617 +0x45 fp=0xc000039fc8 sp=0xc000039fa0 pc=0x422185
runtime.gcenable.func2()
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0x26 fp=0xc000039fe0 sp=0xc000039fc8 pc=0x418766
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000039fe8 sp=0xc000039fe0 pc=0x4662e1
created by runtime.gcenable
	/usr/lib/go-1.19/src/runtime/mgc.go:179 +0xaa

goroutine 5 [finalizer wait]:
runtime.gopark(0x0?, 0xc000038670?, 0x6b?, 0x5c?, 0xc000038770?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000038628 sp=0xc000038608 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.runfinq()
	/usr/lib/go-1.19/src/runtime/mfinal.go:180 +0x10f fp=0xc0000387e0 sp=0xc000038628 pc=0x4178cf
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000387e8 sp=0xc0000387e0 pc=0x4662e1
created by runtime.createfing
	/usr/lib/go-1.19/src/runtime/mfinal.go:157 +0x45

goroutine 6 [sleep]:
runtime.gopark(0x1d0b296bd397?, 0x525eb6?, 0x27?, 0x54?, 0xc00003a710?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003a6d8 sp=0xc00003a6b8 pc=0x438bb6
time.Sleep(0x1312d00)
	/usr/lib/go-1.19/src/runtime/time.go:195 +0x135 fp=0xc00003a718 sp=0xc00003a6d8 pc=0x4632f5
github.com/acme/retry.Until(0xc00003a750)
	/tmp/hangfix/gopath/pkg/mod/github.com/acme/retry@v1.2.0/retry.go:8 +0x25 fp=0xc00003a730 sp=0xc00003a718 pc=0x4f5525
hangdemo/store.(*Store).Sync(...)
	/tmp/hangfix/demo/store/store.go:15
hangdemo/store.TestStoreSync(0x0?)
	/tmp/hangfix/demo/store/store_test.go:8 +0x56 fp=0xc00003a770 sp=0xc00003a730 pc=0x4f5616
testing.tRunner(0xc000007ba0, 0x52f788)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00003a7c0 sp=0xc00003a770 pc=0x4b840b
testing.(*T).Run.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc00003a7e0 sp=0xc00003a7c0 pc=0x4b92aa
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003a7e8 sp=0xc00003a7e0 pc=0x4662e1
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

goroutine 7 [semacquire]:
runtime.gopark(0x7f73c39eff38?, 0x5525c0?, 0x40?, 0x22?, 0x0?)
	/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000070e68 sp=0xc000070e48 pc=0x438bb6
runtime.goparkunlock(...)
	/usr/lib/go-1.19/src/runtime/proc.go:369
runtime.semacquire1(0xc000108010, 0x38?, 0x1, 0x0)
	/usr/lib/go-1.19/src/runtime/sema.go:150 +0x1fe fp=0xc000070ed0 sp=0xc000070e68 pc=0x44817e
sync.runtime_Semacquire(0xc000108000?)
	/usr/lib/go-1.19/src/runtime/sema.go:62 +0x25 fp=0xc000070f00 sp=0xc000070ed0 pc=0x4628e5
sync.(*WaitGroup).Wait(0x18?)
	/usr/lib/go-1.19/src/sync/waitgroup.go:139 +0x52 fp=0xc000070f28 sp=0xc000070f00 pc=0x46d452
hangdemo/store.waitLoaded(...)
	/tmp/hangfix/demo/store/store.go:26
hangdemo/store.(*Store).Load(0xc00009e000?)
	/tmp/hangfix/demo/store/store.go:22 +0x34 fp=0xc000070f50 sp=0xc000070f28 pc=0x4f5594
hangdemo/store.TestStoreLoad(0x0?)
	/tmp/hangfix/demo/store/store_test.go:14 +0x2a fp=0xc000070f70 sp=0xc000070f50 pc=0x4f568a
testing.tRunner(0xc00009e000, 0x52f780)
	/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc000070fc0 sp=0xc000070f70 pc=0x4b840b
testing.(*T).Run.func1()
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc000070fe0 sp=0xc000070fc0 pc=0x4b92aa
runtime.goexit()
	/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000070fe8 sp=0xc000070fe0 pc=0x4662e1
created by testing.(*T).Run
	/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

rax    0xca
rbx    0x0
rcx    0x4681e3
rdx    0x0
rdi    0x608488
rsi    0x80
rbp    0x7fff0a764650
rsp    0x7fff0a764608
r8     0x0
r9     0x0
r10    0x0
r11    0x286
r12    0x0
r13    0x1
r14    0x607da0
r15    0x7f73c3bf022e
rip    0x4681e1
rflags 0x286
cs     0x33
fs     0x0
gs     0x0
"""#
}
