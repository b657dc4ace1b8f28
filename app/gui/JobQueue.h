#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

class QQmlEngine;
class QJSEngine;

// What a running job sees: a cancel flag to poll and a progress reporter. Reports are throttled to
// the UI by "latest wins", so a job may report as often as it likes.
class JobContext {
public:
    virtual ~JobContext() = default;
    virtual bool cancelled() const = 0;
    virtual const std::atomic<bool>& cancelFlag() const = 0;
    virtual void reportProgress(double fraction, const QString& message) = 0;
};

// The one long-lived worker thread. Jobs run there one at a time, in the order submitted, so the
// heavy state they use (the model) is touched by one thread only and the UI thread never waits.
// No exception crosses into the event loop: a throwing job ends in failed() with its message.
class JobQueue : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString message READ message NOTIFY progressChanged)
    Q_PROPERTY(QString title READ title NOTIFY busyChanged)

public:
    using Work = std::function<QVariant(JobContext&)>;
    using Done = std::function<void(const QVariant& result)>;
    using Failed = std::function<void(const QString& error)>;

    // No default argument: Qt 6.4 would construct a second queue for QML instead of calling create().
    explicit JobQueue(QObject* parent);
    ~JobQueue() override;

    // The application's queue, shared by QML and the controllers.
    static JobQueue* instance();
    static JobQueue* create(QQmlEngine*, QJSEngine*);

    // Runs work on the worker thread; done or failed is then called on this object's thread.
    // A cancelled job calls failed with an empty message. Progress and title describe the running job.
    void submit(const QString& title, Work work, Done done, Failed failed);

    bool busy() const { return pending_ > 0; }
    double progress() const;
    QString message() const;
    QString title() const { return title_; }

    // Asks the running job to stop at its next check; queued jobs are not affected.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void busyChanged();
    void progressChanged();
    void finished(const QString& title, bool succeeded, const QString& error);

private:
    class Context;
    void postProgress(double fraction, const QString& message);

    QThread thread_;
    QObject* worker_ = nullptr; // lives on thread_; jobs are invoked on it
    int pending_ = 0;
    QString title_;

    mutable std::mutex progressMutex_; // guards the fields below, shared with the worker thread
    std::shared_ptr<std::atomic<bool>> runningCancelFlag_;
    double progress_ = -1;
    QString message_;
    bool progressPosted_ = false;
};
