#include "render/charts.h"

#include "bundle/manifest.h"
#include "textutil.h"
#include "timefmt.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace dbt::render {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QFont font(int pixels, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

QByteArray encodePng(const QImage& image) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

QString clockTime(Micros t) {
    const std::string s = formatRfc3339(t); // 2026-11-25T07:40:01.123Z
    return s.size() >= 19 ? q(s.substr(11, 8)) : q(s);
}

// 1, 2, 5 × 10^n step for about `ticks` ticks up to `max`.
double niceStep(double max, int ticks) {
    const double raw = std::max(max, 1.0) / ticks;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (raw <= m * mag)
            return std::max(1.0, m * mag);
    }
    return std::max(1.0, 10 * mag);
}

QColor stateColor(const std::string& state, int index) {
    static const std::map<std::string, QColor> known = {
        {"active", QColor(0x2e, 0x7d, 0x32)},
        {"idle", QColor(0x90, 0xa4, 0xae)},
        {"idle in transaction", QColor(0xef, 0x6c, 0x00)},
        {"idle in transaction (aborted)", QColor(0xc6, 0x28, 0x28)},
        {"fastpath function call", QColor(0x6a, 0x1b, 0x9a)},
        {"disabled", QColor(0x42, 0x42, 0x42)},
    };
    if (const auto it = known.find(state); it != known.end())
        return it->second;
    static const QColor palette[] = {QColor(0x15, 0x65, 0xc0), QColor(0x00, 0x83, 0x8f),
                                     QColor(0x8d, 0x6e, 0x63), QColor(0xad, 0x14, 0x57),
                                     QColor(0x55, 0x8b, 0x2f), QColor(0x45, 0x5a, 0x64)};
    return palette[static_cast<std::size_t>(index) % (sizeof palette / sizeof palette[0])];
}

// ------------------------------------------------------------------ connections chart

