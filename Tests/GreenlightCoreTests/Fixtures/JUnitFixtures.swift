// Outputs copied byte for byte into Swift literals (tabs, "\r", escapes and trailing spaces written as escapes).

/// JUnit XML reports in the dialects of the tools that write them.
enum JUnitFixtures {
    /// `pytest --junitxml` of the pytestDefault run, real (pytest 9.0.3).
    static let junitPytest = """
        <?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="1" failures="3" skipped="2" tests="9" time="0.028" timestamp="2026-12-01T04:06:25.871781+00:00" hostname="vm"><testcase classname="tests.test_cart" name="test_total" time="0.000" /><testcase classname="tests.test_cart" name="test_discount" time="0.000"><failure message="AssertionError: discount not applied&#10;assert 30 == 27">def test_discount():
                got = total([10, 20])
        &gt;       assert got == 27, "discount not applied"
        E       AssertionError: discount not applied
        E       assert 30 == 27

        tests/test_cart.py:14: AssertionError</failure></testcase><testcase classname="tests.test_cart" name="test_needs_cluster" time="0.000"><error message="failed on setup with &quot;RuntimeError: no cluster reachable&quot;">@pytest.fixture
            def cluster():
        &gt;       raise RuntimeError("no cluster reachable")
        E       RuntimeError: no cluster reachable

        tests/test_cart.py:19: RuntimeError</error></testcase><testcase classname="tests.test_cart" name="test_gpu" time="0.000"><skipped type="pytest.skip" message="needs a GPU">/tmp/fx/py/tests/test_cart.py:26: needs a GPU</skipped></testcase><testcase classname="tests.test_cart" name="test_known_bug" time="0.000"><skipped type="pytest.xfail" message="known bug" /></testcase><testcase classname="tests.test_cart.TestApi" name="test_get" time="0.000"><failure message="KeyError: 'key'">self = &lt;test_cart.TestApi object at 0x7f5e21873d10&gt;

            def test_get(self):
                data = {}
        &gt;       assert data["key"] == 1
                       ^^^^^^^^^^^
        E       KeyError: 'key'

        tests/test_cart.py:39: KeyError</failure></testcase><testcase classname="tests.test_cart.TestApi" name="test_param[1]" time="0.000" /><testcase classname="tests.test_cart.TestApi" name="test_param[2]" time="0.000"><failure message="assert 2 == 1">self = &lt;test_cart.TestApi object at 0x7f5e217fad90&gt;, n = 2

            @pytest.mark.parametrize("n", [1, 2])
            def test_param(self, n):
        &gt;       assert n == 1
        E       assert 2 == 1

        tests/test_cart.py:43: AssertionError</failure></testcase><testcase classname="tests.test_slow" name="test_slow_one" time="0.000" /></testsuite></testsuites>
        """

    /// `swift test --parallel --xunit-output`: XCTest's report, real (Swift 6.3.1).
    static let junitSwiftXCTest = """
        <?xml version="1.0" encoding="UTF-8"?>

        <testsuites>
        <testsuite name="TestResults" errors="0" tests="5" failures="3" time="0.041511608">
        <testcase classname="ShelfTests.CartTests" name="testSkipped" time="0.009217704">
        </testcase>
        <testcase classname="ShelfTests.CartTests" name="testDiscount" time="0.00940381">
        <failure message="failure"></failure>
        </testcase>
        <testcase classname="ShelfTests.CartTests" name="testTotal" time="0.008115206">
        </testcase>
        <testcase classname="ShelfTests.ThrowingTests" name="testThrows" time="0.007943726">
        <failure message="failure"></failure>
        </testcase>
        <testcase classname="ShelfTests.ThrowingTests" name="testUnwrap" time="0.006831162">
        <failure message="failure"></failure>
        </testcase>
        </testsuite>
        </testsuites>

        """

