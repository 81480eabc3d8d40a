#include "models/locktreemodel.h"

#include "i18n/lockobject.h"
#include "models/modelroles.h"
#include "textutil.h"
#include "waitgraph.h"

#include <QStringList>
#include <algorithm>

namespace dbt {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

LockTreeModel::LockTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , forest_(std::make_shared<const LockForest>()) {}

void LockTreeModel::setForest(LockForest forest) {
    setForest(std::make_shared<const LockForest>(std::move(forest)));
}

void LockTreeModel::setForest(std::shared_ptr<const LockForest> forest) {
    beginResetModel();
    forest_ = forest ? std::move(forest) : std::make_shared<const LockForest>();
    const LockForest& f = *forest_;
    rowInParent_.assign(f.nodes.size(), 0);
    for (std::size_t r = 0; r < f.roots.size(); ++r)
        rowInParent_[std::size_t(f.roots[r])] = int(r);
    for (const LockNode& node : f.nodes) {
        for (std::size_t r = 0; r < node.children.size(); ++r)
            rowInParent_[std::size_t(node.children[r])] = int(r);
    }
    endResetModel();
}

const LockNode* LockTreeModel::nodeAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto i = std::size_t(index.internalId());
    return i < forest_->nodes.size() ? &forest_->nodes[i] : nullptr;
}

QModelIndex LockTreeModel::indexOfNode(int node, int column) const {
    if (node < 0 || node >= int(forest_->nodes.size()))
        return {};
    return createIndex(rowInParent_[std::size_t(node)], column, quintptr(node));
}

QModelIndex LockTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= int(forest_->roots.size()))
            return {};
        return createIndex(row, column, quintptr(forest_->roots[std::size_t(row)]));
    }
    const LockNode* p = nodeAt(parent);
    if (!p || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, quintptr(p->children[std::size_t(row)]));
}

QModelIndex LockTreeModel::parent(const QModelIndex& child) const {
    const LockNode* node = nodeAt(child);
    if (!node || node->parent < 0)
        return {};
    return indexOfNode(node->parent, 0);
}

int LockTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(forest_->roots.size());
    if (parent.column() != 0)
        return 0;
    const LockNode* node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int LockTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString LockTreeModel::nodeTitle(const LockNode& node) {
    if (node.kind == LockNode::Kind::Aggregate)
        return tr("+%1 waiting").arg(node.pids.size());
    return tr("PID %1").arg(node.pid);
}

QString LockTreeModel::waitText(const LockNode& node) {
    if (node.mode.empty() && node.object.empty())
        return {};
    QString text = node.mode.empty() ? LockForest::lockTypeLabel(node.lockType) : qs(node.mode);
    if (node.waitObjects.size() > 1)
        text = tr("%1 on %n rows of %2", nullptr, int(node.waitObjects.size()))
                   .arg(text, i18n::localizedLockObject(node.object));
    else if (!node.object.empty())
        text = tr("%1 on %2").arg(text, i18n::localizedLockObject(node.object));
    if (!node.hard)
        text = tr("%1 (queued behind)").arg(text);
    return text;
}

QString LockTreeModel::waitObjectsText(const LockNode& node, int max) {
    QStringList lines;
    for (const auto& [object, count] : node.waitObjects) {
        if (lines.size() >= max) {
            lines << tr("… and %n more", nullptr, int(node.waitObjects.size()) - max);
            break;
        }
        lines << tr("%1: %n waiting", nullptr, int(count)).arg(qs(object));
    }
    return lines.join(QLatin1Char('\n'));
}

QString LockTreeModel::holdsText(const LockForest& forest, const LockNode& node) {
    if (node.kind != LockNode::Kind::Session || !forest.snapshot)
        return {};
    // What others wait for first, then table and row locks; virtual ids last.
    const std::vector<const HeldLock*> mine =
        rankedHolds(node.pid, forest.snapshot->heldLocks, forest.snapshot->lockWaits);
    QStringList held;
    for (const HeldLock* h : mine) {
        held << tr("%1 on %2")
                    .arg(qs(h->mode), h->object.empty() ? qs(h->lockType)
                                                        : i18n::localizedLockObject(h->object));
        if (held.size() >= 3)
            break;
    }
    if (mine.size() > 3)
        held << tr("%n more", nullptr, int(mine.size() - 3));
    return held.join(QStringLiteral("; "));
}

