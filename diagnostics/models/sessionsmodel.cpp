#include "models/sessionsmodel.h"

#include "models/modelroles.h"
#include "textutil.h"

#include <QStringList>
#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace dbt {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString durationText(double seconds) {
    return seconds < 0 ? QString() : qs(formatDuration(seconds));
}

QString pidList(const std::vector<std::int64_t>& pids) {
    QStringList parts;
    for (std::int64_t pid : pids)
        parts << QString::number(pid);
    return parts.join(QStringLiteral(", "));
}

} // namespace

SessionsModel::SessionsModel(QObject* parent)
    : KeyedTableModel<SessionRow>(parent) {}

bool SessionsModel::isIdleState(const std::string& state) {
    return state == "idle" || state.empty();
}

double SessionsModel::stateSeconds(const Session& s, Micros now) {
    const OptMicros since = s.state == "active" && s.queryStart ? s.queryStart : s.stateChange;
    if (!since)
        return -1;
    return std::max(0.0, double(now - *since) / 1e6);
}

double SessionsModel::transactionSeconds(const Session& s, Micros now) {
    if (!s.transactionStart)
        return -1;
    return std::max(0.0, double(now - *s.transactionStart) / 1e6);
}

QString SessionsModel::filterText(const Session& s) {
    return qs(s.user + '\x1f' + s.database + '\x1f' + s.application + '\x1f' + s.state + '\x1f' +
              s.query + '\x1f' + s.client + '\x1f' + std::to_string(s.pid));
}

namespace {

OptMicros stateSince(const Session& s) {
    return s.state == "active" && s.queryStart ? s.queryStart : s.stateChange;
}

// Seconds as SessionsModel::stateSeconds gives them, in micros and without a double: the
// sort compares this a million times for 50,000 rows.
Micros elapsed(const OptMicros& since, Micros now) {
    return since ? std::max<Micros>(0, now - *since) : Micros(-1);
}

} // namespace

void SessionsModel::setSnapshot(const SnapshotPtr& snapshot) {
    if (!snapshot) {
        snapshot_ = snapshot;
        clearRows();
        return;
    }
    // The rows that go point into the previous snapshot until syncRows drops them.
    const SnapshotPtr previous = std::exchange(snapshot_, snapshot);
    now_ = snapshot->collectedAt;

    // What the lock waits and root blockers say about a pid: one map, one look-up per session
    // (most sessions are in none of them).
    struct Links {
        std::vector<std::int64_t> blockedBy;
        std::unordered_set<std::int64_t> waiters;
        const RootBlocker* root = nullptr;
    };
    std::unordered_map<std::int64_t, Links> links;
    for (const LockWait& w : snapshot->lockWaits) {
        if (w.waitingPid == w.blockingPid)
            continue;
        auto& list = links[w.waitingPid].blockedBy;
        if (std::find(list.begin(), list.end(), w.blockingPid) == list.end())
            list.push_back(w.blockingPid);
        links[w.blockingPid].waiters.insert(w.waitingPid);
    }
    for (const RootBlocker& r : snapshot->rootBlockers)
        links[r.pid].root = &r;

    std::vector<SessionRow> rows(snapshot->sessions.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Session& s = snapshot->sessions[i];
        SessionRow& row = rows[i];
        row.session = &s;
        row.stateSince = stateSince(s);
        if (!links.empty()) {
            if (auto it = links.find(s.pid); it != links.end()) {
                const Links& l = it->second;
                row.blockedBy = l.blockedBy;
                std::sort(row.blockedBy.begin(), row.blockedBy.end());
                row.blocksDirect = std::int64_t(l.waiters.size());
                row.rootBlocker = l.root != nullptr;
                row.blocksTotal = l.root ? l.root->blockedTotal : row.blocksDirect;
            }
        }
        row.idle = isIdleState(s.state) && row.blocksTotal == 0 && row.blockedBy.empty();
    }
    // Integer keys; one layout change per sample, which the view's proxy re-sorts on (its
    // dynamic sort is off: see SessionsView).
    syncRows(
        std::move(rows), [](const SessionRow& r) { return qint64(r.session->pid); },
        Sync::Relayout);
}

void SessionsModel::setNow(Micros now) {
    now_ = now;
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0, Duration), index(int(rows_.size()) - 1, Transaction),
                           {Qt::DisplayRole, SortRole});
}

