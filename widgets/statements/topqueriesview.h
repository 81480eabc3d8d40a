// Top queries: statement figures over a window (1/5/15 min, since connect) computed from the
// in-memory history as deltas, a bar chart of the top N by total time, and a detail pane with
// the selected statement's figures over time.
#pragma once

#include "models/snapshothistory.h"
#include "models/statementsmodel.h"

#include <QSortFilterProxyModel>
#include <QWidget>

class QAction;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTableView;

namespace dbt::gui {

class MessageStack;

class TopQueriesView final : public QWidget {
    Q_OBJECT
public:
    explicit TopQueriesView(const SnapshotHistory* history, QWidget* parent = nullptr);

    void refresh();
    void setWindow(StatementWindow window);
    StatementWindow window() const;
    void selectRow(int proxyRow);

    StatementsModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    QSplitter* splitter() const { return splitter_; }
    QSplitter* topSplitter() const { return topSplitter_; }
    MessageStack* stack() const { return stack_; }
    QString scopeText() const;
    int barCount() const { return barCount_; }

    static constexpr int kTopN = 10;
    QAction* explainAction() const { return explain_; }
    // Asks for the plan of the selected statement (the Explain action, double-click, menu).
    void explainSelected();
    QAction* suggestIndexesAction() const { return suggest_; }
    // Asks the Indexes view for index candidates for the selected statement.
    void suggestIndexesSelected();

Q_SIGNALS:
    void explainRequested(const QString& query, const QString& database);
    // `share` of the window's statement time.
    void suggestIndexesRequested(const dbt::StatementStat& statement, double share);

private:
    void updateBars();
    void updateDetails();
    void applySort();

    const SnapshotHistory* history_;
    StatementsModel* model_;
    QSortFilterProxyModel* proxy_;
    QComboBox* window_;
    QComboBox* sort_;
    QLineEdit* filterEdit_;
    QLabel* scope_;
    QAction* explain_;
    QAction* suggest_;
    QTableView* table_;
    MessageStack* stack_;
    QSplitter* splitter_;
    QSplitter* topSplitter_;
    QChart* bars_;
    QChartView* barsView_;
    QLabel* detailTitle_;
    QLabel* detailFigures_;
    QPlainTextEdit* detailQuery_;
    QChart* series_;
    QChartView* seriesView_;
    int barCount_ = 0;
};

} // namespace dbt::gui
