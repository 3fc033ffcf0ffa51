import GreenlightCore
import Testing

/// The report's quote of a failed step, pinned line for line on real outputs.
@Suite("failure excerpt")
struct FailureExcerptTests {
    @Test func pytestBlocksThenTheTail() {
        let output = TestOutputFixtures.pytestDefault
        let blocks = TestOutputAnalyzer.analyze(output).failureBlocks
        // Four blocks of 6, 7, 8 and 7 lines: three fit in 30 lines with their "…" and the
        // last 5 lines of the tail; the fourth does not.
        #expect(FailureExcerpt.lines(blocks: blocks, output: output, budget: 30) == [
            "_____________________ ERROR at setup of test_needs_cluster _____________________",
            "    @pytest.fixture",
            "    def cluster():",
            ">       raise RuntimeError(\"no cluster reachable\")",
            "E       RuntimeError: no cluster reachable",
            "tests/test_cart.py:19: RuntimeError",
            "…",
            "________________________________ test_discount _________________________________",
            "    def test_discount():",
            "        got = total([10, 20])",
            ">       assert got == 27, \"discount not applied\"",
            "E       AssertionError: discount not applied",
            "E       assert 30 == 27",
            "tests/test_cart.py:14: AssertionError",
            "…",
            "_______________________________ TestApi.test_get _______________________________",
            "self = <test_cart.TestApi object at 0x7f319e727b90>",
            "    def test_get(self):",
            "        data = {}",
            ">       assert data[\"key\"] == 1",
            "               ^^^^^^^^^^^",
            "E       KeyError: 'key'",
            "tests/test_cart.py:39: KeyError",
            "…",
            "=========================== short test summary info ============================",
            "FAILED tests/test_cart.py::test_discount - AssertionError: discount not applied",
            "FAILED tests/test_cart.py::TestApi::test_get - KeyError: 'key'",
            "FAILED tests/test_cart.py::TestApi::test_param[2] - assert 2 == 1",
            "ERROR tests/test_cart.py::test_needs_cluster - RuntimeError: no cluster reach...",
            "========== 3 failed, 3 passed, 1 skipped, 1 xfailed, 1 error in 0.55s ==========",
        ])
    }

    @Test func theTailLeavesOutWhatTheBlocksQuoted() {
        // go test's failures are most of its output: the tail keeps only what is not quoted.
        let output = TestOutputFixtures.goPlain
        let blocks = TestOutputAnalyzer.analyze(output).failureBlocks
        #expect(FailureExcerpt.lines(blocks: blocks, output: output, budget: 20) == [
            "    --- FAIL: TestDiscount/ten_percent (0.00s)",
            "        cart_test.go:15: discounted total = 30, want 27",
            "        cart_test.go:16: second line of the log",
            "…",
            "--- FAIL: TestEmpty (0.00s)",
            "    cart_test.go:26: empty cart",
            "        spans two lines",
            "…",
            "--- FAIL: TestDiscount (0.00s)",
            "FAIL",
            "FAIL\texample.com/shop/cart\t0.002s",
            "?   \texample.com/shop/notests\t[no test files]",
            "ok  \texample.com/shop/emptytests\t0.001s",
            "FAIL",
        ])
    }

    @Test func blankLinesLeftTogetherAreOne() {
        let output = TestOutputFixtures.cargoFailed
        let blocks = TestOutputAnalyzer.analyze(output).failureBlocks
        #expect(FailureExcerpt.lines(blocks: blocks, output: output, budget: 20) == [
            "---- tests::discount stdout ----",
            "",
            "thread 'tests::discount' (7915) panicked at src/lib.rs:16:9:",
            "assertion `left == right` failed: discount not applied",
            "  left: 30",
            " right: 27",
            "…",
            "---- tests::panics_plainly stdout ----",
            "about to index",
            "",
            "thread 'tests::panics_plainly' (7917) panicked at src/lib.rs:23:18:",
            "index out of bounds: the len is 0 but the index is 3",
            "…",
            "failures:",
            "    tests::discount",
            "    tests::panics_plainly",
            "",
            "test result: FAILED. 2 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s",
            "",
            "error: test failed, to rerun pass `--lib`",
        ])
    }

    @Test func blocksLargerThanTheBudgetLeaveFiveLinesOfTail() {
        let output = (1...40).map { "line \($0)" }.joined(separator: "\n")
        let first = (1...12).map { "first \($0)" }
        let second = ["second 1", "second 2"]
        // 12 lines and "…" fit in 19, leaving 6 for the tail; the second block does not fit.
        #expect(FailureExcerpt.lines(blocks: [first, second], output: output, budget: 19)
            == first + ["…"] + (35...40).map { "line \($0)" })
        // When not even the first block fits, it is cut to the room there is.
        #expect(FailureExcerpt.lines(blocks: [first, second], output: output, budget: 10)
            == ["first 1", "first 2", "first 3", "…"] + (35...40).map { "line \($0)" })
        // With less room than the tail's five lines, the tail alone.
        #expect(FailureExcerpt.lines(blocks: [first], output: output, budget: 4) == (37...40).map { "line \($0)" })
    }

    @Test func edges() {
        #expect(FailureExcerpt.lines(blocks: [["a"]], output: "a\nb\n", budget: 0).isEmpty)
        // No blocks: the tail alone, as LogExcerpt gives it.
        #expect(FailureExcerpt.lines(blocks: [], output: "x\n\u{1B}[31my\u{1B}[0m\n\n", budget: 5) == ["x", "y"])
        // Everything in the tail was quoted: no "…" after the blocks.
        #expect(FailureExcerpt.lines(blocks: [["a", "b"]], output: "a\nb\n", budget: 10) == ["a", "b"])
    }
}
