// Captured output used as test fixtures; see HangFixtures.swift for how each was made.

extension HangFixtures {
    /// Real: `HANG=chan go test -json -timeout 2s ./cmd` (JSON lines; tests unwrap the Output fields,
    /// as the output analyzer does before calling the collector).
    static let goTimeoutJSON = #"""
{"Time":"2026-12-01T04:04:19.943925326Z","Action":"run","Package":"example.com/m/cmd","Test":"TestCacheCompiles"}
{"Time":"2026-12-01T04:04:19.944027411Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Output":"=== RUN   TestCacheCompiles\n"}
{"Time":"2026-12-01T04:04:19.94403319Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Output":"cache compiles\n"}
{"Time":"2026-12-01T04:04:19.944037438Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Output":"--- PASS: TestCacheCompiles (0.00s)\n"}
{"Time":"2026-12-01T04:04:19.944039457Z","Action":"pass","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Elapsed":0}
{"Time":"2026-12-01T04:04:19.944042553Z","Action":"run","Package":"example.com/m/cmd","Test":"TestCacheList"}
{"Time":"2026-12-01T04:04:19.944045201Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"=== RUN   TestCacheList\n"}
{"Time":"2026-12-01T04:04:19.944046672Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"waiting for the pod\n"}
{"Time":"2026-12-01T04:04:21.946506202Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"panic: test timed out after 2s\n"}
{"Time":"2026-12-01T04:04:21.946546961Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\n"}
{"Time":"2026-12-01T04:04:21.946549573Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"goroutine 17 [running]:\n"}
{"Time":"2026-12-01T04:04:21.946551103Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.(*M).startAlarm.func1()\n"}
{"Time":"2026-12-01T04:04:21.946552542Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e\n"}
{"Time":"2026-12-01T04:04:21.9465547Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"created by time.goFunc\n"}
{"Time":"2026-12-01T04:04:21.946556248Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x32\n"}
{"Time":"2026-12-01T04:04:21.946558342Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\n"}
{"Time":"2026-12-01T04:04:21.946559574Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"goroutine 1 [chan receive]:\n"}
{"Time":"2026-12-01T04:04:21.946560895Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.(*T).Run(0xc0000076c0, {0x525e4e?, 0x4b7f85?}, 0x52f548)\n"}
{"Time":"2026-12-01T04:04:21.946562297Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a\n"}
{"Time":"2026-12-01T04:04:21.946564023Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.runTests.func1(0xc00006e390?)\n"}
{"Time":"2026-12-01T04:04:21.946565733Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e\n"}
{"Time":"2026-12-01T04:04:21.946566986Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.tRunner(0xc0000076c0, 0xc00006acd8)\n"}
{"Time":"2026-12-01T04:04:21.946568429Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b\n"}
{"Time":"2026-12-01T04:04:21.946569658Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.runTests(0xc000000140?, {0x603300, 0x3, 0x3}, {0x7fb92b8ce108?, 0x40?, 0x607bc0?})\n"}
{"Time":"2026-12-01T04:04:21.946575457Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456\n"}
{"Time":"2026-12-01T04:04:21.946576808Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.(*M).Run(0xc000000140)\n"}
{"Time":"2026-12-01T04:04:21.946583742Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9\n"}
{"Time":"2026-12-01T04:04:21.946585154Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"main.main()\n"}
{"Time":"2026-12-01T04:04:21.94658681Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t_testmain.go:51 +0x1aa\n"}
{"Time":"2026-12-01T04:04:21.946588089Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\n"}
{"Time":"2026-12-01T04:04:21.946589297Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"goroutine 7 [chan receive]:\n"}
{"Time":"2026-12-01T04:04:21.946590695Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"example.com/m/cmd.waitForPodRunning(...)\n"}
{"Time":"2026-12-01T04:04:21.946592008Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/tmp/hangfix/src/cmd/cache_list.go:9\n"}
{"Time":"2026-12-01T04:04:21.946593357Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"example.com/m/cmd.TestCacheList(0xc000007ba0)\n"}
{"Time":"2026-12-01T04:04:21.94659466Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/tmp/hangfix/src/cmd/cache_list_test.go:22 +0x131\n"}
{"Time":"2026-12-01T04:04:21.946597024Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"testing.tRunner(0xc000007ba0, 0x52f548)\n"}
{"Time":"2026-12-01T04:04:21.946598373Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b\n"}
{"Time":"2026-12-01T04:04:21.946599725Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"created by testing.(*T).Run\n"}
{"Time":"2026-12-01T04:04:21.94660109Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f\n"}
{"Time":"2026-12-01T04:04:21.946602439Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\n"}
{"Time":"2026-12-01T04:04:21.946603678Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"goroutine 8 [chan receive]:\n"}
{"Time":"2026-12-01T04:04:21.946605165Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"example.com/m/internal/kube.Serve(0x52f548?)\n"}
{"Time":"2026-12-01T04:04:21.946606429Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/tmp/hangfix/src/internal/kube/client.go:21 +0x1b\n"}
{"Time":"2026-12-01T04:04:21.946607749Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"created by example.com/m/cmd.TestCacheList\n"}
{"Time":"2026-12-01T04:04:21.946609021Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"\t/tmp/hangfix/src/cmd/cache_list_test.go:19 +0xca\n"}
{"Time":"2026-12-01T04:04:21.947068587Z","Action":"output","Package":"example.com/m/cmd","Output":"FAIL\texample.com/m/cmd\t2.004s\n"}
{"Time":"2026-12-01T04:04:21.947093784Z","Action":"fail","Package":"example.com/m/cmd","Elapsed":2.004}
"""#

    /// Real: `HANG=poll setsid go test -json ./...`, then `kill -QUIT -- -<pgid>` after 4 s.
    static let goQuitJSON = #"""
{"Time":"2026-12-01T04:04:30.320970244Z","Action":"run","Package":"example.com/m/cmd","Test":"TestCacheCompiles"}
{"Time":"2026-12-01T04:04:30.321053735Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Output":"=== RUN   TestCacheCompiles\n"}
{"Time":"2026-12-01T04:04:30.321058542Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Output":"cache compiles\n"}
{"Time":"2026-12-01T04:04:30.321066322Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Output":"--- PASS: TestCacheCompiles (0.00s)\n"}
{"Time":"2026-12-01T04:04:30.321068284Z","Action":"pass","Package":"example.com/m/cmd","Test":"TestCacheCompiles","Elapsed":0}
{"Time":"2026-12-01T04:04:30.321071752Z","Action":"run","Package":"example.com/m/cmd","Test":"TestCacheList"}
{"Time":"2026-12-01T04:04:30.321074251Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"=== RUN   TestCacheList\n"}
{"Time":"2026-12-01T04:04:30.321075711Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"    cache_list_test.go:17: set HANG=chan\n"}
{"Time":"2026-12-01T04:04:30.321077328Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCacheList","Output":"--- SKIP: TestCacheList (0.00s)\n"}
{"Time":"2026-12-01T04:04:30.321078934Z","Action":"skip","Package":"example.com/m/cmd","Test":"TestCacheList","Elapsed":0}
{"Time":"2026-12-01T04:04:30.321080097Z","Action":"run","Package":"example.com/m/cmd","Test":"TestCachePoll"}
{"Time":"2026-12-01T04:04:30.321081223Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll","Output":"=== RUN   TestCachePoll\n"}
{"Time":"2026-12-01T04:04:30.321082641Z","Action":"run","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready"}
{"Time":"2026-12-01T04:04:30.321083765Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"=== RUN   TestCachePoll/eventually_ready\n"}
{"Time":"2026-12-01T04:04:34.216338982Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"SIGQUIT: quit\n"}
{"Time":"2026-12-01T04:04:34.216407415Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"PC=0x468181 m=0 sigcode=0\n"}
{"Time":"2026-12-01T04:04:34.216413705Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.21643048Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 0 [idle]:\n"}
{"Time":"2026-12-01T04:04:34.21645181Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.futex()\n"}
{"Time":"2026-12-01T04:04:34.216491353Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/sys_linux_amd64.s:559 +0x21 fp=0x7ffc9130fa00 sp=0x7ffc9130f9f8 pc=0x468181\n"}
{"Time":"2026-12-01T04:04:34.216525087Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.futexsleep(0x0?, 0x0?, 0x7ffc9130faa8?)\n"}
{"Time":"2026-12-01T04:04:34.216566418Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/os_linux.go:69 +0x36 fp=0x7ffc9130fa50 sp=0x7ffc9130fa00 pc=0x4320d6\n"}
{"Time":"2026-12-01T04:04:34.216581163Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.notesleep(0x6084a8)\n"}
{"Time":"2026-12-01T04:04:34.216616539Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/lock_futex.go:160 +0x87 fp=0x7ffc9130fa88 sp=0x7ffc9130fa50 pc=0x40b5c7\n"}
{"Time":"2026-12-01T04:04:34.216626161Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.mPark(...)\n"}
{"Time":"2026-12-01T04:04:34.216642215Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:1457\n"}
{"Time":"2026-12-01T04:04:34.216663156Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.stopm()\n"}
{"Time":"2026-12-01T04:04:34.216705964Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:2247 +0x8c fp=0x7ffc9130fab8 sp=0x7ffc9130fa88 pc=0x43c9cc\n"}
{"Time":"2026-12-01T04:04:34.216724321Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.findRunnable()\n"}
{"Time":"2026-12-01T04:04:34.216759858Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:2874 +0x9e8 fp=0x7ffc9130fba8 sp=0x7ffc9130fab8 pc=0x43e068\n"}
{"Time":"2026-12-01T04:04:34.2167705Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.schedule()\n"}
{"Time":"2026-12-01T04:04:34.216809686Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:3214 +0xbe fp=0x7ffc9130fbe0 sp=0x7ffc9130fba8 pc=0x43ee9e\n"}
{"Time":"2026-12-01T04:04:34.216826221Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.park_m(0xc000098340?)\n"}
{"Time":"2026-12-01T04:04:34.216861447Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:3363 +0x14d fp=0x7ffc9130fc10 sp=0x7ffc9130fbe0 pc=0x43f3cd\n"}
{"Time":"2026-12-01T04:04:34.216872441Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.mcall()\n"}
{"Time":"2026-12-01T04:04:34.216909794Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:448 +0x43 fp=0x7ffc9130fc20 sp=0x7ffc9130fc10 pc=0x464183\n"}
{"Time":"2026-12-01T04:04:34.216915703Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.21693119Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 1 [chan receive]:\n"}
{"Time":"2026-12-01T04:04:34.216980981Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0x1?, 0xc00006aaa8?, 0xbf?, 0xcd?, 0xc00006aa58?)\n"}
{"Time":"2026-12-01T04:04:34.217017939Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00006aa28 sp=0xc00006aa08 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.217044028Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.chanrecv(0xc0000561c0, 0xc00006ab27, 0x1)\n"}
{"Time":"2026-12-01T04:04:34.217081998Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00006aab8 sp=0xc00006aa28 pc=0x4066fb\n"}
{"Time":"2026-12-01T04:04:34.217106106Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.chanrecv1(0x525e5b?, 0x525e5b?)\n"}
{"Time":"2026-12-01T04:04:34.217142112Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00006aae0 sp=0xc00006aab8 pc=0x406238\n"}
{"Time":"2026-12-01T04:04:34.217393439Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.(*T).Run(0xc0000076c0, {0x525e5b?, 0x4b7f85?}, 0x52f560)\n"}
{"Time":"2026-12-01T04:04:34.217395334Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a fp=0xc00006ab80 sp=0xc00006aae0 pc=0x4b901a\n"}
{"Time":"2026-12-01T04:04:34.217399188Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.runTests.func1(0xc00006e390?)\n"}
{"Time":"2026-12-01T04:04:34.217400729Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e fp=0xc00006abd0 sp=0xc00006ab80 pc=0x4baf0e\n"}
{"Time":"2026-12-01T04:04:34.217402022Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.tRunner(0xc0000076c0, 0xc00006acd8)\n"}
{"Time":"2026-12-01T04:04:34.217403483Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00006ac20 sp=0xc00006abd0 pc=0x4b822b\n"}
{"Time":"2026-12-01T04:04:34.217404852Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.runTests(0xc000000140?, {0x603300, 0x3, 0x3}, {0x7f150df7f108?, 0x40?, 0x607bc0?})\n"}
{"Time":"2026-12-01T04:04:34.217406315Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456 fp=0xc00006ad08 sp=0xc00006ac20 pc=0x4badb6\n"}
{"Time":"2026-12-01T04:04:34.217407708Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.(*M).Run(0xc000000140)\n"}
{"Time":"2026-12-01T04:04:34.217409253Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9 fp=0xc00006af00 sp=0xc00006ad08 pc=0x4b9899\n"}
{"Time":"2026-12-01T04:04:34.217410611Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"main.main()\n"}
{"Time":"2026-12-01T04:04:34.217412334Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t_testmain.go:51 +0x1aa fp=0xc00006af80 sp=0xc00006af00 pc=0x4f59ca\n"}
{"Time":"2026-12-01T04:04:34.21741638Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.main()\n"}
{"Time":"2026-12-01T04:04:34.217417819Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:250 +0x212 fp=0xc00006afe0 sp=0xc00006af80 pc=0x4387f2\n"}
{"Time":"2026-12-01T04:04:34.217419101Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.217420442Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00006afe8 sp=0xc00006afe0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.217421744Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.217422948Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 2 [force gc (idle)]:\n"}
{"Time":"2026-12-01T04:04:34.217424348Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n"}
{"Time":"2026-12-01T04:04:34.21742572Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000038fb0 sp=0xc000038f90 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.21742698Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goparkunlock(...)\n"}
{"Time":"2026-12-01T04:04:34.217428265Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:369\n"}
{"Time":"2026-12-01T04:04:34.21743092Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.forcegchelper()\n"}
{"Time":"2026-12-01T04:04:34.217432165Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:302 +0xad fp=0xc000038fe0 sp=0xc000038fb0 pc=0x438a4d\n"}
{"Time":"2026-12-01T04:04:34.217433464Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.217434731Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000038fe8 sp=0xc000038fe0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.21743598Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"created by runtime.init.6\n"}
{"Time":"2026-12-01T04:04:34.217437208Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:290 +0x25\n"}
{"Time":"2026-12-01T04:04:34.217438431Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.217439759Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 3 [GC sweep wait]:\n"}
{"Time":"2026-12-01T04:04:34.217441001Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n"}
{"Time":"2026-12-01T04:04:34.21744221Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000039790 sp=0xc000039770 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.217443462Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goparkunlock(...)\n"}
{"Time":"2026-12-01T04:04:34.217453311Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:369\n"}
{"Time":"2026-12-01T04:04:34.217455854Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.bgsweep(0x0?)\n"}
{"Time":"2026-12-01T04:04:34.217457243Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgcsweep.go:278 +0x8e fp=0xc0000397c8 sp=0xc000039790 pc=0x423b0e\n"}
{"Time":"2026-12-01T04:04:34.217458544Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gcenable.func1()\n"}
{"Time":"2026-12-01T04:04:34.217459834Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x26 fp=0xc0000397e0 sp=0xc0000397c8 pc=0x4187c6\n"}
{"Time":"2026-12-01T04:04:34.217461219Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.217462642Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000397e8 sp=0xc0000397e0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.217463884Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"created by runtime.gcenable\n"}
{"Time":"2026-12-01T04:04:34.217465291Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgc.go:178 +0x6b\n"}
{"Time":"2026-12-01T04:04:34.217466771Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.217468107Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 4 [GC scavenge wait]:\n"}
{"Time":"2026-12-01T04:04:34.217471208Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0xc000056000?, 0x551ac0?, 0x1?, 0x0?, 0x0?)\n"}
{"Time":"2026-12-01T04:04:34.21747265Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000039f70 sp=0xc000039f50 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.217473959Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goparkunlock(...)\n"}
{"Time":"2026-12-01T04:04:34.217475198Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:369\n"}
{"Time":"2026-12-01T04:04:34.217476805Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.(*scavengerState).park(0x607c40)\n"}
{"Time":"2026-12-01T04:04:34.217478094Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgcscavenge.go:389 +0x53 fp=0xc000039fa0 sp=0xc000039f70 pc=0x421bb3\n"}
{"Time":"2026-12-01T04:04:34.217481454Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.bgscavenge(0x0?)\n"}
{"Time":"2026-12-01T04:04:34.217482808Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgcscavenge.go:617 +0x45 fp=0xc000039fc8 sp=0xc000039fa0 pc=0x422185\n"}
{"Time":"2026-12-01T04:04:34.217484052Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gcenable.func2()\n"}
{"Time":"2026-12-01T04:04:34.217485291Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgc.go:179 +0x26 fp=0xc000039fe0 sp=0xc000039fc8 pc=0x418766\n"}
{"Time":"2026-12-01T04:04:34.217486521Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.217487813Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc000039fe8 sp=0xc000039fe0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.217489091Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"created by runtime.gcenable\n"}
{"Time":"2026-12-01T04:04:34.217490304Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mgc.go:179 +0xaa\n"}
{"Time":"2026-12-01T04:04:34.217491578Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.21749288Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 5 [finalizer wait]:\n"}
{"Time":"2026-12-01T04:04:34.217494216Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0x0?, 0xc000038670?, 0x6b?, 0x5c?, 0xc000038770?)\n"}
{"Time":"2026-12-01T04:04:34.217495573Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc000038628 sp=0xc000038608 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.217496842Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goparkunlock(...)\n"}
{"Time":"2026-12-01T04:04:34.21749912Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:369\n"}
{"Time":"2026-12-01T04:04:34.217500482Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.runfinq()\n"}
{"Time":"2026-12-01T04:04:34.217504071Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mfinal.go:180 +0x10f fp=0xc0000387e0 sp=0xc000038628 pc=0x4178cf\n"}
{"Time":"2026-12-01T04:04:34.217505421Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.217506766Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc0000387e8 sp=0xc0000387e0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.217508208Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"created by runtime.createfing\n"}
{"Time":"2026-12-01T04:04:34.21750965Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/mfinal.go:157 +0x45\n"}
{"Time":"2026-12-01T04:04:34.217510966Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.217512284Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 8 [chan receive]:\n"}
{"Time":"2026-12-01T04:04:34.217513624Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0x1?, 0xc00006be58?, 0xbf?, 0xcd?, 0xc00006be08?)\n"}
{"Time":"2026-12-01T04:04:34.217515015Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00006bdd8 sp=0xc00006bdb8 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.217516303Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.chanrecv(0xc000056230, 0xc00006bed7, 0x1)\n"}
{"Time":"2026-12-01T04:04:34.21751759Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/chan.go:583 +0x49b fp=0xc00006be68 sp=0xc00006bdd8 pc=0x4066fb\n"}
{"Time":"2026-12-01T04:04:34.217518814Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.chanrecv1(0xc000020120?, 0xc000020120?)\n"}
{"Time":"2026-12-01T04:04:34.217520267Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/chan.go:442 +0x18 fp=0xc00006be90 sp=0xc00006be68 pc=0x406238\n"}
{"Time":"2026-12-01T04:04:34.217521522Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.(*T).Run(0xc000098000, {0x5268a5?, 0x0?}, 0x52f558)\n"}
{"Time":"2026-12-01T04:04:34.217522882Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a fp=0xc00006bf30 sp=0xc00006be90 pc=0x4b901a\n"}
{"Time":"2026-12-01T04:04:34.217525548Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"example.com/m/cmd.TestCachePoll(0xc000098000)\n"}
{"Time":"2026-12-01T04:04:34.217526811Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/tmp/hangfix/src/cmd/cache_list_test.go:29 +0x90 fp=0xc00006bf70 sp=0xc00006bf30 pc=0x4f5790\n"}
{"Time":"2026-12-01T04:04:34.217528048Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.tRunner(0xc000098000, 0x52f560)\n"}
{"Time":"2026-12-01T04:04:34.217529311Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00006bfc0 sp=0xc00006bf70 pc=0x4b822b\n"}
{"Time":"2026-12-01T04:04:34.217530642Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.(*T).Run.func1()\n"}
{"Time":"2026-12-01T04:04:34.217533306Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc00006bfe0 sp=0xc00006bfc0 pc=0x4b90ca\n"}
{"Time":"2026-12-01T04:04:34.217534599Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.217535764Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00006bfe8 sp=0xc00006bfe0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.217545532Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"created by testing.(*T).Run\n"}
{"Time":"2026-12-01T04:04:34.217548236Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f\n"}
{"Time":"2026-12-01T04:04:34.217549605Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.217550971Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"goroutine 9 [sleep]:\n"}
{"Time":"2026-12-01T04:04:34.217552236Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.gopark(0x1d015b7492f4?, 0x27?, 0x1b?, 0x5?, 0x4b8120?)\n"}
{"Time":"2026-12-01T04:04:34.217553531Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/proc.go:363 +0xd6 fp=0xc00003a6f8 sp=0xc00003a6d8 pc=0x438bb6\n"}
{"Time":"2026-12-01T04:04:34.217559664Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"time.Sleep(0x2faf080)\n"}
{"Time":"2026-12-01T04:04:34.217561049Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/time.go:195 +0x135 fp=0xc00003a738 sp=0xc00003a6f8 pc=0x463295\n"}
{"Time":"2026-12-01T04:04:34.217562398Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"example.com/m/internal/kube.(*Client).WaitReady(0xc00003a758)\n"}
{"Time":"2026-12-01T04:04:34.217563795Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/tmp/hangfix/src/internal/kube/client.go:15 +0x25 fp=0xc00003a750 sp=0xc00003a738 pc=0x4f53a5\n"}
{"Time":"2026-12-01T04:04:34.217565059Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"example.com/m/cmd.listCache(...)\n"}
{"Time":"2026-12-01T04:04:34.217566493Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/tmp/hangfix/src/cmd/cache_list.go:17\n"}
{"Time":"2026-12-01T04:04:34.217568014Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"example.com/m/cmd.TestCachePoll.func1(0xc000098000?)\n"}
{"Time":"2026-12-01T04:04:34.217569281Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/tmp/hangfix/src/cmd/cache_list_test.go:31 +0x34 fp=0xc00003a770 sp=0xc00003a750 pc=0x4f56d4\n"}
{"Time":"2026-12-01T04:04:34.217570577Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.tRunner(0xc0000981a0, 0x52f558)\n"}
{"Time":"2026-12-01T04:04:34.217572144Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b fp=0xc00003a7c0 sp=0xc00003a770 pc=0x4b822b\n"}
{"Time":"2026-12-01T04:04:34.217573535Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"testing.(*T).Run.func1()\n"}
{"Time":"2026-12-01T04:04:34.217574906Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x2a fp=0xc00003a7e0 sp=0xc00003a7c0 pc=0x4b90ca\n"}
{"Time":"2026-12-01T04:04:34.217577564Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"runtime.goexit()\n"}
{"Time":"2026-12-01T04:04:34.21757888Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/runtime/asm_amd64.s:1594 +0x1 fp=0xc00003a7e8 sp=0xc00003a7e0 pc=0x466281\n"}
{"Time":"2026-12-01T04:04:34.217580203Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"created by testing.(*T).Run\n"}
{"Time":"2026-12-01T04:04:34.217581471Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f\n"}
{"Time":"2026-12-01T04:04:34.217582767Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"\n"}
{"Time":"2026-12-01T04:04:34.217584084Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rax    0xca\n"}
{"Time":"2026-12-01T04:04:34.217585489Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rbx    0x0\n"}
{"Time":"2026-12-01T04:04:34.217587311Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rcx    0x468183\n"}
{"Time":"2026-12-01T04:04:34.217589196Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rdx    0x0\n"}
{"Time":"2026-12-01T04:04:34.217590423Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rdi    0x6084a8\n"}
{"Time":"2026-12-01T04:04:34.217591657Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rsi    0x80\n"}
{"Time":"2026-12-01T04:04:34.217592874Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rbp    0x7ffc9130fa40\n"}
{"Time":"2026-12-01T04:04:34.217594194Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rsp    0x7ffc9130f9f8\n"}
{"Time":"2026-12-01T04:04:34.21759556Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r8     0x0\n"}
{"Time":"2026-12-01T04:04:34.217596806Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r9     0x0\n"}
{"Time":"2026-12-01T04:04:34.217597919Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r10    0x0\n"}
{"Time":"2026-12-01T04:04:34.217599241Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r11    0x286\n"}
{"Time":"2026-12-01T04:04:34.217600868Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r12    0x7ffc9130fa50\n"}
{"Time":"2026-12-01T04:04:34.217602326Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r13    0x10\n"}
{"Time":"2026-12-01T04:04:34.217603808Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r14    0x607dc0\n"}
{"Time":"2026-12-01T04:04:34.217605123Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"r15    0x7f14e6bf0231\n"}
{"Time":"2026-12-01T04:04:34.217606457Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rip    0x468181\n"}
{"Time":"2026-12-01T04:04:34.217607691Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"rflags 0x286\n"}
{"Time":"2026-12-01T04:04:34.217608868Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"cs     0x33\n"}
{"Time":"2026-12-01T04:04:34.217610121Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"fs     0x0\n"}
{"Time":"2026-12-01T04:04:34.217612921Z","Action":"output","Package":"example.com/m/cmd","Test":"TestCachePoll/eventually_ready","Output":"gs     0x0\n"}
{"Time":"2026-12-01T04:04:34.21793463Z","Action":"output","Package":"example.com/m/cmd","Output":"FAIL\texample.com/m/cmd\t3.898s\n"}
{"Time":"2026-12-01T04:04:34.217957812Z","Action":"fail","Package":"example.com/m/cmd","Elapsed":3.898}
"""#
}
