// Captured output used as test fixtures; see HangFixtures.swift for how each was made.

extension HangFixtures {
    /// Real: OpenJDK 17.0.15: `javac -d out $(find src -name '*.java')` then
    /// `java -cp out com.example.harness.MiniRunner com.example.cache.CacheListTest listsCache`,
    /// `kill -QUIT <pid>` after 3 s. MiniRunner calls the test method by reflection (no JUnit on this
    /// machine); CacheListTest.listsCache waits on a CountDownLatch in waitForPodRunning while its
    /// "pod-watcher" thread sleeps in a loop.
    static let jvmLatch = #"""
Running com.example.cache.CacheListTest.listsCache
2026-12-01 04:07:19
Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

Threads class SMR info:
_java_thread_list=0x00007fcdf0140410, length=12, elements={
0x00007fcdf0017f40, 0x00007fcdf00f8420, 0x00007fcdf00f9800, 0x00007fcdf0101290,
0x00007fcdf0102640, 0x00007fcdf0103a50, 0x00007fcdf0105400, 0x00007fcdf0106930,
0x00007fcdf0107da0, 0x00007fcdf01274a0, 0x00007fcdf012abe0, 0x00007fcdf013f420
}

"main" #1 prio=5 os_prio=0 cpu=28.06ms elapsed=2.31s tid=0x00007fcdf0017f40 nid=0x1d78 waiting on condition  [0x00007fcdf73fd000]
   java.lang.Thread.State: WAITING (parking)
	at jdk.internal.misc.Unsafe.park(java.base@17.0.15/Native Method)
	- parking to wait for  <0x000000069ec1b420> (a java.util.concurrent.CountDownLatch$Sync)
	at java.util.concurrent.locks.LockSupport.park(java.base@17.0.15/LockSupport.java:211)
	at java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire(java.base@17.0.15/AbstractQueuedSynchronizer.java:715)
	at java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly(java.base@17.0.15/AbstractQueuedSynchronizer.java:1047)
	at java.util.concurrent.CountDownLatch.await(java.base@17.0.15/CountDownLatch.java:230)
	at com.example.cache.CacheListTest.waitForPodRunning(CacheListTest.java:10)
	at com.example.cache.CacheListTest.listsCache(CacheListTest.java:29)
	at jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(java.base@17.0.15/Native Method)
	at jdk.internal.reflect.NativeMethodAccessorImpl.invoke(java.base@17.0.15/NativeMethodAccessorImpl.java:77)
	at jdk.internal.reflect.DelegatingMethodAccessorImpl.invoke(java.base@17.0.15/DelegatingMethodAccessorImpl.java:43)
	at java.lang.reflect.Method.invoke(java.base@17.0.15/Method.java:569)
	at com.example.harness.MiniRunner.main(MiniRunner.java:12)

"Reference Handler" #2 daemon prio=10 os_prio=0 cpu=0.13ms elapsed=2.29s tid=0x00007fcdf00f8420 nid=0x1d7f waiting on condition  [0x00007fcdcd79e000]
   java.lang.Thread.State: RUNNABLE
	at java.lang.ref.Reference.waitForReferencePendingList(java.base@17.0.15/Native Method)
	at java.lang.ref.Reference.processPendingReferences(java.base@17.0.15/Reference.java:253)
	at java.lang.ref.Reference$ReferenceHandler.run(java.base@17.0.15/Reference.java:215)

"Finalizer" #3 daemon prio=8 os_prio=0 cpu=0.10ms elapsed=2.29s tid=0x00007fcdf00f9800 nid=0x1d80 in Object.wait()  [0x00007fcdcd69e000]
   java.lang.Thread.State: WAITING (on object monitor)
	at java.lang.Object.wait(java.base@17.0.15/Native Method)
	- waiting on <0x000000069ec02f40> (a java.lang.ref.ReferenceQueue$Lock)
	at java.lang.ref.ReferenceQueue.remove(java.base@17.0.15/ReferenceQueue.java:155)
	- locked <0x000000069ec02f40> (a java.lang.ref.ReferenceQueue$Lock)
	at java.lang.ref.ReferenceQueue.remove(java.base@17.0.15/ReferenceQueue.java:176)
	at java.lang.ref.Finalizer$FinalizerThread.run(java.base@17.0.15/Finalizer.java:172)

"Signal Dispatcher" #4 daemon prio=9 os_prio=0 cpu=0.11ms elapsed=2.29s tid=0x00007fcdf0101290 nid=0x1d81 waiting on condition  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE

"Service Thread" #5 daemon prio=9 os_prio=0 cpu=0.06ms elapsed=2.29s tid=0x00007fcdf0102640 nid=0x1d82 runnable  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE

"Monitor Deflation Thread" #6 daemon prio=9 os_prio=0 cpu=0.37ms elapsed=2.29s tid=0x00007fcdf0103a50 nid=0x1d83 runnable  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE

"C2 CompilerThread0" #7 daemon prio=9 os_prio=0 cpu=2.58ms elapsed=2.29s tid=0x00007fcdf0105400 nid=0x1d84 waiting on condition  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE
   No compile task

"C1 CompilerThread0" #8 daemon prio=9 os_prio=0 cpu=6.04ms elapsed=2.29s tid=0x00007fcdf0106930 nid=0x1d85 waiting on condition  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE
   No compile task

"Sweeper thread" #9 daemon prio=9 os_prio=0 cpu=0.02ms elapsed=2.29s tid=0x00007fcdf0107da0 nid=0x1d86 runnable  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE

"Notification Thread" #10 daemon prio=9 os_prio=0 cpu=0.06ms elapsed=2.29s tid=0x00007fcdf01274a0 nid=0x1d87 runnable  [0x0000000000000000]
   java.lang.Thread.State: RUNNABLE

"Common-Cleaner" #11 daemon prio=8 os_prio=0 cpu=0.11ms elapsed=2.29s tid=0x00007fcdf012abe0 nid=0x1d89 in Object.wait()  [0x00007fcdccd46000]
   java.lang.Thread.State: TIMED_WAITING (on object monitor)
	at java.lang.Object.wait(java.base@17.0.15/Native Method)
	- waiting on <0x000000069ec17b70> (a java.lang.ref.ReferenceQueue$Lock)
	at java.lang.ref.ReferenceQueue.remove(java.base@17.0.15/ReferenceQueue.java:155)
	- locked <0x000000069ec17b70> (a java.lang.ref.ReferenceQueue$Lock)
	at jdk.internal.ref.CleanerImpl.run(java.base@17.0.15/CleanerImpl.java:140)
	at java.lang.Thread.run(java.base@17.0.15/Thread.java:840)
	at jdk.internal.misc.InnocuousThread.run(java.base@17.0.15/InnocuousThread.java:162)

"pod-watcher" #12 daemon prio=5 os_prio=0 cpu=3.05ms elapsed=2.28s tid=0x00007fcdf013f420 nid=0x1d8a waiting on condition  [0x00007fcdccc46000]
   java.lang.Thread.State: TIMED_WAITING (sleeping)
	at java.lang.Thread.sleep(java.base@17.0.15/Native Method)
	at java.lang.Thread.sleep(java.base@17.0.15/Thread.java:344)
	at java.util.concurrent.TimeUnit.sleep(java.base@17.0.15/TimeUnit.java:446)
	at com.example.cache.CacheListTest.pollUntilReady(CacheListTest.java:15)
	at com.example.cache.CacheListTest.lambda$listsCache$0(CacheListTest.java:22)
	at com.example.cache.CacheListTest$$Lambda$1/0x00007fcd70000c28.run(Unknown Source)
	at java.lang.Thread.run(java.base@17.0.15/Thread.java:840)

"VM Periodic Task Thread" os_prio=0 cpu=2.11ms elapsed=2.29s tid=0x00007fcdf0128de0 nid=0x1d88 waiting on condition  

"VM Thread" os_prio=0 cpu=0.58ms elapsed=2.29s tid=0x00007fcdf00f4490 nid=0x1d7e runnable  

"G1 Service" os_prio=0 cpu=0.45ms elapsed=2.31s tid=0x00007fcdf00c88e0 nid=0x1d7d runnable  

"G1 Refine#0" os_prio=0 cpu=0.04ms elapsed=2.31s tid=0x00007fcdf00c79e0 nid=0x1d7c runnable  

"G1 Conc#0" os_prio=0 cpu=0.02ms elapsed=2.31s tid=0x00007fcdf004f850 nid=0x1d7b runnable  

"G1 Main Marker" os_prio=0 cpu=0.05ms elapsed=2.31s tid=0x00007fcdf004e8e0 nid=0x1d7a runnable  

"GC Thread#0" os_prio=0 cpu=0.04ms elapsed=2.31s tid=0x00007fcdf00416b0 nid=0x1d79 runnable  

JNI global refs: 4, weak refs: 0

Heap
 garbage-first heap   total 397312K, used 5003K [0x0000000687400000, 0x0000000800000000)
  region size 4096K, 1 young (4096K), 0 survivors (0K)
 Metaspace       used 223K, committed 384K, reserved 1114112K
  class space    used 13K, committed 128K, reserved 1048576K

"""#
}
