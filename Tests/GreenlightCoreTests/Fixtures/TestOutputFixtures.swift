// Outputs copied byte for byte into Swift literals (tabs, "\r", escapes and trailing spaces written as escapes).

/// Test runners' outputs, as the analyzer reads them.
enum TestOutputFixtures {
    /// `go test ./cart ./notests ./emptytests`, real (go 1.19.8): two failures, one with a subtest,
    /// one package without test files, one passing without -v (its tests were not counted).
    static let goPlain = """
        --- FAIL: TestDiscount (0.00s)
            --- FAIL: TestDiscount/ten_percent (0.00s)
                cart_test.go:15: discounted total = 30, want 27
                cart_test.go:16: second line of the log
        --- FAIL: TestEmpty (0.00s)
            cart_test.go:26: empty cart
                spans two lines
        FAIL
        FAIL\texample.com/shop/cart\t0.002s
        ?   \texample.com/shop/notests\t[no test files]
        ok  \texample.com/shop/emptytests\t0.001s
        FAIL

        """

    /// `go test -v` of the same packages, real (go 1.19.8).
    static let goVerbose = """
        === RUN   TestTotal
        --- PASS: TestTotal (0.00s)
        === RUN   TestDiscount
        === RUN   TestDiscount/none
        === RUN   TestDiscount/ten_percent
            cart_test.go:15: discounted total = 30, want 27
            cart_test.go:16: second line of the log
        --- FAIL: TestDiscount (0.00s)
            --- PASS: TestDiscount/none (0.00s)
            --- FAIL: TestDiscount/ten_percent (0.00s)
        === RUN   TestSkipped
            cart_test.go:21: needs a cluster
        --- SKIP: TestSkipped (0.00s)
        === RUN   TestEmpty
            cart_test.go:26: empty cart
                spans two lines
        --- FAIL: TestEmpty (0.00s)
        FAIL
        FAIL\texample.com/shop/cart\t0.002s
        ?   \texample.com/shop/notests\t[no test files]
        === RUN   TestOK
        --- PASS: TestOK (0.00s)
        PASS
        ok  \texample.com/shop/emptytests\t0.001s
        FAIL

        """

    /// `go test -json` of the same packages, real (go 1.19.8).
    static let goJSON = """
        {"Time":"2026-12-01T04:04:07.640993082Z","Action":"run","Package":"example.com/shop/cart","Test":"TestTotal"}
        {"Time":"2026-12-01T04:04:07.641069599Z","Action":"output","Package":"example.com/shop/cart","Test":"TestTotal","Output":"=== RUN   TestTotal\\n"}
        {"Time":"2026-12-01T04:04:07.641083216Z","Action":"output","Package":"example.com/shop/cart","Test":"TestTotal","Output":"--- PASS: TestTotal (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.641085306Z","Action":"pass","Package":"example.com/shop/cart","Test":"TestTotal","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.64108838Z","Action":"run","Package":"example.com/shop/cart","Test":"TestDiscount"}
        {"Time":"2026-12-01T04:04:07.641089865Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount","Output":"=== RUN   TestDiscount\\n"}
        {"Time":"2026-12-01T04:04:07.641091387Z","Action":"run","Package":"example.com/shop/cart","Test":"TestDiscount/none"}
        {"Time":"2026-12-01T04:04:07.641092606Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount/none","Output":"=== RUN   TestDiscount/none\\n"}
        {"Time":"2026-12-01T04:04:07.641096122Z","Action":"run","Package":"example.com/shop/cart","Test":"TestDiscount/ten_percent"}
        {"Time":"2026-12-01T04:04:07.641097375Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount/ten_percent","Output":"=== RUN   TestDiscount/ten_percent\\n"}
        {"Time":"2026-12-01T04:04:07.641098867Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount/ten_percent","Output":"    cart_test.go:15: discounted total = 30, want 27\\n"}
        {"Time":"2026-12-01T04:04:07.641103685Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount/ten_percent","Output":"    cart_test.go:16: second line of the log\\n"}
        {"Time":"2026-12-01T04:04:07.641105355Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount","Output":"--- FAIL: TestDiscount (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.641107028Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount/none","Output":"    --- PASS: TestDiscount/none (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.641108544Z","Action":"pass","Package":"example.com/shop/cart","Test":"TestDiscount/none","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.641111778Z","Action":"output","Package":"example.com/shop/cart","Test":"TestDiscount/ten_percent","Output":"    --- FAIL: TestDiscount/ten_percent (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.641113276Z","Action":"fail","Package":"example.com/shop/cart","Test":"TestDiscount/ten_percent","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.641114466Z","Action":"fail","Package":"example.com/shop/cart","Test":"TestDiscount","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.64111556Z","Action":"run","Package":"example.com/shop/cart","Test":"TestSkipped"}
        {"Time":"2026-12-01T04:04:07.641116696Z","Action":"output","Package":"example.com/shop/cart","Test":"TestSkipped","Output":"=== RUN   TestSkipped\\n"}
        {"Time":"2026-12-01T04:04:07.641118021Z","Action":"output","Package":"example.com/shop/cart","Test":"TestSkipped","Output":"    cart_test.go:21: needs a cluster\\n"}
        {"Time":"2026-12-01T04:04:07.64111958Z","Action":"output","Package":"example.com/shop/cart","Test":"TestSkipped","Output":"--- SKIP: TestSkipped (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.64112095Z","Action":"skip","Package":"example.com/shop/cart","Test":"TestSkipped","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.641122057Z","Action":"run","Package":"example.com/shop/cart","Test":"TestEmpty"}
        {"Time":"2026-12-01T04:04:07.641123117Z","Action":"output","Package":"example.com/shop/cart","Test":"TestEmpty","Output":"=== RUN   TestEmpty\\n"}
        {"Time":"2026-12-01T04:04:07.641124433Z","Action":"output","Package":"example.com/shop/cart","Test":"TestEmpty","Output":"    cart_test.go:26: empty cart\\n"}
        {"Time":"2026-12-01T04:04:07.641125728Z","Action":"output","Package":"example.com/shop/cart","Test":"TestEmpty","Output":"        spans two lines\\n"}
        {"Time":"2026-12-01T04:04:07.64112714Z","Action":"output","Package":"example.com/shop/cart","Test":"TestEmpty","Output":"--- FAIL: TestEmpty (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.641130983Z","Action":"fail","Package":"example.com/shop/cart","Test":"TestEmpty","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.641133659Z","Action":"output","Package":"example.com/shop/cart","Output":"FAIL\\n"}
        {"Time":"2026-12-01T04:04:07.641151Z","Action":"output","Package":"example.com/shop/cart","Output":"FAIL\\texample.com/shop/cart\\t0.004s\\n"}
        {"Time":"2026-12-01T04:04:07.641155043Z","Action":"fail","Package":"example.com/shop/cart","Elapsed":0.004}
        {"Time":"2026-12-01T04:04:07.642179326Z","Action":"output","Package":"example.com/shop/notests","Output":"?   \\texample.com/shop/notests\\t[no test files]\\n"}
        {"Time":"2026-12-01T04:04:07.642183846Z","Action":"skip","Package":"example.com/shop/notests","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.645174894Z","Action":"run","Package":"example.com/shop/emptytests","Test":"TestOK"}
        {"Time":"2026-12-01T04:04:07.645187733Z","Action":"output","Package":"example.com/shop/emptytests","Test":"TestOK","Output":"=== RUN   TestOK\\n"}
        {"Time":"2026-12-01T04:04:07.645192655Z","Action":"output","Package":"example.com/shop/emptytests","Test":"TestOK","Output":"--- PASS: TestOK (0.00s)\\n"}
        {"Time":"2026-12-01T04:04:07.64519851Z","Action":"pass","Package":"example.com/shop/emptytests","Test":"TestOK","Elapsed":0}
        {"Time":"2026-12-01T04:04:07.645201295Z","Action":"output","Package":"example.com/shop/emptytests","Output":"PASS\\n"}
        {"Time":"2026-12-01T04:04:07.645336933Z","Action":"output","Package":"example.com/shop/emptytests","Output":"ok  \\texample.com/shop/emptytests\\t0.001s\\n"}
        {"Time":"2026-12-01T04:04:07.645476891Z","Action":"pass","Package":"example.com/shop/emptytests","Elapsed":0.001}

        """

