#include "locks/lockgraphscene.h"

#include "common/guiutil.h"
#include "i18n/lockobject.h"
#include "models/locktreemodel.h"
#include "textutil.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QPainter>
#include <QPainterPathStroker>
#include <algorithm>
#include <unordered_map>

namespace dbt::gui {

namespace {

// A lock object on one line of an edge label, at most 40 characters.
QString elided(QString text) {
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > 40 ? text.left(39) + QChar(0x2026) : text;
}

constexpr double kColumnStep = LockGraphScene::kNodeWidth + LockGraphScene::kColumnGap;

// The box's three lines.
QStringList nodeLines(const LockForest& forest, const LockNode& n) {
    QStringList lines;
    const Micros now = forest.snapshot ? forest.snapshot->collectedAt : 0;
    if (n.kind == LockNode::Kind::Aggregate) {
        lines << LockNodeItem::tr("+%1 waiting").arg(n.pids.size());
        if (n.waitObjects.size() > 1)
            lines << LockNodeItem::tr("for row locks on %1 (%n rows)", nullptr,
                                      int(n.waitObjects.size()))
                         .arg(i18n::localizedLockObject(n.object));
        else
            lines << LockNodeItem::tr("for a %1 on %2")
                         .arg(LockForest::lockTypeLabel(n.lockType),
                              n.object.empty() ? LockNodeItem::tr("the same object")
                                               : i18n::localizedLockObject(n.object));
        lines << LockNodeItem::tr("PIDs %1 … %2").arg(n.pids.front()).arg(n.pids.back());
        return lines;
    }
    const Session* s = n.session;
    const bool root = n.parent < 0;
    QString title = LockNodeItem::tr("PID %1").arg(n.pid);
    if (root)
        title +=
            n.inCycle ? LockNodeItem::tr(" · lock cycle") : LockNodeItem::tr(" · root blocker");
    if (n.blockedTotal > 0)
        title += LockNodeItem::tr(" · blocks %1").arg(n.blockedTotal);
    lines << title;
    QStringList second;
    if (s && !s->application.empty())
        second << qs(s->application);
    if (s)
        second << (s->state.empty() ? LockNodeItem::tr("no state") : qs(s->state));
    const double age = LockTreeModel::ageSeconds(n, now);
    if (age >= 0)
        second << durationText(age);
    lines << (second.isEmpty() ? LockNodeItem::tr("(session details not reported)")
                               : second.join(QStringLiteral(" · ")));
    const QString holds = LockTreeModel::holdsText(forest, n);
    if (!holds.isEmpty())
        lines << LockNodeItem::tr("holds %1").arg(holds);
    else if (s && !s->query.empty())
        lines << qs(oneLine(s->query, 90));
    else
        lines << QString();
    return lines;
}

QString nodeToolTip(const LockNode& n, const QStringList& lines) {
    QString tip = lines.join(QLatin1Char('\n'));
    if (n.kind == LockNode::Kind::Aggregate && n.waitObjects.size() > 1)
        tip += QLatin1Char('\n') + LockTreeModel::waitObjectsText(n, 20);
    if (n.session && !n.session->query.empty())
        tip += QLatin1Char('\n') + qs(oneLine(n.session->query, 600));
    return tip;
}

QString edgeLabel(const LockNode& n) {
    QString label = n.mode.empty() ? LockForest::lockTypeLabel(n.lockType) : qs(n.mode);
    if (n.waitObjects.size() > 1)
        label += QLatin1Char('\n') +
                 LockGraphScene::tr("%1 (%n rows)", nullptr, int(n.waitObjects.size()))
                     .arg(elided(i18n::localizedLockObject(n.object)));
    else if (!n.object.empty())
        label += QLatin1Char('\n') + elided(i18n::localizedLockObject(n.object));
    return label;
}

// A waiter's edge to the session it waits on: the curve, the arrow head at the blocker and
// the label, in one item. The label is laid out only when painted.
class LockEdgeItem final : public QGraphicsItem {
public:
    LockEdgeItem() = default;
    void set(const QPointF& from, const QPointF& to, const QPen& pen, const QString& label,
             const QFont& font, const QColor& textColor, double lineHeight) {
        prepareGeometryChange();
        pen_ = pen;
        label_ = label;
        font_ = font;
        textColor_ = textColor;
        path_ = QPainterPath(from);
        const double dx = (from.x() - to.x()) / 2;
        path_.cubicTo(from - QPointF(dx, 0), to + QPointF(dx, 0), to);
        head_.clear();
        head_ << to << to + QPointF(9, -4.5) << to + QPointF(9, 4.5);
        // Right-aligned just before the waiter's box, above the edge's flat end.
        const double h = lineHeight * 2 + 2;
        const double w = LockGraphScene::kColumnGap + LockGraphScene::kNodeWidth / 2;
        labelRect_ = QRectF(from.x() - 8 - w, from.y() - 1 - h, w, h);
        bounds_ = path_.boundingRect()
                      .united(head_.boundingRect())
                      .united(labelRect_)
                      .adjusted(-2, -2, 2, 2);
        update();
    }
    QRectF boundingRect() const final { return bounds_; }
    QPainterPath shape() const final {
        QPainterPathStroker stroker;
        stroker.setWidth(6);
        return stroker.createStroke(path_);
    }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) final {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(pen_);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path_);
        painter->setPen(QPen(pen_.color(), 1));
        painter->setBrush(pen_.color());
        painter->drawPolygon(head_);
        if (label_.isEmpty())
            return;
        painter->setFont(font_);
        painter->setPen(textColor_);
        painter->drawText(labelRect_, Qt::AlignRight | Qt::AlignBottom, label_);
    }

private:
    QPainterPath path_;
    QPolygonF head_;
    QPen pen_;
    QString label_;
    QFont font_;
    QColor textColor_;
    QRectF labelRect_;
    QRectF bounds_;
};

} // namespace

