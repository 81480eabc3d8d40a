// JobRunner: jobs run on a worker thread, signals arrive on the GUI thread, failures and
// cancellation become sentences, a retarget drops stale results and fails old jobs.
#include "collect/jobrunner.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace dbt;

namespace {

struct Ran {
    QThread* thread = nullptr;
    int value = 0;
};

// A server nobody listens on: connecting fails fast with "refused".
ConnectOptions deadServer() {
    ConnectOptions o;
    o.target = "postgresql://dbtriage@127.0.0.1:1/none?connect_timeout=2";
    o.connectTimeoutS = 2;
    return o;
}

} // namespace

class TestJobRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsOnWorkerAndReportsOnGuiThread();
    void progressInOrder();
    void failureBecomesSentence();
    void engineWithoutConnectionSaysSo();
    void connectFailureIsSentenceAndRetried();
    void cancelStopsAJob();
    void cancelBeforeStartFailsAtOnce();
    void retargetDropsStaleResultAndFailsOldJobs();
    void guiThreadNotBlockedWhileJobWaits();
};

void TestJobRunner::runsOnWorkerAndReportsOnGuiThread() {
    JobRunner jobs;
    QSignalSpy started(&jobs, &JobRunner::jobStarted);
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    QThread* receivedOn = nullptr;
    connect(&jobs, &JobRunner::jobFinished, this,
            [&](quint64, const JobResult&) { receivedOn = QThread::currentThread(); });
    const quint64 id = jobs.runTyped<Ran>(QStringLiteral("sum"), [](JobContext&) {
        return Ran{QThread::currentThread(), 42};
    });
    QVERIFY(id != 0);
    QVERIFY(jobs.isPending(id));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toULongLong(), id);
    QCOMPARE(started.at(0).at(1).toString(), QStringLiteral("sum"));
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    auto ran = JobRunner::resultAs<Ran>(finished.at(0).at(1).value<JobResult>());
    QVERIFY(ran);
    QCOMPARE(ran->value, 42);
    QVERIFY(ran->thread != QThread::currentThread()); // ran on the worker
    QCOMPARE(receivedOn, QThread::currentThread());   // reported on the GUI thread
    QVERIFY(!jobs.isPending(id));
    QCOMPARE(jobs.pending(), 0);
}

void TestJobRunner::progressInOrder() {
    JobRunner jobs;
    QSignalSpy progress(&jobs, &JobRunner::jobProgress);
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    const quint64 id = jobs.run(QStringLiteral("steps"), [](JobContext& ctx) -> JobResult {
        for (int p = 0; p <= 100; p += 25)
            ctx.progress(p, QStringLiteral("step %1").arg(p));
        ctx.progress(150, QStringLiteral("over")); // clamped
        return nullptr;
    });
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(progress.count(), 6);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(progress.at(i).at(0).toULongLong(), id);
        QCOMPARE(progress.at(i).at(1).toInt(), i * 25);
        QCOMPARE(progress.at(i).at(2).toString(), QStringLiteral("step %1").arg(i * 25));
    }
    QCOMPARE(progress.at(5).at(1).toInt(), 100);
    QVERIFY(!finished.at(0).at(1).value<JobResult>()); // a null result is allowed
}

void TestJobRunner::failureBecomesSentence() {
    JobRunner jobs;
    QSignalSpy failed(&jobs, &JobRunner::jobFailed);
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    const quint64 a = jobs.run(QStringLiteral("a"), [](JobContext&) -> JobResult {
        throw EngineError(EngineError::Kind::Query, "EXPLAIN was refused: not a SELECT.");
    });
    const quint64 b = jobs.run(QStringLiteral("Index advice"),
                               [](JobContext&) -> JobResult { throw std::runtime_error("boom"); });
    // the worker goes on after failures
    const quint64 c = jobs.runTyped<int>(QStringLiteral("c"), [](JobContext&) { return 7; });
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 2);
    QCOMPARE(failed.at(0).at(0).toULongLong(), a);
    QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("EXPLAIN was refused: not a SELECT."));
    QCOMPARE(failed.at(1).at(0).toULongLong(), b);
    const QString sentence = failed.at(1).at(1).toString();
    QVERIFY2(sentence.startsWith(QStringLiteral("Index advice failed unexpectedly: boom.")),
             qPrintable(sentence));
    QCOMPARE(finished.at(0).at(0).toULongLong(), c);
    QCOMPARE(*JobRunner::resultAs<int>(finished.at(0).at(1).value<JobResult>()), 7);
}

void TestJobRunner::engineWithoutConnectionSaysSo() {
    JobRunner jobs;
    QVERIFY(!jobs.hasConnection());
    QSignalSpy failed(&jobs, &JobRunner::jobFailed);
    bool sawOffline = false;
    jobs.run(QStringLiteral("explain"), [&sawOffline](JobContext& ctx) -> JobResult {
        sawOffline = !ctx.hasConnection() && ctx.connectOptions().target.empty();
        ctx.engine();
        return nullptr;
    });
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(sawOffline);
    QCOMPARE(failed.at(0).at(1).toString(), JobRunner::needsConnectionSentence());
    QVERIFY(JobRunner::needsConnectionSentence().contains(QStringLiteral("connect")));
}

