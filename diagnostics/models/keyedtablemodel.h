// A table model whose rows carry a stable key (a pid, a statement id). A new sample updates
// rows in place, removes the rows that went away and appends new ones, so that selections,
// the current index and scroll positions survive a refresh (a reset would lose them).
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <vector>

namespace dbt {

template<class Row> class KeyedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }

protected:
    // keyOf(const Row&) -> QString. Rows with a duplicate key in `incoming` are kept once.
    template<class KeyFn> void syncRows(std::vector<Row> incoming, KeyFn keyOf) {
        QHash<QString, int> incomingIndex;
        incomingIndex.reserve(int(incoming.size()));
        for (int i = 0; i < int(incoming.size()); ++i)
            incomingIndex.insert(keyOf(incoming[std::size_t(i)]), i);

        // 1. Remove the rows that are gone, in contiguous ranges from the back.
        int end = int(rows_.size()) - 1;
        while (end >= 0) {
            if (incomingIndex.contains(keyOf(rows_[std::size_t(end)]))) {
                --end;
                continue;
            }
            int start = end;
            while (start > 0 && !incomingIndex.contains(keyOf(rows_[std::size_t(start - 1)])))
                --start;
            beginRemoveRows({}, start, end);
            rows_.erase(rows_.begin() + start, rows_.begin() + end + 1);
            endRemoveRows();
            end = start - 1;
        }

        // 2. Update the rows that stay.
        std::vector<bool> used(incoming.size(), false);
        for (Row& row : rows_) {
            const int i = incomingIndex.value(keyOf(row), -1);
            if (i >= 0 && !used[std::size_t(i)]) {
                row = std::move(incoming[std::size_t(i)]);
                used[std::size_t(i)] = true;
            }
        }
        if (!rows_.empty() && columnCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(int(rows_.size()) - 1, columnCount() - 1));

        // 3. Append the new ones.
        std::vector<Row> added;
        for (std::size_t i = 0; i < incoming.size(); ++i) {
            if (!used[i] && incomingIndex.value(keyOf(incoming[i])) == int(i))
                added.push_back(std::move(incoming[i]));
        }
        if (!added.empty()) {
            const int first = int(rows_.size());
            beginInsertRows({}, first, first + int(added.size()) - 1);
            for (Row& row : added)
                rows_.push_back(std::move(row));
            endInsertRows();
        }
    }

    void clearRows() {
        if (rows_.empty())
            return;
        beginResetModel();
        rows_.clear();
        endResetModel();
    }

    std::vector<Row> rows_;
};

} // namespace dbt