std::shared_ptr<const LockGraphLayout> layoutLockGraph(std::shared_ptr<const LockForest> forest) {
    auto layout = std::make_shared<LockGraphLayout>();
    layout->forest = forest ? std::move(forest) : std::make_shared<const LockForest>();
    const LockForest& f = *layout->forest;
    const std::size_t count = f.nodes.size();
    if (count == 0)
        return layout;
    constexpr double kW = LockGraphScene::kNodeWidth;
    constexpr double kH = LockGraphScene::kNodeHeight;

    // y by post-order: leaves take the next row, a parent is centred on its children.
    std::vector<double> y(count, 0);
    double nextRow = 0;
    const double rowStep = kH + LockGraphScene::kRowGap;
    int maxDepth = 0;
    for (std::size_t r = 0; r < f.roots.size(); ++r) {
        // Iterative post-order (chains can be thousands deep).
        std::vector<std::pair<int, bool>> stack{{f.roots[r], false}};
        while (!stack.empty()) {
            auto [node, expanded] = stack.back();
            stack.pop_back();
            const LockNode& n = f.nodes[std::size_t(node)];
            if (n.children.empty()) {
                y[std::size_t(node)] = nextRow;
                nextRow += rowStep;
                continue;
            }
            if (!expanded) {
                stack.emplace_back(node, true);
                for (auto it = n.children.rbegin(); it != n.children.rend(); ++it)
                    stack.emplace_back(*it, false);
                continue;
            }
            y[std::size_t(node)] =
                (y[std::size_t(n.children.front())] + y[std::size_t(n.children.back())]) / 2;
        }
        nextRow += rowStep * 0.5; // a little air between trees
    }

    layout->pos.resize(count);
    layout->lines.resize(count);
    layout->toolTips.resize(count);
    layout->edgeLabels.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const LockNode& n = f.nodes[i];
        maxDepth = std::max(maxDepth, n.depth);
        layout->pos[i] = QPointF(n.depth * kColumnStep, y[i]);
        layout->lines[i] = nodeLines(f, n);
        layout->toolTips[i] = nodeToolTip(n, layout->lines[i]);
        if (n.parent >= 0)
            layout->edgeLabels[i] = edgeLabel(n);
    }

    // The other blockers of a waiter: a thinner dotted edge each to the drawn blocker.
    std::unordered_map<std::int64_t, int> indexOf;
    for (std::size_t i = 0; i < count; ++i) {
        if (f.nodes[i].kind == LockNode::Kind::Session)
            indexOf.emplace(f.nodes[i].pid, int(i));
    }
    constexpr std::size_t kMaxExtraEdges = 5000; // beyond this the picture says nothing more
    for (std::size_t i = 0; i < count && layout->extras.size() < kMaxExtraEdges; ++i) {
        const LockNode& n = f.nodes[i];
        for (std::int64_t blocker : n.alsoBlockedBy) {
            const auto it = indexOf.find(blocker);
            if (it == indexOf.end())
                continue; // folded or not drawn
            const LockNode& b = f.nodes[std::size_t(it->second)];
            LockGraphLayout::Extra e;
            e.from = QPointF(n.depth * kColumnStep, y[i] + kH / 2 + 6);
            // A blocker in an earlier column: to its right side, like the tree edges. One in
            // the same or a later column (a sibling queued ahead): to its left side, bulging
            // left, so the edge never loops around the boxes.
            e.ahead = b.depth < n.depth;
            const double bx = b.depth * kColumnStep + (e.ahead ? kW : 0);
            e.to = QPointF(bx, y[std::size_t(it->second)] + kH / 2 + 6);
            e.toolTip = LockGraphScene::tr("PID %1 also waits on PID %2").arg(n.pid).arg(blocker);
            layout->extras.push_back(std::move(e));
        }
    }
    // Labels stand in the gap left of a box; same-column extra edges bulge left by ~30.
    layout->bounds = QRectF(-40, -4, maxDepth * kColumnStep + kW + 44, nextRow + 8);
    return layout;
}