    /// `swift test --xunit-output`: Swift Testing's report, real (Swift 6.3.1); its tests="8" is wrong.
    static let junitSwiftTesting = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="TestResults" errors="0" tests="8" failures="5" skipped="1" time="0.002139276">
            <testcase classname="ShelfTests" name="positive(_:)" time="0.001324334" >
              <failure message="Expectation failed: (n &#8594; 3) &lt; 3 (error)" />
            </testcase>
            <testcase classname="ShelfTests.PricingTests" name="waits()" time="0.00050096" />
            <testcase classname="ShelfTests.PricingTests" name="sums()" time="0.000407538" />
            <testcase classname="ShelfTests.PricingTests" name="gpu()" >
              <skipped>needs a GPU</skipped>
            </testcase>
            <testcase classname="ShelfTests.PricingTests" name="discounts()" time="0.000488261" >
              <failure message="Expectation failed: (total([10, 20]) &#8594; 30) == 27 (error)" />
            </testcase>
            <testcase classname="ShelfTests" name="throwsError()" time="0.001400525" >
              <failure message="Caught error: Boom() (error)" />
            </testcase>
            <testcase classname="ShelfTests" name="knownIssue()" time="0.001277185" />
            <testcase classname="ShelfTests" name="freeFunction()" time="0.001301688" />
            <testcase classname="ShelfTests" name="twoIssues()" time="0.001375844" >
              <failure message="Expectation failed: 1 == 2 (error)" />
              <failure message="Expectation failed: Bool(false) (error): second" />
            </testcase>
          </testsuite>
        </testsuites>

        """

    /// `gotestsum --junitfile` of the goPlain packages, real (gotestsum 1.8.2).
    static let junitGotestsum = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="7" failures="3" errors="0" time="0.137324">
        \t<testsuite tests="6" failures="3" time="0.002000" name="example.com/shop/cart" timestamp="2026-12-01T04:07:49Z">
        \t\t<properties>
        \t\t\t<property name="go.version" value="go1.19.8 linux/amd64"></property>
        \t\t</properties>
        \t\t<testcase classname="example.com/shop/cart" name="TestDiscount/ten_percent" time="0.000000">
        \t\t\t<failure message="Failed" type="">=== RUN   TestDiscount/ten_percent&#xA;    cart_test.go:15: discounted total = 30, want 27&#xA;    cart_test.go:16: second line of the log&#xA;    --- FAIL: TestDiscount/ten_percent (0.00s)&#xA;</failure>
        \t\t</testcase>
        \t\t<testcase classname="example.com/shop/cart" name="TestDiscount" time="0.000000">
        \t\t\t<failure message="Failed" type="">=== RUN   TestDiscount&#xA;--- FAIL: TestDiscount (0.00s)&#xA;</failure>
        \t\t</testcase>
        \t\t<testcase classname="example.com/shop/cart" name="TestEmpty" time="0.000000">
        \t\t\t<failure message="Failed" type="">=== RUN   TestEmpty&#xA;    cart_test.go:26: empty cart&#xA;        spans two lines&#xA;--- FAIL: TestEmpty (0.00s)&#xA;</failure>
        \t\t</testcase>
        \t\t<testcase classname="example.com/shop/cart" name="TestSkipped" time="0.000000">
        \t\t\t<skipped message="=== RUN   TestSkipped&#xA;    cart_test.go:21: needs a cluster&#xA;--- SKIP: TestSkipped (0.00s)&#xA;"></skipped>
        \t\t</testcase>
        \t\t<testcase classname="example.com/shop/cart" name="TestTotal" time="0.000000"></testcase>
        \t\t<testcase classname="example.com/shop/cart" name="TestDiscount/none" time="0.000000"></testcase>
        \t</testsuite>
        \t<testsuite tests="1" failures="0" time="0.000000" name="example.com/shop/emptytests" timestamp="2026-12-01T04:07:49Z">
        \t\t<properties>
        \t\t\t<property name="go.version" value="go1.19.8 linux/amd64"></property>
        \t\t</properties>
        \t\t<testcase classname="example.com/shop/emptytests" name="TestOK" time="0.000000"></testcase>
        \t</testsuite>
        \t<testsuite tests="0" failures="0" time="0.000000" name="example.com/shop/notests" timestamp="2026-12-01T04:07:49Z">
        \t\t<properties>
        \t\t\t<property name="go.version" value="go1.19.8 linux/amd64"></property>
        \t\t</properties>
        \t</testsuite>
        </testsuites>
        """