void paintConnections(QPainter& p, const std::vector<SnapshotPtr>& samples, QSize size) {
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    const QRectF plot(70, 60, size.width() - 70 - 230, size.height() - 60 - 56);

    const Snapshot& last = *samples.back();
    p.setPen(QColor(0x21, 0x21, 0x21));
    p.setFont(font(17, true));
    p.drawText(QPointF(16, 26), QStringLiteral("Connections by state"));
    p.setFont(font(12));
    const QString subtitle = q(describeServer(last.server));
    p.drawText(QPointF(16, 46),
               QFontMetrics(font(12)).elidedText(subtitle, Qt::ElideRight, size.width() - 32));

    // States, most connections first; beyond six they are summed as "other".
    std::map<std::string, std::int64_t> sums;
    for (const SnapshotPtr& s : samples) {
        for (const auto& [state, n] : s->connections.byState)
            sums[state.empty() ? std::string("(no state)") : state] += n;
    }
    std::vector<std::string> states;
    for (const auto& [state, n] : sums)
        states.push_back(state);
    std::stable_sort(states.begin(), states.end(),
                     [&](const auto& a, const auto& b) { return sums[a] > sums[b]; });
    const bool other = states.size() > 6;
    if (other)
        states.resize(6);
    const std::size_t layers = states.size() + (other ? 1 : 0);
    auto value = [&](const Snapshot& s, std::size_t layer) -> double {
        std::int64_t n = 0;
        for (const auto& [state, count] : s.connections.byState) {
            const std::string key = state.empty() ? std::string("(no state)") : state;
            const auto it = std::find(states.begin(), states.end(), key);
            const std::size_t idx =
                it == states.end() ? states.size() : static_cast<std::size_t>(it - states.begin());
            if (idx == layer)
                n += count;
        }
        return static_cast<double>(n);
    };

    double top = 1;
    for (const SnapshotPtr& s : samples) {
        double stacked = 0;
        for (std::size_t l = 0; l < layers; ++l)
            stacked += value(*s, l);
        top = std::max({top, stacked, static_cast<double>(s->connections.total),
                        static_cast<double>(s->connections.max),
                        static_cast<double>(s->connections.usable())});
    }
    const double step = niceStep(top * 1.08, 6);
    const double yMax = std::ceil(top * 1.08 / step) * step;
    auto y = [&](double v) { return plot.bottom() - v / yMax * plot.height(); };

    // Grid and y axis
    p.setFont(font(11));
    for (double v = 0; v <= yMax + 0.5; v += step) {
        p.setPen(QPen(QColor(0xe0, 0xe0, 0xe0), 1));
        p.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)));
        p.setPen(QColor(0x61, 0x61, 0x61));
        p.drawText(QRectF(0, y(v) - 8, plot.left() - 8, 16), Qt::AlignRight | Qt::AlignVCenter,
                   QString::number(static_cast<qint64>(v)));
    }

    // x positions
    const Micros t0 = samples.front()->collectedAt;
    const Micros t1 = last.collectedAt;
    const bool single = samples.size() == 1 || t1 <= t0;
    auto x = [&](Micros t) {
        return single ? plot.center().x()
                      : plot.left() + static_cast<double>(t - t0) / static_cast<double>(t1 - t0) *
                                          plot.width();
    };

    // Stacked areas (or one stacked bar)
    std::vector<double> base(samples.size(), 0.0);
    for (std::size_t l = 0; l < layers; ++l) {
        const QColor color = l < states.size() ? stateColor(states[l], static_cast<int>(l))
                                               : QColor(0xbd, 0xbd, 0xbd);
        std::vector<double> upper(samples.size());
        for (std::size_t i = 0; i < samples.size(); ++i)
            upper[i] = base[i] + value(*samples[i], l);
        QColor fill = color;
        fill.setAlpha(200);
        p.setPen(QPen(color.darker(120), 1));
        p.setBrush(fill);
        if (single) {
            const double cx = plot.center().x();
            p.drawRect(QRectF(QPointF(cx - 40, y(upper[0])), QPointF(cx + 40, y(base[0]))));
        } else {
            QPainterPath path;
            path.moveTo(x(samples[0]->collectedAt), y(upper[0]));
            for (std::size_t i = 1; i < samples.size(); ++i)
                path.lineTo(x(samples[i]->collectedAt), y(upper[i]));
            for (std::size_t i = samples.size(); i-- > 0;)
                path.lineTo(x(samples[i]->collectedAt), y(base[i]));
            path.closeSubpath();
            p.drawPath(path);
        }
        base = upper;
    }
    p.setBrush(Qt::NoBrush);

    // Limits: usable maximum and max_connections (their values in the last sample). Labels:
    // the usable maximum on the left, max_connections on the right, so that close values do
    // not overwrite each other.
    auto limitLine = [&](double v, const QColor& color, Qt::PenStyle style, const QString& label,
                         bool right) {
        if (v <= 0)
            return;
        p.setPen(QPen(color, 2, style));
        p.drawLine(QPointF(plot.left(), y(v)), QPointF(plot.right(), y(v)));
        p.setFont(font(11, true));
        const QRectF box(plot.left() + 6, y(v) - 18, plot.width() - 12, 16);
        p.drawText(box, (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignBottom, label);
    };
    const ConnectionCounts& lc = last.connections;
    if (lc.max != lc.usable())
        limitLine(static_cast<double>(lc.max), QColor(0x75, 0x75, 0x75), Qt::DotLine,
                  QStringLiteral("max_connections %1").arg(lc.max), true);
    limitLine(static_cast<double>(lc.usable()), QColor(0xc6, 0x28, 0x28), Qt::DashLine,
              QStringLiteral("usable maximum %1").arg(lc.usable()), false);

    // Total as a line over the areas
    if (!single) {
        p.setPen(QPen(QColor(0x21, 0x21, 0x21), 2));
        QPainterPath total;
        total.moveTo(x(samples[0]->collectedAt),
                     y(static_cast<double>(samples[0]->connections.total)));
        for (std::size_t i = 1; i < samples.size(); ++i)
            total.lineTo(x(samples[i]->collectedAt),
                         y(static_cast<double>(samples[i]->connections.total)));
        p.drawPath(total);
    }

    // Axes and time labels
    p.setPen(QPen(QColor(0x42, 0x42, 0x42), 1));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    p.setFont(font(11));
    if (single) {
        p.drawText(QRectF(plot.center().x() - 60, plot.bottom() + 6, 120, 16), Qt::AlignCenter,
                   clockTime(t0));
    } else {
        const int ticks = std::min<int>(6, static_cast<int>(samples.size()));
        for (int i = 0; i < ticks; ++i) {
            const Micros t = t0 + (t1 - t0) * i / std::max(1, ticks - 1);
            const double tx = x(t);
            p.drawLine(QPointF(tx, plot.bottom()), QPointF(tx, plot.bottom() + 4));
            p.drawText(QRectF(tx - 50, plot.bottom() + 6, 100, 16), Qt::AlignCenter, clockTime(t));
        }
    }
    const QString range = single ? QStringLiteral("1 sample at %1").arg(q(formatRfc3339(t0)))
                                 : QStringLiteral("%1 samples, %2 → %3")
                                       .arg(samples.size())
                                       .arg(q(formatRfc3339(t0)), q(formatRfc3339(t1)));
    p.drawText(QRectF(plot.left() - 40, plot.bottom() + 24, plot.width() + 80, 16), Qt::AlignCenter,
               QStringLiteral("time (UTC, the server's clock): ") + range);

    // Legend, top state first
    double ly = plot.top();
    const double lx = plot.right() + 20;
    p.setFont(font(12));
    for (std::size_t l = layers; l-- > 0;) {
        const QColor color = l < states.size() ? stateColor(states[l], static_cast<int>(l))
                                               : QColor(0xbd, 0xbd, 0xbd);
        const QString name = l < states.size() ? q(states[l]) : QStringLiteral("other states");
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRect(QRectF(lx, ly + 2, 14, 14));
        p.setBrush(Qt::NoBrush);
        p.setPen(QColor(0x21, 0x21, 0x21));
        p.drawText(QPointF(lx + 20, ly + 14),
                   QFontMetrics(font(12)).elidedText(name, Qt::ElideRight, 180));
        ly += 22;
    }
    ly += 8;
    p.setPen(QColor(0x21, 0x21, 0x21));
    p.drawText(QPointF(lx, ly + 14),
               QStringLiteral("now: %1 of %2 usable").arg(lc.total).arg(lc.usable()));
}