LockNodeItem::LockNodeItem(const LockGraphLayout& layout, int node, const QPalette& palette) {
    setFlag(ItemIsSelectable);
    setCursor(Qt::PointingHandCursor);
    set(layout, node, palette);
}

void LockNodeItem::set(const LockGraphLayout& layout, int node, const QPalette& palette) {
    node_ = node;
    lines_ = layout.lines[std::size_t(node)];
    palette_ = palette;
    const LockNode& n = layout.forest->nodes[std::size_t(node)];
    root_ = n.parent < 0;
    aggregate_ = n.kind == LockNode::Kind::Aggregate;
    highlighted_ = false;
    setToolTip(layout.toolTips[std::size_t(node)]);
    setPos(layout.pos[std::size_t(node)]);
    update();
}

QRectF LockNodeItem::boundingRect() const {
    return QRectF(-2, -2, LockGraphScene::kNodeWidth + 4, LockGraphScene::kNodeHeight + 4);
}

void LockNodeItem::setHighlighted(bool on) {
    highlighted_ = on;
    update();
}

void LockNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF r(0, 0, LockGraphScene::kNodeWidth, LockGraphScene::kNodeHeight);
    const QColor critical = severityColor(Severity::Critical);
    const QColor info = severityColor(Severity::Info);
    QColor fill = palette_.color(QPalette::Base);
    QPen border(palette_.color(QPalette::Mid), 1.2);
    if (root_) {
        fill = tint(palette_, critical, 0.16);
        border = QPen(critical, 2.4);
    } else if (aggregate_) {
        fill = palette_.color(QPalette::AlternateBase);
        border = QPen(palette_.color(QPalette::Mid), 1.4, Qt::DashLine);
    }
    if (highlighted_ || isSelected())
        border = QPen(info, 3);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(border);
    painter->setBrush(fill);
    painter->drawRoundedRect(r, 7, 7);

    QFont font = painter->font();
    QFont bold = font;
    bold.setBold(true);
    const QRectF text = r.adjusted(10, 6, -8, -4);
    const double lineH = text.height() / 3;
    for (int i = 0; i < lines_.size() && i < 3; ++i) {
        painter->setFont(i == 0 ? bold : font);
        if (i == 0)
            painter->setPen(root_ ? critical : palette_.color(QPalette::Text));
        else
            painter->setPen(palette_.color(QPalette::PlaceholderText));
        const QRectF line(text.left(), text.top() + i * lineH, text.width(), lineH);
        const QString elided =
            QFontMetricsF(painter->font()).elidedText(lines_[i], Qt::ElideRight, line.width());
        painter->drawText(line, Qt::AlignVCenter | Qt::AlignLeft, elided);
    }
}