double LockTreeModel::ageSeconds(const LockNode& node, Micros now) {
    if (!node.session)
        return -1;
    const Session& s = *node.session;
    const OptMicros since = s.state == "active" && s.queryStart ? s.queryStart : s.stateChange;
    if (!since)
        return -1;
    return std::max(0.0, double(now - *since) / 1e6);
}

QVariant LockTreeModel::data(const QModelIndex& index, int role) const {
    const LockNode* node = nodeAt(index);
    if (!node)
        return {};
    const Session* s = node->session;
    const Micros now = forest_->snapshot ? forest_->snapshot->collectedAt : 0;
    const bool aggregate = node->kind == LockNode::Kind::Aggregate;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SessionColumn:
            if (node->parent < 0)
                return node->inCycle ? tr("PID %1 (lock cycle)").arg(node->pid)
                                     : tr("PID %1 (root blocker)").arg(node->pid);
            return nodeTitle(*node);
        case State:
            return s ? qs(s->state) : QString();
        case Age: {
            const double age = ageSeconds(*node, now);
            return age < 0 ? QString() : qs(formatDuration(age));
        }
        case WaitsFor: {
            const QString wait = waitText(*node);
            if (node->alsoBlockedBy.empty())
                return wait;
            QStringList pids;
            for (std::size_t i = 0; i < node->alsoBlockedBy.size() && i < 5; ++i)
                pids << QString::number(node->alsoBlockedBy[i]);
            if (node->alsoBlockedBy.size() > 5)
                pids << QStringLiteral("…");
            const QString also =
                tr("also blocked by %n (PID %1)", nullptr, int(node->alsoBlockedBy.size()))
                    .arg(pids.join(QStringLiteral(", ")));
            return wait.isEmpty() ? also : tr("%1; %2").arg(wait, also);
        }
        case Application:
            return s ? qs(s->application) : QString();
        case User:
            return s ? qs(s->user) : QString();
        case Detail:
            if (aggregate) {
                QStringList pids;
                for (std::size_t i = 0; i < node->pids.size() && i < 20; ++i)
                    pids << QString::number(node->pids[i]);
                if (node->pids.size() > 20)
                    pids << QStringLiteral("…");
                return tr("PIDs %1").arg(pids.join(QStringLiteral(", ")));
            }
            if (node->parent < 0) {
                const QString holds = holdsText(*forest_, *node);
                if (!holds.isEmpty())
                    return tr("holds %1").arg(holds);
            }
            return s ? qs(oneLine(s->query, 160)) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (aggregate && node->waitObjects.size() > 1)
            return waitObjectsText(*node);
        if (index.column() == Detail && s)
            return qs(oneLine(s->query, 2000));
        if (index.column() == SessionColumn && node->blockedTotal > 0)
            return node->blockedTotal == 1
                       ? tr("1 session waits behind this one")
                       : tr("%1 sessions wait behind this one").arg(node->blockedTotal);
        return {};
    case PidRole:
        return qint64(node->pid);
    case NodeKindRole:
        return aggregate ? 1 : 0;
    case SeverityRole:
        if (node->parent < 0)
            return int(Severity::Critical);
        return {};
    case FilterTextRole:
        return QString::number(node->pid);
    default:
        return {};
    }
}

QVariant LockTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SessionColumn:
        return tr("Session");
    case State:
        return tr("State");
    case Age:
        return tr("In state");
    case WaitsFor:
        return tr("Waits for");
    case Application:
        return tr("Application");
    case User:
        return tr("User");
    case Detail:
        return tr("Holds / query");
    default:
        return {};
    }
}

} // namespace dbt
