// A table model whose rows carry a stable key (a pid, a statement id). A new sample updates
// rows in place, removes the rows that went away and appends new ones, so that selections,
// the current index and scroll positions survive a refresh (a reset would lose them). Many
// rows gone at once go in one layout change (see syncRows).
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

        // 1. The rows that stay, and where their data comes from (each key computed once).
        std::vector<int> source(rows_.size(), -1);
        std::vector<bool> used(incoming.size(), false);
        std::size_t gone = 0;
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            const int i = incomingIndex.value(keyOf(rows_[r]), -1);
            if (i >= 0 && !used[std::size_t(i)]) {
                source[r] = i;
                used[std::size_t(i)] = true;
            } else {
                ++gone;
            }
        }

        // 2. Remove the rows that are gone. Sessions come and go all over the table (a pile-up
        // of thousands changes in dozens of places per sample): one removal signal per range
        // would make every proxy and view above re-map all rows dozens of times. So: one
        // layout change that compacts the rows in a single pass and moves the persistent
        // indexes (selections, the current index) with their rows; those of gone rows become
        // invalid. A single contiguous range keeps the plain removal signals.
        if (gone > 0) {
            std::size_t first = 0;
            while (source[first] >= 0)
                ++first;
            std::size_t last = first;
            while (last + 1 < source.size() && source[last + 1] < 0)
                ++last;
            const bool oneRange = last - first + 1 == gone;
            if (oneRange) {
                beginRemoveRows({}, int(first), int(last));
                rows_.erase(rows_.begin() + std::ptrdiff_t(first),
                            rows_.begin() + std::ptrdiff_t(last + 1));
                source.erase(source.begin() + std::ptrdiff_t(first),
                             source.begin() + std::ptrdiff_t(last + 1));
                endRemoveRows();
            } else {
                Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
                std::vector<int> newRow(rows_.size(), -1);
                std::size_t out = 0;
                for (std::size_t r = 0; r < rows_.size(); ++r) {
                    if (source[r] < 0)
                        continue;
                    newRow[r] = int(out);
                    if (out != r) {
                        rows_[out] = std::move(rows_[r]);
                        source[out] = source[r];
                    }
                    ++out;
                }
                rows_.resize(out);
                source.resize(out);
                const QModelIndexList before = persistentIndexList();
                QModelIndexList after;
                after.reserve(before.size());
                for (const QModelIndex& index : before) {
                    const int r = newRow[std::size_t(index.row())];
                    after << (r < 0 ? QModelIndex() : createIndex(r, index.column()));
                }
                changePersistentIndexList(before, after);
                Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
            }
        }

        // 3. Update the rows that stay.
        for (std::size_t r = 0; r < rows_.size(); ++r)
            rows_[r] = std::move(incoming[std::size_t(source[r])]);
        if (!rows_.empty() && columnCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(int(rows_.size()) - 1, columnCount() - 1));

        // 4. Append the new ones.
        std::vector<Row> added;
        for (std::size_t i = 0; i < incoming.size(); ++i) {
            if (!used[i] && incomingIndex.value(keyOf(incoming[i])) == int(i))
                added.push_back(std::move(incoming[i]));
        }
        if (!added.empty()) {
            const int firstNew = int(rows_.size());
            beginInsertRows({}, firstNew, firstNew + int(added.size()) - 1);
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
