// Overview: findings first (severity, sentence, next step, the command a senior could run
// with a Copy button: never an execute button), key figures, connections over time.
#pragma once

#include "models/snapshothistory.h"

#include <QStringList>
#include <QWidget>
#include <vector>

class QLabel;
class QScrollArea;
class QSplitter;
class QVBoxLayout;

namespace dbt::gui {

class ConnectionChart;
class FindingCard;
class KeyFigure;

class OverviewView final : public QWidget {
    Q_OBJECT
public:
    explicit OverviewView(const SnapshotHistory* history, QWidget* parent = nullptr);

    void refresh();
    void clear();
    int findingCount() const { return findingCount_; }
    // The cards shown (the findings, or the one "nothing needs attention" card); a card stays
    // the same widget while the latest samples have the same findings (code and severity).
    QWidget* findingCard(int i) const;
    QString cardSummary(int i) const;
    ConnectionChart* chart() const { return chart_; }
    QSplitter* splitter() const { return splitter_; }

Q_SIGNALS:
    // A finding names sessions; the window may show them.
    void showSessionRequested(qint64 pid);

private:
    void showFindings(const Snapshot& s);
    void showFigures(const Snapshot& s);
    void removeCards();

    const SnapshotHistory* history_;
    QSplitter* splitter_;
    QWidget* cardsWidget_;
    QVBoxLayout* cardsLayout_;
    QLabel* findingsTitle_;
    ConnectionChart* chart_;
    QList<KeyFigure*> figures_;
    std::vector<FindingCard*> cards_;
    QStringList cardKeys_; // of the findings the cards show (see showFindings)
    int findingCount_ = 0;
};

} // namespace dbt::gui
