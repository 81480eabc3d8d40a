#include "collect/jobrunner.h"

#include "i18n/messagetext.h"

#include <QThread>
#include <algorithm>
#include <exception>

namespace dbt {

namespace {

QString cancelledSentence() {
    return JobRunner::tr("Cancelled.");
}

QString retargetedSentence() {
    return JobRunner::tr("Cancelled: the connection changed before the job finished. Run it "
                         "again.");
}

} // namespace

EngineSession& JobContext::engine() {
    return worker_.engine();
}

const ConnectOptions& JobContext::connectOptions() const {
    return worker_.options_;
}

bool JobContext::hasConnection() const {
    return worker_.online_;
}

void JobContext::progress(int percent, const QString& sentence) {
    Q_EMIT worker_.progressed(worker_.generation_, id_, std::clamp(percent, 0, 100), sentence);
}

JobWorker::JobWorker(ConnectOptions options, bool online, quint64 generation)
    : options_(std::move(options))
    , online_(online)
    , generation_(generation) {}

JobWorker::~JobWorker() {
    dropEngine();
}

EngineSession& JobWorker::engine() {
    if (!online_)
        throw EngineError(EngineError::Kind::Usage,
                          JobRunner::needsConnectionSentence().toStdString());
    if (engine_ && !engine_->connected())
        dropEngine();
    if (!engine_) {
        auto session = openEngine(options_);
        session->connect(); // throws EngineError: the next job tries again
        engine_ = std::move(session);
    }
    return *engine_;
}

void JobWorker::dropEngine() {
    if (!engine_)
        return;
    try {
        engine_->disconnect();
    } catch (...) {
    }
    engine_.reset();
}

void JobWorker::runJob(quint64 id, const QString& title, const JobWork& work,
                       const std::shared_ptr<std::atomic<bool>>& cancel) {
    if (cancel->load()) {
        Q_EMIT failed(generation_, id, cancelledSentence());
        return;
    }
    Q_EMIT started(generation_, id, title);
    JobContext context(*this, id, cancel);
    try {
        JobResult result = work(context);
        if (cancel->load())
            Q_EMIT failed(generation_, id, cancelledSentence());
        else
            Q_EMIT finished(generation_, id, std::move(result));
    } catch (const JobCancelled&) {
        Q_EMIT failed(generation_, id, cancelledSentence());
    } catch (const EngineError& e) {
        if (e.kind() == EngineError::Kind::Lost)
            dropEngine(); // the next job reconnects
        Q_EMIT failed(generation_, id, i18n::errorText(e));
    } catch (const std::exception& e) {
        Q_EMIT failed(generation_, id,
                      JobRunner::tr("%1 failed unexpectedly: %2. Try again; if it keeps "
                                    "failing, report it with the bundle.")
                          .arg(title, QString::fromStdString(e.what())));
    } catch (...) {
        Q_EMIT failed(generation_, id,
                      JobRunner::tr("%1 failed unexpectedly. Try again; if it keeps failing, "
                                    "report it with the bundle.")
                          .arg(title));
    }
}

JobRunner::JobRunner(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<dbt::JobResult>("dbt::JobResult");
    retarget({}, false);
}

JobRunner::~JobRunner() {
    for (auto& [id, flag] : pending_)
        flag->store(true);
    pending_.clear();
    stopWorker();
}

QString JobRunner::needsConnectionSentence() {
    return tr("This needs a connection to a server: connect first (File → Connect…); a bundle "
              "or snapshot holds no live server.");
}

void JobRunner::setConnection(const ConnectOptions& options) {
    retarget(options, !options.target.empty());
}

void JobRunner::clearConnection() {
    retarget({}, false);
}

void JobRunner::retarget(const ConnectOptions& options, bool online) {
    stopWorker();
    ++generation_; // anything still in flight from the old worker is now stale
    // The old generation's jobs will never report: fail them here, so that no view waits
    // forever on "Explaining…".
    auto old = std::move(pending_);
    pending_.clear();
    for (auto& [id, flag] : old)
        flag->store(true);
    options_ = options;
    online_ = online;
    thread_ = new QThread();
    thread_->setObjectName(QStringLiteral("dbtriage-jobs"));
    auto* worker = new JobWorker(options_, online_, generation_);
    worker->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker, &QObject::deleteLater);
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
    connect(worker, &JobWorker::started, this, &JobRunner::onStarted, Qt::QueuedConnection);
    connect(worker, &JobWorker::progressed, this, &JobRunner::onProgress, Qt::QueuedConnection);
    connect(worker, &JobWorker::finished, this, &JobRunner::onFinished, Qt::QueuedConnection);
    connect(worker, &JobWorker::failed, this, &JobRunner::onFailed, Qt::QueuedConnection);
    worker_ = worker;
    thread_->start();
    std::vector<quint64> ids;
    ids.reserve(old.size());
    for (auto& [id, flag] : old)
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (quint64 id : ids)
        Q_EMIT jobFailed(id, retargetedSentence());
}

void JobRunner::stopWorker() {
    if (!thread_)
        return;
    if (worker_)
        disconnect(worker_, nullptr, this, nullptr);
    // Never wait on the GUI thread: a job may be inside a slow statement. The thread ends
    // once that returns (bounded by the statement timeout) and deletes itself; queued jobs
    // behind it see their cancellation flag.
    thread_->quit();
    thread_ = nullptr;
    worker_ = nullptr;
}

quint64 JobRunner::run(const QString& title, JobWork work) {
    const quint64 id = ++nextId_;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    pending_.emplace(id, flag);
    QMetaObject::invokeMethod(
        worker_,
        [w = worker_, id, title, work = std::move(work), flag] {
            if (w)
                w->runJob(id, title, work, flag);
        },
        Qt::QueuedConnection);
    return id;
}

void JobRunner::cancel(quint64 id) {
    auto it = pending_.find(id);
    if (it != pending_.end())
        it->second->store(true);
}

void JobRunner::cancelAll() {
    for (auto& [id, flag] : pending_)
        flag->store(true);
}

void JobRunner::onStarted(quint64 generation, quint64 id, const QString& title) {
    if (generation == generation_ && isPending(id))
        Q_EMIT jobStarted(id, title);
}

void JobRunner::onProgress(quint64 generation, quint64 id, int percent, const QString& sentence) {
    if (generation == generation_ && isPending(id))
        Q_EMIT jobProgress(id, percent, sentence);
}

void JobRunner::onFinished(quint64 generation, quint64 id, const JobResult& result) {
    if (generation != generation_ || pending_.erase(id) == 0)
        return;
    Q_EMIT jobFinished(id, result);
}

void JobRunner::onFailed(quint64 generation, quint64 id, const QString& sentence) {
    if (generation != generation_ || pending_.erase(id) == 0)
        return;
    Q_EMIT jobFailed(id, sentence);
}

} // namespace dbt
