// Overview: findings first (severity, sentence, next step, the command a senior could run
// with a Copy button: never an execute button), key figures, connections over time.
#pragma once

#include "models/snapshothistory.h"

#include <QWidget>

class QLabel;
class QScrollArea;
class QSplitter;
class QVBoxLayout;

namespace dbt::gui {

class ConnectionChart;
class KeyFigure;

class OverviewView final : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(const SnapshotHistory* history, QWidget* parent = nullptr);

    void refresh();
    void clear();
    int findingCount() const { return findingCount_; }
    ConnectionChart* chart() const { return chart_; }
    QSplitter* splitter() const { return splitter_; }

Q_SIGNALS:
    // A finding names sessions; the window may show them.
    void showSessionRequested(qint64 pid);

private:
    void showFindings(const Snapshot& s);
    void showFigures(const Snapshot& s);

    const SnapshotHistory* history_;
    QSplitter* splitter_;
    QWidget* cards_;
    QVBoxLayout* cardsLayout_;
    QLabel* findingsTitle_;
    ConnectionChart* chart_;
    QList<KeyFigure*> figures_;
    int findingCount_ = 0;
};

} // namespace dbt::gui
