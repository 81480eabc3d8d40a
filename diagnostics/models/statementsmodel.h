// Statement statistics of one sample (normally a window snapshot from SnapshotHistory).
// Rows keyed by (id, database, user) so a refresh keeps the selection.
#pragma once

#include "models/keyedtablemodel.h"
#include "snapshot.h"

namespace dbt {

class StatementsModel final : public KeyedTableModel<StatementStat> {
    Q_OBJECT
public:
    enum Column {
        Query,
        TotalTime,
        Share, // of all statements' time in the window
        Calls,
        MeanTime,
        Rows,
        CacheHit,
        TempWritten,
        Database,
        User,
        ColumnCount
    };

    explicit StatementsModel(QObject* parent = nullptr);

    void setSnapshot(const SnapshotPtr& snapshot);
    SnapshotPtr snapshot() const { return snapshot_; }
    const StatementStat* rowAt(int row) const;
    int rowOfKey(const QString& key) const;
    double totalTimeMs() const { return totalTimeMs_; }

    static QString keyOf(const StatementStat& st);
    // The order SortRole gives `column`, on the rows themselves (no QVariant per comparison);
    // ties by id.
    bool rowLess(int left, int right, int column) const;

    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

private:
    SnapshotPtr snapshot_;
    double totalTimeMs_ = 0;
};

// "1.2 ms", "340 ms", "12.4 s", "3 min 20 s": a time in milliseconds for people.
QString formatMillis(double ms);

} // namespace dbt