    /// `go test -run XXX` of the same packages, real (go 1.19.8): nothing ran.
    static let goNoTests = """
        ok  \texample.com/shop/cart\t0.001s [no tests to run]
        ?   \texample.com/shop/notests\t[no test files]
        ok  \texample.com/shop/emptytests\t0.001s [no tests to run]

        """

    /// `go test -count=1 ./emptytests`, real (go 1.19.8): passed, count unknown.
    static let goOkOnly = """
        ok  \texample.com/shop/emptytests\t0.001s

        """

    /// `go test -v -timeout 2s ./hang`, real (go 1.19.8): TestWaits/pod sleeps; Go 1.19 prints no
    /// "running tests:" list.
    static let goTimeoutVerbose = """
        === RUN   TestQuick
        --- PASS: TestQuick (0.00s)
        === RUN   TestWaits
        === RUN   TestWaits/pod
        panic: test timed out after 2s

        goroutine 5 [running]:
        testing.(*M).startAlarm.func1()
        \t/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e
        created by time.goFunc
        \t/usr/lib/go-1.19/src/time/sleep.go:176 +0x32

        goroutine 1 [chan receive]:
        testing.(*T).Run(0xc0000964e0, {0x524c95?, 0x4b7c25?}, 0x52f300)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        testing.runTests.func1(0xc00008e390?)
        \t/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e
        testing.tRunner(0xc0000964e0, 0xc000086cd8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        testing.runTests(0xc0000b00a0?, {0x5fe520, 0x2, 0x2}, {0x7f9ff59a85b8?, 0x40?, 0x606b80?})
        \t/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456
        testing.(*M).Run(0xc0000b00a0)
        \t/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9
        main.main()
        \t_testmain.go:49 +0x1aa

        goroutine 19 [chan receive]:
        testing.(*T).Run(0xc0000969c0, {0x523fae?, 0xc000036760?}, 0x52f2f8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        example.com/shop/hang.TestWaits(0xc000096680?)
        \t/tmp/fx/go/hang/hang_test.go:13 +0x2c
        testing.tRunner(0xc0000969c0, 0x52f300)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

        goroutine 20 [sleep]:
        time.Sleep(0x34630b8a000)
        \t/usr/lib/go-1.19/src/runtime/time.go:195 +0x135
        example.com/shop/hang.waitForPod(...)
        \t/tmp/fx/go/hang/hang_test.go:8
        example.com/shop/hang.TestWaits.func1(0xc000096680?)
        \t/tmp/fx/go/hang/hang_test.go:13 +0x25
        testing.tRunner(0xc000096b60, 0x52f2f8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f
        FAIL\texample.com/shop/hang\t2.004s
        FAIL

        """

    /// `go test -json -timeout 2s ./hang`, real (go 1.19.8).
    static let goTimeoutJSON = """
        {"Time":"2026-12-01T04:05:13.000588163Z","Action":"run","Package":"example.com/shop/hang","Test":"TestQuick"}
        {"Time":"2026-12-01T04:05:13.000675451Z","Action":"output","Package":"example.com/shop/hang","Test":"TestQuick","Output":"=== RUN   TestQuick\\n"}
        {"Time":"2026-12-01T04:05:13.000684634Z","Action":"output","Package":"example.com/shop/hang","Test":"TestQuick","Output":"--- PASS: TestQuick (0.00s)\\n"}
        {"Time":"2026-12-01T04:05:13.000686515Z","Action":"pass","Package":"example.com/shop/hang","Test":"TestQuick","Elapsed":0}
        {"Time":"2026-12-01T04:05:13.000689764Z","Action":"run","Package":"example.com/shop/hang","Test":"TestWaits"}
        {"Time":"2026-12-01T04:05:13.000691116Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits","Output":"=== RUN   TestWaits\\n"}
        {"Time":"2026-12-01T04:05:13.000692649Z","Action":"run","Package":"example.com/shop/hang","Test":"TestWaits/pod"}
        {"Time":"2026-12-01T04:05:13.000693854Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"=== RUN   TestWaits/pod\\n"}
        {"Time":"2026-12-01T04:05:15.003237454Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"panic: test timed out after 2s\\n"}
        {"Time":"2026-12-01T04:05:15.003303114Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\n"}
        {"Time":"2026-12-01T04:05:15.003307293Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"goroutine 5 [running]:\\n"}
        {"Time":"2026-12-01T04:05:15.003309001Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.(*M).startAlarm.func1()\\n"}
        {"Time":"2026-12-01T04:05:15.003311117Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e\\n"}
        {"Time":"2026-12-01T04:05:15.003314756Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"created by time.goFunc\\n"}
        {"Time":"2026-12-01T04:05:15.003316577Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/time/sleep.go:176 +0x32\\n"}
        {"Time":"2026-12-01T04:05:15.003319717Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\n"}
        {"Time":"2026-12-01T04:05:15.003321121Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"goroutine 1 [chan receive]:\\n"}
        {"Time":"2026-12-01T04:05:15.003322631Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.(*T).Run(0xc0000984e0, {0x524c95?, 0x4b7c25?}, 0x52f300)\\n"}
        {"Time":"2026-12-01T04:05:15.003325774Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a\\n"}
        {"Time":"2026-12-01T04:05:15.00332718Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.runTests.func1(0xc000090390?)\\n"}
        {"Time":"2026-12-01T04:05:15.003328551Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e\\n"}
        {"Time":"2026-12-01T04:05:15.003349057Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.tRunner(0xc0000984e0, 0xc000088cd8)\\n"}
        {"Time":"2026-12-01T04:05:15.003351147Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b\\n"}
        {"Time":"2026-12-01T04:05:15.003352546Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.runTests(0xc0000b00a0?, {0x5fe520, 0x2, 0x2}, {0x7f89530835b8?, 0x40?, 0x606b80?})\\n"}
        {"Time":"2026-12-01T04:05:15.003354354Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456\\n"}
        {"Time":"2026-12-01T04:05:15.003355972Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.(*M).Run(0xc0000b00a0)\\n"}
        {"Time":"2026-12-01T04:05:15.003366043Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9\\n"}
        {"Time":"2026-12-01T04:05:15.003367625Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"main.main()\\n"}
        {"Time":"2026-12-01T04:05:15.003368887Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t_testmain.go:49 +0x1aa\\n"}
        {"Time":"2026-12-01T04:05:15.003370333Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\n"}
        {"Time":"2026-12-01T04:05:15.003371697Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"goroutine 19 [chan receive]:\\n"}
        {"Time":"2026-12-01T04:05:15.003373136Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.(*T).Run(0xc0000989c0, {0x523fae?, 0xc000036760?}, 0x52f2f8)\\n"}
        {"Time":"2026-12-01T04:05:15.003374532Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a\\n"}
        {"Time":"2026-12-01T04:05:15.003376025Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"example.com/shop/hang.TestWaits(0xc000098680?)\\n"}
        {"Time":"2026-12-01T04:05:15.003377324Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/tmp/fx/go/hang/hang_test.go:13 +0x2c\\n"}
        {"Time":"2026-12-01T04:05:15.003378691Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.tRunner(0xc0000989c0, 0x52f300)\\n"}
        {"Time":"2026-12-01T04:05:15.003380137Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b\\n"}
        {"Time":"2026-12-01T04:05:15.003381536Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"created by testing.(*T).Run\\n"}
        {"Time":"2026-12-01T04:05:15.003382981Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f\\n"}
        {"Time":"2026-12-01T04:05:15.003384543Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\n"}
        {"Time":"2026-12-01T04:05:15.003385856Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"goroutine 20 [sleep]:\\n"}
        {"Time":"2026-12-01T04:05:15.003387208Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"time.Sleep(0x34630b8a000)\\n"}
        {"Time":"2026-12-01T04:05:15.003388397Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/runtime/time.go:195 +0x135\\n"}
        {"Time":"2026-12-01T04:05:15.003389854Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"example.com/shop/hang.waitForPod(...)\\n"}
        {"Time":"2026-12-01T04:05:15.003391221Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/tmp/fx/go/hang/hang_test.go:8\\n"}
        {"Time":"2026-12-01T04:05:15.003392421Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"example.com/shop/hang.TestWaits.func1(0xc000098680?)\\n"}
        {"Time":"2026-12-01T04:05:15.003393771Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/tmp/fx/go/hang/hang_test.go:13 +0x25\\n"}
        {"Time":"2026-12-01T04:05:15.003397533Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"testing.tRunner(0xc000098b60, 0x52f2f8)\\n"}
        {"Time":"2026-12-01T04:05:15.003398791Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b\\n"}
        {"Time":"2026-12-01T04:05:15.003400183Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"created by testing.(*T).Run\\n"}
        {"Time":"2026-12-01T04:05:15.003401408Z","Action":"output","Package":"example.com/shop/hang","Test":"TestWaits/pod","Output":"\\t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f\\n"}
        {"Time":"2026-12-01T04:05:15.003690393Z","Action":"output","Package":"example.com/shop/hang","Output":"FAIL\\texample.com/shop/hang\\t2.004s\\n"}
        {"Time":"2026-12-01T04:05:15.003696716Z","Action":"fail","Package":"example.com/shop/hang","Elapsed":2.004}

        """

