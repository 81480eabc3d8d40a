// Locks: the wait-for graph (QGraphicsView) beside a tree of the same forest; zoom, fit,
// search by PID, fold threshold, export as PNG and SVG.
#pragma once

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

    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);

Q_SIGNALS:
    void showSessionRequested(qint64 pid);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void rebuildScene();
    void exportDialog(bool svg);
    void selectNode(int node, bool fromTree);

    SnapshotPtr snapshot_;
    LockForestOptions options_;
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
