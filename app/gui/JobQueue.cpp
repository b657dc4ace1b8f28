#include "app/gui/JobQueue.h"

#include "core/util/Cancellation.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QQmlEngine>

#include <exception>

class JobQueue::Context : public JobContext {
public:
    Context(JobQueue& queue, Lane lane, std::shared_ptr<Job> job)
        : queue_(queue)
        , lane_(lane)
        , job_(std::move(job))
    {
    }
    std::stop_token stopToken() const override { return job_->stopToken(); }
    void reportProgress(double fraction, const QString& message) override { job_->postProgress(fraction, message); }
    // Through the queue's events, so that it arrives after the job's start and before its end.
    void reportPartial(QVariant value) override
    {
        queue_.post({lane_, Event::Kind::Partial, {job_, {}, {}, {}}, std::move(value), {}, false});
    }

private:
    JobQueue& queue_;
    Lane lane_;
    std::shared_ptr<Job> job_;
};

// Lives on a lane's thread; each queued call runs the lane's next job.
class JobQueue::LaneRunner : public QObject {
    Q_OBJECT

public:
    LaneRunner(JobQueue* queue, Lane lane)
        : queue_(queue)
        , lane_(lane)
    {
    }

public Q_SLOTS:
    void runNext() { queue_->runNext(lane_); }

private:
    JobQueue* queue_;
    Lane lane_;
};

JobQueue::JobQueue(QObject* parent)
    : QObject(parent)
{
    const char* names[] = {"durian-interactive", "durian-render"};
    for (std::size_t i = 0; i < workers_.size(); ++i) {
        Worker& worker = workers_[i];
        worker.thread.setObjectName(names[i]);
        worker.runner = new LaneRunner(this, static_cast<Lane>(i));
        worker.runner->moveToThread(&worker.thread);
        connect(&worker.thread, &QThread::finished, worker.runner, &QObject::deleteLater);
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
    Worker& worker = workers_[static_cast<std::size_t>(lane)];
    {
        std::lock_guard lock(worker.mutex);
        worker.queue.push_back({job, std::move(work), std::move(done), std::move(failed)});
    }
    QMetaObject::invokeMethod(worker.runner, "runNext", Qt::QueuedConnection);
    return job;
}

void JobQueue::runNext(Lane lane)
{
    Worker& worker = workers_[static_cast<std::size_t>(lane)];
    Pending pending;
    {
        std::lock_guard lock(worker.mutex);
        if (worker.queue.empty()) {
            return;
        }
        pending = std::move(worker.queue.front());
        worker.queue.pop_front();
    }
    Job& job = *pending.job;
    Event ended{lane, Event::Kind::Ended, {}, {}, {}, false};
    if (!job.cancelRequested()) { // a job cancelled while it waited does not run
        post({lane, Event::Kind::Started, {pending.job, {}, {}, {}}, {}, {}, false});
        Context context(*this, lane, pending.job);
        try {
            ended.result = pending.work(context);
        } catch (const durian::Cancelled&) {
            ended.cancelled = true;
        } catch (const std::exception& e) {
            ended.error = QString::fromUtf8(e.what());
        } catch (...) {
            ended.error = tr("Unexpected error");
        }
    }
    ended.cancelled = (ended.cancelled || job.cancelRequested()) && ended.error.isEmpty();
    pending.work = nullptr; // its captures go on this thread, where they were used
    ended.pending = std::move(pending);
    post(std::move(ended));
}

void JobQueue::post(Event event)
{
    {
        std::lock_guard lock(eventsMutex_);
        events_.push_back(std::move(event));
    }
    QMetaObject::invokeMethod(this, "deliverEvents", Qt::QueuedConnection);
}

void JobQueue::deliverEvents()
{
    std::deque<Event> events;
    {
        std::lock_guard lock(eventsMutex_);
        events.swap(events_);
    }
    for (Event& event : events) {
        const auto& job = event.pending.job;
        if (event.kind == Event::Kind::Started) {
            jobStarted(event.lane, job);
            continue;
        }
        if (event.kind == Event::Kind::Partial) {
            Q_EMIT job->partialResult(event.result);
            continue;
        }
        job->setState(event.cancelled ? Job::State::Cancelled
                                      : event.error.isEmpty() ? Job::State::Succeeded : Job::State::Failed);
        jobEnded(event.lane, job);
        if (job->state() == Job::State::Succeeded) {
            event.pending.done(event.result);
        } else {
            event.pending.failed(event.error); // empty for a cancel: the user asked for it, nothing to report
        }
    }
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

#include "JobQueue.moc"
