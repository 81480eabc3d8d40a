#include "plans/plandiagram.h"

#include "common/guiutil.h"
#include "i18n/figures.h"
#include "plans/format.h"

#include <QGraphicsPathItem>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>
#include <QWheelEvent>
#include <algorithm>

namespace dbt::gui {

namespace {

QString figuresOf(const plans::Node& node, bool hasTimes) {
    const auto& d = node.derived;
    if (hasTimes) {
        if (!d.exclusiveTimeMs)
            return node.neverExecuted ? PlanDiagramScene::tr("never executed") : QString();
        return PlanDiagramScene::tr("%1 · %2 %")
            .arg(i18n::localizedFigure(plans::detail::formatMs(*d.exclusiveTimeMs)),
                 QLocale().toString(d.timeShare * 100, 'f', 1));
    }
    if (!d.exclusiveCost)
        return {};
    return PlanDiagramScene::tr("cost %1 · %2 %")
        .arg(i18n::localizedFigure(plans::detail::formatCost(*d.exclusiveCost)),
             QLocale().toString(d.costShare * 100, 'f', 1));
}

QString rowsOf(const plans::Node& node) {
    if (!node.planRows && !node.actualRows)
        return {};
    const QString planned = node.planRows
                                ? i18n::localizedFigure(plans::detail::formatRows(*node.planRows))
                                : QStringLiteral("?");
    if (!node.actualRows)
        return PlanDiagramScene::tr("rows %1").arg(planned);
    QString text =
        PlanDiagramScene::tr("rows %1 → %2")
            .arg(planned, i18n::localizedFigure(plans::detail::formatRows(*node.actualRows)));
    if (node.derived.rowFactor && *node.derived.rowFactor >= 2)
        text += QStringLiteral(" (%1%2)").arg(
            node.derived.underestimated ? QStringLiteral("↓") : QStringLiteral("↑"),
            i18n::localizedFigure(plans::detail::formatFactor(*node.derived.rowFactor)));
    if (node.actualLoops && *node.actualLoops > 1)
        text += PlanDiagramScene::tr(" × %1 loops")
                    .arg(i18n::localizedFigure(plans::detail::formatRows(*node.actualLoops)));
    return text;
}

} // namespace

PlanDiagramScene::PlanDiagramScene(QObject* parent)
    : QGraphicsScene(parent) {
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (selecting_)
            return;
        const int node = selectedNode();
        if (node >= 0)
            emit nodeSelected(node);
    });
}

void PlanDiagramScene::setDocument(const PlanDocumentPtr& document, const QPalette& palette) {
    selecting_ = true;
    clear();
    items_.clear();
    selecting_ = false;
    setBackgroundBrush(palette.color(QPalette::Base));
    look_.base = palette.color(QPalette::Base);
    look_.text = palette.color(QPalette::Text);
    look_.dim = palette.color(QPalette::PlaceholderText);
    look_.border = palette.color(QPalette::Mid);
    look_.highlight = palette.color(QPalette::Highlight);
    look_.heat = isDarkPalette(palette) ? QColor(0xf0, 0x6a, 0x3a) : QColor(0xe0, 0x4f, 0x1a);
    look_.edge = palette.color(QPalette::Mid);
    look_.font = QFont();
    look_.font.setPointSizeF(look_.font.pointSizeF() * 0.9);
    look_.bold = look_.font;
    look_.bold.setBold(true);
    if (!document || document->plan.nodes.empty()) {
        setSceneRect(QRectF(0, 0, 10, 10));
        return;
    }
    const auto& nodes = document->plan.nodes;
    const std::size_t n = nodes.size();
    bool hasTimes = false;
    for (const auto& node : nodes)
        hasTimes = hasTimes || node.derived.exclusiveTimeMs.has_value();
    std::vector<int> severity(n, -1);
    for (const auto& insight : document->insights)
        if (insight.node >= 0 && std::size_t(insight.node) < n)
            severity[std::size_t(insight.node)] =
                std::max(severity[std::size_t(insight.node)], int(insight.severity));

    // Pass 1 (pre-order): depth from the parent, leaves numbered left to right.
    std::vector<int> depth(n, 0);
    std::vector<double> slot(n, 0);
    double nextLeaf = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const int p = nodes[i].parent;
        if (p >= 0 && std::size_t(p) < i)
            depth[i] = depth[std::size_t(p)] + 1;
        if (nodes[i].children.empty())
            slot[i] = nextLeaf++;
    }
    // Pass 2 (reverse pre-order: children before parents): a parent over its children.
    for (std::size_t k = n; k-- > 0;) {
        const auto& children = nodes[k].children;
        if (children.empty())
            continue;
        const int first = children.front();
        const int last = children.back();
        if (first > int(k) && last > int(k) && std::size_t(last) < n)
            slot[k] = (slot[std::size_t(first)] + slot[std::size_t(last)]) / 2;
    }

    const double dx = kNodeWidth + kColumnGap;
    const double dy = kNodeHeight + kRowGap;
    items_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = nodes[i];
        const double share = hasTimes ? node.derived.timeShare : node.derived.costShare;
        auto* item =
            new PlanNodeItem(&look_, int(i), qs(plans::nodeLabel(node)), figuresOf(node, hasTimes),
                             rowsOf(node), std::clamp(share, 0.0, 1.0), severity[i]);
        item->setPos(slot[i] * dx, depth[i] * dy);
        addItem(item);
        items_.push_back(item);
    }
    // Edges: an elbow from the parent's bottom to each child's top, one item per parent.
    const QPen pen(look_.edge, 1.4);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& children = nodes[i].children;
        if (children.empty())
            continue;
        QPainterPath path;
        const QPointF from = items_[i]->pos() + QPointF(kNodeWidth / 2, kNodeHeight);
        const double midY = from.y() + kRowGap / 2;
        for (int c : children) {
            if (c <= int(i) || std::size_t(c) >= n)
                continue;
            const QPointF to = items_[std::size_t(c)]->pos() + QPointF(kNodeWidth / 2, 0);
            path.moveTo(from);
            path.lineTo(from.x(), midY);
            path.lineTo(to.x(), midY);
            path.lineTo(to);
        }
        auto* edge = addPath(path, pen);
        edge->setZValue(-1);
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

