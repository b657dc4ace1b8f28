#include "app/gui/JobQueue.h"

#include "core/util/Cancellation.h"

#include <QSignalSpy>
#include <QtTest>

#include <atomic>
#include <chrono>
#include <thread>

namespace {
// Work that runs until the test releases it (or the job is cancelled).
JobQueue::Work heldUntil(const std::atomic<bool>& release, std::atomic<bool>& started)
{
    return [&release, &started](JobContext& context) {
        started = true;
        while (!release.load() && !context.cancelled()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return QVariant("released");
    };
}
} // namespace

class JobQueueTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsALanesJobsInOrderOffTheUiThread()
    {
        JobQueue queue(nullptr);
        QStringList order;
        QList<Qt::HANDLE> threads;
        for (int i = 0; i < 3; ++i) {
            queue.submit(
                JobQueue::Lane::Interactive, QString("job %1").arg(i),
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

    void aLongRenderNeverHoldsUpTheInteractiveLane()
    {
        JobQueue queue(nullptr);
        std::atomic<bool> release{false};
        std::atomic<bool> renderStarted{false};
        QString renderResult;
        const auto render = queue.submit(
            JobQueue::Lane::Render, "export", heldUntil(release, renderStarted),
            [&renderResult](const QVariant& result) { renderResult = result.toString(); }, [](const QString&) {});
        QTRY_VERIFY(renderStarted.load());
        QTRY_VERIFY(render->running());
        bool previewDone = false;
        queue.submit(
            JobQueue::Lane::Interactive, "preview", [](JobContext&) { return QVariant(); },
            [&previewDone](const QVariant&) { previewDone = true; }, [](const QString&) {});
        QTRY_VERIFY(previewDone); // while the export still runs
        QVERIFY(render->running());
        QCOMPARE(queue.current(), render.get()); // the status bar shows the export
        release = true;
        QTRY_COMPARE(renderResult, QString("released"));
        QCOMPARE(render->state(), Job::State::Succeeded);
        QCOMPARE(queue.current(), nullptr);
    }

    void progressReachesTheJobThrottledWithTheLatestValue()
    {
        JobQueue queue(nullptr);
        std::atomic<bool> release{false};
        bool done = false;
        const auto job = queue.submit(
            JobQueue::Lane::Interactive, "many reports",
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
        QSignalSpy progress(job.get(), &Job::progressChanged);
        QTRY_COMPARE(job->message(), QString("step 20000"));
        QCOMPARE(job->progress(), 1.0);
        QVERIFY2(progress.count() < 1000, qPrintable(QString::number(progress.count())));
        release = true;
        QTRY_VERIFY(done);
        QCOMPARE(job->progress(), -1.0);
    }

    void partialResultsArriveInOrderOnTheUiThreadBeforeTheEnd()
    {
        JobQueue queue(nullptr);
        QStringList seen;
        bool endedBeforeAPartial = false;
        bool done = false;
        const auto job = queue.submit(
            JobQueue::Lane::Interactive, "cells",
            [](JobContext& context) {
                for (int i = 0; i < 5; ++i) {
                    context.reportPartial(QString("cell %1").arg(i));
                }
                return QVariant("all");
            },
            [&done](const QVariant&) { done = true; }, [](const QString& error) { QFAIL(qPrintable(error)); });
        connect(job.get(), &Job::partialResult, this, [&](const QVariant& value) {
            QCOMPARE(QThread::currentThread(), thread());
            endedBeforeAPartial = endedBeforeAPartial || done;
            seen.append(value.toString());
        });
        QTRY_VERIFY(done);
        QCOMPARE(seen, QStringList({"cell 0", "cell 1", "cell 2", "cell 3", "cell 4"}));
        QVERIFY(!endedBeforeAPartial);
    }

    void anExceptionBecomesAnErrorMessage()
    {
        JobQueue queue(nullptr);
        QString error;
        const auto job = queue.submit(
            JobQueue::Lane::Interactive, "throws",
            [](JobContext&) -> QVariant { throw std::runtime_error("Cannot read image x.png"); },
            [](const QVariant&) { QFAIL("should not succeed"); }, [&error](const QString& e) { error = e; });
        QTRY_COMPARE(error, QString("Cannot read image x.png"));
        QCOMPARE(job->state(), Job::State::Failed);
    }

    void cancelStopsTheRunningJobButNotTheNext()
    {
        JobQueue queue(nullptr);
        QString firstError = "unset";
        bool secondDone = false;
        std::atomic<bool> started{false};
        const std::atomic<bool> never{false};
        const auto first = queue.submit(
            JobQueue::Lane::Interactive, "long", heldUntil(never, started),
            [](const QVariant&) { QFAIL("a cancelled job must not report success"); },
            [&firstError](const QString& e) { firstError = e; });
        queue.submit(
            JobQueue::Lane::Interactive, "next", [](JobContext& context) { return QVariant(context.cancelled()); },
            [&secondDone](const QVariant& cancelledAtStart) { secondDone = !cancelledAtStart.toBool(); },
            [](const QString& e) { QFAIL(qPrintable("second job failed: " + e)); });
        QTRY_VERIFY(started.load());
        QTRY_COMPARE(first->state(), Job::State::Running); // the UI thread has heard it started
        QCOMPARE(queue.current(), first.get());
        QCOMPARE(queue.current()->title(), QString("long"));
        queue.cancel(); // the status bar's button: the current job
        QTRY_VERIFY(secondDone);
        QCOMPARE(firstError, QString()); // cancelled: no error to show
        QCOMPARE(first->state(), Job::State::Cancelled);
    }

    void aJobCancelledWhileWaitingNeverRuns()
    {
        JobQueue queue(nullptr);
        std::atomic<bool> release{false};
        std::atomic<bool> started{false};
        queue.submit(JobQueue::Lane::Render, "render", heldUntil(release, started), [](const QVariant&) {},
            [](const QString&) {});
        std::atomic<bool> ran{false};
        QString error = "unset";
        const auto waiting = queue.submit(
            JobQueue::Lane::Render, "export",
            [&ran](JobContext&) {
                ran = true;
                return QVariant();
            },
            [](const QVariant&) { QFAIL("a cancelled job must not succeed"); }, [&error](const QString& e) { error = e; });
        QTRY_VERIFY(started.load());
        QCOMPARE(waiting->state(), Job::State::Waiting);
        waiting->cancel();
        release = true;
        QTRY_COMPARE(waiting->state(), Job::State::Cancelled);
        QVERIFY(!ran.load());
        QCOMPARE(error, QString());
    }

    void aWorkThatThrowsCancelledEndsCancelled()
    {
        JobQueue queue(nullptr);
        QString error = "unset";
        const auto job = queue.submit(
            JobQueue::Lane::Interactive, "stops",
            [](JobContext&) -> QVariant { throw durian::Cancelled(); }, [](const QVariant&) {},
            [&error](const QString& e) { error = e; });
        job->cancel();
        QTRY_VERIFY(job->ended());
        QCOMPARE(job->state(), Job::State::Cancelled);
        QCOMPARE(error, QString());
    }

    void everyJobHasItsOwnId()
    {
        JobQueue queue(nullptr);
        const auto a = queue.submit(JobQueue::Lane::Interactive, "a", [](JobContext&) { return QVariant(); },
            [](const QVariant&) {}, [](const QString&) {});
        const auto b = queue.submit(JobQueue::Lane::Render, "b", [](JobContext&) { return QVariant(); },
            [](const QVariant&) {}, [](const QString&) {});
        QVERIFY(a->id() != b->id());
        QTRY_VERIFY(a->ended() && b->ended());
    }
};

QTEST_GUILESS_MAIN(JobQueueTest)
#include "JobQueueTest.moc"
