// On-demand jobs for the GUI (EXPLAIN, index advice, evidence export, ...), run on a second
// worker thread so that they never block the GUI thread and never hold up sampling.
//
// The worker owns its own EngineSession, opened with the same ConnectOptions as the monitor
// (so it is read-only, with the statement and lock timeouts, like every driver session). It
// connects lazily, the first time a job asks for JobContext::engine(), and reconnects on the
// next job after the connection was lost. Jobs run one after another, in the order given.
//
// setConnection() retargets the runner (a new worker thread and a new generation); results
// still in flight from the old server are dropped, and every job of the old generation that
// has not reported yet fails with "cancelled: the connection changed". Without a connection
// (offline: a bundle or snapshot is open) jobs still run; JobContext::engine() then throws
// EngineError(Usage) with a sentence that says a connection is needed.
//
// All signals are delivered on the GUI thread and carry only results of the current
// generation. Results are immutable values, handed over as std::shared_ptr<const void>;
// JobRunner::resultAs<T>() casts back (the job and its listener agree on T, keyed by id).
//
// Usage:
//
//     auto* jobs = new dbt::JobRunner(this);
//     jobs->setConnection(connectOptions);             // on every (re)connect
//     const quint64 id = jobs->runTyped<dbt::ExplainResult>(
//         tr("Explaining…"), [request](dbt::JobContext& ctx) {
//             ctx.progress(10, QObject::tr("Planning the statement…"));
//             return ctx.engine().explain(request);    // throws EngineError: jobFailed
//         });
//     connect(jobs, &dbt::JobRunner::jobFinished, this,
//             [this, id](quint64 done, const dbt::JobResult& result) {
//                 if (done == id)
//                     show(*dbt::JobRunner::resultAs<dbt::ExplainResult>(result));
//             });
//     connect(jobs, &dbt::JobRunner::jobFailed, this,
//             [this](quint64, const QString& sentence) { showError(sentence); });
//
// A long job checks ctx.cancelled() between steps (cancel(id) or a retarget sets it) and
// returns early or throws dbt::JobCancelled. A job that needs a connection of its own (e.g.
// one that creates HypoPG hypothetical indexes) opens it from ctx.connectOptions().
#pragma once

#include "engines/engine.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <unordered_map>

class QThread;

namespace dbt {

using JobResult = std::shared_ptr<const void>;

// Thrown by a job (or by JobContext::throwIfCancelled) to stop early; reported as jobFailed
// with a "cancelled" sentence.
struct JobCancelled {};

class JobWorker;

// What a running job can use. Lives on the worker thread, valid during the job only.
class JobContext {
public:
    // The worker's session, connected on first use (again after a loss). Throws EngineError:
    // Usage without a connection, Connect/Auth when the server cannot be reached.
    EngineSession& engine();
    // The options of the current connection (target empty when offline).
    const ConnectOptions& connectOptions() const;
    bool hasConnection() const;
    // 0..100 and one sentence ("Planning the statement…"); shown by the GUI.
    void progress(int percent, const QString& sentence);
    bool cancelled() const { return cancel_->load(std::memory_order_relaxed); }
    void throwIfCancelled() const {
        if (cancelled())
            throw JobCancelled{};
    }
    quint64 id() const { return id_; }

private:
    friend class JobWorker;
    JobContext(JobWorker& worker, quint64 id, std::shared_ptr<std::atomic<bool>> cancel)
        : worker_(worker)
        , id_(id)
        , cancel_(std::move(cancel)) {}
    JobWorker& worker_;
    quint64 id_;
    std::shared_ptr<std::atomic<bool>> cancel_;
};

using JobWork = std::function<JobResult(JobContext&)>;

// Worker-thread side: owns the engine session of one generation.
class JobWorker final : public QObject {
    Q_OBJECT
public:
    JobWorker(ConnectOptions options, bool online, quint64 generation);
    ~JobWorker() override;

    void runJob(quint64 id, const QString& title, const JobWork& work,
                const std::shared_ptr<std::atomic<bool>>& cancel);

Q_SIGNALS:
    void started(quint64 generation, quint64 id, const QString& title);
    void progressed(quint64 generation, quint64 id, int percent, const QString& sentence);
    void finished(quint64 generation, quint64 id, dbt::JobResult result);
    void failed(quint64 generation, quint64 id, const QString& sentence);

private:
    friend class JobContext;
    EngineSession& engine();
    void dropEngine();

    ConnectOptions options_;
    bool online_;
    quint64 generation_;
    std::unique_ptr<EngineSession> engine_;
};

// GUI-thread side; owned by the main window.
class JobRunner final : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr);
    ~JobRunner() override;

    // Retargets to a server (call on every connect). Old jobs are cancelled (see above).
    void setConnection(const ConnectOptions& options);
    // Offline: jobs still run, JobContext::engine() throws a "needs a connection" sentence.
    void clearConnection();
    bool hasConnection() const { return online_; }
    quint64 generation() const { return generation_; }

    // Queues a job; returns its id (never 0) at once. jobStarted follows on the GUI thread.
    quint64 run(const QString& title, JobWork work);
    template<class T, class F> quint64 runTyped(const QString& title, F work) {
        return run(title, [w = std::move(work)](JobContext& ctx) -> JobResult {
            return std::make_shared<const T>(w(ctx));
        });
    }
    template<class T> static std::shared_ptr<const T> resultAs(const JobResult& result) {
        return std::static_pointer_cast<const T>(result);
    }

    // Sets the job's cancellation flag; it fails with a "cancelled" sentence once it stops
    // (a job not started yet fails at once when its turn comes).
    void cancel(quint64 id);
    void cancelAll();
    // Jobs queued or running that have not finished or failed yet.
    int pending() const { return static_cast<int>(pending_.size()); }
    bool isPending(quint64 id) const { return pending_.count(id) != 0; }

    static QString needsConnectionSentence();

Q_SIGNALS:
    void jobStarted(quint64 id, const QString& title);
    void jobProgress(quint64 id, int percent, const QString& sentence);
    void jobFinished(quint64 id, const dbt::JobResult& result);
    void jobFailed(quint64 id, const QString& sentence);

private:
    void retarget(const ConnectOptions& options, bool online);
    void stopWorker();
    void onStarted(quint64 generation, quint64 id, const QString& title);
    void onProgress(quint64 generation, quint64 id, int percent, const QString& sentence);
    void onFinished(quint64 generation, quint64 id, const dbt::JobResult& result);
    void onFailed(quint64 generation, quint64 id, const QString& sentence);

    ConnectOptions options_;
    bool online_ = false;
    quint64 generation_ = 0;
    quint64 nextId_ = 0;
    QThread* thread_ = nullptr;
    QPointer<JobWorker> worker_;
    std::unordered_map<quint64, std::shared_ptr<std::atomic<bool>>> pending_;
};

} // namespace dbt

Q_DECLARE_METATYPE(dbt::JobResult)
