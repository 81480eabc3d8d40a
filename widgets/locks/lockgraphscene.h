// The wait-for graph drawn as a graph: root blockers on the left in the critical accent,
// waiters to the right by depth, edges from each waiter to the session it waits on labelled
// with the lock mode and object, folded sibling waiters as one dashed box.
//
// Layout: a layered tree layout (x by depth, leaves stacked, parents centred on their
// children) instead of Graphviz's libgvc. After the lock forest has picked one blocker per
// waiter (see lockforest.h) the graph is a forest, for which this layout is the textbook
// one: no crossings, deterministic, linear time, and no native dependency or dot process on
// the GUI thread. libgvc's strength, general graphs with crossings to minimise, is not
// needed here; the other blockers of a waiter with several are drawn as dotted edges on top
// (LockNode::alsoBlockedBy), and the tree says "also blocked by N".
//
// Two steps: layoutLockGraph() computes positions, box texts, tool tips and edge labels as
// plain data (no widgets, no fonts: safe on a worker thread, and the Locks view runs it on
// one), LockGraphScene::setLayout() then only updates the items on the GUI thread, one item
// per box and one per edge (path, arrow head and label painted by the edge itself, so that
// no text is laid out until it is drawn), reusing the previous sample's items.
#pragma once

#include "models/lockforest.h"

#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QHash>
#include <QPalette>
#include <QStringList>
#include <memory>
#include <vector>

namespace dbt::gui {

class LockNodeItem;

// Everything the scene draws, computed off the GUI thread. Immutable once built.
struct LockGraphLayout {
    std::shared_ptr<const LockForest> forest;
    std::vector<QPointF> pos;        // top-left corner of each node's box
    std::vector<QStringList> lines;  // each box's three lines
    std::vector<QString> toolTips;   // each box's tool tip
    std::vector<QString> edgeLabels; // the edge to the parent ("" for roots)
    struct Extra {                   // a dotted edge to another blocker (alsoBlockedBy)
        QPointF from, to;
        bool ahead = true; // the blocker is in an earlier column
        QString toolTip;
    };
    std::vector<Extra> extras;
    QRectF bounds; // of everything drawn
};

// Pure; thread-safe (texts through QCoreApplication::translate).
std::shared_ptr<const LockGraphLayout> layoutLockGraph(std::shared_ptr<const LockForest> forest);

class LockGraphScene final : public QGraphicsScene {
    Q_OBJECT
public:
    explicit LockGraphScene(QObject* parent = nullptr);

    // Lays the forest out here (on the calling thread) and rebuilds the items.
    void setForest(const LockForest& forest, const QPalette& palette);
    // Rebuilds the items from a layout made elsewhere; `palette` gives the theme's colours.
    void setLayout(std::shared_ptr<const LockGraphLayout> layout, const QPalette& palette);
    const LockForest& forest() const { return *layout_->forest; }
    const std::shared_ptr<const LockGraphLayout>& graphLayout() const { return layout_; }

    int nodeItemCount() const { return int(nodeItems_.size()); }
    int aggregateItemCount() const;
    int edgeItemCount() const { return edgeCount_; }
    // Dotted edges to the other blockers of waiters with several (LockNode::alsoBlockedBy).
    int extraEdgeItemCount() const { return extraEdgeCount_; }
    // The item that shows `pid`: its own box, or the aggregate it was folded into.
    LockNodeItem* itemForPid(qint64 pid) const;
    LockNodeItem* itemForNode(int node) const {
        return node >= 0 && node < int(nodeItems_.size()) ? nodeItems_[std::size_t(node)] : nullptr;
    }
    void highlight(LockNodeItem* item);

    bool exportPng(const QString& path, double scale = 2.0);
    bool exportSvg(const QString& path);

    static constexpr double kNodeWidth = 270;
    static constexpr double kNodeHeight = 72;
    static constexpr double kColumnGap = 150;
    static constexpr double kRowGap = 14;

Q_SIGNALS:
    void nodeActivated(int node);

private:
    std::shared_ptr<const LockGraphLayout> layout_;
    std::vector<LockNodeItem*> nodeItems_;
    std::vector<QGraphicsItem*> edgeItems_;  // one per non-root node, in node order
    std::vector<QGraphicsItem*> extraItems_; // dotted edges and their arrow heads
    LockNodeItem* highlighted_ = nullptr;
    int edgeCount_ = 0;
    int extraEdgeCount_ = 0;
};

class LockNodeItem final : public QGraphicsObject {
    Q_OBJECT
public:
    LockNodeItem(const LockGraphLayout& layout, int node, const QPalette& palette);
    // Shows another node (the scene reuses its items from sample to sample).
    void set(const LockGraphLayout& layout, int node, const QPalette& palette);
    QRectF boundingRect() const final;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) final;
    int node() const { return node_; }
    void setHighlighted(bool on);
    QStringList lines() const { return lines_; }

private:
    int node_ = -1;
    bool root_ = false;
    bool aggregate_ = false;
    bool highlighted_ = false;
    QStringList lines_;
    QPalette palette_;
};

} // namespace dbt::gui
