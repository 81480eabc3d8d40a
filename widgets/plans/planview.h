// Plans: the plans of this session (explained statements, opened and pasted plans, the plans
// of an opened bundle) in a list; for the selected one a header (statement, source, generic
// plan or not, ANALYZE or not, notes), a tree table with exclusive/inclusive bars, rows planned
// vs actual, loops, buffers and insights, a diagram of the same tree, the insights (what, why,
// what to try) and every raw field of the selected node. Selecting a node in the tree, the
// diagram or the insights selects it in the others.
//
// The view runs no query itself: Explain SQL… emits explainRequested and the window runs the
// job (JobRunner) and hands back the plan (addDocument) or the sentence (showError). Opened
// and pasted plans are parsed here, on the GUI thread (parse, derive and insights take
// milliseconds even for 10,000 nodes); bad input leaves every plan shown as it was and puts
// the parser's sentence in the message line.
#pragma once

#include "bundle/recordingbanner.h"
#include "models/planmodel.h"
#include "plans/plandialogs.h"

#include <QWidget>
#include <map>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTreeView;
class QTreeWidget;

namespace dbt::gui {

class MessageStack;
class PlanDiagramScene;
class PlanDiagramView;
class PlanItemDelegate;

class PlansView final : public QWidget {
    Q_OBJECT
public:
    explicit PlansView(QWidget* parent = nullptr);

    // Adds a plan to the list and shows it; returns its row in the list.
    int addDocument(PlanDocumentPtr document, const QString& title = {});
    // Parses `text` (any supported format) and adds it; on bad input shows the parser's
    // sentence, keeps what was shown and returns false (`error` gets the sentence).
    bool addPlanText(const QByteArray& text, const QString& source, QString* error = nullptr);
    bool openPlanFile(const QString& path, QString* error = nullptr);
    // Replaces the bundle's plans in the list (the others stay).
    void setBundlePlans(const std::map<QString, QByteArray>& plans);
    // The same with what the bundle says of each plan (statement, rank, share, generic) and
    // the statements it could not explain (shown as a note).
    void setBundlePlans(const std::vector<BundlePlanEntry>& plans,
                        const std::vector<PlanSummary>& failures = {});
    // Whether Explain SQL… can run now; `reason` is said when it cannot (offline).
    void setCanExplain(bool can, const QString& reason = {});
    void setDefaultDatabase(const QString& database) { defaultDatabase_ = database; }

    // The message line above the plan: a running job (with Cancel), an error, or nothing.
    void showProgress(quint64 job, const QString& sentence);
    void showError(const QString& sentence);
    void clearMessage();
    quint64 progressJob() const { return progressJob_; }
    QString messageText() const;
    bool messageIsError() const { return messageError_; }

    // The selected plan and node.
    int planCount() const { return int(entries_.size()); }
    int currentPlan() const;
    void setCurrentPlan(int row);
    PlanDocumentPtr currentDocument() const;
    void selectNode(int node);
    int selectedNode() const { return selectedNode_; }
    // Selects insight `row` of the insights list as a click does.
    void activateInsight(int row);

    // The rendered tree and insights as the CLI prints them.
    QString planText() const;
    void copyAsText();
    bool exportPng(const QString& path);
    bool exportSvg(const QString& path);

    // Explain SQL… / Paste plan / Open plan file… as the buttons do (dialogs).
    void explainDialog(const QString& sql = {}, const QString& database = {});
    void pasteDialog();
    // Parses the clipboard's text as a plan (Ctrl+V in the view).
    bool pasteFromClipboard(QString* error = nullptr);
    void openDialog();

    PlanModel* model() const { return model_; }
    QListWidget* planList() const { return list_; }
    QTreeView* tree() const { return tree_; }
    PlanDiagramScene* scene() const { return scene_; }
    PlanDiagramView* diagram() const { return diagram_; }
    QTreeWidget* insightsList() const { return insights_; }
    QTreeWidget* detailsList() const { return details_; }
    QStringList detailLines() const;
    QString headerText() const;
    QString genericText() const;
    MessageStack* stack() const { return stack_; }
    QSplitter* splitter() const { return splitter_; }
    QAction* explainAction() const { return explainAction_; }

Q_SIGNALS:
    void explainRequested(const dbt::gui::ExplainChoice& choice);
    void cancelRequested(quint64 job);

private:
    struct Entry {
        PlanDocumentPtr document;
        QString title;
        bool fromBundle = false;
    };
    void showPlan(int row);
    void updateHeader();
    void fillInsights();
    void updateDetails();
    void updateActions();
    void showMessage(const QString& sentence, bool error, bool cancellable);

    std::vector<Entry> entries_;
    std::vector<int> depth_; // of each node of the shown plan
    PlanModel* model_;
    PlanItemDelegate* delegate_;
    QListWidget* list_;
    MessageStack* stack_;
    QSplitter* splitter_;
    QSplitter* planSplitter_;
    QSplitter* bottomSplitter_;
    QLabel* message_;
    QPushButton* cancel_;
    QWidget* messageBar_;
    QLabel* title_;
    QLabel* generic_;
    QLabel* notes_;
    QPlainTextEdit* statement_;
    QTreeView* tree_;
    PlanDiagramScene* scene_;
    PlanDiagramView* diagram_;
    QTreeWidget* insights_;
    QLabel* detailTitle_;
    QLabel* detailInsights_;
    QTreeWidget* details_;
    QAction* explainAction_;
    QAction* copyAction_;
    QAction* pngAction_;
    QAction* svgAction_;
    QString defaultDatabase_;
    QString cannotExplain_;
    quint64 progressJob_ = 0;
    bool messageError_ = false;
    bool syncing_ = false;
    int selectedNode_ = -1;
    int shown_ = -1;
    int pasted_ = 0;
};

} // namespace dbt::gui
