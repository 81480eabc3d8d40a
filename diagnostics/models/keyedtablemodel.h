// A table model whose rows carry a stable key (a pid, a statement id). A new sample updates
// rows in place, removes the rows that went away and appends new ones, so that selections,
// the current index and scroll positions survive a refresh (a reset would lose them). Many
// rows gone at once go in one layout change (see syncRows, and Sync::Relayout for a model
// whose view re-sorts every sample anyway).
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QString>
#include <type_traits>
#include <utility>
#include <vector>

namespace dbt {

template<class Row> class KeyedTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }

protected:
    // How syncRows tells views about a sample.
    enum class Sync {
        // Gone rows removed (one range: rows removed; spread out: one layout change), rows
        // that stay updated (dataChanged), new rows appended (rows inserted).
        Minimal,
        // The rows that stay updated in place first (dataChanged), new rows appended (rows
        // inserted), then always one layout change that drops the gone rows: a proxy above
        // that sorts and filters without dynamic sorting re-filters and re-sorts everything
        // once on it, with the new values and the new rows (its view need not invalidate it).
        Relayout,
    };

    // keyOf(const Row&) -> a key QHash takes (an integer, a QString). Rows with a duplicate
    // key in `incoming` are kept once.
    template<class KeyFn>
    void syncRows(std::vector<Row> incoming, KeyFn keyOf, Sync mode = Sync::Minimal) {
        using Key = std::decay_t<decltype(keyOf(std::declval<const Row&>()))>;
        QHash<Key, int> incomingIndex;
        incomingIndex.reserve(qsizetype(incoming.size()));
        for (int i = 0; i < int(incoming.size()); ++i)
            incomingIndex.insert(keyOf(incoming[std::size_t(i)]), i);

        // 1. The rows that stay, and where their data comes from (each key computed once).
        std::vector<int> source(rows_.size(), -1);
        std::vector<char> used(incoming.size(), 0); // (vector<bool> is slow unoptimised)
        std::size_t gone = 0;
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            const int i = incomingIndex.value(keyOf(rows_[r]), -1);
            if (i >= 0 && !used[std::size_t(i)]) {
                source[r] = i;
                used[std::size_t(i)] = 1;
            } else {
                ++gone;
            }
        }
        // The new rows, in the order they came (decided before `incoming` is moved from).
        std::vector<std::size_t> added;
        for (std::size_t i = 0; i < incoming.size(); ++i) {
            if (!used[i] && incomingIndex.value(keyOf(incoming[i])) == int(i))
                added.push_back(i);
        }

        if (mode == Sync::Relayout) {
            // 2. Update the rows that stay, where they are (gone rows keep their old values
            // until the layout change below drops them).
            for (std::size_t r = 0; r < rows_.size(); ++r) {
                if (source[r] >= 0)
                    rows_[r] = std::move(incoming[std::size_t(source[r])]);
            }
            emitAllChanged();
            // 3. Append the new ones (a proxy without dynamic sorting puts them last...).
            appendRows(incoming, added);
            source.resize(rows_.size(), 0); // (kept)
            // 4. ...and one layout change drops the gone rows, moves the persistent indexes
            // along, and has the proxy sort the new rows in with the others.
            Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
            compact(source);
            Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
        } else {
            // 2. Remove the rows that are gone. Sessions come and go all over the table (a
            // pile-up of thousands changes in dozens of places per sample): one removal signal
            // per range would make every proxy and view above re-map all rows dozens of
            // times. So: one layout change that compacts the rows in a single pass and moves
            // the persistent indexes (selections, the current index) with their rows; those
            // of gone rows become invalid. A single contiguous range keeps the plain removal
            // signals.
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
                    compact(source);
                    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
                }
            }
            // 3. Update the rows that stay.
            for (std::size_t r = 0; r < rows_.size(); ++r)
                rows_[r] = std::move(incoming[std::size_t(source[r])]);
            emitAllChanged();
            // 4. Append the new ones.
            appendRows(incoming, added);
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

private:
    void appendRows(std::vector<Row>& incoming, const std::vector<std::size_t>& added) {
        if (added.empty())
            return;
        const int firstNew = int(rows_.size());
        beginInsertRows({}, firstNew, firstNew + int(added.size()) - 1);
        rows_.reserve(rows_.size() + added.size());
        for (std::size_t i : added)
            rows_.push_back(std::move(incoming[i]));
        endInsertRows();
    }

    void emitAllChanged() {
        if (!rows_.empty() && columnCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(int(rows_.size()) - 1, columnCount() - 1));
    }

    // Inside a layout change: keeps the rows with source[r] >= 0 (in order, `source` compacted
    // alongside) and moves the persistent indexes with them; those of dropped rows become
    // invalid.
    void compact(std::vector<int>& source) {
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
        if (before.isEmpty())
            return;
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex& index : before) {
            const int r = newRow[std::size_t(index.row())];
            after << (r < 0 ? QModelIndex() : createIndex(r, index.column()));
        }
        changePersistentIndexList(before, after);
    }
};

} // namespace dbt
