#include "models/statementsmodel.h"

#include "i18n/figures.h"
#include "models/modelroles.h"
#include "saturating.h"
#include "textutil.h"

#include <QLocale>
#include <tuple>

namespace dbt {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

std::optional<double> hitRatio(const StatementStat& st) {
    const std::int64_t all = saturatingAdd(st.sharedBlksHit, st.sharedBlksRead);
    if (all <= 0)
        return std::nullopt;
    return double(st.sharedBlksHit) / double(all);
}

} // namespace

QString formatMillis(double ms) {
    if (ms < 0)
        ms = 0;
    const QLocale locale;
    if (ms < 10)
        return QStringLiteral("%1 ms").arg(locale.toString(ms, 'f', 2));
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(locale.toString(ms, 'f', 0));
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(locale.toString(ms / 1000, 'f', 1));
    return i18n::localizedDuration(ms / 1000);
}

StatementsModel::StatementsModel(QObject* parent)
    : KeyedTableModel<StatementStat>(parent) {}

QString StatementsModel::keyOf(const StatementStat& st) {
    if (st.id.empty())
        return QString::fromStdString(st.query + '\x1f' + st.database + '\x1f' + st.user);
    return QString::fromStdString(st.id + '\x1f' + st.database + '\x1f' + st.user);
}

void StatementsModel::setSnapshot(const SnapshotPtr& snapshot) {
    snapshot_ = snapshot;
    if (!snapshot) {
        totalTimeMs_ = 0;
        clearRows();
        return;
    }
    double total = 0;
    for (const StatementStat& st : snapshot->statements)
        total += st.totalTimeMs;
    totalTimeMs_ = total;
    syncRows(snapshot->statements, &StatementsModel::keyOf);
}

bool StatementsModel::rowLess(int left, int right, int column) const {
    const StatementStat& x = rows_[std::size_t(left)];
    const StatementStat& y = rows_[std::size_t(right)];
    const auto by = [&](const auto& u, const auto& v) {
        return u < v || (!(v < u) &&
                         std::tie(x.id, x.database, x.user) < std::tie(y.id, y.database, y.user));
    };
    switch (column) {
    case TotalTime:
    case Share:
        return by(x.totalTimeMs, y.totalTimeMs);
    case Calls:
        return by(x.calls, y.calls);
    case MeanTime:
        return by(x.meanTimeMs, y.meanTimeMs);
    case Rows:
        return by(x.rows, y.rows);
    case CacheHit:
        return by(hitRatio(x).value_or(-1.0), hitRatio(y).value_or(-1.0));
    case TempWritten:
        return by(x.tempBlksWritten, y.tempBlksWritten);
    case Database:
        return by(x.database, y.database);
    case User:
        return by(x.user, y.user);
    default:
        return by(x.query, y.query);
    }
}

const StatementStat* StatementsModel::rowAt(int row) const {
    if (row < 0 || row >= int(rows_.size()))
        return nullptr;
    return &rows_[std::size_t(row)];
}

int StatementsModel::rowOfKey(const QString& key) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (keyOf(rows_[i]) == key)
            return int(i);
    }
    return -1;
}

int StatementsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatementsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatementStat& st = rows_[std::size_t(index.row())];
    const double share = totalTimeMs_ > 0 ? st.totalTimeMs / totalTimeMs_ : 0;
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Query:
            return st.query.empty() ? tr("(text not available, id %1)").arg(qs(st.id))
                                    : qs(oneLine(st.query, 160));
        case TotalTime:
            return formatMillis(st.totalTimeMs);
        case Share:
            return qs(formatPercent(share));
        case Calls:
            return locale.toString(qint64(st.calls));
        case MeanTime:
            return formatMillis(st.meanTimeMs);
        case Rows:
            return locale.toString(qint64(st.rows));
        case CacheHit:
            if (auto r = hitRatio(st))
                return qs(formatPercent(*r));
            return QString();
        case TempWritten:
            return st.tempBlksWritten > 0 ? i18n::localizedBytes(blocksToBytes(st.tempBlksWritten))
                                          : QString();
        case Database:
            return qs(st.database);
        case User:
            return qs(st.user);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case TotalTime:
        case Share:
            return st.totalTimeMs;
        case Calls:
            return qint64(st.calls);
        case MeanTime:
            return st.meanTimeMs;
        case Rows:
            return qint64(st.rows);
        case CacheHit:
            return hitRatio(st).value_or(-1.0);
        case TempWritten:
            return qint64(st.tempBlksWritten);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() >= TotalTime && index.column() <= TempWritten)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Query)
            return qs(oneLine(st.query, 2000));
        if (index.column() == TempWritten && st.tempBlksWritten > 0)
            return tr("%1 blocks of 8 KiB written to temporary files").arg(st.tempBlksWritten);
        return {};
    case FilterTextRole:
        return qs(st.query + '\x1f' + st.database + '\x1f' + st.user + '\x1f' + st.id);
    case KeyRole:
        return keyOf(st);
    default:
        return {};
    }
}

QVariant StatementsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Query:
        return tr("Statement");
    case TotalTime:
        return tr("Total time");
    case Share:
        return tr("Share");
    case Calls:
        return tr("Calls");
    case MeanTime:
        return tr("Mean");
    case Rows:
        return tr("Rows");
    case CacheHit:
        return tr("Cache hit");
    case TempWritten:
        return tr("Temp written");
    case Database:
        return tr("Database");
    case User:
        return tr("User");
    default:
        return {};
    }
}

} // namespace dbt