PlanNodeItem* PlanDiagramScene::itemForNode(int node) const {
    if (node < 0 || std::size_t(node) >= items_.size())
        return nullptr;
    return items_[std::size_t(node)];
}

void PlanDiagramScene::selectNode(int node) {
    selecting_ = true;
    clearSelection();
    if (PlanNodeItem* item = itemForNode(node))
        item->setSelected(true);
    selecting_ = false;
}

int PlanDiagramScene::selectedNode() const {
    const QList<QGraphicsItem*> selected = selectedItems();
    for (QGraphicsItem* item : selected)
        if (auto* box = dynamic_cast<PlanNodeItem*>(item))
            return box->node();
    return -1;
}

bool PlanDiagramScene::exportPng(const QString& path, double scale) {
    return exportSceneToPng(*this, path, scale, 0.05);
}

bool PlanDiagramScene::exportSvg(const QString& path) {
    return exportSceneToSvg(*this, path, tr("dbtriage query plan"),
                            tr("Plan tree: the root at the top, boxes tinted by their share of the "
                               "plan's time."));
}

PlanNodeItem::PlanNodeItem(const PlanDiagramLook* look, int node, QString label, QString figures,
                           QString rows, double heat, int severity)
    : look_(look)
    , node_(node)
    , label_(std::move(label))
    , figures_(std::move(figures))
    , rows_(std::move(rows))
    , heat_(heat)
    , severity_(severity) {
    setFlag(QGraphicsItem::ItemIsSelectable);
    setToolTip(label_ + QLatin1Char('\n') + figures_ + QLatin1Char('\n') + rows_);
}

QRectF PlanNodeItem::boundingRect() const {
    return QRectF(-3, -3, PlanDiagramScene::kNodeWidth + 6, PlanDiagramScene::kNodeHeight + 6);
}

void PlanNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF box(0, 0, PlanDiagramScene::kNodeWidth, PlanDiagramScene::kNodeHeight);
    // Heat: the share of the plan's time mixed into the base colour.
    const double a = heat_ > 0.005 ? 0.10 + 0.55 * heat_ : 0.0;
    QColor fill = look_->base;
    fill.setRedF(fill.redF() * (1 - a) + look_->heat.redF() * a);
    fill.setGreenF(fill.greenF() * (1 - a) + look_->heat.greenF() * a);
    fill.setBlueF(fill.blueF() * (1 - a) + look_->heat.blueF() * a);
    const bool selected = isSelected();
    painter->setPen(QPen(selected ? look_->highlight : look_->border, selected ? 3 : 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 5, 5);
    if (severity_ >= 0) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(severityColor(Severity(severity_)));
        painter->drawRoundedRect(QRectF(1.5, 1.5, 6, box.height() - 3), 2, 2);
    }
    const double left = 14;
    const double width = box.width() - left - 8;
    QFontMetricsF fm(look_->bold);
    painter->setFont(look_->bold);
    painter->setPen(look_->text);
    const double line = fm.height();
    double y = 6;
    painter->drawText(QRectF(left, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(label_, Qt::ElideRight, width));
    y += line + 2;
    painter->setFont(look_->font);
    QFontMetricsF small(look_->font);
    painter->drawText(QRectF(left, y, width, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(figures_, Qt::ElideRight, width));
    y += small.height() + 1;
    painter->setPen(look_->dim);
    painter->drawText(QRectF(left, y, width, small.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(rows_, Qt::ElideRight, width));
}

PlanDiagramView::PlanDiagramView(PlanDiagramScene* scene, QWidget* parent)
    : QGraphicsView(scene, parent)
    , scene_(scene) {
    setRenderHint(QPainter::Antialiasing);
    setRenderHint(QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
}

void PlanDiagramView::zoomBy(double factor) {
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.02, 4.0);
    scale(next / current, next / current);
}

void PlanDiagramView::fit() {
    fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
    // A plan too large to read whole: start readable at the root instead.
    if (transform().m11() < 0.45) {
        resetTransform();
        scale(0.75, 0.75);
        if (PlanNodeItem* root = scene_->itemForNode(0))
            centerOn(root->pos() + QPointF(PlanDiagramScene::kNodeWidth / 2,
                                           viewport()->height() / 2.0 / 0.75 - 30));
    } else if (transform().m11() > 1.0) {
        resetTransform();
        centerOn(scene_->sceneRect().center());
    }
}

void PlanDiagramView::showNode(int node) {
    if (PlanNodeItem* item = scene_->itemForNode(node))
        ensureVisible(item, 40, 40);
}

void PlanDiagramView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PlanDiagramView::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal) {
        zoomBy(1.2);
        return;
    }
    if (event->key() == Qt::Key_Minus) {
        zoomBy(1 / 1.2);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

} // namespace dbt::gui