    /// `go test . -ginkgo.junit-report=…` of the Ginkgo suite, real (Ginkgo v2.13.0).
    static let junitGinkgo = """
        <?xml version="1.0" encoding="UTF-8"?>
          <testsuites tests="7" disabled="2" errors="1" failures="1" time="0.000511451">
              <testsuite name="Books Suite" package="/tmp/gp/src/example.com/books" tests="7" disabled="1" skipped="1" errors="1" failures="1" time="0.000511451" timestamp="2026-12-01T04:14:22">
                  <properties>
                      <property name="SuiteSucceeded" value="false"></property>
                      <property name="SuiteHasProgrammaticFocus" value="false"></property>
                      <property name="SpecialSuiteFailureReason" value=""></property>
                      <property name="SuiteLabels" value="[]"></property>
                      <property name="RandomSeed" value="1796098462"></property>
                      <property name="RandomizeAllSpecs" value="false"></property>
                      <property name="LabelFilter" value=""></property>
                      <property name="FocusStrings" value=""></property>
                      <property name="SkipStrings" value=""></property>
                      <property name="FocusFiles" value=""></property>
                      <property name="SkipFiles" value=""></property>
                      <property name="FailOnPending" value="false"></property>
                      <property name="FailFast" value="false"></property>
                      <property name="FlakeAttempts" value="0"></property>
                      <property name="DryRun" value="false"></property>
                      <property name="ParallelTotal" value="1"></property>
                      <property name="OutputInterceptorMode" value=""></property>
                  </properties>
                  <testcase name="[It] Books Categorizing book length says long books are novels" classname="Books Suite" status="passed" time="7.1623e-05">
                      <system-err>&gt; Enter [It] says long books are novels - /tmp/gp/src/example.com/books/books_test.go:15 @ 12/01/26 04:14:22.914&#xA;&lt; Exit [It] says long books are novels - /tmp/gp/src/example.com/books/books_test.go:15 @ 12/01/26 04:14:22.914 (0s)&#xA;</system-err>
                  </testcase>
                  <testcase name="[It] Books Categorizing book length says short books are short stories" classname="Books Suite" status="failed" time="0.000104699">
                      <failure message="Expected&#xA;    &lt;string&gt;: SHORT STORY&#xA;to equal&#xA;    &lt;string&gt;: NOVEL" type="failed">[FAILED] Expected&#xA;    &lt;string&gt;: SHORT STORY&#xA;to equal&#xA;    &lt;string&gt;: NOVEL&#xA;In [It] at: /tmp/gp/src/example.com/books/books_test.go:19 @ 12/01/26 04:14:22.914&#xA;</failure>
                      <system-err>&gt; Enter [It] says short books are short stories - /tmp/gp/src/example.com/books/books_test.go:18 @ 12/01/26 04:14:22.914&#xA;[FAILED] Expected&#xA;    &lt;string&gt;: SHORT STORY&#xA;to equal&#xA;    &lt;string&gt;: NOVEL&#xA;In [It] at: /tmp/gp/src/example.com/books/books_test.go:19 @ 12/01/26 04:14:22.914&#xA;&lt; Exit [It] says short books are short stories - /tmp/gp/src/example.com/books/books_test.go:18 @ 12/01/26 04:14:22.914 (0s)&#xA;</system-err>
                  </testcase>
                  <testcase name="[It] Books Categorizing book length panics on nothing" classname="Books Suite" status="panicked" time="4.9197e-05">
                      <error message="runtime error: invalid memory address or nil pointer dereference" type="panicked">[PANICKED] Test Panicked&#xA;In [It] at: /usr/lib/go-1.19/src/runtime/panic.go:260 @ 12/01/26 04:14:22.914&#xA;&#xA;runtime error: invalid memory address or nil pointer dereference&#xA;&#xA;Full Stack Trace&#xA;  example.com/books_test.glob..func1.1.3()&#xA;  &#x9;/tmp/gp/src/example.com/books/books_test.go:23 +0x2&#xA;</error>
                      <system-err>&gt; Enter [It] panics on nothing - /tmp/gp/src/example.com/books/books_test.go:21 @ 12/01/26 04:14:22.914&#xA;[PANICKED] Test Panicked&#xA;In [It] at: /usr/lib/go-1.19/src/runtime/panic.go:260 @ 12/01/26 04:14:22.914&#xA;&#xA;runtime error: invalid memory address or nil pointer dereference&#xA;&#xA;Full Stack Trace&#xA;  example.com/books_test.glob..func1.1.3()&#xA;  &#x9;/tmp/gp/src/example.com/books/books_test.go:23 +0x2&#xA;&lt; Exit [It] panics on nothing - /tmp/gp/src/example.com/books/books_test.go:21 @ 12/01/26 04:14:22.914 (0s)&#xA;</system-err>
                  </testcase>
                  <testcase name="[It] Books Categorizing book length handles audio books" classname="Books Suite" status="pending" time="0">
                      <skipped message="pending"></skipped>
                  </testcase>
                  <testcase name="[It] Books Categorizing book length is skipped" classname="Books Suite" status="skipped" time="5.68e-05">
                      <skipped message="skipped - no library card"></skipped>
                      <system-err>&gt; Enter [It] is skipped - /tmp/gp/src/example.com/books/books_test.go:26 @ 12/01/26 04:14:22.914&#xA;[SKIPPED] no library card&#xA;In [It] at: /tmp/gp/src/example.com/books/books_test.go:27 @ 12/01/26 04:14:22.914&#xA;&lt; Exit [It] is skipped - /tmp/gp/src/example.com/books/books_test.go:26 @ 12/01/26 04:14:22.914 (0s)&#xA;</system-err>
                  </testcase>
                  <testcase name="[It] Books Categorizing book length counts pages" classname="Books Suite" status="passed" time="7.776e-06">
                      <system-err>&gt; Enter [It] counts pages - /tmp/gp/src/example.com/books/books_test.go:29 @ 12/01/26 04:14:22.914&#xA;&lt; Exit [It] counts pages - /tmp/gp/src/example.com/books/books_test.go:29 @ 12/01/26 04:14:22.914 (0s)&#xA;</system-err>
                  </testcase>
                  <testcase name="[It] Books Categorizing book length waits for the shelf" classname="Books Suite" status="passed" time="2.1675e-05">
                      <system-err>&gt; Enter [It] waits for the shelf - /tmp/gp/src/example.com/books/books_test.go:32 @ 12/01/26 04:14:22.914&#xA;&lt; Exit [It] waits for the shelf - /tmp/gp/src/example.com/books/books_test.go:32 @ 12/01/26 04:14:22.914 (0s)&#xA;</system-err>
                  </testcase>
              </testsuite>
          </testsuites>
        """

