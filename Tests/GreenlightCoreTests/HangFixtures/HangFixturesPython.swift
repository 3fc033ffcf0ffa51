// Captured output used as test fixtures; see HangFixtures.swift for how each was made.

extension HangFixtures {
    /// Real: Python 3.11.7, pytest 9.0.3: `HANG=poll python3 -X faulthandler -m pytest -v -p no:cacheprovider tests`
    /// in /tmp/hangfix/py, `kill -ABRT <pid>` after 3 s; test_pod_running polls with time.sleep in
    /// app/pods.py wait_for_pod. stdout and stderr share the pipe, so the traceback continues pytest's line.
    static let pythonPoll = #"""
============================= test session starts ==============================
platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0 -- /root/.pyenv/versions/3.11.7/bin/python3
hypothesis profile 'default'
benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
rootdir: /tmp/hangfix/py
plugins: hypothesis-6.155.2, benchmark-5.2.3
collecting ... collected 3 items

tests/test_pods.py::test_quick PASSED                                    [ 33%]
tests/test_pods.py::test_pod_running Fatal Python error: Aborted

Current thread 0x00007feffac20b80 (most recent call first):
  File "/tmp/hangfix/py/app/pods.py", line 7 in wait_for_pod
  File "/tmp/hangfix/py/tests/test_pods.py", line 15 in test_pod_running
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/python.py", line 166 in pytest_pyfunc_call
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/python.py", line 1720 in runtest
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 179 in pytest_runtest_call
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 245 in <lambda>
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 353 in from_call
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 244 in call_and_report
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 137 in runtestprotocol
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 118 in pytest_runtest_protocol
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 396 in pytest_runtestloop
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 372 in _main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 318 in wrap_session
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 365 in pytest_cmdline_main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/config/__init__.py", line 199 in main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/config/__init__.py", line 223 in console_main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pytest/__main__.py", line 9 in <module>
  File "<frozen runpy>", line 88 in _run_code
  File "<frozen runpy>", line 198 in _run_module_as_main
"""#

    /// Real: as `pythonPoll`, HANG=queue: TestEvents::test_event_arrives blocks in queue.Queue.get
    /// (app/pods.py next_event) while a "watcher" thread waits on an Event.
    static let pythonQueue = #"""
============================= test session starts ==============================
platform linux -- Python 3.11.7, pytest-9.0.3, pluggy-1.6.0 -- /root/.pyenv/versions/3.11.7/bin/python3
hypothesis profile 'default'
benchmark: 5.2.3 (defaults: timer=time.perf_counter disable_gc=False min_rounds=5 min_time=0.000005 max_time=1.0 calibration_precision=10 warmup=False warmup_iterations=100000)
rootdir: /tmp/hangfix/py
plugins: hypothesis-6.155.2, benchmark-5.2.3
collecting ... collected 3 items

tests/test_pods.py::test_quick PASSED                                    [ 33%]
tests/test_pods.py::test_pod_running PASSED                              [ 66%]
tests/test_pods.py::TestEvents::test_event_arrives Fatal Python error: Aborted

Thread 0x00007f09fc1566c0 (most recent call first):
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py", line 327 in wait
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py", line 629 in wait
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py", line 982 in run
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py", line 1045 in _bootstrap_inner
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py", line 1002 in _bootstrap

Current thread 0x00007f09fea6db80 (most recent call first):
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/threading.py", line 327 in wait
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/queue.py", line 171 in get
  File "/tmp/hangfix/py/app/pods.py", line 11 in next_event
  File "/tmp/hangfix/py/tests/test_pods.py", line 25 in test_event_arrives
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/python.py", line 166 in pytest_pyfunc_call
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/python.py", line 1720 in runtest
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 179 in pytest_runtest_call
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 245 in <lambda>
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 353 in from_call
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 244 in call_and_report
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 137 in runtestprotocol
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/runner.py", line 118 in pytest_runtest_protocol
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 396 in pytest_runtestloop
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 372 in _main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 318 in wrap_session
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/main.py", line 365 in pytest_cmdline_main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_callers.py", line 121 in _multicall
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_manager.py", line 120 in _hookexec
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pluggy/_hooks.py", line 512 in __call__
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/config/__init__.py", line 199 in main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/_pytest/config/__init__.py", line 223 in console_main
  File "/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages/pytest/__main__.py", line 9 in <module>
  File "<frozen runpy>", line 88 in _run_code
  File "<frozen runpy>", line 198 in _run_module_as_main
"""#
}
