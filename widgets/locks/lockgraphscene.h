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
#pragma once

#include "models/lockforest.h"

#include <QGraphicsObject>
#include <QGraphicsScene>
#include <QHash>
#include <QPalette>

namespace dbt::gui {

class LockNodeItem;

class LockGraphScene final : public QGraphicsScene {
    Q_OBJECT
public:
    explicit LockGraphScene(QObject* parent = nullptr);

    // Rebuilds the items; `palette` gives the theme's colours.
    void setForest(const LockForest& forest, const QPalette& palette);
    const LockForest& forest() const { return forest_; }

    int nodeItemCount() const { return int(nodeItems_.size()); }
    int aggregateItemCount() const;
    int edgeItemCount() const { return edgeCount_; }
    // Dotted edges to the other blockers of waiters with several (LockNode::alsoBlockedBy).
    int extraEdgeItemCount() const { return extraEdgeCount_; }
    // The item that shows `pid`: its own box, or the aggregate it was folded into.
    LockNodeItem* itemForPid(qint64 pid) const;
    LockNodeItem* itemForNode(int node) const { return nodeItems_.value(node); }
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
    LockForest forest_;
    QHash<int, LockNodeItem*> nodeItems_;
    int edgeCount_ = 0;
    int extraEdgeCount_ = 0;
};

class LockNodeItem final : public QGraphicsObject {
    Q_OBJECT
public:
    LockNodeItem(const LockForest& forest, int node, const QPalette& palette);
    QRectF boundingRect() const final;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) final;
    int node() const { return node_; }
    void setHighlighted(bool on);
    QStringList lines() const { return lines_; }

private:
    int node_;
    bool root_;
    bool aggregate_;
    bool highlighted_ = false;
    QStringList lines_;
    QPalette palette_;
};

} // namespace dbt::gui
