// Indexes: the index advisor in the window. "Advise for the workload" takes the top N
// statements of the current statement window; Top queries' "Suggest indexes for this
// statement" advises for one. The advice runs as a JobRunner job (never on the GUI thread)
// with progress and Cancel; the panel shows the candidates (table, columns in order, method,
// cost before → after, statements helped, size, caveats), the selected candidate's DDL with
// a Copy button and its evidence, the unused and the duplicate / redundant indexes, and the
// advisor's notes. Nothing is ever executed, and no button offers to.
#pragma once

#include "models/advicemodel.h"
#include "snapshot.h"

#include <QPointer>
#include <QString>
#include <QWidget>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QSplitter;
class QTabWidget;
class QTableView;

namespace dbt {
class JobRunner;
struct Bundle;
} // namespace dbt

namespace dbt::gui {

class MessageStack;

class IndexesView final : public QWidget {
    Q_OBJECT
public:
    // The statement window to advise on (window deltas; null before the first sample).
    using WindowSource = std::function<SnapshotPtr()>;

    explicit IndexesView(QWidget* parent = nullptr);
    ~IndexesView() override;

    void setJobRunner(JobRunner* jobs);
    void setWindowSource(WindowSource source);

    // Starts a job for the top N statements of the window; a sentence instead when that
    // cannot be done (no connection, no sample yet).
    void adviseWorkload();
    // Starts a job for one statement (from Top queries); `share` of the window's time.
    void adviseStatement(const StatementStat& statement, double share);
    void cancel();
    bool running() const { return jobId_ != 0; }

    // Shows a finished advice (what a job hands back; also tests and screenshots).
    void setAdvice(AdvicePtr advice, const QString& scope);
    // Shows a failure sentence in place of the candidates.
    void showFailure(const QString& sentence);
    // Back to the initial state (a new connection, snapshots opened).
    void reset();
    // Offline: what the bundle holds (index-candidates.json or .sql), or that it holds none.
    // Null: not a bundle.
    void showBundle(const Bundle* bundle);
    // Updates the initial sentence (connected or not) when nothing is shown yet.
    void refresh();

    int topN() const;
    void setTopN(int n);
    bool selectCandidate(int row);

    AdviceCandidatesModel* candidatesModel() const { return candidates_; }
    UnusedIndexesModel* unusedModel() const { return unused_; }
    RedundantIndexesModel* redundantModel() const { return redundant_; }
    QTableView* candidatesTable() const { return table_; }
    MessageStack* stack() const { return stack_; }
    QPlainTextEdit* ddlBox() const { return ddl_; }
    QPushButton* copyButton() const { return copy_; }
    QPushButton* adviseButton() const { return advise_; }
    QPushButton* cancelButton() const { return cancel_; }
    QSplitter* splitter() const { return splitter_; }
    QSplitter* topSplitter() const { return topSplitter_; }
    QString summaryText() const;
    QString detailText() const; // the details pane's texts below the DDL, for tests
    QString notesText() const;

Q_SIGNALS:
    // The advice of a job was shown (or its failure): for tests and the main window.
    void adviceShown();
    void adviceFailed(const QString& sentence);

private:
    void start(std::vector<advisor::WorkloadStatement> workload, bool reread, const QString& scope);
    void setRunning(bool running);
    void showDetails();
    void showNotes();
    void showIdle(const QString& title, const QString& detail, const QString& iconName);

    QPointer<JobRunner> jobs_;
    WindowSource source_;
    quint64 jobId_ = 0;
    bool cancelRequested_ = false;
    AdvicePtr advice_;
    QString scope_;
    QString pendingScope_;
    bool singleStatement_ = false;
    bool pendingSingle_ = false;
    bool bundleShown_ = false;
    bool failed_ = false;

    AdviceCandidatesModel* candidates_;
    UnusedIndexesModel* unused_;
    RedundantIndexesModel* redundant_;
    QLabel* summary_;
    QSpinBox* top_;
    QPushButton* advise_;
    QPushButton* cancel_;
    QProgressBar* progress_;
    QLabel* progressText_;
    QTableView* table_;
    MessageStack* stack_;
    QSplitter* splitter_;
    QSplitter* topSplitter_;
    QLabel* detailTitle_;
    QLabel* detailMethod_;
    QPlainTextEdit* ddl_;
    QPushButton* copy_;
    QLabel* detailStatements_;
    QLabel* detailCaveats_;
    QLabel* detailValidate_;
    QTabWidget* tabs_;
    QTableView* unusedTable_;
    QTableView* redundantTable_;
    MessageStack* unusedStack_;
    MessageStack* redundantStack_;
    QPlainTextEdit* notes_;
};

} // namespace dbt::gui
