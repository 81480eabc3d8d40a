// Locks: the wait-for graph (QGraphicsView) beside a tree of the same forest; zoom, fit,
// search by PID, fold threshold, export as PNG and SVG.
//
// A sample with more than synchronousBuildLimit() lock waits is built on a worker
// (LockForestBuilder: forest, layout and texts); until its result arrives the view keeps
// showing the previous one. A result is shown only if it is newer than the one shown and was
// built with the current fold options; others are dropped (buildDropped()). Small samples
// are built at once, which also supersedes a build still running.
#pragma once

#include "locks/lockforestbuilder.h"
#include "models/lockforest.h"

#include <QEvent>
#include <QGraphicsView>
#include <QWidget>

class QLabel;
class QLineEdit;
class QSpinBox;
class QSplitter;
class QTreeView;

namespace dbt {
class LockTreeModel;
}

namespace dbt::gui {

class LockGraphScene;
class MessageStack;

class LockGraphView final : public QGraphicsView {
    Q_OBJECT
public:
    using QGraphicsView::QGraphicsView;
    void zoomBy(double factor);
    void fit();

protected:
    void wheelEvent(QWheelEvent* event) final;
};

class LocksView final : public QWidget {
    Q_OBJECT
public:
    explicit LocksView(QWidget* parent = nullptr);

    void setSnapshot(const SnapshotPtr& snapshot);
    void setAggregateAbove(int threshold);
    // Centres the graph on the PID (or the folded group that holds it); false if absent.
    bool findPid(qint64 pid);

    LockGraphScene* scene() const { return scene_; }
    LockGraphView* graphView() const { return view_; }
    LockTreeModel* treeModel() const { return model_; }
    QTreeView* tree() const { return tree_; }
    QSplitter* splitter() const { return splitter_; }
    MessageStack* stack() const { return stack_; }
    QString summaryText() const;

    // The snapshot the graph and tree show now (the one given last once its build is done).
    const SnapshotPtr& shownSnapshot() const { return shownSnapshot_; }
    bool buildPending() const { return awaiting_ != 0; }
    int synchronousBuildLimit() const { return syncLimit_; }
    void setSynchronousBuildLimit(int lockWaits) { syncLimit_ = lockWaits; }
    int droppedBuilds() const { return dropped_; }

    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);

Q_SIGNALS:
    void showSessionRequested(qint64 pid);
    // A new forest is shown (tree and, when visible, graph updated).
    void forestShown();
    // A worker's result was older than the one shown, or built with other options.
    void buildDropped();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void apply(const LockForestBuildPtr& build);
    void onBuilt(const LockForestBuildPtr& build);
    void rebuildScene();
    void exportDialog(bool svg);
    void selectNode(int node, bool fromTree);

    SnapshotPtr snapshot_;
    SnapshotPtr shownSnapshot_;
    LockForestOptions options_;
    LockForestBuilder* builder_;
    std::shared_ptr<const LockGraphLayout> layout_;
    quint64 generation_ = 0; // of the latest request
    quint64 shown_ = 0;      // of the build shown
    quint64 awaiting_ = 0;   // of the worker's build still to come (0: none)
    int syncLimit_ = 500;
    int dropped_ = 0;
    LockGraphScene* scene_;
    LockGraphView* view_;
    LockTreeModel* model_;
    QTreeView* tree_;
    MessageStack* stack_;
    QSplitter* splitter_;
    QLabel* summary_;
    QLineEdit* find_;
    QSpinBox* foldAbove_;
    bool sceneDirty_ = true;
    bool fitPending_ = true;
};

} // namespace dbt::gui
