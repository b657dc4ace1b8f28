#pragma once

#include "app/gui/Job.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <stop_token>

class QQmlEngine;
class QJSEngine;

// What a running job sees: its stop token and a progress reporter. Reports are throttled to the UI by
// "latest wins", so a job may report as often as it likes.
class JobContext {
public:
    virtual ~JobContext() = default;
    virtual std::stop_token stopToken() const = 0;
    bool cancelled() const { return stopToken().stop_requested(); }
    virtual void reportProgress(double fraction, const QString& message) = 0;
    // A result before the end (a preview's step image, a strip's cell): the job's partialResult().
    virtual void reportPartial(QVariant value) = 0;
};

// Two long-lived worker threads ("lanes"), each running its jobs one at a time in the order submitted.
// Interactive: what the user waits on while editing (previews, the strip, faces, masks, the motion view).
// Render: the whole clip (Render Animation, Export), which takes minutes and must not hold up the rest.
// Each lane's jobs build their own heavy state (a lane's model is touched by that lane's thread only),
// and the UI thread never waits. No exception crosses into the event loop: a throwing job ends in
// failed() with its message.
class JobQueue : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // The job the status bar shows: the running render-lane job, else the running interactive one.
    Q_PROPERTY(Job* current READ current NOTIFY currentChanged)

public:
    enum class Lane { Interactive, Render };
    using Work = std::function<QVariant(JobContext&)>;
    using Done = std::function<void(const QVariant& result)>;
    using Failed = std::function<void(const QString& error)>;

    // No default argument: Qt 6.4 would construct a second queue for QML instead of calling create().
    explicit JobQueue(QObject* parent);
    ~JobQueue() override;

    // The application's queue, shared by QML and the controllers.
    static JobQueue* instance();
    static JobQueue* create(QQmlEngine*, QJSEngine*);

    // Runs work on the lane's thread; done or failed is then called on this object's thread. A job
    // that was cancelled (Job::cancel, before or while it runs; a work that throws durian::Cancelled or
    // returns after the stop) calls failed with an empty message. The caller keeps the handle.
    std::shared_ptr<Job> submit(Lane lane, const QString& title, Work work, Done done, Failed failed);

    bool busy() const { return !unfinished_.empty(); }
    Job* current() const;

    // Cancels the current job (the status bar's button).
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void busyChanged();
    void currentChanged();

private Q_SLOTS:
    void deliverEvents(); // on this object's thread: what the lanes reported, in order

private:
    class Context;
    class LaneRunner;
    friend class LaneRunner;
    struct Pending {
        std::shared_ptr<Job> job;
        Work work;
        Done done;
        Failed failed;
    };
    // A lane reports to the UI thread through events_: jobs and results cross threads only under our own
    // mutexes (which ThreadSanitizer sees), never inside a functor queued through Qt's uninstrumented locks.
    struct Event {
        enum class Kind { Started, Partial, Ended };
        Lane lane;
        Kind kind = Kind::Ended;
        Pending pending;
        QVariant result; // the partial one, or the job's
        QString error;
        bool cancelled = false;
    };
    struct Worker {
        QThread thread;
        QObject* runner = nullptr; // lives on thread; runs the lane's jobs
        std::mutex mutex;          // guards queue
        std::deque<Pending> queue;
        std::shared_ptr<Job> running; // UI thread only
    };
    void runNext(Lane lane); // on the lane's thread
    void post(Event event);
    void jobStarted(Lane lane, const std::shared_ptr<Job>& job);
    void jobEnded(Lane lane, const std::shared_ptr<Job>& job);

    std::array<Worker, 2> workers_;
    std::set<std::shared_ptr<Job>> unfinished_; // submitted, not yet ended
    quint64 nextId_ = 0;
    std::mutex eventsMutex_; // guards events_
    std::deque<Event> events_;
};
