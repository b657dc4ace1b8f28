#pragma once

#include <QObject>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

#include <mutex>
#include <stop_token>

// One job submitted to the JobQueue, held by the controller that submitted it: which job it is, how
// far it got, and how to stop it. Lives on the UI thread; its worker reports progress from its own.
class Job : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Jobs come from JobQueue::submit")
    Q_PROPERTY(QString title READ title CONSTANT)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString message READ message NOTIFY progressChanged)

public:
    enum class State { Waiting, Running, Succeeded, Failed, Cancelled };

    Job(quint64 id, QString title);

    quint64 id() const { return id_; }
    QString title() const { return title_; }
    State state() const { return state_; }
    bool running() const { return state_ == State::Running; }
    bool ended() const { return state_ != State::Waiting && state_ != State::Running; }
    // 0..1 while it runs (as last reported), -1 before; the message is the title until the job says more.
    double progress() const { return progress_; }
    QString message() const { return message_; }

    // From any thread: a waiting job never runs, a running one sees its stop token and ends Cancelled.
    Q_INVOKABLE void cancel() { stop_.request_stop(); }
    bool cancelRequested() const { return stop_.stop_requested(); }
    std::stop_token stopToken() const { return stop_.get_token(); }

    // From the worker thread, as often as it likes: the UI gets the latest values, at most one update
    // waiting at a time.
    void postProgress(double fraction, const QString& message);

Q_SIGNALS:
    void stateChanged();
    void progressChanged();
    // A result before the end (JobContext::reportPartial): every one, in order, between the job's start
    // and its end, on the UI thread.
    void partialResult(const QVariant& value);

private Q_SLOTS:
    void deliverProgress();

private:
    friend class JobQueue;
    void setState(State state);

    const quint64 id_;
    const QString title_;
    State state_ = State::Waiting;
    double progress_ = -1;
    QString message_;
    std::stop_source stop_;

    std::mutex postedMutex_; // guards the fields below, shared with the worker thread
    double postedFraction_ = 0;
    QString postedMessage_;
    bool updatePending_ = false;
};
