// The lock forest as a tree: root blockers at the top level, waiters below the session they
// wait on, folded sibling waiters as one aggregate row.
#pragma once

#include "models/lockforest.h"

#include <QAbstractItemModel>
#include <memory>

namespace dbt {

class LockTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { SessionColumn, State, Age, WaitsFor, Application, User, Detail, ColumnCount };

    explicit LockTreeModel(QObject* parent = nullptr);

    void setForest(LockForest forest);
    // Shares a forest built elsewhere (the Locks view's worker) without copying it.
    void setForest(std::shared_ptr<const LockForest> forest);
    const LockForest& forest() const { return *forest_; }
    const std::shared_ptr<const LockForest>& sharedForest() const { return forest_; }
    const LockNode* nodeAt(const QModelIndex& index) const;
    QModelIndex indexOfNode(int node, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const final;
    QModelIndex parent(const QModelIndex& child) const final;
    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    // Texts shared with the graph scene.
    static QString nodeTitle(const LockNode& node);
    static QString waitText(const LockNode& node); // "RowExclusiveLock on public.orders"
    // An aggregate's objects, one a line with how many wait on each (at most `max` lines).
    static QString waitObjectsText(const LockNode& node, int max = 30);
    static QString holdsText(const LockForest& forest, const LockNode& node);
    static double ageSeconds(const LockNode& node, Micros now);

private:
    std::shared_ptr<const LockForest> forest_;
    std::vector<int> rowInParent_;
};

} // namespace dbt
