#pragma once

#include "app/gui/JobQueue.h"

#include <QtTest>

// Waits until every job already submitted to `lane` has ended and delivered its result: a job queued
// behind them ends after them. For tests that check that nothing more arrives (no sleeping).
inline bool drainLane(JobQueue::Lane lane, int timeoutMs = 120000)
{
    bool drained = false;
    JobQueue::instance()->submit(lane, "drain", [](JobContext&) { return QVariant(); },
        [&drained](const QVariant&) { drained = true; }, [&drained](const QString&) { drained = true; });
    return QTest::qWaitFor([&drained] { return drained; }, timeoutMs);
}
