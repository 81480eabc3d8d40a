#include "locks/lockgraphscene.h"

#include "common/guiutil.h"
#include "models/locktreemodel.h"
#include "textutil.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QPainter>

namespace dbt::gui {

LockNodeItem::LockNodeItem(const LockForest& forest, int node, const QPalette& palette)
    : node_(node)
    , palette_(palette) {
    const LockNode& n = forest.nodes[std::size_t(node)];
    root_ = n.parent < 0;
    aggregate_ = n.kind == LockNode::Kind::Aggregate;
    const Micros now = forest.snapshot ? forest.snapshot->collectedAt : 0;
    if (aggregate_) {
        lines_ << tr("+%1 waiting").arg(n.pids.size());
        lines_ << tr("for a %1 on %2")
                      .arg(qs(LockForest::lockTypeText(n.lockType)),
                           n.object.empty() ? tr("the same object") : qs(n.object));
        lines_ << tr("PIDs %1 … %2").arg(n.pids.front()).arg(n.pids.back());
    } else {
        const Session* s = n.session;
        QString title = tr("PID %1").arg(n.pid);
        if (root_)
            title += n.inCycle ? tr(" · lock cycle") : tr(" · root blocker");
        if (n.blockedTotal > 0)
            title += tr(" · blocks %1").arg(n.blockedTotal);
        lines_ << title;
        QStringList second;
        if (s && !s->application.empty())
            second << qs(s->application);
        if (s)
            second << (s->state.empty() ? tr("no state") : qs(s->state));
        const double age = LockTreeModel::ageSeconds(n, now);
        if (age >= 0)
            second << durationText(age);
        lines_ << (second.isEmpty() ? tr("(session details not reported)")
                                    : second.join(QStringLiteral(" · ")));
        const QString holds = LockTreeModel::holdsText(forest, n);
        if (!holds.isEmpty())
            lines_ << tr("holds %1").arg(holds);
        else if (s && !s->query.empty())
            lines_ << qs(oneLine(s->query, 90));
        else
            lines_ << QString();
    }
    setFlag(ItemIsSelectable);
    setCursor(Qt::PointingHandCursor);
    const QString tip = lines_.join(QLatin1Char('\n'));
    setToolTip(n.session && !n.session->query.empty()
                   ? tip + QLatin1Char('\n') + qs(oneLine(n.session->query, 600))
                   : tip);
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
    : QGraphicsScene(parent) {
    // Items are rebuilt wholesale per sample; no index to maintain.
    setItemIndexMethod(QGraphicsScene::NoIndex);
}

int LockGraphScene::aggregateItemCount() const {
    int n = 0;
    for (const LockNode& node : forest_.nodes)
        n += node.kind == LockNode::Kind::Aggregate;
    return n;
}

LockNodeItem* LockGraphScene::itemForPid(qint64 pid) const {
    for (std::size_t i = 0; i < forest_.nodes.size(); ++i) {
        const LockNode& n = forest_.nodes[i];
        const bool match = n.kind == LockNode::Kind::Session
                               ? n.pid == pid
                               : std::binary_search(n.pids.begin(), n.pids.end(), pid);
        if (match)
            return nodeItems_.value(int(i));
    }
    return nullptr;
}

void LockGraphScene::highlight(LockNodeItem* item) {
    for (LockNodeItem* other : std::as_const(nodeItems_))
        other->setHighlighted(other == item);
}

void LockGraphScene::setForest(const LockForest& forest, const QPalette& palette) {
    clear();
    nodeItems_.clear();
    edgeCount_ = 0;
    extraEdgeCount_ = 0;
    forest_ = forest;
    setBackgroundBrush(palette.color(QPalette::Base));
    const std::size_t count = forest_.nodes.size();
    if (count == 0) {
        setSceneRect(QRectF());
        return;
    }

    // y by post-order: leaves take the next row, a parent is centred on its children.
    std::vector<double> y(count, 0);
    double nextRow = 0;
    const double rowStep = kNodeHeight + kRowGap;
    for (std::size_t r = 0; r < forest_.roots.size(); ++r) {
        // Iterative post-order (chains can be thousands deep).
        std::vector<std::pair<int, bool>> stack{{forest_.roots[r], false}};
        while (!stack.empty()) {
            auto [node, expanded] = stack.back();
            stack.pop_back();
            const LockNode& n = forest_.nodes[std::size_t(node)];
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

    const QColor critical = severityColor(Severity::Critical);
    QFont labelFont;
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.85);
    for (std::size_t i = 0; i < count; ++i) {
        const LockNode& n = forest_.nodes[i];
        auto* item = new LockNodeItem(forest_, int(i), palette);
        item->setPos(n.depth * (kNodeWidth + kColumnGap), y[i]);
        item->setZValue(1);
        addItem(item);
        nodeItems_.insert(int(i), item);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const LockNode& n = forest_.nodes[i];
        if (n.parent < 0)
            continue;
        // Waiter (right) -> the session it waits on (left), arrow at the blocker.
        const QPointF from(n.depth * (kNodeWidth + kColumnGap), y[i] + kNodeHeight / 2);
        const LockNode& p = forest_.nodes[std::size_t(n.parent)];
        const QPointF to(p.depth * (kNodeWidth + kColumnGap) + kNodeWidth,
                         y[std::size_t(n.parent)] + kNodeHeight / 2);
        QPainterPath path(from);
        const double dx = (from.x() - to.x()) / 2;
        path.cubicTo(from - QPointF(dx, 0), to + QPointF(dx, 0), to);
        QPen pen(p.parent < 0 ? critical : palette.color(QPalette::Mid), n.hard ? 1.6 : 1.2,
                 n.hard ? Qt::SolidLine : Qt::DashLine);
        auto* edge = addPath(path, pen);
        edge->setZValue(0);
        // Arrow head at the blocker.
        QPolygonF head;
        head << to << to + QPointF(9, -4.5) << to + QPointF(9, 4.5);
        addPolygon(head, QPen(pen.color(), 1), pen.color())->setZValue(0);
        ++edgeCount_;

        QString label = qs(n.mode.empty() ? LockForest::lockTypeText(n.lockType) : n.mode);
        if (!n.object.empty())
            label += QLatin1Char('\n') + qs(oneLine(n.object, 40));
        auto* text = addSimpleText(label, labelFont);
        text->setBrush(palette.color(QPalette::Text));
        text->setZValue(2);
        const QRectF tb = text->boundingRect();
        // Right-aligned just before the waiter's box, above the edge's flat end.
        text->setPos(from.x() - tb.width() - 8, from.y() - tb.height() - 1);
    }
    // The other blockers of a waiter: a thinner dotted edge each to the drawn blocker.
    QHash<std::int64_t, int> indexOf;
    for (std::size_t i = 0; i < count; ++i) {
        if (forest_.nodes[i].kind == LockNode::Kind::Session)
            indexOf.insert(forest_.nodes[i].pid, int(i));
    }
    const QPen extraPen(palette.color(QPalette::Mid), 1.0, Qt::DotLine);
    constexpr int kMaxExtraEdges = 5000; // beyond this the picture says nothing more
    for (std::size_t i = 0; i < count && extraEdgeCount_ < kMaxExtraEdges; ++i) {
        const LockNode& n = forest_.nodes[i];
        for (std::int64_t blocker : n.alsoBlockedBy) {
            const auto it = indexOf.constFind(blocker);
            if (it == indexOf.constEnd())
                continue; // folded or not drawn
            const LockNode& b = forest_.nodes[std::size_t(*it)];
            const QPointF from(n.depth * (kNodeWidth + kColumnGap), y[i] + kNodeHeight / 2 + 6);
            // A blocker in an earlier column: to its right side, like the tree edges. One in
            // the same or a later column (a sibling queued ahead): to its left side, bulging
            // left, so the edge never loops around the boxes.
            const bool ahead = b.depth < n.depth;
            const double bx = b.depth * (kNodeWidth + kColumnGap) + (ahead ? kNodeWidth : 0);
            const QPointF to(bx, y[std::size_t(*it)] + kNodeHeight / 2 + 6);
            QPainterPath path(from);
            if (ahead) {
                const double dx = std::max(40.0, (from.x() - to.x()) / 2);
                path.cubicTo(from - QPointF(dx, 0), to + QPointF(dx, 0), to);
            } else {
                path.cubicTo(from - QPointF(36, 0), to - QPointF(36, 0), to);
            }
            auto* edge = addPath(path, extraPen);
            edge->setZValue(0);
            edge->setToolTip(tr("PID %1 also waits on PID %2").arg(n.pid).arg(blocker));
            const double dir = ahead ? 1.0 : -1.0;
            QPolygonF head;
            head << to << to + QPointF(8 * dir, -4) << to + QPointF(8 * dir, 4);
            addPolygon(head, QPen(extraPen.color(), 1), extraPen.color())->setZValue(0);
            ++extraEdgeCount_;
        }
    }
    setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

bool LockGraphScene::exportPng(const QString& path, double scale) {
    return exportSceneToPng(*this, path, scale, 0.1);
}

bool LockGraphScene::exportSvg(const QString& path) {
    return exportSceneToSvg(*this, path, tr("dbtriage lock graph"),
                            tr("Wait-for graph: root blockers on the left, waiters to the right."));
}

} // namespace dbt::gui
