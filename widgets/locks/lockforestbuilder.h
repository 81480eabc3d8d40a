// Builds the Locks view's forest and graph layout on a worker thread, so that a pile-up of
// thousands of waiters never stalls the GUI thread: buildLockForest() and layoutLockGraph()
// are pure functions of an immutable snapshot, and their result is handed back as an
// immutable value; the GUI thread then only resets the tree model and creates the items.
//
// One worker thread (started on the first submit), one build at a time. A request that
// arrives while a build runs waits in a single slot and replaces one waiting there, so
// samples that come faster than forests are built never queue up: the latest wins. Results
// come back on the GUI thread (the builder's thread) through built(), tagged with the
// generation given to submit(); the caller drops results older than what it shows.
#pragma once

#include "locks/lockgraphscene.h"
#include "models/lockforest.h"

#include <QObject>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace dbt::gui {

struct LockForestBuild {
    quint64 generation = 0;
    SnapshotPtr snapshot;
    LockForestOptions options;
    std::shared_ptr<const LockForest> forest;
    std::shared_ptr<const LockGraphLayout> layout;
};
using LockForestBuildPtr = std::shared_ptr<const LockForestBuild>;

// The forest and its layout, on the calling thread.
LockForestBuildPtr buildLockGraph(quint64 generation, const SnapshotPtr& snapshot,
                                  const LockForestOptions& options);

class LockForestBuilder final : public QObject {
    Q_OBJECT
public:
    explicit LockForestBuilder(QObject* parent = nullptr);
    ~LockForestBuilder() override; // waits for a running build (tens of ms at most)

    void submit(quint64 generation, SnapshotPtr snapshot, LockForestOptions options);
    // Builds started so far (for tests: a replaced request is never started).
    int started() const;

Q_SIGNALS:
    void built(dbt::gui::LockForestBuildPtr result);

private:
    struct Request {
        quint64 generation = 0;
        SnapshotPtr snapshot;
        LockForestOptions options;
    };
    void run();

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<Request> queued_;
    bool stop_ = false;
    int started_ = 0;
    std::thread thread_;
};

} // namespace dbt::gui
