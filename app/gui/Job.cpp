#include "app/gui/Job.h"

#include <QMetaObject>

Job::Job(quint64 id, QString title)
    : id_(id)
    , title_(std::move(title))
    , message_(title_)
{
}

void Job::postProgress(double fraction, const QString& message)
{
    std::lock_guard lock(postedMutex_);
    postedFraction_ = fraction;
    postedMessage_ = message;
    if (updatePending_) {
        return; // the update on its way carries these latest values
    }
    updatePending_ = true;
    // Queued to this object's thread by name: the values travel under postedMutex_, which ThreadSanitizer
    // sees (a functor would hand them over through Qt's own, uninstrumented locking).
    QMetaObject::invokeMethod(this, "deliverProgress", Qt::QueuedConnection);
}

void Job::deliverProgress()
{
    std::unique_lock lock(postedMutex_);
    updatePending_ = false;
    if (running()) { // a late update of an ended job changes nothing
        progress_ = postedFraction_;
        message_ = postedMessage_;
        lock.unlock();
        Q_EMIT progressChanged();
    }
}

void Job::setState(State state)
{
    if (state == state_) {
        return;
    }
    state_ = state;
    if (state == State::Running) {
        progress_ = 0;
    } else if (ended()) {
        progress_ = -1;
    }
    Q_EMIT stateChanged();
    Q_EMIT progressChanged();
}
