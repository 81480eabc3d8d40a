#include "locks/lockforestbuilder.h"

#include <QMetaObject>

namespace dbt::gui {

LockForestBuildPtr buildLockGraph(quint64 generation, const SnapshotPtr& snapshot,
                                  const LockForestOptions& options) {
    auto result = std::make_shared<LockForestBuild>();
    result->generation = generation;
    result->snapshot = snapshot;
    result->options = options;
    result->forest = std::make_shared<const LockForest>(buildLockForest(snapshot, options));
    result->layout = layoutLockGraph(result->forest);
    return result;
}

LockForestBuilder::LockForestBuilder(QObject* parent)
    : QObject(parent) {}

LockForestBuilder::~LockForestBuilder() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
        queued_.reset();
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
    // A result posted just before the join dies with this object's posted events.
}

void LockForestBuilder::submit(quint64 generation, SnapshotPtr snapshot,
                               LockForestOptions options) {
    {
        const std::lock_guard lock(mutex_);
        queued_ = Request{generation, std::move(snapshot), options};
        if (!thread_.joinable())
            thread_ = std::thread([this] { run(); });
    }
    wake_.notify_one();
}

int LockForestBuilder::started() const {
    const std::lock_guard lock(mutex_);
    return started_;
}

void LockForestBuilder::run() {
    for (;;) {
        Request request;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || queued_.has_value(); });
            if (stop_)
                return;
            request = std::move(*queued_);
            queued_.reset();
            ++started_;
        }
        LockForestBuildPtr result =
            buildLockGraph(request.generation, request.snapshot, request.options);
        request.snapshot.reset();
        QMetaObject::invokeMethod(
            this, [this, result = std::move(result)] { Q_EMIT built(result); },
            Qt::QueuedConnection);
    }
}

} // namespace dbt::gui