// ------------------------------------------------------------------ lock graph

struct Node {
    std::int64_t pid = 0; // 0 for an aggregate box
    int layer = 0;
    QString line1;
    QString line2;
    QString line3;
    enum Kind { Root, Waiter, More } kind = Waiter;
    bool soft = false; // reached through a "queued behind" edge
    std::vector<int> children;
    double row = 0; // vertical position in rows
};

struct Graph {
    std::vector<Node> nodes;
    std::vector<int> roots;
    int rows = 0;
    int layers = 0;
    QString title;
    QString subtitle;
};

constexpr double kBoxW = 300;
constexpr double kBoxH = 60;
constexpr double kColW = 350;
constexpr double kRowH = 72;
constexpr double kTop = 70;
constexpr double kLeft = 20;
constexpr double kBottom = 50;

Graph buildGraph(const Snapshot& s, const LockGraphOptions& o) {
    Graph g;
    std::unordered_map<std::int64_t, std::vector<const LockWait*>> waitersOf;
    for (const LockWait& w : s.lockWaits)
        waitersOf[w.blockingPid].push_back(&w);
    std::unordered_map<std::int64_t, const Session*> sessions;
    for (const Session& x : s.sessions)
        sessions.emplace(x.pid, &x);
    std::unordered_map<std::int64_t, std::int64_t> blockedTotal;
    for (const RootBlocker& r : s.rootBlockers)
        blockedTotal[r.pid] = r.blockedTotal;

    std::set<std::int64_t> waiting;
    for (const LockWait& w : s.lockWaits)
        waiting.insert(w.waitingPid);
    g.title = QStringLiteral("Lock graph: %1 root blocker%2, %3 waiting session%4")
                  .arg(s.rootBlockers.size())
                  .arg(s.rootBlockers.size() == 1 ? QString() : QStringLiteral("s"))
                  .arg(waiting.size())
                  .arg(waiting.size() == 1 ? QString() : QStringLiteral("s"));
    g.subtitle = q(describeServer(s.server)) + QStringLiteral(" · ") +
                 q(formatRfc3339(s.collectedAt)) + QStringLiteral(" UTC");

    std::set<std::int64_t> placed;
    struct Item {
        int node;
        std::int64_t pid;
        int depth;
    };
    std::vector<Item> queue;
    auto sessionLine = [&](std::int64_t pid) {
        const auto it = sessions.find(pid);
        if (it == sessions.end())
            return QStringLiteral("pid %1").arg(pid);
        const Session& x = *it->second;
        QString line = QStringLiteral("pid %1").arg(pid);
        if (!x.state.empty())
            line += QStringLiteral(" · ") + q(x.state);
        return line;
    };
    auto appLine = [&](std::int64_t pid) {
        const auto it = sessions.find(pid);
        if (it == sessions.end())
            return QString();
        const Session& x = *it->second;
        QString app = q(x.application.empty() ? x.user : x.application);
        return app;
    };

    std::size_t shownRoots = 0;
    for (const RootBlocker& r : s.rootBlockers) {
        if (static_cast<int>(shownRoots) == o.maxRoots) {
            Node more;
            more.kind = Node::More;
            more.line1 =
                QStringLiteral("+ %1 more root blockers").arg(s.rootBlockers.size() - shownRoots);
            more.line2 = QStringLiteral("lock_waits.csv has them all");
            g.roots.push_back(static_cast<int>(g.nodes.size()));
            g.nodes.push_back(more);
            break;
        }
        ++shownRoots;
        Node n;
        n.pid = r.pid;
        n.kind = Node::Root;
        n.line1 = QStringLiteral("pid %1 · blocks %2 session%3")
                      .arg(r.pid)
                      .arg(r.blockedTotal)
                      .arg(r.blockedTotal == 1 ? QString() : QStringLiteral("s"));
        // The most telling lock (RootBlocker::holds is ranked: what others wait for first).
        const HeldLock* hold = r.holds.empty() ? nullptr : &r.holds.front();
        QStringList parts;
        QString state = r.state.empty() ? QStringLiteral("state unknown") : q(r.state);
        if (r.stateChange && r.state != "active")
            state += QStringLiteral(" for ") +
                     q(formatDuration(static_cast<double>(s.collectedAt - *r.stateChange) / 1e6));
        parts << state;
        if (!r.application.empty() || !r.user.empty())
            parts << q(r.application.empty() ? r.user : r.application);
        n.line2 = parts.join(QStringLiteral(" · "));
        if (hold)
            n.line3 = QStringLiteral("holds ") + q(hold->mode) +
                      (hold->object.empty() ? QString() : QStringLiteral(" on ") + q(hold->object));
        placed.insert(r.pid);
        g.roots.push_back(static_cast<int>(g.nodes.size()));
        queue.push_back({static_cast<int>(g.nodes.size()), r.pid, 0});
        g.nodes.push_back(n);
    }

    // Breadth-first, so that the box budget is shared fairly between roots and levels.
    for (std::size_t qi = 0; qi < queue.size(); ++qi) {
        const Item item = queue[qi];
        std::vector<const LockWait*> children;
        std::set<std::int64_t> seen;
        for (const LockWait* w : waitersOf[item.pid]) {
            if (!placed.count(w->waitingPid) && seen.insert(w->waitingPid).second)
                children.push_back(w);
        }
        std::sort(children.begin(), children.end(),
                  [](const auto* a, const auto* b) { return a->waitingPid < b->waitingPid; });
        std::size_t shown = 0;
        const bool deep = item.depth + 1 > o.maxDepth;
        for (const LockWait* w : children) {
            if (deep || static_cast<int>(shown) == o.maxChildren ||
                static_cast<int>(g.nodes.size()) >= o.maxNodes - 1)
                break;
            ++shown;
            placed.insert(w->waitingPid);
            Node n;
            n.pid = w->waitingPid;
            n.layer = item.depth + 1;
            n.soft = !w->hard;
            n.line1 = sessionLine(w->waitingPid);
            const QString app = appLine(w->waitingPid);
            n.line2 = QStringLiteral("waits for ") + q(w->mode) +
                      (w->object.empty() ? QString() : QStringLiteral(" on ") + q(w->object));
            if (!app.isEmpty())
                n.line1 += QStringLiteral(" · ") + app;
            if (const auto it = sessions.find(w->waitingPid);
                it != sessions.end() && it->second->stateChange)
                n.line3 = QStringLiteral("waiting for ") +
                          q(formatDuration(
                              static_cast<double>(s.collectedAt - *it->second->stateChange) / 1e6));
            const int index = static_cast<int>(g.nodes.size());
            g.nodes[static_cast<std::size_t>(item.node)].children.push_back(index);
            g.nodes.push_back(n);
            queue.push_back({index, w->waitingPid, item.depth + 1});
        }
        if (shown < children.size()) {
            Node more;
            more.kind = Node::More;
            more.layer = item.depth + 1;
            more.line1 = QStringLiteral("+ %1 more waiting session%2")
                             .arg(children.size() - shown)
                             .arg(children.size() - shown == 1 ? QString() : QStringLiteral("s"));
            more.line2 = QStringLiteral("(and any waiting behind them)");
            const int index = static_cast<int>(g.nodes.size());
            g.nodes[static_cast<std::size_t>(item.node)].children.push_back(index);
            g.nodes.push_back(more);
        }
    }

    // Rows: each leaf takes one; a parent sits in the middle of its children (iterative
    // post-order, the tree is at most maxDepth + 1 levels deep anyway).
    double nextRow = 0;
    for (const int root : g.roots) {
        std::vector<std::pair<int, bool>> stack{{root, false}};
        while (!stack.empty()) {
            auto [index, expanded] = stack.back();
            stack.pop_back();
            Node& n = g.nodes[static_cast<std::size_t>(index)];
            g.layers = std::max(g.layers, n.layer + 1);
            if (n.children.empty()) {
                n.row = nextRow++;
                continue;
            }
            if (!expanded) {
                stack.push_back({index, true});
                for (auto it = n.children.rbegin(); it != n.children.rend(); ++it)
                    stack.push_back({*it, false});
                continue;
            }
            n.row = (g.nodes[static_cast<std::size_t>(n.children.front())].row +
                     g.nodes[static_cast<std::size_t>(n.children.back())].row) /
                    2.0;
        }
    }
    g.rows = static_cast<int>(nextRow);
    return g;
}

