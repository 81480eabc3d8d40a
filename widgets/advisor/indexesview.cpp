#include "advisor/indexesview.h"

#include "advisor/advisor.h"
#include "advisor/workload.h"
#include "bundle/bundlereader.h"
#include "collect/jobrunner.h"
#include "common/guiutil.h"
#include "common/headerfit.h"
#include "common/messagestack.h"
#include "i18n/figures.h"
#include "textutil.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPalette>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>
#include <unordered_map>

namespace dbt::gui {

namespace {

QString clock(Micros t) {
    return QDateTime::fromMSecsSinceEpoch(t / 1000).toString(QStringLiteral("HH:mm:ss"));
}

QString percentText(double ratio) {
    return QLocale().toString(ratio * 100.0, 'f', 1) + QStringLiteral(" %");
}

QTableView* makeTable(QAbstractItemModel* model, QWidget* parent) {
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QLabel* makeText(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // names and notes from the server, never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

// How to validate a heuristic candidate, per engine.
QString validateText(const std::string& engine) {
    if (engine == "mysql")
        return IndexesView::tr(
            "Not validated: MySQL has no hypothetical indexes. To validate it, create the index "
            "INVISIBLE on a clone or a test server and compare EXPLAIN with "
            "optimizer_switch='use_invisible_indexes=on' and off.");
    if (engine == "mariadb")
        return IndexesView::tr(
            "Not validated: MariaDB has no hypothetical indexes. To validate it, create the index "
            "IGNORED on a clone or a test server (MariaDB 10.6 or later) and compare EXPLAIN "
            "before and after ALTER TABLE … ALTER INDEX … NOT IGNORED.");
    return IndexesView::tr(
        "Not validated by the planner: HypoPG is not installed in this database. To validate "
        "it, have the database owner run CREATE EXTENSION hypopg; (dbtriage never does) and "
        "advise again, or create the index on a clone and compare EXPLAIN before and after.");
}

} // namespace

IndexesView::IndexesView(QWidget* parent)
    : QWidget(parent)
    , candidates_(new AdviceCandidatesModel(this))
    , unused_(new UnusedIndexesModel(this))
    , redundant_(new RedundantIndexesModel(this))
    , summary_(new QLabel(this))
    , top_(new QSpinBox(this))
    , advise_(new QPushButton(icon(QStringLiteral("indexes")), tr("Advise for the workload"), this))
    , cancel_(new QPushButton(tr("Cancel"), this))
    , progress_(new QProgressBar(this))
    , progressText_(new QLabel(this))
    , table_(makeTable(candidates_, this))
    , stack_(new MessageStack(table_, this))
    , splitter_(new QSplitter(Qt::Vertical, this))
    , topSplitter_(new QSplitter(Qt::Horizontal, this))
    , detailTitle_(makeText(this))
    , detailMethod_(makeText(this))
    , ddl_(new QPlainTextEdit(this))
    , copy_(new QPushButton(icon(QStringLiteral("copy")), tr("Copy"), this))
    , detailStatements_(makeText(this))
    , detailCaveats_(makeText(this))
    , detailValidate_(makeText(this))
    , tabs_(new QTabWidget(this))
    , unusedTable_(makeTable(unused_, this))
    , redundantTable_(makeTable(redundant_, this))
    , unusedStack_(new MessageStack(unusedTable_, this))
    , redundantStack_(new MessageStack(redundantTable_, this))
    , notes_(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("IndexesView"));
    auto* layout = new QVBoxLayout(this);

    auto* bar = new QHBoxLayout();
    makeHeading(summary_, 1.05);
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    bar->addWidget(summary_, 1);
    auto* topLabel = new QLabel(tr("&Top statements:"), this);
    topLabel->setBuddy(top_);
    top_->setRange(1, 50);
    top_->setValue(10);
    top_->setToolTip(tr("How many of the window's costliest statements to advise on"));
    bar->addWidget(topLabel);
    bar->addWidget(top_);
    advise_->setToolTip(tr("Index candidates for the top statements of the current window "
                           "(Top queries' window), validated with HypoPG where it is installed"));
    bar->addWidget(advise_);
    cancel_->setToolTip(tr("Stop the advice; nothing was changed on the server"));
    cancel_->hide();
    bar->addWidget(cancel_);
    layout->addLayout(bar);

    auto* progressRow = new QHBoxLayout();
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(220);
    progress_->setTextVisible(false);
    progressText_->setTextFormat(Qt::PlainText);
    progressText_->setWordWrap(true);
    progressRow->addWidget(progress_);
    progressRow->addWidget(progressText_, 1);
    progress_->hide();
    progressText_->hide();
    layout->addLayout(progressRow);

    auto* never = new QLabel(
        tr("dbtriage never runs these statements; copy them into your change process."), this);
    never->setWordWrap(true);
    never->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(never);

    const int w = table_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    table_->setColumnWidth(AdviceCandidatesModel::Table, w * 14);
    table_->setColumnWidth(AdviceCandidatesModel::Columns, w * 18);
    table_->setColumnWidth(AdviceCandidatesModel::Method, w * 20);
    table_->setColumnWidth(AdviceCandidatesModel::Cost, w * 19);
    table_->setColumnWidth(AdviceCandidatesModel::Saving, w * 8);
    table_->setColumnWidth(AdviceCandidatesModel::Statements, w * 34);
    table_->setColumnWidth(AdviceCandidatesModel::Size, w * 9);
    for (QTableView* t : {unusedTable_, redundantTable_}) {
        t->setColumnWidth(0, w * 30);
        t->setColumnWidth(1, w * 18);
        t->setColumnWidth(2, w * 9);
        t->setColumnWidth(3, w * 56);
    }
    for (QTableView* t : {table_, unusedTable_, redundantTable_})
        fitSectionsToLabels(t->horizontalHeader()); // translated headers are wider

    // Details of the selected candidate.
    auto* detail = new QWidget(this);
    auto* dl = new QVBoxLayout(detail);
    dl->setContentsMargins(6, 0, 6, 0);
    makeHeading(detailTitle_, 1.05);
    dl->addWidget(detailTitle_);
    dl->addWidget(detailMethod_);
    auto* ddlRow = new QHBoxLayout();
    ddl_->setReadOnly(true);
    ddl_->setFont(monospaceFont());
    ddl_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    ddl_->setPlaceholderText(tr("Select a candidate to see the statement that would create it."));
    ddl_->setMinimumHeight(ddl_->fontMetrics().lineSpacing() * 4 + 12);
    ddl_->setMaximumHeight(ddl_->fontMetrics().lineSpacing() * 6 + 12);
    copy_->setToolTip(tr("Copy the statement to the clipboard (it is not run)"));
    copy_->setEnabled(false);
    ddlRow->addWidget(ddl_, 1);
    ddlRow->addWidget(copy_, 0, Qt::AlignTop);
    dl->addLayout(ddlRow);
    dl->addWidget(detailStatements_);
    dl->addWidget(detailCaveats_);
    detailValidate_->setForegroundRole(QPalette::PlaceholderText);
    dl->addWidget(detailValidate_);
    dl->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(detail);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(300);

    topSplitter_->addWidget(stack_);
    topSplitter_->addWidget(scroll);
    topSplitter_->setStretchFactor(0, 5);
    topSplitter_->setStretchFactor(1, 2);
    topSplitter_->setChildrenCollapsible(false);
    topSplitter_->setSizes({860, 380});

    notes_->setReadOnly(true);
    notes_->setPlaceholderText(tr("The advisor's notes appear here."));
    tabs_->addTab(unusedStack_, tr("Unused indexes"));
    tabs_->addTab(redundantStack_, tr("Duplicate and redundant indexes"));
    tabs_->addTab(notes_, tr("Notes"));

    splitter_->addWidget(topSplitter_);
    splitter_->addWidget(tabs_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({500, 220});
    layout->addWidget(splitter_, 1);

    connect(advise_, &QPushButton::clicked, this, &IndexesView::adviseWorkload);
    connect(cancel_, &QPushButton::clicked, this, &IndexesView::cancel);
    connect(copy_, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(ddl_->toPlainText());
        if (!running()) {
            progressText_->setText(tr("Copied to the clipboard."));
            progressText_->show();
        }
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &IndexesView::showDetails);
    reset();
}

IndexesView::~IndexesView() {
    if (jobs_ && jobId_ != 0)
        jobs_->cancel(jobId_);
}

void IndexesView::setJobRunner(JobRunner* jobs) {
    jobs_ = jobs;
    if (!jobs_)
        return;
    connect(jobs_, &JobRunner::jobProgress, this,
            [this](quint64 id, int percent, const QString& sentence) {
                if (id != jobId_)
                    return;
                progress_->setValue(percent);
                progressText_->setText(sentence);
            });
    connect(jobs_, &JobRunner::jobFinished, this, [this](quint64 id, const JobResult& result) {
        if (id != jobId_)
            return;
        jobId_ = 0;
        setRunning(false);
        singleStatement_ = pendingSingle_;
        setAdvice(JobRunner::resultAs<advisor::Advice>(result), pendingScope_);
    });
    connect(jobs_, &JobRunner::jobFailed, this, [this](quint64 id, const QString& sentence) {
        if (id != jobId_)
            return;
        jobId_ = 0;
        setRunning(false);
        if (cancelRequested_) {
            advice_.reset();
            candidates_->setAdvice(nullptr);
            unused_->setAdvice(nullptr);
            redundant_->setAdvice(nullptr);
            showDetails();
            showNotes();
            showIdle(tr("Cancelled."),
                     tr("Nothing was changed on the server. Press Advise for the workload to "
                        "start again."),
                     QStringLiteral("info"));
            Q_EMIT adviceFailed(sentence);
            return;
        }
        showFailure(sentence);
    });
    refresh();
}

void IndexesView::setWindowSource(WindowSource source) {
    source_ = std::move(source);
}

int IndexesView::topN() const {
    return top_->value();
}

void IndexesView::setTopN(int n) {
    top_->setValue(n);
}

QString IndexesView::summaryText() const {
    return summary_->text();
}

QString IndexesView::detailText() const {
    QStringList parts{detailTitle_->text(), detailMethod_->text(), detailStatements_->text(),
                      detailCaveats_->text(), detailValidate_->text()};
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

QString IndexesView::notesText() const {
    return notes_->toPlainText();
}

void IndexesView::showIdle(const QString& title, const QString& detail, const QString& iconName) {
    stack_->showMessage(title, detail, iconName);
}

void IndexesView::reset() {
    if (jobs_ && jobId_ != 0)
        jobs_->cancel(jobId_);
    jobId_ = 0;
    setRunning(false);
    advice_.reset();
    scope_.clear();
    bundleShown_ = false;
    failed_ = false;
    candidates_->setAdvice(nullptr);
    unused_->setAdvice(nullptr);
    redundant_->setAdvice(nullptr);
    summary_->setText(tr("Index advice"));
    progressText_->hide();
    showDetails();
    showNotes();
    refresh();
}

void IndexesView::refresh() {
    advise_->setEnabled(!running() && jobs_ && jobs_->hasConnection());
    if (advice_ || running() || bundleShown_ || failed_)
        return; // a result, a failure sentence or the bundle's content stays until replaced
    if (!jobs_ || !jobs_->hasConnection())
        showIdle(tr("Index advice needs a connection."), JobRunner::needsConnectionSentence(),
                 QStringLiteral("info"));
    else
        showIdle(tr("No advice yet."),
                 tr("Press Advise for the workload for the top %1 statements of the current "
                    "window, or right-click a statement in Top queries and choose Suggest "
                    "indexes for this statement.")
                     .arg(topN()),
                 QStringLiteral("info"));
}

void IndexesView::setRunning(bool running) {
    advise_->setEnabled(!running && jobs_ && jobs_->hasConnection());
    top_->setEnabled(!running);
    cancel_->setVisible(running);
    cancel_->setEnabled(running);
    progress_->setVisible(running);
    progressText_->setVisible(running);
    if (running) {
        progress_->setValue(0);
        progressText_->setText(tr("Waiting for the job runner…"));
    }
}

void IndexesView::adviseWorkload() {
    if (!jobs_ || !jobs_->hasConnection()) {
        showFailure(JobRunner::needsConnectionSentence());
        return;
    }
    const SnapshotPtr window = source_ ? source_() : nullptr;
    if (!window) {
        showFailure(tr("There are no statement figures yet: wait for the first samples, then "
                       "advise again."));
        return;
    }
    const int n = topN();
    std::vector<advisor::WorkloadStatement> workload = advisor::workloadFrom(*window, n);
    QString scope = window->statementScope == StatementScope::Window
                        ? tr("Top %1 statements between %2 and %3")
                              .arg(n)
                              .arg(clock(window->statementWindowStart), clock(window->collectedAt))
                        : tr("Top %1 statements since the statistics reset").arg(n);
    pendingSingle_ = false;
    start(std::move(workload), window->redacted, scope);
}

void IndexesView::adviseStatement(const StatementStat& statement, double share) {
    if (!jobs_ || !jobs_->hasConnection()) {
        showFailure(JobRunner::needsConnectionSentence());
        return;
    }
    advisor::WorkloadStatement w;
    w.id = statement.id;
    w.query = statement.query;
    w.database = statement.database;
    w.calls = double(statement.calls);
    w.totalTimeMs = statement.totalTimeMs;
    w.share = share;
    pendingSingle_ = true;
    // Texts in the window are redacted; the job reads the server's normalised text by id.
    start({w}, true, tr("Statement %1").arg(qs(statement.id)));
}

void IndexesView::start(std::vector<advisor::WorkloadStatement> workload, bool reread,
                        const QString& scope) {
    if (jobId_ != 0)
        jobs_->cancel(jobId_);
    cancelRequested_ = false;
    bundleShown_ = false;
    failed_ = false;
    pendingScope_ = scope;
    setRunning(true);
    jobId_ = jobs_->runTyped<advisor::Advice>(
        tr("Advising indexes…"), [input = std::move(workload), reread](JobContext& ctx) {
            std::vector<advisor::WorkloadStatement> work = input;
            // The window's texts are redacted for display, and a redacted text does not
            // always parse back (ORDER BY 2 becomes ORDER BY $1): the server's own normalised
            // texts ($n already, no literal) are read again by statement id.
            if (reread && !work.empty()) {
                ctx.progress(2, IndexesView::tr("Reading the statements' texts…"));
                Snapshot raw;
                ctx.engine().sample(raw);
                std::unordered_map<std::string, const StatementStat*> byId;
                for (const StatementStat& st : raw.statements)
                    if (!st.query.empty())
                        byId.emplace(st.id + '\x1f' + st.database, &st);
                for (advisor::WorkloadStatement& w : work) {
                    const auto it = byId.find(w.id + '\x1f' + w.database);
                    if (it != byId.end())
                        w.query = it->second->query;
                }
            }
            ctx.throwIfCancelled();
            ctx.progress(5, IndexesView::tr("Reading statistics and indexes…"));
            advisor::AdvisorOptions options;
            options.connect = ctx.connectOptions();
            options.progress = [&ctx](int done, int total, const std::string& id) {
                const int percent = 5 + (total > 0 ? 90 * done / total : 90);
                if (id.empty())
                    ctx.progress(percent, IndexesView::tr("Choosing across the workload…"));
                else
                    ctx.progress(percent, IndexesView::tr("Statement %1 of %2 (%3)…")
                                              .arg(done + 1)
                                              .arg(total)
                                              .arg(QString::fromStdString(id)));
            };
            options.cancelled = [&ctx] { return ctx.cancelled(); };
            return advisor::advise(options, work);
        });
}

void IndexesView::cancel() {
    if (!jobs_ || jobId_ == 0)
        return;
    cancelRequested_ = true;
    jobs_->cancel(jobId_);
    cancel_->setEnabled(false);
    progressText_->setText(tr("Cancelling after the current step…"));
}

void IndexesView::showFailure(const QString& sentence) {
    advice_.reset();
    candidates_->setAdvice(nullptr);
    unused_->setAdvice(nullptr);
    redundant_->setAdvice(nullptr);
    showDetails();
    showNotes();
    summary_->setText(tr("Index advice"));
    progressText_->hide();
    failed_ = true;
    showIdle(tr("The advice did not complete."), sentence, QStringLiteral("warning"));
    Q_EMIT adviceFailed(sentence);
}

void IndexesView::setAdvice(AdvicePtr advice, const QString& scope) {
    advice_ = std::move(advice);
    scope_ = scope;
    failed_ = false;
    candidates_->setAdvice(advice_);
    unused_->setAdvice(advice_);
    redundant_->setAdvice(advice_);
    if (!advice_) {
        reset();
        return;
    }
    const int n = int(advice_->proposals.size());
    QString summary = scope.isEmpty() ? tr("Index advice") : scope;
    summary += QStringLiteral(" · ") + countText(n, tr("1 candidate"), tr("%1 candidates")) +
               QStringLiteral(" · ") +
               countText(advice_->explains, tr("1 EXPLAIN"), tr("%1 EXPLAINs"));
    summary_->setText(summary);
    if (n == 0) {
        const int considered =
            advice_->statementsConsidered > 0 ? advice_->statementsConsidered : topN();
        showIdle(singleStatement_
                     ? tr("No index would clearly help this statement.")
                     : tr("No index would clearly help the top %1 statements.").arg(considered),
                 tr("Every candidate was checked against the planner's estimates or the "
                    "statistics and none saved enough to pay for its upkeep. The notes below "
                    "say which statements were skipped and why."),
                 QStringLiteral("ok"));
    } else {
        stack_->showContent();
    }
    tabs_->setTabText(0, tr("Unused indexes (%1)").arg(advice_->unused.size()));
    tabs_->setTabText(1, tr("Duplicate and redundant indexes (%1)").arg(advice_->redundant.size()));
    tabs_->setTabText(2, tr("Notes (%1)").arg(advice_->notes.size()));
    const QString since = advice_->statsReset.empty()
                              ? tr("since the statistics were last reset")
                              : tr("since the statistics reset at %1")
                                    .arg(AdviceCandidatesModel::statsResetText(*advice_));
    if (advice_->unused.empty())
        unusedStack_->showMessage(
            tr("No unused index."),
            tr("Every index that is not unique or a primary key was scanned %1.").arg(since),
            QStringLiteral("ok"));
    else
        unusedStack_->showContent();
    if (advice_->redundant.empty())
        redundantStack_->showMessage(tr("No duplicate or redundant index."), QString(),
                                     QStringLiteral("ok"));
    else
        redundantStack_->showContent();
    showNotes();
    if (n > 0)
        selectCandidate(0);
    else
        showDetails();
    Q_EMIT adviceShown();
}

bool IndexesView::selectCandidate(int row) {
    const QModelIndex index = candidates_->index(row, 0);
    if (!index.isValid())
        return false;
    table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    showDetails();
    return true;
}

void IndexesView::showNotes() {
    QStringList lines;
    if (advice_) {
        for (const QString& note : AdviceCandidatesModel::notesText(*advice_))
            lines << QStringLiteral("• ") + note;
        lines << tr("%1 statements considered, %2 EXPLAINs sent.")
                     .arg(advice_->statementsConsidered)
                     .arg(advice_->explains);
    }
    notes_->setPlainText(lines.join(QLatin1Char('\n')));
    if (!advice_) {
        tabs_->setTabText(0, tr("Unused indexes"));
        tabs_->setTabText(1, tr("Duplicate and redundant indexes"));
        tabs_->setTabText(2, tr("Notes"));
        const QString none = tr("Shown with the next advice.");
        unusedStack_->showMessage(tr("No advice yet."), none, QStringLiteral("info"));
        redundantStack_->showMessage(tr("No advice yet."), none, QStringLiteral("info"));
    }
}

void IndexesView::showDetails() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const advisor::Proposal* p =
        current.isValid() ? candidates_->proposalAt(current.row()) : nullptr;
    if (!p) {
        if (!bundleShown_) {
            detailTitle_->setText(tr("No candidate selected"));
            detailMethod_->clear();
            ddl_->clear();
            copy_->setEnabled(false);
        }
        detailStatements_->clear();
        detailCaveats_->clear();
        detailValidate_->clear();
        return;
    }
    const bool validated = p->method == "hypopg";
    detailTitle_->setText(tr("%1 (%2)").arg(AdviceCandidatesModel::tableText(p->candidate),
                                            AdviceCandidatesModel::columnsText(p->candidate)));
    QPalette pal = detailMethod_->palette();
    pal.setColor(QPalette::WindowText,
                 validated ? QColor(0x16, 0xa3, 0x4a) : severityColor(Severity::Warning));
    detailMethod_->setPalette(pal);
    QString method = AdviceCandidatesModel::methodLabel(*p);
    if (!p->candidate.reason.empty())
        method += tr(" · why: %1").arg(AdviceCandidatesModel::reasonText(p->candidate));
    if (p->sizeBytes)
        method += tr(" · estimated size %1")
                      .arg(i18n::localizedBytes(std::int64_t(std::llround(*p->sizeBytes))));
    detailMethod_->setText(method);
    ddl_->setPlainText(qs(p->ddl));
    copy_->setEnabled(true);

    const QLocale locale;
    QStringList lines;
    for (const advisor::StatementEffect& s : p->statements) {
        QString line =
            tr("Statement %1 · %2 of the window's time · %3")
                .arg(qs(s.id), percentText(s.share),
                     std::llround(s.calls) == 1
                         ? tr("1 call")
                         : tr("%1 calls").arg(locale.toString(qint64(std::llround(s.calls)))));
        line += QLatin1Char('\n');
        if (s.costAfter) {
            const double saved = s.costBefore > 0 ? 1.0 - *s.costAfter / s.costBefore : 0.0;
            line += s.usesIndex ? tr("    cost %1 → %2 (%3 less); the plan uses the index")
                                      .arg(AdviceCandidatesModel::costText(s.costBefore),
                                           AdviceCandidatesModel::costText(*s.costAfter),
                                           percentText(std::max(0.0, saved)))
                                : tr("    cost %1 → %2 (%3 less); the plan does not use it")
                                      .arg(AdviceCandidatesModel::costText(s.costBefore),
                                           AdviceCandidatesModel::costText(*s.costAfter),
                                           percentText(std::max(0.0, saved)));
        } else {
            line += tr("    cost %1 now; the saving is not estimated (not validated)")
                        .arg(AdviceCandidatesModel::costText(s.costBefore));
        }
        lines << line;
    }
    detailStatements_->setText(
        lines.isEmpty() ? QString()
                        : tr("Statements it helps:\n%1").arg(lines.join(QLatin1Char('\n'))));
    QStringList caveats;
    for (const QString& c : AdviceCandidatesModel::caveatsText(*p))
        caveats << QStringLiteral("• ") + c;
    detailCaveats_->setText(caveats.isEmpty()
                                ? tr("Caveats: none known.")
                                : tr("Caveats:\n%1").arg(caveats.join(QLatin1Char('\n'))));
    detailValidate_->setText(validated ? QString()
                                       : validateText(advice_ ? advice_->engine : std::string()));
}

void IndexesView::showBundle(const Bundle* bundle) {
    reset();
    if (!bundle)
        return;
    bundleShown_ = true;
    const auto json = bundle->files.find("index-candidates.json");
    if (json != bundle->files.end()) {
        try {
            auto advice = std::make_shared<const advisor::Advice>(
                advisor::adviceFromJson(json->second.toStdString()));
            singleStatement_ = false;
            setAdvice(advice, tr("From the bundle (index-candidates.json)"));
            return;
        } catch (const std::exception&) {
            // fall through to the SQL file or the sentence below
        }
    }
    const auto sql = bundle->files.find("index-candidates.sql");
    if (sql != bundle->files.end()) {
        summary_->setText(tr("From the bundle (index-candidates.sql)"));
        showIdle(tr("This bundle holds its index candidates as commented SQL."),
                 tr("They are shown on the right as the bundle has them. Advising again needs a "
                    "connection to the server."),
                 QStringLiteral("info"));
        detailTitle_->setText(tr("index-candidates.sql"));
        detailMethod_->setText(tr("As written by dbtriage collect --advise; every statement is "
                                  "commented out."));
        ddl_->setPlainText(QString::fromUtf8(sql->second));
        copy_->setEnabled(true);
        return;
    }
    summary_->setText(tr("Index advice"));
    showIdle(tr("This bundle holds no index advice."),
             tr("It was written without --advise. %1").arg(JobRunner::needsConnectionSentence()),
             QStringLiteral("info"));
}

} // namespace dbt::gui