    /// `go test -timeout 2s ./hang`, real (go 1.19.8).
    static let goTimeoutPlain119 = """
        panic: test timed out after 2s

        goroutine 5 [running]:
        testing.(*M).startAlarm.func1()
        \t/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e
        created by time.goFunc
        \t/usr/lib/go-1.19/src/time/sleep.go:176 +0x32

        goroutine 1 [chan receive]:
        testing.(*T).Run(0xc0000984e0, {0x524c95?, 0x4b7c25?}, 0x52f300)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        testing.runTests.func1(0xc0000984e0?)
        \t/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e
        testing.tRunner(0xc0000984e0, 0xc000088cd8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        testing.runTests(0xc0000b00a0?, {0x5fe520, 0x2, 0x2}, {0x7fa9dd0bb5b8?, 0x40?, 0x606b80?})
        \t/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456
        testing.(*M).Run(0xc0000b00a0)
        \t/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9
        main.main()
        \t_testmain.go:49 +0x1aa

        goroutine 19 [chan receive]:
        testing.(*T).Run(0xc0000989c0, {0x523fae?, 0xc000036760?}, 0x52f2f8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        example.com/shop/hang.TestWaits(0xc000098680?)
        \t/tmp/fx/go/hang/hang_test.go:13 +0x2c
        testing.tRunner(0xc0000989c0, 0x52f300)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

        goroutine 20 [sleep]:
        time.Sleep(0x34630b8a000)
        \t/usr/lib/go-1.19/src/runtime/time.go:195 +0x135
        example.com/shop/hang.waitForPod(...)
        \t/tmp/fx/go/hang/hang_test.go:8
        example.com/shop/hang.TestWaits.func1(0x0?)
        \t/tmp/fx/go/hang/hang_test.go:13 +0x25
        testing.tRunner(0xc000098b60, 0x52f2f8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f
        FAIL\texample.com/shop/hang\t2.005s
        FAIL

        """

    /// The same with the "running tests:" list Go 1.20 and later print, written from Go's
    /// src/testing/testing.go (`(*M).startAlarm`, `runningList`), inserted into the real 1.19 output.
    static let goTimeoutPlain120 = """
        panic: test timed out after 2s
        running tests:
        \tTestWaits (2s)
        \tTestWaits/pod (2s)

        goroutine 5 [running]:
        testing.(*M).startAlarm.func1()
        \t/usr/lib/go-1.19/src/testing/testing.go:2036 +0x8e
        created by time.goFunc
        \t/usr/lib/go-1.19/src/time/sleep.go:176 +0x32

        goroutine 1 [chan receive]:
        testing.(*T).Run(0xc0000984e0, {0x524c95?, 0x4b7c25?}, 0x52f300)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        testing.runTests.func1(0xc0000984e0?)
        \t/usr/lib/go-1.19/src/testing/testing.go:1846 +0x6e
        testing.tRunner(0xc0000984e0, 0xc000088cd8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        testing.runTests(0xc0000b00a0?, {0x5fe520, 0x2, 0x2}, {0x7fa9dd0bb5b8?, 0x40?, 0x606b80?})
        \t/usr/lib/go-1.19/src/testing/testing.go:1844 +0x456
        testing.(*M).Run(0xc0000b00a0)
        \t/usr/lib/go-1.19/src/testing/testing.go:1726 +0x5d9
        main.main()
        \t_testmain.go:49 +0x1aa

        goroutine 19 [chan receive]:
        testing.(*T).Run(0xc0000989c0, {0x523fae?, 0xc000036760?}, 0x52f2f8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1494 +0x37a
        example.com/shop/hang.TestWaits(0xc000098680?)
        \t/tmp/fx/go/hang/hang_test.go:13 +0x2c
        testing.tRunner(0xc0000989c0, 0x52f300)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f

        goroutine 20 [sleep]:
        time.Sleep(0x34630b8a000)
        \t/usr/lib/go-1.19/src/runtime/time.go:195 +0x135
        example.com/shop/hang.waitForPod(...)
        \t/tmp/fx/go/hang/hang_test.go:8
        example.com/shop/hang.TestWaits.func1(0x0?)
        \t/tmp/fx/go/hang/hang_test.go:13 +0x25
        testing.tRunner(0xc000098b60, 0x52f2f8)
        \t/usr/lib/go-1.19/src/testing/testing.go:1446 +0x10b
        created by testing.(*T).Run
        \t/usr/lib/go-1.19/src/testing/testing.go:1493 +0x35f
        FAIL\texample.com/shop/hang\t2.005s
        FAIL

        """

    /// `gotestsum --format standard-verbose ./cart ./notests ./emptytests`, real (gotestsum 1.8.2).
    static let gotestsumVerbose = """
        === RUN   TestOK
        --- PASS: TestOK (0.00s)
        PASS
        ok  \texample.com/shop/emptytests\t(cached)
        === RUN   TestTotal
        --- PASS: TestTotal (0.00s)
        === RUN   TestDiscount
        === RUN   TestDiscount/none
        === RUN   TestDiscount/ten_percent
            cart_test.go:15: discounted total = 30, want 27
            cart_test.go:16: second line of the log
        --- FAIL: TestDiscount (0.00s)
            --- PASS: TestDiscount/none (0.00s)
            --- FAIL: TestDiscount/ten_percent (0.00s)
        === RUN   TestSkipped
            cart_test.go:21: needs a cluster
        --- SKIP: TestSkipped (0.00s)
        === RUN   TestEmpty
            cart_test.go:26: empty cart
                spans two lines
        --- FAIL: TestEmpty (0.00s)
        FAIL
        FAIL\texample.com/shop/cart\t0.002s
        ?   \texample.com/shop/notests\t[no test files]

        === Skipped
        === SKIP: cart TestSkipped (0.00s)
            cart_test.go:21: needs a cluster

        === Failed
        === FAIL: cart TestDiscount/ten_percent (0.00s)
            cart_test.go:15: discounted total = 30, want 27
            cart_test.go:16: second line of the log
            --- FAIL: TestDiscount/ten_percent (0.00s)

        === FAIL: cart TestDiscount (0.00s)

        === FAIL: cart TestEmpty (0.00s)
            cart_test.go:26: empty cart
                spans two lines

        DONE 7 tests, 1 skipped, 3 failures in 0.135s

        """