void TestJobRunner::connectFailureIsSentenceAndRetried() {
    JobRunner jobs;
    jobs.setConnection(deadServer());
    QVERIFY(jobs.hasConnection());
    QSignalSpy failed(&jobs, &JobRunner::jobFailed);
    std::atomic<int> attempts{0};
    std::atomic<bool> sameTarget{true};
    auto work = [&attempts, &sameTarget](JobContext& ctx) -> JobResult {
        ++attempts;
        if (ctx.connectOptions().target != deadServer().target)
            sameTarget = false;
        ctx.engine(); // lazily connects: throws EngineError(Connect)
        return nullptr;
    };
    jobs.run(QStringLiteral("one"), work);
    jobs.run(QStringLiteral("two"), work);
    QTRY_VERIFY_WITH_TIMEOUT(failed.count() == 2, 30000);
    QCOMPARE(attempts.load(), 2); // the second job tried to connect again
    QVERIFY(sameTarget.load());
    for (int i = 0; i < 2; ++i) {
        const QString sentence = failed.at(i).at(1).toString();
        QVERIFY2(!sentence.isEmpty() && sentence != JobRunner::needsConnectionSentence(),
                 qPrintable(sentence));
    }
}

void TestJobRunner::cancelStopsAJob() {
    JobRunner jobs;
    QSignalSpy failed(&jobs, &JobRunner::jobFailed);
    QSignalSpy started(&jobs, &JobRunner::jobStarted);
    const quint64 id = jobs.run(QStringLiteral("loop"), [](JobContext& ctx) -> JobResult {
        for (;;) {
            ctx.throwIfCancelled();
            QThread::msleep(5);
        }
    });
    QTRY_COMPARE(started.count(), 1);
    jobs.cancel(id);
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toULongLong(), id);
    QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("Cancelled."));
    QCOMPARE(jobs.pending(), 0);
}

void TestJobRunner::cancelBeforeStartFailsAtOnce() {
    JobRunner jobs;
    QSemaphore gate;
    QSignalSpy failed(&jobs, &JobRunner::jobFailed);
    QSignalSpy started(&jobs, &JobRunner::jobStarted);
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    const quint64 first = jobs.run(QStringLiteral("first"), [&gate](JobContext&) -> JobResult {
        gate.acquire();
        return nullptr;
    });
    bool secondRan = false;
    const quint64 second =
        jobs.run(QStringLiteral("second"), [&secondRan](JobContext&) -> JobResult {
            secondRan = true;
            return nullptr;
        });
    jobs.cancel(second);
    gate.release();
    QTRY_COMPARE(finished.count() + failed.count(), 2);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), first);
    QCOMPARE(failed.at(0).at(0).toULongLong(), second);
    QVERIFY(!secondRan);
    QCOMPARE(started.count(), 1);
}

void TestJobRunner::retargetDropsStaleResultAndFailsOldJobs() {
    JobRunner jobs;
    auto gate = std::make_shared<QSemaphore>();
    QSignalSpy failed(&jobs, &JobRunner::jobFailed);
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    QSignalSpy started(&jobs, &JobRunner::jobStarted);
    const quint64 before = jobs.generation();
    const quint64 old = jobs.runTyped<int>(QStringLiteral("old"), [gate](JobContext& ctx) {
        gate->acquire();
        return ctx.cancelled() ? -1 : 1; // the retarget set the flag
    });
    QTRY_COMPARE(started.count(), 1);
    jobs.setConnection(deadServer());
    QVERIFY(jobs.generation() > before);
    // the old job fails at once, without waiting for the worker
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toULongLong(), old);
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("connection changed")));
    const quint64 fresh = jobs.runTyped<int>(
        QStringLiteral("fresh"), [](JobContext& ctx) { return ctx.hasConnection() ? 2 : 0; });
    QVERIFY(fresh != old);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toULongLong(), fresh);
    QCOMPARE(*JobRunner::resultAs<int>(finished.at(0).at(1).value<JobResult>()), 2);
    gate->release(); // the old worker finishes now: its result must not arrive
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(failed.count(), 1);
}

void TestJobRunner::guiThreadNotBlockedWhileJobWaits() {
    JobRunner jobs;
    auto gate = std::make_shared<QSemaphore>();
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    QSignalSpy started(&jobs, &JobRunner::jobStarted);
    jobs.run(QStringLiteral("slow"), [gate](JobContext&) -> JobResult {
        gate->acquire();
        return nullptr;
    });
    QTRY_COMPARE(started.count(), 1); // the event loop keeps turning while the job blocks
    bool timerFired = false;
    QTimer::singleShot(0, this, [&] { timerFired = true; });
    QTRY_VERIFY(timerFired);
    QCOMPARE(finished.count(), 0);
    gate->release();
    QTRY_COMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
