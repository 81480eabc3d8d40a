// The plan drawn as a tree (QGraphicsView): the root at the top, children below it, one box per
// node with its label, its exclusive time (or cost) and share, and its rows; the box is tinted
// by its share of the plan's time (a heat colour), a stripe on the left in the severity colour
// of the node's worst insight.
//
// Layout: the layered tree layout (y by depth, leaves side by side in plan order, a parent
// centred over its first and last child), computed in two linear passes over the plan's flat
// pre-order node vector: no recursion, so plans 10,000 levels deep lay out and draw like any
// other. Items are light QGraphicsItems (no QObject each); the scene's BSP index draws only
// what is visible.
#pragma once

#include "models/planmodel.h"

#include <QFont>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPalette>
#include <vector>

namespace dbt::gui {

class PlanNodeItem;

// Colours and fonts of the boxes, from the palette (shared by all items of a scene).
struct PlanDiagramLook {
    QColor base;
    QColor text;
    QColor dim;
    QColor border;
    QColor highlight;
    QColor heat;
    QColor edge;
    QFont font;
    QFont bold;
};

class PlanDiagramScene final : public QGraphicsScene {
    Q_OBJECT
public:
    explicit PlanDiagramScene(QObject* parent = nullptr);

    // Rebuilds the items for `document` (null: empty).
    void setDocument(const PlanDocumentPtr& document, const QPalette& palette);
    int nodeItemCount() const { return int(items_.size()); }
    PlanNodeItem* itemForNode(int node) const;
    // Selects the box of `node` (-1: none) without emitting nodeSelected.
    void selectNode(int node);
    int selectedNode() const;

    bool exportPng(const QString& path, double scale = 2.0);
    bool exportSvg(const QString& path);

    static constexpr double kNodeWidth = 230;
    static constexpr double kNodeHeight = 66;
    static constexpr double kColumnGap = 22;
    static constexpr double kRowGap = 34;

Q_SIGNALS:
    // The user selected a box.
    void nodeSelected(int node);

private:
    std::vector<PlanNodeItem*> items_;
    PlanDiagramLook look_;
    bool selecting_ = false;
};

class PlanNodeItem final : public QGraphicsItem {
public:
    PlanNodeItem(const PlanDiagramLook* look, int node, QString label, QString figures,
                 QString rows, double heat, int severity);
    QRectF boundingRect() const final;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) final;
    int node() const { return node_; }
    QString label() const { return label_; }

private:
    const PlanDiagramLook* look_;
    int node_;
    QString label_;
    QString figures_;
    QString rows_;
    double heat_;
    int severity_;
};

// Zoom with Ctrl+wheel or the +/- keys, pan by dragging, fit the whole plan.
class PlanDiagramView final : public QGraphicsView {
    Q_OBJECT
public:
    explicit PlanDiagramView(PlanDiagramScene* scene, QWidget* parent = nullptr);
    void zoomBy(double factor);
    void fit();
    // Scrolls `node`'s box into view at a readable zoom.
    void showNode(int node);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    PlanDiagramScene* scene_;
};

} // namespace dbt::gui