    /// `go test .` of a Ginkgo v2.13.0 suite, in colour, real: a failure, a panic, a pending and a skipped spec.
    static let ginkgoColor = """
        Running Suite: Books Suite - /tmp/gp/src/example.com/books
        ==========================================================
        Random Seed: \u{1B}[1m1796097954\u{1B}[0m

        Will run \u{1B}[1m6\u{1B}[0m of \u{1B}[1m7\u{1B}[0m specs
        \u{1B}[38;5;10m•\u{1B}[0m
        \u{1B}[38;5;243m------------------------------\u{1B}[0m
        \u{1B}[38;5;9m• [FAILED] [0.000 seconds]\u{1B}[0m
        \u{1B}[0mBooks \u{1B}[38;5;243mCategorizing book length \u{1B}[38;5;9m\u{1B}[1m[It] says short books are short stories\u{1B}[0m
        \u{1B}[38;5;243m/tmp/gp/src/example.com/books/books_test.go:18\u{1B}[0m

          \u{1B}[38;5;9m[FAILED] Expected
              <string>: SHORT STORY
          to equal
              <string>: NOVEL\u{1B}[0m
          \u{1B}[38;5;9mIn \u{1B}[1m[It]\u{1B}[0m\u{1B}[38;5;9m at: \u{1B}[1m/tmp/gp/src/example.com/books/books_test.go:19\u{1B}[0m \u{1B}[38;5;243m@ 12/01/26 04:05:54.132\u{1B}[0m
        \u{1B}[38;5;243m------------------------------\u{1B}[0m
        \u{1B}[38;5;13m• [PANICKED] [0.000 seconds]\u{1B}[0m
        \u{1B}[0mBooks \u{1B}[38;5;243mCategorizing book length \u{1B}[38;5;13m\u{1B}[1m[It] panics on nothing\u{1B}[0m
        \u{1B}[38;5;243m/tmp/gp/src/example.com/books/books_test.go:21\u{1B}[0m

          \u{1B}[38;5;13m[PANICKED] Test Panicked\u{1B}[0m
          \u{1B}[38;5;13mIn \u{1B}[1m[It]\u{1B}[0m\u{1B}[38;5;13m at: \u{1B}[1m/usr/lib/go-1.19/src/runtime/panic.go:260\u{1B}[0m \u{1B}[38;5;243m@ 12/01/26 04:05:54.132\u{1B}[0m

          \u{1B}[38;5;13mruntime error: invalid memory address or nil pointer dereference\u{1B}[0m

          \u{1B}[38;5;13mFull Stack Trace\u{1B}[0m
            example.com/books_test.glob..func1.1.3()
            \t/tmp/gp/src/example.com/books/books_test.go:23 +0x2
        \u{1B}[38;5;243m------------------------------\u{1B}[0m
        \u{1B}[38;5;11mP [PENDING]\u{1B}[0m
        \u{1B}[0mBooks \u{1B}[38;5;243mCategorizing book length \u{1B}[38;5;11m\u{1B}[1mhandles audio books\u{1B}[0m
        \u{1B}[38;5;243m/tmp/gp/src/example.com/books/books_test.go:25\u{1B}[0m
        \u{1B}[38;5;243m------------------------------\u{1B}[0m
        \u{1B}[38;5;14mS\u{1B}[0m\u{1B}[38;5;10m•\u{1B}[0m\u{1B}[38;5;10m•\u{1B}[0m

        \u{1B}[38;5;9m\u{1B}[1mSummarizing 2 Failures:\u{1B}[0m
          \u{1B}[38;5;9m[FAIL]\u{1B}[0m \u{1B}[0mBooks \u{1B}[38;5;243mCategorizing book length \u{1B}[38;5;9m\u{1B}[1m[It] says short books are short stories\u{1B}[0m
          \u{1B}[38;5;243m/tmp/gp/src/example.com/books/books_test.go:19\u{1B}[0m
          \u{1B}[38;5;13m[PANICKED!]\u{1B}[0m \u{1B}[0mBooks \u{1B}[38;5;243mCategorizing book length \u{1B}[38;5;13m\u{1B}[1m[It] panics on nothing\u{1B}[0m
          \u{1B}[38;5;243m/usr/lib/go-1.19/src/runtime/panic.go:260\u{1B}[0m

        \u{1B}[38;5;9m\u{1B}[1mRan 5 of 7 Specs in 0.001 seconds\u{1B}[0m
        \u{1B}[38;5;9m\u{1B}[1mFAIL!\u{1B}[0m -- \u{1B}[38;5;10m\u{1B}[1m3 Passed\u{1B}[0m | \u{1B}[38;5;9m\u{1B}[1m2 Failed\u{1B}[0m | \u{1B}[38;5;11m\u{1B}[1m1 Pending\u{1B}[0m | \u{1B}[38;5;14m\u{1B}[1m1 Skipped\u{1B}[0m
        --- FAIL: TestBooks (0.00s)
        FAIL
        FAIL\texample.com/books\t0.005s
        FAIL

        """

    /// `go test -v . -ginkgo.no-color` of the same suite, real.
    static let ginkgoVerbose = """
        === RUN   TestBooks
        Running Suite: Books Suite - /tmp/gp/src/example.com/books
        ==========================================================
        Random Seed: 1796097957

        Will run 6 of 7 specs
        •
        ------------------------------
        • [FAILED] [0.000 seconds]
        Books Categorizing book length [It] says short books are short stories
        /tmp/gp/src/example.com/books/books_test.go:18

          [FAILED] Expected
              <string>: SHORT STORY
          to equal
              <string>: NOVEL
          In [It] at: /tmp/gp/src/example.com/books/books_test.go:19 @ 12/01/26 04:05:57.285
        ------------------------------
        • [PANICKED] [0.000 seconds]
        Books Categorizing book length [It] panics on nothing
        /tmp/gp/src/example.com/books/books_test.go:21

          [PANICKED] Test Panicked
          In [It] at: /usr/lib/go-1.19/src/runtime/panic.go:260 @ 12/01/26 04:05:57.285

          runtime error: invalid memory address or nil pointer dereference

          Full Stack Trace
            example.com/books_test.glob..func1.1.3()
            \t/tmp/gp/src/example.com/books/books_test.go:23 +0x2
        ------------------------------
        P [PENDING]
        Books Categorizing book length handles audio books
        /tmp/gp/src/example.com/books/books_test.go:25
        ------------------------------
        S••

        Summarizing 2 Failures:
          [FAIL] Books Categorizing book length [It] says short books are short stories
          /tmp/gp/src/example.com/books/books_test.go:19
          [PANICKED!] Books Categorizing book length [It] panics on nothing
          /usr/lib/go-1.19/src/runtime/panic.go:260

        Ran 5 of 7 Specs in 0.001 seconds
        FAIL! -- 3 Passed | 2 Failed | 1 Pending | 1 Skipped
        --- FAIL: TestBooks (0.00s)
        FAIL
        FAIL\texample.com/books\t0.004s
        FAIL

        """