QSize graphSize(const Graph& g) {
    const int width = static_cast<int>(kLeft * 2 + std::max(1, g.layers) * kColW - (kColW - kBoxW));
    const int height = static_cast<int>(kTop + std::max(1, g.rows) * kRowH + kBottom);
    return {std::max(width, 720), height};
}

void paintGraph(QPainter& p, const Graph& g, QSize size) {
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    p.setPen(QColor(0x21, 0x21, 0x21));
    p.setFont(font(17, true));
    p.drawText(QPointF(kLeft, 28), g.title);
    p.setFont(font(12));
    p.drawText(QPointF(kLeft, 48), QFontMetrics(font(12)).elidedText(g.subtitle, Qt::ElideRight,
                                                                     size.width() - 2 * kLeft));
    if (g.nodes.empty()) {
        p.setFont(font(14));
        p.drawText(QRectF(kLeft, kTop, size.width() - 2 * kLeft, kRowH), Qt::AlignVCenter,
                   QStringLiteral("No session waited for a lock in this recording."));
        return;
    }

    auto box = [&](const Node& n) {
        return QRectF(kLeft + n.layer * kColW, kTop + n.row * kRowH + (kRowH - kBoxH) / 2, kBoxW,
                      kBoxH);
    };
    // Edges first, from a blocker's right side to its waiter's left side, arrow at the waiter.
    for (const Node& n : g.nodes) {
        const QRectF from = box(n);
        for (const int c : n.children) {
            const Node& child = g.nodes[static_cast<std::size_t>(c)];
            const QRectF to = box(child);
            const QPointF a(from.right(), from.center().y());
            const QPointF b(to.left(), to.center().y());
            QPainterPath path(a);
            path.cubicTo(QPointF(a.x() + 30, a.y()), QPointF(b.x() - 30, b.y()), b);
            p.setPen(
                QPen(QColor(0x61, 0x61, 0x61), 1.5, child.soft ? Qt::DashLine : Qt::SolidLine));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
            QPolygonF head;
            head << b << QPointF(b.x() - 8, b.y() - 4) << QPointF(b.x() - 8, b.y() + 4);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0x61, 0x61, 0x61));
            p.drawPolygon(head);
        }
    }
    for (const Node& n : g.nodes) {
        const QRectF r = box(n);
        QColor fill(0xff, 0xf8, 0xe1);
        QColor border(0xf9, 0xa8, 0x25);
        if (n.kind == Node::Root) {
            fill = QColor(0xff, 0xeb, 0xee);
            border = QColor(0xc6, 0x28, 0x28);
        } else if (n.kind == Node::More) {
            fill = QColor(0xf5, 0xf5, 0xf5);
            border = QColor(0x9e, 0x9e, 0x9e);
        }
        p.setPen(QPen(border, n.kind == Node::Root ? 2 : 1.2));
        p.setBrush(fill);
        p.drawRoundedRect(r, 6, 6);
        p.setPen(QColor(0x21, 0x21, 0x21));
        const QFont f1 = font(12, n.kind == Node::Root);
        p.setFont(f1);
        p.drawText(
            QPointF(r.left() + 8, r.top() + 18),
            QFontMetrics(f1).elidedText(n.line1, Qt::ElideRight, static_cast<int>(kBoxW - 16)));
        const QFont f2 = font(11);
        p.setFont(f2);
        p.setPen(QColor(0x42, 0x42, 0x42));
        p.drawText(
            QPointF(r.left() + 8, r.top() + 35),
            QFontMetrics(f2).elidedText(n.line2, Qt::ElideRight, static_cast<int>(kBoxW - 16)));
        if (!n.line3.isEmpty())
            p.drawText(
                QPointF(r.left() + 8, r.top() + 51),
                QFontMetrics(f2).elidedText(n.line3, Qt::ElideRight, static_cast<int>(kBoxW - 16)));
    }
    // Legend
    const double ly = size.height() - kBottom + 22;
    p.setFont(font(11));
    p.setPen(QColor(0x42, 0x42, 0x42));
    p.drawText(QPointF(kLeft, ly),
               QStringLiteral("Red: root blocker (waits on nobody). Arrows point from a blocker to "
                              "the sessions waiting on it; dashed: queued behind it."));
}

} // namespace

