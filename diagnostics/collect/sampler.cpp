#include "collect/sampler.h"

#include "i18n/messagetext.h"

#include <QLocale>
#include <QThread>
#include <QTimer>

namespace dbt {

void registerMetaTypes() {
    qRegisterMetaType<dbt::SnapshotPtr>("dbt::SnapshotPtr");
    qRegisterMetaType<dbt::SamplerStatus>("dbt::SamplerStatus");
}

Sampler::Sampler(CollectorOptions options, quint64 generation)
    : options_(std::move(options))
    , generation_(generation) {}

Sampler::~Sampler() = default;

void Sampler::start() {
    collector_ = std::make_unique<Collector>(options_);
    if (!timer_)
        setIntervalMs(2000);
    publish(SamplerStatus::State::Connecting, {});
    tick();
    timer_->start();
}

void Sampler::stop() {
    if (timer_)
        timer_->stop();
    if (collector_)
        collector_->disconnect();
    publish(SamplerStatus::State::Stopped, {});
}

void Sampler::setPaused(bool paused) {
    paused_ = paused;
    if (paused)
        publish(SamplerStatus::State::Paused, {});
    else
        tick();
}

void Sampler::setIntervalMs(int ms) {
    if (!timer_) {
        timer_ = new QTimer(this);
        timer_->setTimerType(Qt::CoarseTimer);
        connect(timer_, &QTimer::timeout, this, &Sampler::tick);
    }
    timer_->setInterval(std::max(250, ms));
}

void Sampler::sampleNow() {
    tick();
}

void Sampler::tick() {
    if (paused_ || busy_ || !collector_)
        return;
    busy_ = true;
    const bool wasConnected = collector_->connected();
    try {
        SnapshotPtr snapshot = collector_->sample();
        status_.server = collector_->server();
        status_.lastSampleAt = snapshot->collectedAt;
        status_.failedAttempts = 0;
        if (status_.state != SamplerStatus::State::Connected)
            publish(SamplerStatus::State::Connected, {});
        Q_EMIT snapshotReady(generation_, std::move(snapshot));
    } catch (const EngineError& e) {
        ++status_.failedAttempts;
        const QString what = i18n::errorText(e);
        const bool neverConnected = status_.lastSampleAt == 0;
        if (neverConnected &&
            (e.kind() == EngineError::Kind::Auth || e.kind() == EngineError::Kind::Usage)) {
            // Retrying a wrong password or a bad connection string only adds noise.
            timer_->stop();
            publish(SamplerStatus::State::Failed, what);
        } else if (neverConnected && !wasConnected) {
            publish(SamplerStatus::State::Failed,
                    what + tr(" Retrying every %1 s.")
                               .arg(QLocale().toString(timer_->interval() / 1000.0)));
        } else {
            publish(SamplerStatus::State::Reconnecting,
                    what + tr(" Reconnecting in the background; the panels keep the last data."));
        }
        collector_->disconnect();
    } catch (const std::exception& e) {
        ++status_.failedAttempts;
        publish(SamplerStatus::State::Reconnecting,
                tr("Sampling failed unexpectedly: %1. Retrying.")
                    .arg(QString::fromStdString(e.what())));
        collector_->disconnect();
    }
    busy_ = false;
}

void Sampler::publish(SamplerStatus::State state, const QString& sentence) {
    status_.state = state;
    status_.sentence = sentence;
    Q_EMIT statusChanged(generation_, status_);
}

Monitor::Monitor(QObject* parent)
    : QObject(parent) {
    registerMetaTypes();
}

Monitor::~Monitor() {
    stop();
}

void Monitor::start(const CollectorOptions& options, int intervalMs) {
    stop();
    ++generation_;
    thread_ = new QThread();
    thread_->setObjectName(QStringLiteral("dbtriage-sampler"));
    auto* sampler = new Sampler(options, generation_);
    sampler->setIntervalMs(intervalMs); // creates its timer as a child: it moves along
    sampler->moveToThread(thread_);
    connect(thread_, &QThread::started, sampler, &Sampler::start);
    connect(thread_, &QThread::finished, sampler, &QObject::deleteLater);
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
    connect(sampler, &Sampler::snapshotReady, this, &Monitor::onSnapshot, Qt::QueuedConnection);
    connect(sampler, &Sampler::statusChanged, this, &Monitor::onStatus, Qt::QueuedConnection);
    sampler_ = sampler;
    thread_->start();
}

void Monitor::stop() {
    if (!thread_)
        return;
    ++generation_; // anything still in flight from the old sampler is now stale
    if (sampler_) {
        QMetaObject::invokeMethod(sampler_, &Sampler::stop, Qt::QueuedConnection);
        disconnect(sampler_, nullptr, this, nullptr);
    }
    // Never wait here on the GUI thread: the worker may be inside a slow statement. It ends
    // once that statement returns (bounded by the statement timeout) and deletes itself.
    thread_->quit();
    thread_ = nullptr;
    sampler_ = nullptr;
}

void Monitor::setPaused(bool paused) {
    if (sampler_)
        QMetaObject::invokeMethod(
            sampler_, [s = sampler_, paused] { s->setPaused(paused); }, Qt::QueuedConnection);
}

void Monitor::setIntervalMs(int ms) {
    if (sampler_)
        QMetaObject::invokeMethod(
            sampler_, [s = sampler_, ms] { s->setIntervalMs(ms); }, Qt::QueuedConnection);
}

void Monitor::sampleNow() {
    if (sampler_)
        QMetaObject::invokeMethod(sampler_, &Sampler::sampleNow, Qt::QueuedConnection);
}

void Monitor::onSnapshot(quint64 generation, SnapshotPtr snapshot) {
    if (generation == generation_)
        Q_EMIT snapshotReady(std::move(snapshot));
}

void Monitor::onStatus(quint64 generation, const SamplerStatus& status) {
    if (generation == generation_)
        Q_EMIT statusChanged(status);
}

} // namespace dbt