    /// `go test . -ginkgo.no-color -ginkgo.timeout=3s` with one spec sleeping, real.
    static let ginkgoTimeout = """
        Running Suite: Books Suite - /tmp/gp/src/example.com/books
        ==========================================================
        Random Seed: 1796097959

        Will run 6 of 7 specs
        •
        ------------------------------
        • [FAILED] [0.000 seconds]
        Books Categorizing book length [It] says short books are short stories
        /tmp/gp/src/example.com/books/books_test.go:18

          [FAILED] Expected
              <string>: SHORT STORY
          to equal
              <string>: NOVEL
          In [It] at: /tmp/gp/src/example.com/books/books_test.go:19 @ 12/01/26 04:05:59.127
        ------------------------------
        • [PANICKED] [0.000 seconds]
        Books Categorizing book length [It] panics on nothing
        /tmp/gp/src/example.com/books/books_test.go:21

          [PANICKED] Test Panicked
          In [It] at: /usr/lib/go-1.19/src/runtime/panic.go:260 @ 12/01/26 04:05:59.127

          runtime error: invalid memory address or nil pointer dereference

          Full Stack Trace
            example.com/books_test.glob..func1.1.3()
            \t/tmp/gp/src/example.com/books/books_test.go:23 +0x2
        ------------------------------
        P [PENDING]
        Books Categorizing book length handles audio books
        /tmp/gp/src/example.com/books/books_test.go:25
        ------------------------------
        S•
        ------------------------------
        • [TIMEDOUT] [3.003 seconds]
        Books Categorizing book length [It] waits for the shelf
        /tmp/gp/src/example.com/books/books_test.go:32

          [TIMEDOUT] A suite timeout occurred
          In [It] at: /tmp/gp/src/example.com/books/books_test.go:32 @ 12/01/26 04:06:02.129

          This is the Progress Report generated when the suite timeout occurred:
            Books Categorizing book length waits for the shelf (Spec Runtime: 3.002s)
              /tmp/gp/src/example.com/books/books_test.go:32
              In [It] (Node Runtime: 3.002s)
                /tmp/gp/src/example.com/books/books_test.go:32

              Spec Goroutine
              goroutine 28 [sleep]
                time.Sleep(0x34630b8a000)
                  /usr/lib/go-1.19/src/runtime/time.go:195
              > example.com/books_test.glob..func1.1.7()
                  /tmp/gp/src/example.com/books/books_test.go:34
                    | It("waits for the shelf", func() {
                    | \tif os.Getenv("HANG") != "" {
                    > \t\ttime.Sleep(time.Hour)
                    | \t}
                    | })
                github.com/onsi/ginkgo/v2/internal.extractBodyFunction.func3({0x0, 0x0})
                  /tmp/gp/src/github.com/onsi/ginkgo/v2/internal/node.go:463
                github.com/onsi/ginkgo/v2/internal.(*Suite).runNode.func3()
                  /tmp/gp/src/github.com/onsi/ginkgo/v2/internal/suite.go:889
                github.com/onsi/ginkgo/v2/internal.(*Suite).runNode
                  /tmp/gp/src/github.com/onsi/ginkgo/v2/internal/suite.go:876
        ------------------------------

        Summarizing 3 Failures:
          [FAIL] Books Categorizing book length [It] says short books are short stories
          /tmp/gp/src/example.com/books/books_test.go:19
          [PANICKED!] Books Categorizing book length [It] panics on nothing
          /usr/lib/go-1.19/src/runtime/panic.go:260
          [TIMEDOUT] Books Categorizing book length [It] waits for the shelf
          /tmp/gp/src/example.com/books/books_test.go:32

        Ran 5 of 7 Specs in 3.003 seconds
        FAIL! - Suite Timeout Elapsed -- 2 Passed | 3 Failed | 1 Pending | 1 Skipped
        --- FAIL: TestBooks (3.00s)
        FAIL
        FAIL\texample.com/books\t3.007s
        FAIL

        """

    /// `go test -v . -ginkgo.no-color -ginkgo.focus=...`, real: the suite passes.
    static let ginkgoSuccess = """
        === RUN   TestBooks
        Running Suite: Books Suite - /tmp/gp/src/example.com/books
        ==========================================================
        Random Seed: 1796097968

        Will run 2 of 7 specs
        •SS
        ------------------------------
        P [PENDING]
        Books Categorizing book length handles audio books
        /tmp/gp/src/example.com/books/books_test.go:25
        ------------------------------
        S•S

        Ran 2 of 7 Specs in 0.000 seconds
        SUCCESS! -- 2 Passed | 0 Failed | 1 Pending | 4 Skipped
        --- PASS: TestBooks (0.00s)
        PASS
        ok  \texample.com/books\t0.004s

        """

    /// `go test -json . -ginkgo.focus="short books" -ginkgo.no-color`, real: Ginkgo's text inside test2json.
    static let ginkgoJSON = """
        {"Time":"2026-12-01T04:06:05.673111046Z","Action":"run","Package":"example.com/books","Test":"TestBooks"}
        {"Time":"2026-12-01T04:06:05.673335999Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"=== RUN   TestBooks\\n"}
        {"Time":"2026-12-01T04:06:05.673344952Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Running Suite: Books Suite - /tmp/gp/src/example.com/books\\n"}
        {"Time":"2026-12-01T04:06:05.673350045Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"==========================================================\\n"}
        {"Time":"2026-12-01T04:06:05.673351815Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Random Seed: 1796097965\\n"}
        {"Time":"2026-12-01T04:06:05.673355564Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"\\n"}
        {"Time":"2026-12-01T04:06:05.673357244Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Will run 1 of 7 specs\\n"}
        {"Time":"2026-12-01T04:06:05.673562586Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"S\\n"}
        {"Time":"2026-12-01T04:06:05.673565842Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"------------------------------\\n"}
        {"Time":"2026-12-01T04:06:05.673567418Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"• [FAILED] [0.000 seconds]\\n"}
        {"Time":"2026-12-01T04:06:05.673591157Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Books Categorizing book length [It] says short books are short stories\\n"}
        {"Time":"2026-12-01T04:06:05.673602625Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"/tmp/gp/src/example.com/books/books_test.go:18\\n"}
        {"Time":"2026-12-01T04:06:05.673606495Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"\\n"}
        {"Time":"2026-12-01T04:06:05.673608253Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"  [FAILED] Expected\\n"}
        {"Time":"2026-12-01T04:06:05.673609823Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"      \\u003cstring\\u003e: SHORT STORY\\n"}
        {"Time":"2026-12-01T04:06:05.673612012Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"  to equal\\n"}
        {"Time":"2026-12-01T04:06:05.673613473Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"      \\u003cstring\\u003e: NOVEL\\n"}
        {"Time":"2026-12-01T04:06:05.673625973Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"  In [It] at: /tmp/gp/src/example.com/books/books_test.go:19 @ 12/01/26 04:06:05.673\\n"}
        {"Time":"2026-12-01T04:06:05.673628793Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"------------------------------\\n"}
        {"Time":"2026-12-01T04:06:05.673651723Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"S\\n"}
        {"Time":"2026-12-01T04:06:05.673653992Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"------------------------------\\n"}
        {"Time":"2026-12-01T04:06:05.673655645Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"P [PENDING]\\n"}
        {"Time":"2026-12-01T04:06:05.67365768Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Books Categorizing book length handles audio books\\n"}
        {"Time":"2026-12-01T04:06:05.673659288Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"/tmp/gp/src/example.com/books/books_test.go:25\\n"}
        {"Time":"2026-12-01T04:06:05.673661659Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"------------------------------\\n"}
        {"Time":"2026-12-01T04:06:05.673680363Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"SSS\\n"}
        {"Time":"2026-12-01T04:06:05.673682616Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"\\n"}
        {"Time":"2026-12-01T04:06:05.673684573Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Summarizing 1 Failure:\\n"}
        {"Time":"2026-12-01T04:06:05.673691636Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"  [FAIL] Books Categorizing book length [It] says short books are short stories\\n"}
        {"Time":"2026-12-01T04:06:05.673693551Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"  /tmp/gp/src/example.com/books/books_test.go:19\\n"}
        {"Time":"2026-12-01T04:06:05.673694894Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"\\n"}
        {"Time":"2026-12-01T04:06:05.673698078Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"Ran 1 of 7 Specs in 0.000 seconds\\n"}
        {"Time":"2026-12-01T04:06:05.673707996Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"FAIL! -- 0 Passed | 1 Failed | 1 Pending | 5 Skipped\\n"}
        {"Time":"2026-12-01T04:06:05.673734499Z","Action":"output","Package":"example.com/books","Test":"TestBooks","Output":"--- FAIL: TestBooks (0.00s)\\n"}
        {"Time":"2026-12-01T04:06:05.67373745Z","Action":"fail","Package":"example.com/books","Test":"TestBooks","Elapsed":0}
        {"Time":"2026-12-01T04:06:05.673740799Z","Action":"output","Package":"example.com/books","Output":"FAIL\\n"}
        {"Time":"2026-12-01T04:06:05.674110422Z","Action":"output","Package":"example.com/books","Output":"FAIL\\texample.com/books\\t0.004s\\n"}
        {"Time":"2026-12-01T04:06:05.674115919Z","Action":"fail","Package":"example.com/books","Elapsed":0.004}

        """

