#include "app/gui/JobQueue.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QQmlEngine>

#include <exception>

class JobQueue::Context : public JobContext {
public:
    Context(JobQueue* queue, std::shared_ptr<std::atomic<bool>> flag)
        : queue_(queue)
        , flag_(std::move(flag))
    {
    }
    bool cancelled() const override { return flag_->load(); }
    const std::atomic<bool>& cancelFlag() const override { return *flag_; }
    void reportProgress(double fraction, const QString& message) override { queue_->postProgress(fraction, message); }

private:
    JobQueue* queue_;
    std::shared_ptr<std::atomic<bool>> flag_;
};

JobQueue::JobQueue(QObject* parent)
    : QObject(parent)
{
    thread_.setObjectName("durian-worker");
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
}

JobQueue::~JobQueue()
{
    cancel();
    thread_.quit();
    thread_.wait();
}

JobQueue* JobQueue::instance()
{
    static JobQueue* queue = new JobQueue(QCoreApplication::instance());
    return queue;
}

JobQueue* JobQueue::create(QQmlEngine*, QJSEngine*)
{
    JobQueue* queue = instance();
    QQmlEngine::setObjectOwnership(queue, QQmlEngine::CppOwnership);
    return queue;
}

void JobQueue::submit(const QString& title, Work work, Done done, Failed failed)
{
    if (++pending_ == 1) {
        Q_EMIT busyChanged();
    }
    QMetaObject::invokeMethod(worker_, [this, title, work = std::move(work), done = std::move(done),
                                           failed = std::move(failed)] {
        // On the worker thread. Every job has its own cancel flag, so cancelling one never stops the next.
        const auto flag = std::make_shared<std::atomic<bool>>(false);
        {
            std::lock_guard lock(progressMutex_);
            runningCancelFlag_ = flag;
            progress_ = 0;
            message_ = title;
        }
        QMetaObject::invokeMethod(this, [this, title] {
            title_ = title;
            Q_EMIT busyChanged();
            Q_EMIT progressChanged();
        });

        Context context(this, flag);
        QVariant result;
        QString error;
        try {
            result = work(context);
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        } catch (...) {
            error = tr("Unexpected error");
        }
        const bool cancelled = flag->load() && error.isEmpty();
        {
            std::lock_guard lock(progressMutex_);
            runningCancelFlag_.reset();
        }
        QMetaObject::invokeMethod(this, [=, this] {
            const bool succeeded = error.isEmpty() && !cancelled;
            --pending_;
            {
                std::lock_guard lock(progressMutex_);
                progress_ = -1;
                message_.clear();
            }
            if (pending_ == 0) {
                title_.clear();
            }
            Q_EMIT progressChanged();
            Q_EMIT busyChanged();
            if (succeeded) {
                done(result);
            } else {
                failed(error); // empty for a cancel: the user asked for it, nothing to report
            }
            Q_EMIT finished(title, succeeded, error);
        });
    });
}

double JobQueue::progress() const
{
    std::lock_guard lock(progressMutex_);
    return progress_;
}

QString JobQueue::message() const
{
    std::lock_guard lock(progressMutex_);
    return message_;
}

void JobQueue::cancel()
{
    std::lock_guard lock(progressMutex_);
    if (runningCancelFlag_) {
        runningCancelFlag_->store(true);
    }
}

void JobQueue::postProgress(double fraction, const QString& message)
{
    std::lock_guard lock(progressMutex_);
    progress_ = fraction;
    message_ = message;
    if (progressPosted_) {
        return; // an update is already on its way and will carry these latest values
    }
    progressPosted_ = true;
    QMetaObject::invokeMethod(this, [this] {
        {
            std::lock_guard lock(progressMutex_);
            progressPosted_ = false;
        }
        Q_EMIT progressChanged();
    });
}