    /// JUnit 5's console launcher `--reports-dir` (the legacy XML Maven Surefire also writes), real
    /// (JUnit 5.9.2, Java 17); the ~50 JVM properties trimmed to two.
    static let junitJUnitPlatform = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="JUnit Jupiter" tests="4" skipped="1" failures="1" errors="1" time="0.067" hostname="vm" timestamp="2026-12-01T04:14:37">
        <properties>
        <property name="java.version" value="17.0.15"/>
        <property name="os.name" value="Linux"/>
        </properties>
        <testcase name="discount()" classname="com.example.CartTest" time="0.003">
        <failure message="discount not applied ==&gt; expected: &lt;27&gt; but was: &lt;30&gt;" type="org.opentest4j.AssertionFailedError"><![CDATA[org.opentest4j.AssertionFailedError: discount not applied ==> expected: <27> but was: <30>
        \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
        \tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)
        \tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
        \tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)
        \tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:560)
        \tat com.example.CartTest.discount(CartTest.java:22)
        \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
        \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)
        \tat java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)
        \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
        \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:727)
        \tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain$ValidatingInvocation.proceed(InvocationInterceptorChain.java:131)
        \tat org.junit.jupiter.engine.extension.TimeoutExtension.intercept(TimeoutExtension.java:156)
        \tat org.junit.jupiter.engine.extension.TimeoutExtension.interceptTestableMethod(TimeoutExtension.java:147)
        \tat org.junit.jupiter.engine.extension.TimeoutExtension.interceptTestMethod(TimeoutExtension.java:86)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker$ReflectiveInterceptorCall.lambda$ofVoidMethod$0(InterceptingExecutableInvoker.java:103)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker.lambda$invoke$0(InterceptingExecutableInvoker.java:93)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain$InterceptedInvocation.proceed(InvocationInterceptorChain.java:106)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain.proceed(InvocationInterceptorChain.java:64)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain.chainAndInvoke(InvocationInterceptorChain.java:45)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain.invoke(InvocationInterceptorChain.java:37)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker.invoke(InterceptingExecutableInvoker.java:92)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker.invoke(InterceptingExecutableInvoker.java:86)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.lambda$invokeTestMethod$7(TestMethodTestDescriptor.java:217)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod(TestMethodTestDescriptor.java:213)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.execute(TestMethodTestDescriptor.java:138)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.execute(TestMethodTestDescriptor.java:68)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:151)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)
        \tat org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$9(NodeTestTask.java:139)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:138)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:95)
        \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
        \tat org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.invokeAll(SameThreadHierarchicalTestExecutorService.java:41)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:155)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)
        \tat org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$9(NodeTestTask.java:139)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:138)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:95)
        \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
        \tat org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.invokeAll(SameThreadHierarchicalTestExecutorService.java:41)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:155)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)
        \tat org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$9(NodeTestTask.java:139)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:138)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:95)
        \tat org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.submit(SameThreadHierarchicalTestExecutorService.java:35)
        \tat org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutor.execute(HierarchicalTestExecutor.java:57)
        \tat org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine.execute(HierarchicalTestEngine.java:54)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:147)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:127)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:90)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.lambda$execute$0(EngineExecutionOrchestrator.java:55)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.withInterceptedStreams(EngineExecutionOrchestrator.java:102)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:54)
        \tat org.junit.platform.launcher.core.DefaultLauncher.execute(DefaultLauncher.java:114)
        \tat org.junit.platform.launcher.core.DefaultLauncher.execute(DefaultLauncher.java:86)
        \tat org.junit.platform.launcher.core.DefaultLauncherSession$DelegatingLauncher.execute(DefaultLauncherSession.java:86)
        \tat org.junit.platform.launcher.core.SessionPerRequestLauncher.execute(SessionPerRequestLauncher.java:53)
        \tat org.junit.platform.console.tasks.ConsoleTestExecutor.executeTests(ConsoleTestExecutor.java:66)
        \tat org.junit.platform.console.tasks.ConsoleTestExecutor.lambda$execute$0(ConsoleTestExecutor.java:58)
        \tat org.junit.platform.console.tasks.CustomContextClassLoaderExecutor.replaceThreadContextClassLoaderAndInvoke(CustomContextClassLoaderExecutor.java:41)
        \tat org.junit.platform.console.tasks.CustomContextClassLoaderExecutor.invoke(CustomContextClassLoaderExecutor.java:31)
        \tat org.junit.platform.console.tasks.ConsoleTestExecutor.execute(ConsoleTestExecutor.java:58)
        \tat org.junit.platform.console.ConsoleLauncher.executeTests(ConsoleLauncher.java:120)
        \tat org.junit.platform.console.ConsoleLauncher.execute(ConsoleLauncher.java:82)
        \tat org.junit.platform.console.ConsoleLauncher.execute(ConsoleLauncher.java:55)
        \tat org.junit.platform.console.ConsoleLauncher.execute(ConsoleLauncher.java:48)
        \tat org.junit.platform.console.ConsoleLauncher.main(ConsoleLauncher.java:42)
        ]]></failure>
        <system-out><![CDATA[
        unique-id: [engine:junit-jupiter]/[class:com.example.CartTest]/[method:discount()]
        display-name: discount()
        ]]></system-out>
        </testcase>
        <testcase name="npe()" classname="com.example.CartTest" time="0.002">
        <error message="Cannot invoke &quot;String.length()&quot; because &quot;&lt;local1&gt;&quot; is null" type="java.lang.NullPointerException"><![CDATA[java.lang.NullPointerException: Cannot invoke "String.length()" because "<local1>" is null
        \tat com.example.CartTest.npe(CartTest.java:32)
        \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)
        \tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke(NativeMethodAccessorImpl.java:77)
        \tat java.base/jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(DelegatingMethodAccessorImpl.java:43)
        \tat java.base/java.lang.reflect.Method.invoke(Method.java:569)
        \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:727)
        \tat org.junit.jupiter.engine.execution.MethodInvocation.proceed(MethodInvocation.java:60)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain$ValidatingInvocation.proceed(InvocationInterceptorChain.java:131)
        \tat org.junit.jupiter.engine.extension.TimeoutExtension.intercept(TimeoutExtension.java:156)
        \tat org.junit.jupiter.engine.extension.TimeoutExtension.interceptTestableMethod(TimeoutExtension.java:147)
        \tat org.junit.jupiter.engine.extension.TimeoutExtension.interceptTestMethod(TimeoutExtension.java:86)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker$ReflectiveInterceptorCall.lambda$ofVoidMethod$0(InterceptingExecutableInvoker.java:103)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker.lambda$invoke$0(InterceptingExecutableInvoker.java:93)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain$InterceptedInvocation.proceed(InvocationInterceptorChain.java:106)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain.proceed(InvocationInterceptorChain.java:64)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain.chainAndInvoke(InvocationInterceptorChain.java:45)
        \tat org.junit.jupiter.engine.execution.InvocationInterceptorChain.invoke(InvocationInterceptorChain.java:37)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker.invoke(InterceptingExecutableInvoker.java:92)
        \tat org.junit.jupiter.engine.execution.InterceptingExecutableInvoker.invoke(InterceptingExecutableInvoker.java:86)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.lambda$invokeTestMethod$7(TestMethodTestDescriptor.java:217)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.invokeTestMethod(TestMethodTestDescriptor.java:213)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.execute(TestMethodTestDescriptor.java:138)
        \tat org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor.execute(TestMethodTestDescriptor.java:68)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:151)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)
        \tat org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$9(NodeTestTask.java:139)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:138)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:95)
        \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
        \tat org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.invokeAll(SameThreadHierarchicalTestExecutorService.java:41)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:155)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)
        \tat org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$9(NodeTestTask.java:139)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:138)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:95)
        \tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)
        \tat org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.invokeAll(SameThreadHierarchicalTestExecutorService.java:41)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$6(NodeTestTask.java:155)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$8(NodeTestTask.java:141)
        \tat org.junit.platform.engine.support.hierarchical.Node.around(Node.java:137)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.lambda$executeRecursively$9(NodeTestTask.java:139)
        \tat org.junit.platform.engine.support.hierarchical.ThrowableCollector.execute(ThrowableCollector.java:73)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:138)
        \tat org.junit.platform.engine.support.hierarchical.NodeTestTask.execute(NodeTestTask.java:95)
        \tat org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService.submit(SameThreadHierarchicalTestExecutorService.java:35)
        \tat org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutor.execute(HierarchicalTestExecutor.java:57)
        \tat org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine.execute(HierarchicalTestEngine.java:54)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:147)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:127)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:90)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.lambda$execute$0(EngineExecutionOrchestrator.java:55)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.withInterceptedStreams(EngineExecutionOrchestrator.java:102)
        \tat org.junit.platform.launcher.core.EngineExecutionOrchestrator.execute(EngineExecutionOrchestrator.java:54)
        \tat org.junit.platform.launcher.core.DefaultLauncher.execute(DefaultLauncher.java:114)
        \tat org.junit.platform.launcher.core.DefaultLauncher.execute(DefaultLauncher.java:86)
        \tat org.junit.platform.launcher.core.DefaultLauncherSession$DelegatingLauncher.execute(DefaultLauncherSession.java:86)
        \tat org.junit.platform.launcher.core.SessionPerRequestLauncher.execute(SessionPerRequestLauncher.java:53)
        \tat org.junit.platform.console.tasks.ConsoleTestExecutor.executeTests(ConsoleTestExecutor.java:66)
        \tat org.junit.platform.console.tasks.ConsoleTestExecutor.lambda$execute$0(ConsoleTestExecutor.java:58)
        \tat org.junit.platform.console.tasks.CustomContextClassLoaderExecutor.replaceThreadContextClassLoaderAndInvoke(CustomContextClassLoaderExecutor.java:41)
        \tat org.junit.platform.console.tasks.CustomContextClassLoaderExecutor.invoke(CustomContextClassLoaderExecutor.java:31)
        \tat org.junit.platform.console.tasks.ConsoleTestExecutor.execute(ConsoleTestExecutor.java:58)
        \tat org.junit.platform.console.ConsoleLauncher.executeTests(ConsoleLauncher.java:120)
        \tat org.junit.platform.console.ConsoleLauncher.execute(ConsoleLauncher.java:82)
        \tat org.junit.platform.console.ConsoleLauncher.execute(ConsoleLauncher.java:55)
        \tat org.junit.platform.console.ConsoleLauncher.execute(ConsoleLauncher.java:48)
        \tat org.junit.platform.console.ConsoleLauncher.main(ConsoleLauncher.java:42)
        ]]></error>
        <system-out><![CDATA[
        unique-id: [engine:junit-jupiter]/[class:com.example.CartTest]/[method:npe()]
        display-name: npe()
        ]]></system-out>
        </testcase>
        <testcase name="totalSums()" classname="com.example.CartTest" time="0.02">
        <system-out><![CDATA[
        unique-id: [engine:junit-jupiter]/[class:com.example.CartTest]/[method:totalSums()]
        display-name: totalSums()
        ]]></system-out>
        </testcase>
        <testcase name="gpu()" classname="com.example.CartTest" time="0">
        <skipped><![CDATA[needs a GPU]]></skipped>
        <system-out><![CDATA[
        unique-id: [engine:junit-jupiter]/[class:com.example.CartTest]/[method:gpu()]
        display-name: gpu()
        ]]></system-out>
        </testcase>
        <system-out><![CDATA[
        unique-id: [engine:junit-jupiter]
        display-name: JUnit Jupiter
        ]]></system-out>
        </testsuite>

        """

    /// go-junit-report v2's report of the goPlain packages, written from its README and
    /// source (github.com/jstemmer/go-junit-report, junit/junit.go), not generated here.
    static let junitGoJUnitReport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites tests="6" failures="3">
        \t<testsuite name="example.com/shop/cart" tests="6" failures="3" errors="0" id="0" hostname="build" skipped="1" time="0.002" timestamp="2026-12-01T04:04:07Z">
        \t\t<properties>
        \t\t\t<property name="go.version" value="go1.19.8 linux/amd64"></property>
        \t\t</properties>
        \t\t<testcase name="TestTotal" classname="example.com/shop/cart" time="0.000"></testcase>
        \t\t<testcase name="TestDiscount" classname="example.com/shop/cart" time="0.000">
        \t\t\t<failure message="Failed"><![CDATA[]]></failure>
        \t\t</testcase>
        \t\t<testcase name="TestDiscount/none" classname="example.com/shop/cart" time="0.000"></testcase>
        \t\t<testcase name="TestDiscount/ten_percent" classname="example.com/shop/cart" time="0.000">
        \t\t\t<failure message="Failed"><![CDATA[    cart_test.go:15: discounted total = 30, want 27
            cart_test.go:16: second line of the log]]></failure>
        \t\t</testcase>
        \t\t<testcase name="TestSkipped" classname="example.com/shop/cart" time="0.000">
        \t\t\t<skipped message="Skipped"><![CDATA[    cart_test.go:21: needs a cluster]]></skipped>
        \t\t</testcase>
        \t\t<testcase name="TestEmpty" classname="example.com/shop/cart" time="0.000">
        \t\t\t<failure message="Failed"><![CDATA[    cart_test.go:26: empty cart
                spans two lines]]></failure>
        \t\t</testcase>
        \t</testsuite>
        </testsuites>

        """

    /// cargo-nextest's JUnit report of the cargoFailed tests, written from its documentation
    /// (https://nexte.st/docs/machine-readable/junit/), not generated here.
    static let junitNextest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="nextest-run" tests="5" failures="2" errors="0" uuid="5b8ad2b2-2d1f-4c1e-9f7e-0d1f3a9a1b2c" timestamp="2026-12-01T04:07:40.000+00:00" time="0.061">
            <testsuite name="shelf" tests="5" disabled="1" errors="0" failures="2">
                <testcase name="tests::discount" classname="shelf" timestamp="2026-12-01T04:07:40.001+00:00" time="0.004">
                    <failure type="test failure with exit code 101">thread &apos;tests::discount&apos; (7915) panicked at src/lib.rs:16:9:
        assertion `left == right` failed: discount not applied
          left: 30
         right: 27
        note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
        </failure>
                    <system-out>
        running 1 test
        test tests::discount ... FAILED

        failures:

        failures:
            tests::discount

        test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 4 filtered out; finished in 0.00s

        </system-out>
                </testcase>
                <testcase name="tests::expected_panic" classname="shelf" timestamp="2026-12-01T04:07:40.001+00:00" time="0.003">
                </testcase>
                <testcase name="tests::needs_cluster" classname="shelf" timestamp="2026-12-01T04:07:40.001+00:00" time="0.000">
                    <skipped/>
                </testcase>
                <testcase name="tests::panics_plainly" classname="shelf" timestamp="2026-12-01T04:07:40.001+00:00" time="0.004">
                    <failure type="test failure with exit code 101">about to index

        thread &apos;tests::panics_plainly&apos; (7917) panicked at src/lib.rs:23:18:
        index out of bounds: the len is 0 but the index is 3
        note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
        </failure>
                </testcase>
                <testcase name="tests::sums" classname="shelf" timestamp="2026-12-01T04:07:40.001+00:00" time="0.003">
                </testcase>
            </testsuite>
        </testsuites>

        """
}