    /// `pytest tests`, real (pytest 9.0.3): failures, an error in a fixture, skip, xfail, parametrize.
    static let pytestDefault = """
        ============================= test session starts ==============================
        platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0
        benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
        rootdir: /tmp/fx/py
        plugins: hypothesis-6.155.2, benchmark-5.2.3
        collected 9 items

        tests/test_cart.py .FEsxF.F                                              [ 88%]
        tests/test_slow.py .                                                     [100%]

        ==================================== ERRORS ====================================
        _____________________ ERROR at setup of test_needs_cluster _____________________

            @pytest.fixture
            def cluster():
        >       raise RuntimeError("no cluster reachable")
        E       RuntimeError: no cluster reachable

        tests/test_cart.py:19: RuntimeError
        =================================== FAILURES ===================================
        ________________________________ test_discount _________________________________

            def test_discount():
                got = total([10, 20])
        >       assert got == 27, "discount not applied"
        E       AssertionError: discount not applied
        E       assert 30 == 27

        tests/test_cart.py:14: AssertionError
        _______________________________ TestApi.test_get _______________________________

        self = <test_cart.TestApi object at 0x7f319e727b90>

            def test_get(self):
                data = {}
        >       assert data["key"] == 1
                       ^^^^^^^^^^^
        E       KeyError: 'key'

        tests/test_cart.py:39: KeyError
        ____________________________ TestApi.test_param[2] _____________________________

        self = <test_cart.TestApi object at 0x7f319e6de250>, n = 2

            @pytest.mark.parametrize("n", [1, 2])
            def test_param(self, n):
        >       assert n == 1
        E       assert 2 == 1

        tests/test_cart.py:43: AssertionError
        =========================== short test summary info ============================
        FAILED tests/test_cart.py::test_discount - AssertionError: discount not applied
        FAILED tests/test_cart.py::TestApi::test_get - KeyError: 'key'
        FAILED tests/test_cart.py::TestApi::test_param[2] - assert 2 == 1
        ERROR tests/test_cart.py::test_needs_cluster - RuntimeError: no cluster reach...
        ========== 3 failed, 3 passed, 1 skipped, 1 xfailed, 1 error in 0.55s ==========

        """

    /// `pytest -v tests`, real.
    static let pytestVerbose = """
        ============================= test session starts ==============================
        platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0 -- /root/.pyenv/versions/3.11.7/bin/python
        hypothesis profile 'default'
        benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
        rootdir: /tmp/fx/py
        plugins: hypothesis-6.155.2, benchmark-5.2.3
        collecting ... collected 9 items

        tests/test_cart.py::test_total PASSED                                    [ 11%]
        tests/test_cart.py::test_discount FAILED                                 [ 22%]
        tests/test_cart.py::test_needs_cluster ERROR                             [ 33%]
        tests/test_cart.py::test_gpu SKIPPED (needs a GPU)                       [ 44%]
        tests/test_cart.py::test_known_bug XFAIL (known bug)                     [ 55%]
        tests/test_cart.py::TestApi::test_get FAILED                             [ 66%]
        tests/test_cart.py::TestApi::test_param[1] PASSED                        [ 77%]
        tests/test_cart.py::TestApi::test_param[2] FAILED                        [ 88%]
        tests/test_slow.py::test_slow_one PASSED                                 [100%]

        ==================================== ERRORS ====================================
        _____________________ ERROR at setup of test_needs_cluster _____________________

            @pytest.fixture
            def cluster():
        >       raise RuntimeError("no cluster reachable")
        E       RuntimeError: no cluster reachable

        tests/test_cart.py:19: RuntimeError
        =================================== FAILURES ===================================
        ________________________________ test_discount _________________________________

            def test_discount():
                got = total([10, 20])
        >       assert got == 27, "discount not applied"
        E       AssertionError: discount not applied
        E       assert 30 == 27

        tests/test_cart.py:14: AssertionError
        _______________________________ TestApi.test_get _______________________________

        self = <test_cart.TestApi object at 0x7ff411aa5090>

            def test_get(self):
                data = {}
        >       assert data["key"] == 1
                       ^^^^^^^^^^^
        E       KeyError: 'key'

        tests/test_cart.py:39: KeyError
        ____________________________ TestApi.test_param[2] _____________________________

        self = <test_cart.TestApi object at 0x7ff411aa4990>, n = 2

            @pytest.mark.parametrize("n", [1, 2])
            def test_param(self, n):
        >       assert n == 1
        E       assert 2 == 1

        tests/test_cart.py:43: AssertionError
        =========================== short test summary info ============================
        FAILED tests/test_cart.py::test_discount - AssertionError: discount not applied
        FAILED tests/test_cart.py::TestApi::test_get - KeyError: 'key'
        FAILED tests/test_cart.py::TestApi::test_param[2] - assert 2 == 1
        ERROR tests/test_cart.py::test_needs_cluster - RuntimeError: no cluster reach...
        ========== 3 failed, 3 passed, 1 skipped, 1 xfailed, 1 error in 0.49s ==========

        """

    /// `pytest -q tests`, real.
    static let pytestQuiet = """
        .FEsxF.F.                                                                [100%]
        ==================================== ERRORS ====================================
        _____________________ ERROR at setup of test_needs_cluster _____________________

            @pytest.fixture
            def cluster():
        >       raise RuntimeError("no cluster reachable")
        E       RuntimeError: no cluster reachable

        tests/test_cart.py:19: RuntimeError
        =================================== FAILURES ===================================
        ________________________________ test_discount _________________________________

            def test_discount():
                got = total([10, 20])
        >       assert got == 27, "discount not applied"
        E       AssertionError: discount not applied
        E       assert 30 == 27

        tests/test_cart.py:14: AssertionError
        _______________________________ TestApi.test_get _______________________________

        self = <test_cart.TestApi object at 0x7fe4b9117d50>

            def test_get(self):
                data = {}
        >       assert data["key"] == 1
                       ^^^^^^^^^^^
        E       KeyError: 'key'

        tests/test_cart.py:39: KeyError
        ____________________________ TestApi.test_param[2] _____________________________

        self = <test_cart.TestApi object at 0x7fe4b914f210>, n = 2

            @pytest.mark.parametrize("n", [1, 2])
            def test_param(self, n):
        >       assert n == 1
        E       assert 2 == 1

        tests/test_cart.py:43: AssertionError
        =========================== short test summary info ============================
        FAILED tests/test_cart.py::test_discount - AssertionError: discount not applied
        FAILED tests/test_cart.py::TestApi::test_get - KeyError: 'key'
        FAILED tests/test_cart.py::TestApi::test_param[2] - assert 2 == 1
        ERROR tests/test_cart.py::test_needs_cluster - RuntimeError: no cluster reach...
        3 failed, 3 passed, 1 skipped, 1 xfailed, 1 error in 0.49s

        """

    /// `pytest tests -k nothing_matches`, real: everything deselected.
    static let pytestDeselected = """
        ============================= test session starts ==============================
        platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0
        benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
        rootdir: /tmp/fx/py
        plugins: hypothesis-6.155.2, benchmark-5.2.3
        collected 9 items / 9 deselected / 0 selected

        ============================ 9 deselected in 0.48s =============================

        """

    /// `pytest empty`, real: no tests collected.
    static let pytestNoTests = """
        ============================= test session starts ==============================
        platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0
        benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
        rootdir: /tmp/fx/py
        plugins: hypothesis-6.155.2, benchmark-5.2.3
        collected 0 items

        ============================ no tests ran in 0.47s =============================

        """

    /// `pytest -v hang` stopped by SIGINT while test_waits_for_pod sleeps, real.
    static let pytestInterrupted = """
        ============================= test session starts ==============================
        platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0 -- /root/.pyenv/versions/3.11.7/bin/python
        hypothesis profile 'default'
        benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
        rootdir: /tmp/fx/py
        plugins: hypothesis-6.155.2, benchmark-5.2.3
        collecting ... collected 2 items

        hang/test_hang.py::test_fast PASSED                                      [ 50%]
        hang/test_hang.py::test_waits_for_pod\u{20}

        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!! KeyboardInterrupt !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        /tmp/fx/py/hang/test_hang.py:7: KeyboardInterrupt
        (to show a full traceback on KeyboardInterrupt use --full-trace)
        ============================== 1 passed in 3.96s ===============================

        """