bool SessionsModel::rowLess(int left, int right, int column) const {
    const SessionRow& a = rows_[std::size_t(left)];
    const SessionRow& b = rows_[std::size_t(right)];
    const Session& x = *a.session;
    const Session& y = *b.session;
    const auto by = [&](const auto& u, const auto& v) {
        return u < v || (!(v < u) && x.pid < y.pid);
    };
    switch (column) {
    case Duration:
        return by(elapsed(a.stateSince, now_), elapsed(b.stateSince, now_));
    case Transaction:
        return by(elapsed(x.transactionStart, now_), elapsed(y.transactionStart, now_));
    case BlockedBy:
        return by(a.blockedBy.empty() ? 0 : a.blockedBy.front(),
                  b.blockedBy.empty() ? 0 : b.blockedBy.front());
    case Blocks:
        return by(a.blocksTotal, b.blocksTotal);
    case State:
        return by(x.state, y.state);
    case Wait:
        return by(std::tie(x.waitEventType, x.waitEvent), std::tie(y.waitEventType, y.waitEvent));
    case User:
        return by(x.user, y.user);
    case Database:
        return by(x.database, y.database);
    case Application:
        return by(x.application, y.application);
    case Client:
        return by(x.client, y.client);
    case Query:
        return by(x.query, y.query);
    default:
        return x.pid < y.pid;
    }
}

const SessionRow* SessionsModel::rowAt(int row) const {
    if (row < 0 || row >= int(rows_.size()))
        return nullptr;
    return &rows_[std::size_t(row)];
}

int SessionsModel::rowOfPid(std::int64_t pid) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].session->pid == pid)
            return int(i);
    }
    return -1;
}

QModelIndex SessionsModel::index(int row, int column, const QModelIndex& parent) const {
    if (parent.isValid() || row < 0 || column < 0 || row >= int(rows_.size()) ||
        column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

int SessionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionRow& row = rows_[std::size_t(index.row())];
    const Session& s = *row.session;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Pid:
            return QString::number(s.pid);
        case State:
            return qs(s.state);
        case Duration:
            return durationText(stateSeconds(s, now_));
        case Transaction:
            return durationText(transactionSeconds(s, now_));
        case Wait:
            if (s.waitEventType.empty())
                return qs(s.waitEvent);
            return s.waitEvent.empty() ? qs(s.waitEventType)
                                       : qs(s.waitEventType + ": " + s.waitEvent);
        case BlockedBy:
            return pidList(row.blockedBy);
        case Blocks:
            if (row.blocksTotal == 0)
                return QString();
            if (row.blocksTotal != row.blocksDirect)
                return tr("%1 (%2 directly)").arg(row.blocksTotal).arg(row.blocksDirect);
            return QString::number(row.blocksTotal);
        case User:
            return qs(s.user);
        case Database:
            return qs(s.database);
        case Application:
            return qs(s.application);
        case Client:
            return qs(s.client);
        case Query:
            return qs(oneLine(s.query, 200));
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case Pid:
            return qint64(s.pid);
        case Duration:
            return stateSeconds(s, now_);
        case Transaction:
            return transactionSeconds(s, now_);
        case BlockedBy:
            return row.blockedBy.empty() ? qint64(0) : qint64(row.blockedBy.front());
        case Blocks:
            return qint64(row.blocksTotal);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case Pid:
        case Duration:
        case Transaction:
        case Blocks:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Query && !s.query.empty())
            return qs(oneLine(s.query, 2000));
        if (index.column() == Duration)
            return s.state == "active" ? tr("Time since the current query started")
                                       : tr("Time since the session entered this state");
        return {};
    case FilterTextRole:
        return filterText(s);
    case PidRole:
        return qint64(s.pid);
    case KeyRole:
        return QString::number(s.pid);
    case IsIdleRole:
        return row.idle;
    case SeverityRole:
        if (row.rootBlocker)
            return int(Severity::Critical);
        if (!row.blockedBy.empty() || s.state.rfind("idle in transaction", 0) == 0)
            return int(Severity::Warning);
        return {};
    default:
        return {};
    }
}

QVariant SessionsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid:
        return tr("PID");
    case State:
        return tr("State");
    case Duration:
        return tr("In state");
    case Transaction:
        return tr("Transaction");
    case Wait:
        return tr("Waits on");
    case BlockedBy:
        return tr("Blocked by");
    case Blocks:
        return tr("Blocks");
    case User:
        return tr("User");
    case Database:
        return tr("Database");
    case Application:
        return tr("Application");
    case Client:
        return tr("Client");
    case Query:
        return tr("Query");
    default:
        return {};
    }
}

} // namespace dbt
