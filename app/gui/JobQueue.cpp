#include "app/gui/JobQueue.h"

#include "core/util/Cancellation.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QQmlEngine>

#include <exception>

class JobQueue::Context : public JobContext {
public:
    explicit Context(Job& job)
        : job_(job)
    {
    }
    std::stop_token stopToken() const override { return job_.stopToken(); }
    void reportProgress(double fraction, const QString& message) override { job_.postProgress(fraction, message); }

private:
    Job& job_;
};

JobQueue::JobQueue(QObject* parent)
    : QObject(parent)
{
    const char* names[] = {"durian-interactive", "durian-render"};
    for (std::size_t i = 0; i < workers_.size(); ++i) {
        Worker& worker = workers_[i];
        worker.thread.setObjectName(names[i]);
        worker.object = new QObject;
        worker.object->moveToThread(&worker.thread);
        connect(&worker.thread, &QThread::finished, worker.object, &QObject::deleteLater);
        worker.thread.start();
    }
}

JobQueue::~JobQueue()
{
    for (const auto& job : unfinished_) {
        job->cancel();
    }
    for (Worker& worker : workers_) {
        worker.thread.quit();
        worker.thread.wait();
    }
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

std::shared_ptr<Job> JobQueue::submit(Lane lane, const QString& title, Work work, Done done, Failed failed)
{
    auto job = std::make_shared<Job>(++nextId_, title);
    unfinished_.insert(job);
    if (unfinished_.size() == 1) {
        Q_EMIT busyChanged();
    }
    QMetaObject::invokeMethod(workers_[static_cast<std::size_t>(lane)].object,
        [this, lane, job, work = std::move(work), done = std::move(done), failed = std::move(failed)] {
            // On the lane's thread. A job cancelled while it waited does not run.
            QVariant result;
            QString error;
            bool stopped = false;
            if (!job->cancelRequested()) {
                QMetaObject::invokeMethod(this, [this, lane, job] { jobStarted(lane, job); });
                Context context(*job);
                try {
                    result = work(context);
                } catch (const durian::Cancelled&) {
                    stopped = true;
                } catch (const std::exception& e) {
                    error = QString::fromUtf8(e.what());
                } catch (...) {
                    error = tr("Unexpected error");
                }
            }
            const bool cancelled = (stopped || job->cancelRequested()) && error.isEmpty();
            QMetaObject::invokeMethod(this, [=, this] {
                job->setState(cancelled ? Job::State::Cancelled
                                        : error.isEmpty() ? Job::State::Succeeded : Job::State::Failed);
                jobEnded(lane, job);
                if (job->state() == Job::State::Succeeded) {
                    done(result);
                } else {
                    failed(error); // empty for a cancel: the user asked for it, nothing to report
                }
            });
        });
    return job;
}

void JobQueue::jobStarted(Lane lane, const std::shared_ptr<Job>& job)
{
    Job* before = current();
    workers_[static_cast<std::size_t>(lane)].running = job;
    job->setState(Job::State::Running);
    if (current() != before) {
        Q_EMIT currentChanged();
    }
}

void JobQueue::jobEnded(Lane lane, const std::shared_ptr<Job>& job)
{
    Job* before = current();
    auto& running = workers_[static_cast<std::size_t>(lane)].running;
    if (running == job) {
        running.reset();
    }
    unfinished_.erase(job);
    if (current() != before) {
        Q_EMIT currentChanged();
    }
    if (unfinished_.empty()) {
        Q_EMIT busyChanged();
    }
}

Job* JobQueue::current() const
{
    const auto& render = workers_[static_cast<std::size_t>(Lane::Render)].running;
    return render ? render.get() : workers_[static_cast<std::size_t>(Lane::Interactive)].running.get();
}

void JobQueue::cancel()
{
    if (Job* job = current()) {
        job->cancel();
    }
}