    /// `pytest -v hang` killed (SIGKILL) while test_waits_for_pod sleeps, real: the last line has no end.
    static let pytestKilled = """
        ============================= test session starts ==============================
        platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0 -- /root/.pyenv/versions/3.11.7/bin/python
        hypothesis profile 'default'
        benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
        rootdir: /tmp/fx/py
        plugins: hypothesis-6.155.2, benchmark-5.2.3
        collecting ... collected 2 items

        hang/test_hang.py::test_fast PASSED                                      [ 50%]
        hang/test_hang.py::test_waits_for_pod\u{20}
        """

    /// `swift test` of a package with XCTest and Swift Testing tests, real (Swift 6.3.1).
    static let swiftTest = """
        [0/1] Planning build
        Test Suite 'All tests' started at 2026-12-01 04:06:58.737
        Test Suite 'debug.xctest' started at 2026-12-01 04:06:58.738
        Test Suite 'CartTests' started at 2026-12-01 04:06:58.738
        Test Case 'CartTests.testDiscount' started at 2026-12-01 04:06:58.738
        /tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:10: error: CartTests.testDiscount : XCTAssertEqual failed: ("30") is not equal to ("27") - discount not applied
        Test Case 'CartTests.testDiscount' failed (0.001 seconds)
        Test Case 'CartTests.testSkipped' started at 2026-12-01 04:06:58.739
        /tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:14: CartTests.testSkipped : Test skipped - needs a cluster
        Test Case 'CartTests.testSkipped' skipped (0.101 seconds)
        Test Case 'CartTests.testTotal' started at 2026-12-01 04:06:58.840
        Test Case 'CartTests.testTotal' passed (0.0 seconds)
        Test Suite 'CartTests' failed at 2026-12-01 04:06:58.841
        \t Executed 3 tests, with 1 test skipped and 1 failure (0 unexpected) in 0.102 (0.102) seconds
        Test Suite 'ThrowingTests' started at 2026-12-01 04:06:58.841
        Test Case 'ThrowingTests.testThrows' started at 2026-12-01 04:06:58.841
        <EXPR>:0: error: ThrowingTests.testThrows : threw error "Boom()"
        Test Case 'ThrowingTests.testThrows' failed (0.0 seconds)
        Test Case 'ThrowingTests.testUnwrap' started at 2026-12-01 04:06:58.841
        /tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:25: error: ThrowingTests.testUnwrap : XCTUnwrap failed: expected non-nil value of type "Int" -\u{20}
        Test Case 'ThrowingTests.testUnwrap' failed (0.0 seconds)
        Test Suite 'ThrowingTests' failed at 2026-12-01 04:06:58.841
        \t Executed 2 tests, with 2 failures (1 unexpected) in 0.001 (0.001) seconds
        Test Suite 'debug.xctest' failed at 2026-12-01 04:06:58.841
        \t Executed 5 tests, with 1 test skipped and 3 failures (1 unexpected) in 0.103 (0.103) seconds
        Test Suite 'All tests' failed at 2026-12-01 04:06:58.841
        \t Executed 5 tests, with 1 test skipped and 3 failures (1 unexpected) in 0.103 (0.103) seconds
        ◇ Test run started.
        ↳ Testing Library Version: 6.3.1 (937120cbc281cf2)
        ↳ Target Platform: x86_64-unknown-linux-gnu
        ◇ Suite PricingTests started.
        ◇ Test twoIssues() started.
        ◇ Test positive(_:) started.
        ◇ Test freeFunction() started.
        ◇ Test knownIssue() started.
        ◇ Test throwsError() started.
        ◇ Test sums() started.
        ◇ Test waits() started.
        ◇ Test "Discounts apply" started.
        ➜ Test gpu() skipped: "needs a GPU"
        ✘ Test twoIssues() recorded an issue at ShelfTests.swift:32:5: Expectation failed: 1 == 2
        ✘ Test twoIssues() recorded an issue at ShelfTests.swift:33:5: Expectation failed: Bool(false)
        ↳ second
        ◇ Test case passing 1 argument n → 1 to positive(_:) started.
        ◇ Test case passing 1 argument n → 3 to positive(_:) started.
        ◇ Test case passing 1 argument n → 2 to positive(_:) started.
        ✘ Test positive(_:) recorded an issue with 1 argument n → 3 at ShelfTests.swift:28:5: Expectation failed: (n → 3) < 3
        ✘ Test "Discounts apply" recorded an issue at ShelfTests.swift:11:9: Expectation failed: (total([10, 20]) → 30) == 27
        ✘ Test throwsError() recorded an issue at ShelfTests.swift:40:2: Caught error: Boom()
        ✘ Test twoIssues() failed after 0.001 seconds with 2 issues.
        ✘ Test positive(_:) with 3 test cases failed after 0.001 seconds with 1 issue.
        ━ Test knownIssue() recorded a known issue at ShelfTests.swift:37:22: Expectation failed: Bool(false)
        ✔ Test freeFunction() passed after 0.001 seconds.
        ✔ Test sums() passed after 0.001 seconds.
        ✔ Test waits() passed after 0.001 seconds.
        ✘ Test "Discounts apply" failed after 0.001 seconds with 1 issue.
        ✘ Test throwsError() failed after 0.001 seconds with 1 issue.
        ━ Test knownIssue() passed after 0.001 seconds with 1 known issue.
        ✘ Suite PricingTests failed after 0.001 seconds with 1 issue.
        ✘ Test run with 9 tests in 1 suite failed after 0.001 seconds with 6 issues (including 1 known issue).

        """

