// Sessions: a sortable, filterable table (idle hidden by default), live durations, and a
// details pane with the whole (redacted) query, what the session waits on and whom it blocks.
#pragma once

#include "models/sessionsmodel.h"

#include <QSortFilterProxyModel>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTableView;

namespace dbt::gui {

class MessageStack;

// Hides idle sessions unless asked, and matches the filter text against user, database,
// application, state, client, pid and query (case-insensitive, every word must match).
class SessionsFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setShowIdle(bool show);
    bool showIdle() const { return showIdle_; }
    void setText(const QString& text);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    void setSourceModel(QAbstractItemModel* model) final;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const final;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const final;

private:
    const SessionsModel* sessions_ = nullptr; // the source when it is one (rows read directly)
    bool showIdle_ = false;
    QStringList words_;
};

class SessionsView final : public QWidget {
    Q_OBJECT
public:
    explicit SessionsView(QWidget* parent = nullptr);

    void setSnapshot(const SnapshotPtr& snapshot);
    void tick(Micros serverNow);
    void selectPid(qint64 pid);
    // Copy the selected rows (all visible rows when none is selected).
    QString selectionAs(int format) const; // dbt::TableFormat
    void copySelection(int format);

    SessionsModel* model() const { return model_; }
    SessionsFilter* filter() const { return filter_; }
    QTableView* table() const { return table_; }
    QSplitter* splitter() const { return splitter_; }
    QCheckBox* showIdleBox() const { return showIdle_; }
    QLineEdit* filterEdit() const { return filterEdit_; }
    MessageStack* stack() const { return stack_; }
    // Asks for the plan of the current session's query (context menu, double-click).
    void explainCurrent();

Q_SIGNALS:
    void explainRequested(const QString& query, const QString& database);

private:
    void updateDetails();
    void updateCounts();

    SessionsModel* model_;
    SessionsFilter* filter_;
    QLineEdit* filterEdit_;
    QCheckBox* showIdle_;
    QLabel* count_;
    QTableView* table_;
    MessageStack* stack_;
    QSplitter* splitter_;
    QLabel* detailTitle_;
    QLabel* detailWait_;
    QLabel* detailBlocks_;
    QPlainTextEdit* detailQuery_;
};

} // namespace dbt::gui