LockGraphScene::LockGraphScene(QObject* parent)
    : QGraphicsScene(parent)
    , layout_(layoutLockGraph(nullptr)) {
    // Items move with every sample; an index would be rebuilt each time.
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

int LockGraphScene::aggregateItemCount() const {
    int n = 0;
    for (const LockNode& node : forest().nodes)
        n += node.kind == LockNode::Kind::Aggregate;
    return n;
}

LockNodeItem* LockGraphScene::itemForPid(qint64 pid) const {
    const LockForest& f = forest();
    for (std::size_t i = 0; i < f.nodes.size(); ++i) {
        const LockNode& n = f.nodes[i];
        const bool match = n.kind == LockNode::Kind::Session
                               ? n.pid == pid
                               : std::binary_search(n.pids.begin(), n.pids.end(), pid);
        if (match)
            return itemForNode(int(i));
    }
    return nullptr;
}

void LockGraphScene::highlight(LockNodeItem* item) {
    if (highlighted_ && highlighted_ != item)
        highlighted_->setHighlighted(false);
    highlighted_ = item;
    if (item)
        item->setHighlighted(true);
}

void LockGraphScene::setForest(const LockForest& forest, const QPalette& palette) {
    setLayout(layoutLockGraph(std::make_shared<const LockForest>(forest)), palette);
}

void LockGraphScene::setLayout(std::shared_ptr<const LockGraphLayout> layout,
                               const QPalette& palette) {
    layout_ = layout ? std::move(layout) : layoutLockGraph(nullptr);
    const LockGraphLayout& l = *layout_;
    const LockForest& f = *l.forest;
    const std::size_t count = f.nodes.size();
    const std::size_t edges = count - f.roots.size();
    clearSelection();
    highlighted_ = nullptr;
    // Items are reused from one sample to the next (most of a pile-up stays the same size).
    // Removing items one by one costs a scan of the scene's list each, so when many go, all
    // go at once.
    for (QGraphicsItem* extra : extraItems_)
        delete extra; // a few at most: other blockers
    extraItems_.clear();
    const std::size_t surplus = (nodeItems_.size() > count ? nodeItems_.size() - count : 0) +
                                (edgeItems_.size() > edges ? edgeItems_.size() - edges : 0);
    if (surplus > 64) {
        clear();
        nodeItems_.clear();
        edgeItems_.clear();
    }
    while (nodeItems_.size() > count) {
        delete nodeItems_.back();
        nodeItems_.pop_back();
    }
    while (edgeItems_.size() > edges) {
        delete edgeItems_.back();
        edgeItems_.pop_back();
    }
    edgeCount_ = 0;
    extraEdgeCount_ = 0;
    setBackgroundBrush(palette.color(QPalette::Base));
    if (count == 0) {
        setSceneRect(QRectF());
        return;
    }

    const QColor critical = severityColor(Severity::Critical);
    QFont labelFont;
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.85);
    const double lineHeight = QFontMetricsF(labelFont).lineSpacing();
    const QColor textColor = palette.color(QPalette::Text);
    nodeItems_.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i < nodeItems_.size()) {
            nodeItems_[i]->set(l, int(i), palette);
            continue;
        }
        auto* item = new LockNodeItem(l, int(i), palette);
        item->setZValue(1);
        addItem(item);
        nodeItems_.push_back(item);
    }
    edgeItems_.reserve(edges);
    for (std::size_t i = 0; i < count; ++i) {
        const LockNode& n = f.nodes[i];
        if (n.parent < 0)
            continue;
        // Waiter (right) -> the session it waits on (left), arrow at the blocker.
        const QPointF from = l.pos[i] + QPointF(0, kNodeHeight / 2);
        const LockNode& p = f.nodes[std::size_t(n.parent)];
        const QPointF to = l.pos[std::size_t(n.parent)] + QPointF(kNodeWidth, kNodeHeight / 2);
        const QPen pen(p.parent < 0 ? critical : palette.color(QPalette::Mid), n.hard ? 1.6 : 1.2,
                       n.hard ? Qt::SolidLine : Qt::DashLine);
        const auto e = std::size_t(edgeCount_++);
        if (e >= edgeItems_.size()) {
            auto* edge = new LockEdgeItem;
            edge->setZValue(0);
            addItem(edge);
            edgeItems_.push_back(edge);
        }
        static_cast<LockEdgeItem*>(edgeItems_[e])
            ->set(from, to, pen, l.edgeLabels[i], labelFont, textColor, lineHeight);
    }
    const QPen extraPen(palette.color(QPalette::Mid), 1.0, Qt::DotLine);
    for (const LockGraphLayout::Extra& e : l.extras) {
        QPainterPath path(e.from);
        if (e.ahead) {
            const double dx = std::max(40.0, (e.from.x() - e.to.x()) / 2);
            path.cubicTo(e.from - QPointF(dx, 0), e.to + QPointF(dx, 0), e.to);
        } else {
            path.cubicTo(e.from - QPointF(36, 0), e.to - QPointF(36, 0), e.to);
        }
        auto* edge = addPath(path, extraPen);
        edge->setZValue(0);
        edge->setToolTip(e.toolTip);
        const double dir = e.ahead ? 1.0 : -1.0;
        QPolygonF head;
        head << e.to << e.to + QPointF(8 * dir, -4) << e.to + QPointF(8 * dir, 4);
        auto* arrow = addPolygon(head, QPen(extraPen.color(), 1), extraPen.color());
        arrow->setZValue(0);
        extraItems_.push_back(edge);
        extraItems_.push_back(arrow);
        ++extraEdgeCount_;
    }
    setSceneRect(l.bounds.adjusted(-20, -20, 20, 20));
}

bool LockGraphScene::exportPng(const QString& path, double scale) {
    return exportSceneToPng(*this, path, scale, 0.1);
}

bool LockGraphScene::exportSvg(const QString& path) {
    return exportSceneToSvg(*this, path, tr("dbtriage lock graph"),
                            tr("Wait-for graph: root blockers on the left, waiters to the right."));
}

} // namespace dbt::gui
