#include "app/gui/JobQueue.h"

#include <QSignalSpy>
#include <QtTest>

#include <chrono>
#include <thread>

class JobQueueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsJobsInOrderOffTheUiThread()
    {
        JobQueue queue(nullptr);
        QStringList order;
        QList<Qt::HANDLE> threads;
        for (int i = 0; i < 3; ++i) {
            queue.submit(
                QString("job %1").arg(i),
                [&threads, i](JobContext&) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20 * (3 - i))); // later jobs are quicker
                    threads.append(QThread::currentThreadId());
                    return QVariant(i);
                },
                [&order](const QVariant& result) { order.append(result.toString()); },
                [](const QString& error) { QFAIL(qPrintable(error)); });
        }
        QVERIFY(queue.busy());
        QTRY_COMPARE(order, QStringList({"0", "1", "2"}));
        QVERIFY(!queue.busy());
        QCOMPARE(threads.size(), 3);
        QVERIFY(threads[0] != QThread::currentThreadId());
        QCOMPARE(threads[1], threads[0]);
        QCOMPARE(threads[2], threads[0]);
    }

    void progressReachesTheUiThrottledWithTheLatestValue()
    {
        JobQueue queue(nullptr);
        QSignalSpy progress(&queue, &JobQueue::progressChanged);
        std::atomic<bool> release{false};
        bool done = false;
        queue.submit(
            "many reports",
            [&release](JobContext& context) {
                for (int i = 1; i <= 20000; ++i) {
                    context.reportProgress(i / 20000.0, QString("step %1").arg(i));
                }
                while (!release.load()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                return QVariant();
            },
            [&done](const QVariant&) { done = true; }, [](const QString&) {});
        QTRY_COMPARE(queue.message(), QString("step 20000"));
        QCOMPARE(queue.progress(), 1.0);
        QVERIFY2(progress.count() < 1000, qPrintable(QString::number(progress.count())));
        release = true;
        QTRY_VERIFY(done);
        QCOMPARE(queue.progress(), -1.0);
    }

    void anExceptionBecomesAnErrorMessage()
    {
        JobQueue queue(nullptr);
        QString error;
        queue.submit(
            "throws", [](JobContext&) -> QVariant { throw std::runtime_error("Cannot read image x.png"); },
            [](const QVariant&) { QFAIL("should not succeed"); }, [&error](const QString& e) { error = e; });
        QTRY_COMPARE(error, QString("Cannot read image x.png"));
    }

    void cancelStopsTheRunningJobButNotTheNext()
    {
        JobQueue queue(nullptr);
        QString firstError = "unset";
        bool secondDone = false;
        std::atomic<bool> started{false};
        queue.submit(
            "long",
            [&started](JobContext& context) {
                started = true;
                while (!context.cancelled()) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                }
                return QVariant();
            },
            [](const QVariant&) { QFAIL("a cancelled job must not report success"); },
            [&firstError](const QString& e) { firstError = e; });
        queue.submit(
            "next", [](JobContext& context) { return QVariant(context.cancelled()); },
            [&secondDone](const QVariant& cancelledAtStart) { secondDone = !cancelledAtStart.toBool(); },
            [](const QString& e) { QFAIL(qPrintable("second job failed: " + e)); });
        QTRY_VERIFY(started.load());
        QCOMPARE(queue.title(), QString("long"));
        queue.cancel();
        QTRY_VERIFY(secondDone);
        QCOMPARE(firstError, QString()); // cancelled: no error to show
    }
};

QTEST_GUILESS_MAIN(JobQueueTest)
#include "JobQueueTest.moc"