void useOffscreenPlatform() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
}

QByteArray connectionsChartPng(const std::vector<SnapshotPtr>& samples, QSize size) {
    QImage image(size, QImage::Format_RGB32); // opaque: an RGB PNG, no alpha
    image.fill(Qt::white);
    if (!samples.empty()) {
        QPainter p(&image);
        paintConnections(p, samples, size);
    }
    return encodePng(image);
}

QByteArray lockGraphSvg(const Snapshot& snapshot, const LockGraphOptions& options) {
    const Graph g = buildGraph(snapshot, options);
    const QSize size = graphSize(g);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(g.title);
    svg.setDescription(QStringLiteral("dbtriage lock graph"));
    {
        QPainter p(&svg);
        paintGraph(p, g, size);
    }
    // QSvgGenerator gives the size in millimetres; pixels match the PNG and the viewBox.
    const qsizetype open = out.indexOf("<svg ");
    const qsizetype view = out.indexOf(" viewBox=", open);
    if (open >= 0 && view > open)
        out.replace(open, view - open,
                    QByteArray(QByteArray("<svg width=\"") + QByteArray::number(size.width()) +
                               "\" height=\"" + QByteArray::number(size.height()) + "\"\n"));
    return out;
}

QByteArray lockGraphPng(const Snapshot& snapshot, const LockGraphOptions& options) {
    const Graph g = buildGraph(snapshot, options);
    const QSize size = graphSize(g);
    QImage image(size, QImage::Format_RGB32); // opaque: an RGB PNG, no alpha
    image.fill(Qt::white);
    {
        QPainter p(&image);
        paintGraph(p, g, size);
    }
    return encodePng(image);
}

void addCharts(BundleInput& input) {
    std::vector<SnapshotPtr> samples = input.samples;
    if (samples.empty())
        samples.push_back(std::make_shared<const Snapshot>(input.snapshot));
    input.attachments.push_back({"charts/connections.png", connectionsChartPng(samples)});
    input.attachments.push_back({"charts/lock-graph.svg", lockGraphSvg(input.snapshot)});
    input.attachments.push_back({"charts/lock-graph.png", lockGraphPng(input.snapshot)});
}

} // namespace dbt::render
