// Sampling on a worker thread. Sampler lives on the worker and owns the Collector (and with
// it the database connection); Monitor lives on the GUI thread, owns the worker thread and
// hands snapshots on as immutable values. Stale results from an earlier connection are
// dropped by a generation counter.
#pragma once

#include "collect/collector.h"
#include "snapshot.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <atomic>
#include <memory>

class QThread;
class QTimer;

namespace dbt {

struct SamplerStatus {
    enum class State { Idle, Connecting, Connected, Reconnecting, Failed, Paused, Stopped };
    State state = State::Idle;
    QString sentence;         // what happened and what to do next; empty when all is well
    ServerInfo server;        // valid from Connected on
    std::int64_t lastSampleAt = 0; // micros; 0 before the first sample
    int failedAttempts = 0;
};

class Sampler final : public QObject {
    Q_OBJECT
public:
    Sampler(CollectorOptions options, quint64 generation);
    ~Sampler() override;

public Q_SLOTS:
    void start();
    void stop();
    void setPaused(bool paused);
    void setIntervalMs(int ms);
    void sampleNow();

Q_SIGNALS:
    void snapshotReady(quint64 generation, dbt::SnapshotPtr snapshot);
    void statusChanged(quint64 generation, dbt::SamplerStatus status);

private:
    void tick();
    void publish(SamplerStatus::State state, const QString& sentence);

    CollectorOptions options_;
    quint64 generation_;
    std::unique_ptr<Collector> collector_;
    QTimer* timer_ = nullptr;
    SamplerStatus status_;
    bool paused_ = false;
    bool busy_ = false;
};

// GUI-thread side. start() replaces any running sampler; signals carry only current results.
class Monitor final : public QObject {
    Q_OBJECT
public:
    explicit Monitor(QObject* parent = nullptr);
    ~Monitor() override;

    void start(const CollectorOptions& options, int intervalMs);
    void stop();
    void setPaused(bool paused);
    void setIntervalMs(int ms);
    void sampleNow();
    bool running() const { return sampler_ != nullptr; }
    quint64 generation() const { return generation_; }

Q_SIGNALS:
    void snapshotReady(dbt::SnapshotPtr snapshot);
    void statusChanged(const dbt::SamplerStatus& status);

private:
    void onSnapshot(quint64 generation, dbt::SnapshotPtr snapshot);
    void onStatus(quint64 generation, const dbt::SamplerStatus& status);

    quint64 generation_ = 0;
    QThread* thread_ = nullptr;
    QPointer<Sampler> sampler_;
};

void registerMetaTypes();

} // namespace dbt

Q_DECLARE_METATYPE(dbt::SnapshotPtr)
Q_DECLARE_METATYPE(dbt::SamplerStatus)