    /// `swift test` on a terminal (script(1), colours, "\r\n"), killed while waits() hangs, real;
    /// script's own header line removed.
    static let swiftTestKilledTerminal = """
        \u{1B}[2K
        [0/1] Planning build\u{1B}[2K
        [1/1] Planning build
        Test Suite 'All tests' started at 2026-12-01 04:07:23.424
        Test Suite 'debug.xctest' started at 2026-12-01 04:07:23.426
        Test Suite 'CartTests' started at 2026-12-01 04:07:23.426
        Test Case 'CartTests.testDiscount' started at 2026-12-01 04:07:23.426
        /tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:10: error: CartTests.testDiscount : XCTAssertEqual failed: ("30") is not equal to ("27") - discount not applied
        Test Case 'CartTests.testDiscount' failed (0.001 seconds)
        Test Case 'CartTests.testSkipped' started at 2026-12-01 04:07:23.426
        /tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:14: CartTests.testSkipped : Test skipped - needs a cluster
        Test Case 'CartTests.testSkipped' skipped (0.0 seconds)
        Test Case 'CartTests.testTotal' started at 2026-12-01 04:07:23.427
        Test Case 'CartTests.testTotal' passed (0.0 seconds)
        Test Suite 'CartTests' failed at 2026-12-01 04:07:23.427
        \t Executed 3 tests, with 1 test skipped and 1 failure (0 unexpected) in 0.001 (0.001) seconds
        Test Suite 'ThrowingTests' started at 2026-12-01 04:07:23.427
        Test Case 'ThrowingTests.testThrows' started at 2026-12-01 04:07:23.427
        <EXPR>:0: error: ThrowingTests.testThrows : threw error "Boom()"
        Test Case 'ThrowingTests.testThrows' failed (0.0 seconds)
        Test Case 'ThrowingTests.testUnwrap' started at 2026-12-01 04:07:23.427
        /tmp/fx/swiftpkg/Tests/ShelfTests/CartTests.swift:25: error: ThrowingTests.testUnwrap : XCTUnwrap failed: expected non-nil value of type "Int" -\u{20}
        Test Case 'ThrowingTests.testUnwrap' failed (0.0 seconds)
        Test Suite 'ThrowingTests' failed at 2026-12-01 04:07:23.427
        \t Executed 2 tests, with 2 failures (1 unexpected) in 0.0 (0.0) seconds
        Test Suite 'debug.xctest' failed at 2026-12-01 04:07:23.427
        \t Executed 5 tests, with 1 test skipped and 3 failures (1 unexpected) in 0.001 (0.001) seconds
        Test Suite 'All tests' failed at 2026-12-01 04:07:23.427
        \t Executed 5 tests, with 1 test skipped and 3 failures (1 unexpected) in 0.001 (0.001) seconds
        \u{1B}[90m◇\u{1B}[0m Test run started.
        \u{1B}[90m↳ Testing Library Version: 6.3.1 (937120cbc281cf2)\u{1B}[0m
        \u{1B}[90m↳ Target Platform: x86_64-unknown-linux-gnu\u{1B}[0m
        \u{1B}[90m◇\u{1B}[0m Suite PricingTests started.
        \u{1B}[90m◇\u{1B}[0m Test twoIssues() started.
        \u{1B}[90m◇\u{1B}[0m Test positive(_:) started.
        \u{1B}[90m◇\u{1B}[0m Test throwsError() started.
        \u{1B}[90m◇\u{1B}[0m Test knownIssue() started.
        \u{1B}[90m◇\u{1B}[0m Test freeFunction() started.
        \u{1B}[90m◇\u{1B}[0m Test case passing 1 argument n → 1 to positive(_:) started.
        \u{1B}[90m◇\u{1B}[0m Test case passing 1 argument n → 2 to positive(_:) started.
        \u{1B}[90m◇\u{1B}[0m Test case passing 1 argument n → 3 to positive(_:) started.
        \u{1B}[91m✘\u{1B}[0m Test positive(_:) recorded an issue with 1 argument n → 3 at ShelfTests.swift:28:5: Expectation failed: (n → 3) < 3
        \u{1B}[91m✘\u{1B}[0m Test twoIssues() recorded an issue at ShelfTests.swift:32:5: Expectation failed: 1 == 2
        \u{1B}[91m✘\u{1B}[0m Test twoIssues() recorded an issue at ShelfTests.swift:33:5: Expectation failed: Bool(false)
        \u{1B}[90m↳ second\u{1B}[0m
        \u{1B}[91m✘\u{1B}[0m Test throwsError() recorded an issue at ShelfTests.swift:40:2: Caught error: Boom()
        \u{1B}[90m━\u{1B}[0m Test knownIssue() recorded a known issue at ShelfTests.swift:37:22: Expectation failed: Bool(false)
        \u{1B}[90m◇\u{1B}[0m Test waits() started.
        \u{1B}[90m◇\u{1B}[0m Test sums() started.
        \u{1B}[90m➜\u{1B}[0m Test gpu() skipped: "needs a GPU"
        \u{1B}[90m◇\u{1B}[0m Test "Discounts apply" started.
        \u{1B}[91m✘\u{1B}[0m Test positive(_:) with 3 test cases failed after 0.001 seconds with 1 issue.
        \u{1B}[91m✘\u{1B}[0m Test twoIssues() failed after 0.001 seconds with 2 issues.
        \u{1B}[91m✘\u{1B}[0m Test throwsError() failed after 0.001 seconds with 1 issue.
        \u{1B}[90m━\u{1B}[0m Test knownIssue() passed after 0.001 seconds with 1 known issue.
        \u{1B}[91m✘\u{1B}[0m Test "Discounts apply" recorded an issue at ShelfTests.swift:11:9: Expectation failed: (total([10, 20]) → 30) == 27
        \u{1B}[92m✔\u{1B}[0m Test sums() passed after 0.001 seconds.
        \u{1B}[91m✘\u{1B}[0m Test "Discounts apply" failed after 0.001 seconds with 1 issue.
        \u{1B}[92m✔\u{1B}[0m Test freeFunction() passed after 0.001 seconds.

        """

    /// `cargo test`, real (cargo 1.95.0, RUST_BACKTRACE=0): two failures, an ignored test, a should_panic.
    static let cargoFailed = """
            Finished `test` profile [unoptimized + debuginfo] target(s) in 0.00s
             Running unittests src/lib.rs (target/debug/deps/shelf-a76afb6c539a4cf7)

        running 5 tests
        test tests::expected_panic - should panic ... ok
        test tests::discount ... FAILED
        test tests::needs_cluster ... ignored
        test tests::panics_plainly ... FAILED
        test tests::sums ... ok

        failures:

        ---- tests::discount stdout ----

        thread 'tests::discount' (7915) panicked at src/lib.rs:16:9:
        assertion `left == right` failed: discount not applied
          left: 30
         right: 27

        ---- tests::panics_plainly stdout ----
        about to index

        thread 'tests::panics_plainly' (7917) panicked at src/lib.rs:23:18:
        index out of bounds: the len is 0 but the index is 3


        failures:
            tests::discount
            tests::panics_plainly

        test result: FAILED. 2 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s

        error: test failed, to rerun pass `--lib`

        """

    /// `cargo test` after the fixes, real: unit tests, an integration test and doc-tests.
    static let cargoPassed = """
           Compiling shelf v0.1.0 (/tmp/fx/rs/shelf)
            Finished `test` profile [unoptimized + debuginfo] target(s) in 0.11s
             Running unittests src/lib.rs (target/debug/deps/shelf-a76afb6c539a4cf7)

        running 5 tests
        test tests::discount ... ok
        test tests::needs_cluster ... ignored
        test tests::panics_plainly ... ok
        test tests::sums ... ok
        test tests::expected_panic - should panic ... ok

        test result: ok. 4 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s

             Running tests/integration.rs (target/debug/deps/integration-a57ca3f642c63e2e)

        running 1 test
        test end_to_end ... ok

        test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

           Doc-tests shelf

        running 0 tests

        test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s


        """

    /// `go test ./...` of a package that does not compile, real (go 1.19.8).
    static let goBuildFailed = """
        # example.com/broken [example.com/broken.test]
        ./b.go:7:9: undefined: undefined
        FAIL\texample.com/broken [build failed]
        FAIL

        """

    /// `go vet ./...` finding a problem, real (go 1.19.8): not a test run.
    static let goVet = """
        # example.com/broken
        ./b.go:6:2: fmt.Printf format %d has arg "text" of wrong type string

        """

    /// `cargo build` with a compile error, real (cargo 1.95.0): not a test run.
    static let cargoBuildError = """
           Compiling shelf v0.1.0 (/tmp/fx/rs/shelf)
        error[E0425]: cannot find value `missing` in this scope
         --> src/lib.rs:2:27
          |
        2 |     prices.iter().sum() + missing
          |                           ^^^^^^^ not found in this scope

        For more information about this error, try `rustc --explain E0425`.
        error: could not compile `shelf` (lib) due to 1 previous error

        """

    /// `swift build` with a compile error, real (Swift 6.3.1): not a test run.
    static let swiftBuildError = """
        [0/1] Planning build
        Building for debugging...
        [0/2] Write sources
        [1/2] Write swift-version-6A52383ED409C6A7.txt
        [3/4] Emitting module Shelf
        [4/4] Compiling Shelf Shelf.swift
        /tmp/fx/swiftpkg/Sources/Shelf/Shelf.swift:2:31: error: cannot find 'missing' in scope
        1 | public func total(_ prices: [Int]) -> Int { prices.reduce(0, +) }
        2 | public func broken() -> Int { missing }
          |                               `- error: cannot find 'missing' in scope
        3 |\u{20}

        """

    /// `python3 -m py_compile` of a syntax error, real (Python 3.11.7): not a test run.
    static let pythonCompileError = """
          File "bad.py", line 1
            def f(:
                  ^
        SyntaxError: invalid syntax

        """

    /// `cargo test` on a terminal, killed after 70 s while waits_for_pod sleeps, real; script's header removed.
    static let cargoHangTerminal = """
        \u{1B}[1m\u{1B}[92m    Finished\u{1B}[0m `test` profile [unoptimized + debuginfo] target(s) in 0.00s
        \u{1B}[1m\u{1B}[92m     Running\u{1B}[0m unittests src/lib.rs (target/debug/deps/hangs-6d158e79895124a1)

        running 2 tests
        test tests::quick ... \u{1B}[32mok\u{1B}(B\u{1B}[m
        test tests::waits_for_pod has been running for over 60 seconds

        """
}
