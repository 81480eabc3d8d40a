#include "mainwindow.h"

#include "advisor/indexesview.h"
#include "analysis.h"
#include "bundle/bundlereader.h"
#include "bundle/comparedialog.h"
#include "bundle/recordingbanner.h"
#include "common/guiutil.h"
#include "common/statusarea.h"
#include "connect/connectdialog.h"
#include "connect/passwordstore.h"
#include "export/exportdialog.h"
#include "i18n/messagetext.h"
#include "locks/locksview.h"
#include "models/snapshotfiles.h"
#include "overview/overviewview.h"
#include "plans/planview.h"
#include "render/charts.h"
#include "sessions/sessionsview.h"
#include "statements/topqueriesview.h"
#include "timefmt.h"
#include "translation.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <set>

namespace dbt {

using namespace dbt::gui;

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , monitor_(new Monitor(this))
    , jobs_(new JobRunner(this))
    , passwords_(new PasswordStore(this))
    , sidebar_(new QListWidget(this))
    , stack_(new QStackedWidget(this))
    , status_(new StatusArea(this))
    , overview_(new OverviewView(&history_, this))
    , sessions_(new SessionsView(this))
    , queries_(new TopQueriesView(&history_, this))
    , locks_(new LocksView(this))
    , plans_(new PlansView(this))
    , indexes_(new IndexesView(this))
    , banner_(new QLabel(this))
    , clock_(new QTimer(this)) {
    setWindowTitle(tr("dbtriage"));
    setWindowIcon(icon(QStringLiteral("dbtriage")));
    setObjectName(QStringLiteral("MainWindow"));

    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    outer->setContentsMargins(6, 6, 6, 6);
    outer->addWidget(status_);
    banner_->setObjectName(QStringLiteral("recordingBanner"));
    banner_->setTextFormat(Qt::PlainText); // server strings are shown, never interpreted
    banner_->setWordWrap(true);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner_->setAutoFillBackground(true);
    banner_->setMargin(6);
    banner_->hide();
    outer->addWidget(banner_);
    auto* body = new QHBoxLayout();
    sidebar_->setIconSize(QSize(22, 22));
    sidebar_->setSpacing(2);
    sidebar_->setFrameShape(QFrame::NoFrame);
    sidebar_->setFixedWidth(190);
    sidebar_->setBackgroundRole(QPalette::Window);
    sidebar_->viewport()->setBackgroundRole(QPalette::Window);
    const QList<std::pair<QString, QString>> items{{QStringLiteral("overview"), tr("Overview")},
                                                   {QStringLiteral("sessions"), tr("Sessions")},
                                                   {QStringLiteral("queries"), tr("Top queries")},
                                                   {QStringLiteral("locks"), tr("Locks")},
                                                   {QStringLiteral("explain"), tr("Plans")},
                                                   {QStringLiteral("indexes"), tr("Indexes")}};
    for (int i = 0; i < items.size(); ++i) {
        auto* item = new QListWidgetItem(icon(items[i].first), items[i].second, sidebar_);
        item->setSizeHint(QSize(0, 36));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(items[i].second).arg(i + 1));
    }
    body->addWidget(sidebar_);
    stack_->addWidget(overview_);
    stack_->addWidget(sessions_);
    stack_->addWidget(queries_);
    stack_->addWidget(locks_);
    stack_->addWidget(plans_);
    stack_->addWidget(indexes_);
    body->addWidget(stack_, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);
    statusBar()->hide(); // the status area above says it all

    connect(sidebar_, &QListWidget::currentRowChanged, this, [this](int row) {
        refreshView(View(row));
        stack_->setCurrentIndex(row);
    });
    connect(monitor_, &Monitor::snapshotReady, this, &MainWindow::onSnapshot);
    connect(monitor_, &Monitor::statusChanged, this, &MainWindow::onStatus);
    connect(status_, &StatusArea::retryRequested, this, [this] {
        if (live_)
            startMonitor(current_, {});
    });
    connect(status_, &StatusArea::editConnectionRequested, this, &MainWindow::showConnectDialog);
    auto showSession = [this](qint64 pid) {
        showView(Sessions);
        sessions_->selectPid(pid);
    };
    connect(locks_, &LocksView::showSessionRequested, this, showSession);
    connect(overview_, &OverviewView::showSessionRequested, this, showSession);
    connect(queries_, &TopQueriesView::explainRequested, this, &MainWindow::explainStatement);
    connect(sessions_, &SessionsView::explainRequested, this, &MainWindow::explainStatement);
    connect(plans_, &PlansView::explainRequested, this, &MainWindow::explainChoice);
    connect(plans_, &PlansView::cancelRequested, jobs_, &JobRunner::cancel);
    connect(this, &MainWindow::bundleChanged, this, [this] {
        if (bundle_)
            plans_->setBundlePlans(bundlePlanEntries(*bundle_), bundlePlanFailures(*bundle_));
        else
            plans_->setBundlePlans(std::vector<BundlePlanEntry>{});
    });
    connect(jobs_, &JobRunner::jobStarted, this, [this](quint64 id, const QString& title) {
        if (explainJobs_.count(id))
            plans_->showProgress(id, title);
    });
    connect(jobs_, &JobRunner::jobProgress, this, [this](quint64 id, int, const QString& sentence) {
        if (explainJobs_.count(id))
            plans_->showProgress(id, sentence);
    });
    connect(jobs_, &JobRunner::jobFinished, this, &MainWindow::onExplainFinished);
    connect(jobs_, &JobRunner::jobFailed, this, [this](quint64 id, const QString& sentence) {
        if (explainJobs_.erase(id))
            plans_->showError(sentence);
    });
    plans_->setCanExplain(false, JobRunner::needsConnectionSentence());
    // Index advice: the top statements of Top queries' window, or one statement from there.
    indexes_->setJobRunner(jobs_);
    indexes_->setWindowSource([this] {
        return history_.size() >= 2 ? history_.statementWindow(queries_->window())
                                    : history_.latest();
    });
    connect(queries_, &TopQueriesView::suggestIndexesRequested, this,
            [this](const StatementStat& statement, double share) {
                showView(Indexes);
                indexes_->adviseStatement(statement, share);
            });
    connect(this, &MainWindow::bundleChanged, this,
            [this] { indexes_->showBundle(bundle_.get()); });

    clock_->setInterval(1000);
    connect(clock_, &QTimer::timeout, this, &MainWindow::tick);
    clock_->start();

    buildActions();
    sidebar_->setCurrentRow(0);
    restoreSettings();
    resize(size().isEmpty() ? QSize(1360, 860) : size());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(18, 18));

    QAction* connectAction = file->addAction(icon(QStringLiteral("connect")), tr("&Connect…"), this,
                                             &MainWindow::showConnectDialog);
    connectAction->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(icon(QStringLiteral("open")), tr("&Open snapshot…"), this,
                                    &MainWindow::openSnapshotDialog);
    open->setShortcut(QKeySequence::Open);
    QAction* openBundleAction = file->addAction(icon(QStringLiteral("open")), tr("Open &bundle…"),
                                                this, &MainWindow::openBundleDialog);
    openBundleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openBundleAction->setToolTip(
        tr("Open an evidence bundle (.zip or directory) written by Export evidence or "
           "dbtriage collect --out (Ctrl+Shift+O)"));
    export_ = file->addAction(icon(QStringLiteral("export")), tr("&Export evidence…"), this,
                              &MainWindow::showExportDialog);
    export_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    export_->setToolTip(tr("Write an evidence bundle of the recent samples with a note: a .zip "
                           "or a directory to attach to a ticket (Ctrl+E)"));
    QAction* compare =
        file->addAction(tr("Co&mpare with bundle…"), this, &MainWindow::compareDialog);
    compare->setToolTip(tr("Compare a bundle (before) with what the window shows now (after): "
                           "statements, root blockers, connections, settings"));
    disconnect_ = file->addAction(tr("&Disconnect"), this, &MainWindow::disconnectFromServer);
    disconnect_->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* sampling = menuBar()->addMenu(tr("&Sampling"));
    pause_ = sampling->addAction(icon(QStringLiteral("pause")), tr("&Pause"));
    pause_->setCheckable(true);
    pause_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pause_->setToolTip(tr("Pause sampling; the panels keep the last data (Ctrl+P)"));
    connect(pause_, &QAction::toggled, this, &MainWindow::onPauseToggled);
    refresh_ = sampling->addAction(icon(QStringLiteral("refresh")), tr("&Refresh now"), this,
                                   [this] { monitor_->sampleNow(); });
    refresh_->setShortcut(QKeySequence::Refresh);
    refresh_->setToolTip(tr("Take a sample now (F5)"));
    pause_->setEnabled(false);
    refresh_->setEnabled(false);

    tools->addAction(connectAction);
    tools->addAction(open);
    tools->addSeparator();
    tools->addAction(pause_);
    tools->addAction(refresh_);
    interval_ = new QComboBox(tools);
    for (int s : {1, 2, 5, 10, 30, 60})
        interval_->addItem(tr("every %1 s").arg(s), s * 1000);
    interval_->setCurrentIndex(1);
    interval_->setToolTip(tr("Sampling interval"));
    connect(interval_, &QComboBox::activated, this, [this] {
        current_.intervalMs = interval_->currentData().toInt();
        monitor_->setIntervalMs(current_.intervalMs);
    });
    tools->addWidget(interval_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QStringList names{tr("&Overview"), tr("&Sessions"), tr("&Top queries"),
                            tr("&Locks"),    tr("&Plans"),    tr("&Indexes")};
    for (int i = 0; i < names.size(); ++i) {
        QAction* a = view->addAction(names[i], this, [this, i] { showView(View(i)); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }
    // Language: the system's, or one chosen here (app/translation.h); applies at the next start.
    view->addSeparator();
    QMenu* language = view->addMenu(tr("L&anguage"));
    auto* languages = new QActionGroup(language);
    const QString chosen = languageSetting();
    QStringList codes{QString(), QStringLiteral("en")};
    codes << availableLanguages();
    for (const QString& code : std::as_const(codes)) {
        QAction* a =
            language->addAction(code.isEmpty() ? tr("System language") : languageName(code));
        a->setCheckable(true);
        a->setChecked(code == chosen);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            setLanguageSetting(code);
            statusBar()->showMessage(tr("The new language applies when dbtriage is started again."),
                                     10000);
        });
    }
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About dbtriage"), this, [this] {
        QMessageBox::about(this, tr("About dbtriage"),
                           tr("<b>dbtriage</b> %1<br>Query and lock diagnostics for PostgreSQL, "
                              "MySQL and MariaDB. Read-only: it never changes data or schema, "
                              "and it shows commands for a senior to run, never runs them.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::showView(View view) {
    sidebar_->setCurrentRow(int(view));
}

MainWindow::View MainWindow::currentView() const {
    return View(stack_->currentIndex());
}

void MainWindow::showConnectDialog() {
    QSettings settings;
    ConnectDialog dialog(settings, passwords_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    connectTo(dialog.request());
}

void MainWindow::openSnapshotDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open snapshot"), QString(), tr("dbtriage snapshots (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openSnapshots({path}, &error))
        status_->setOffline(error, ServerInfo{});
}

void MainWindow::openBundleDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open bundle"), QString(),
        tr("Evidence bundles (*.zip manifest.json snapshot.json);;All files (*)"));
    if (path.isEmpty())
        return;
    // A bundle directory is chosen by its manifest.json (or snapshot.json).
    const QFileInfo info(path);
    const bool inDirectory =
        info.fileName() == QLatin1String("manifest.json") ||
        (info.fileName() == QLatin1String("snapshot.json") &&
         QFileInfo::exists(info.dir().filePath(QStringLiteral("manifest.json"))));
    openBundle(inDirectory ? info.absolutePath() : path);
}

void MainWindow::showExportDialog() {
    // Plans and index candidates need the live server; a bundle or snapshot has none.
    ExportDialog dialog(&history_, &render::addCharts, this,
                        live_ && !offline_ ? liveConnect_ : ConnectOptions{});
    dialog.exec();
}

void MainWindow::compareDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Compare with bundle"), QString(),
        tr("Evidence bundles (*.zip manifest.json snapshot.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    QString error;
    if (!compareWithBundle(
            info.fileName() == QLatin1String("manifest.json") ? info.absolutePath() : path, &error))
        QMessageBox::warning(this, tr("Compare with bundle"), error);
}

bool MainWindow::compareWithBundle(const QString& path, QString* error) {
    const auto fail = [error](const QString& sentence) {
        if (error)
            *error = sentence;
        return false;
    };
    if (history_.empty())
        return fail(tr("There is nothing to compare with yet: connect to a server or open a "
                       "bundle first."));
    const Bundle before = BundleReader::open(path);
    if (!before.ok())
        return fail(before.error);
    Snapshot after;
    QString afterLabel;
    if (bundle_) {
        after = *bundle_->snapshot;
        afterLabel = QFileInfo(bundle_->path).fileName();
    } else {
        const auto& all = history_.snapshots();
        after = all.size() > 1 ? withStatementWindow(*all.front(), *all.back()) : *all.back();
        afterLabel = live_ ? tr("live window") : tr("shown snapshots");
    }
    QString beforeLabel = QFileInfo(path).fileName();
    if (!before.verified())
        beforeLabel += tr(" (UNVERIFIED)");
    auto* dialog = new CompareDialog(compareSnapshots(*before.snapshot, after, 20), beforeLabel,
                                     afterLabel, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return true;
}

void MainWindow::showBanner(const QString& text, bool warning) {
    QPalette pal = palette();
    const QColor accent = severityColor(warning ? Severity::Warning : Severity::Info);
    pal.setColor(QPalette::Window, tint(palette(), accent, warning ? 0.28 : 0.14));
    banner_->setPalette(pal);
    banner_->setText(text);
    banner_->show();
}

void MainWindow::clearBundle() {
    banner_->hide();
    banner_->clear();
    const bool had = bundle_ != nullptr;
    bundle_.reset();
    bundlePlans_.clear();
    if (had)
        emit bundleChanged();
}

bool MainWindow::openBundle(const QString& path, QString* error) {
    auto opened = std::make_shared<Bundle>(BundleReader::open(path));
    if (!opened->ok()) {
        if (error)
            *error = opened->error;
        showBanner(tr("Not opened: %1").arg(opened->error), true);
        return false;
    }
    ++connectSerial_;
    disconnectFromServer();
    offline_ = true;
    history_.clear();
    if (opened->samples.empty())
        history_.append(opened->snapshot);
    for (const SnapshotPtr& s : opened->samples)
        history_.append(s);
    refreshViews();
    bundle_ = opened;
    bundlePlans_ = dbt::bundlePlans(*opened);
    const QString name = QFileInfo(path).fileName();
    QString text = tr("This is a recording, not live data. %1.").arg(recordingBanner(*opened));
    text += QLatin1Char('\n');
    text += opened->verified() ? opened->verification : loudVerification(opened->verification);
    showBanner(text, !opened->verified());
    status_->setOffline(opened->samples.size() > 1
                            ? tr("bundle %1, %2 samples").arg(name).arg(opened->samples.size())
                            : tr("bundle %1").arg(name),
                        opened->snapshot->server);
    setWindowTitle(opened->verified() ? tr("%1 (recording) — dbtriage").arg(name)
                                      : tr("%1 (recording, UNVERIFIED) — dbtriage").arg(name));
    emit bundleChanged();
    return true;
}

void MainWindow::connectToTarget(const QString& target, int intervalMs) {
    const SplitTarget split = splitPassword(target);
    ConnectRequest request;
    request.target = split.target;
    request.password = split.password;
    request.label = displayTarget(split.target);
    request.intervalMs = intervalMs > 0 ? intervalMs : interval_->currentData().toInt();
    QSettings settings;
    ProfileStore(settings).addRecent(split.target);
    connectTo(request);
}

void MainWindow::connectTo(const ConnectRequest& request) {
    current_ = request;
    if (!request.keyringKey.isEmpty()) {
        status_->setTarget(request.label);
        SamplerStatus s;
        s.state = SamplerStatus::State::Connecting;
        s.sentence = tr("Reading the password from the desktop keyring…");
        status_->setStatus(s);
        const quint64 serial = ++connectSerial_;
        passwords_->read(request.keyringKey,
                         [this, request, serial](const QString& password, const QString& error) {
                             if (connectSerial_ != serial)
                                 return; // the user connected elsewhere meanwhile
                             startMonitor(request, password);
                             if (!error.isEmpty()) {
                                 SamplerStatus note;
                                 note.state = SamplerStatus::State::Connecting;
                                 note.sentence = error;
                                 status_->setStatus(note);
                             }
                         });
        return;
    }
    startMonitor(request, request.password);
}

void MainWindow::startMonitor(const ConnectRequest& request, const QString& password) {
    ++connectSerial_;
    current_ = request;
    current_.password.clear(); // not kept beyond handing it to the collector
    offline_ = false;
    live_ = true;
    clearBundle();
    history_.clear();
    refreshViews();
    CollectorOptions options;
    options.connect.target = targetWithPassword(request.target, password).toStdString();
    const int i = interval_->findData(request.intervalMs);
    if (i >= 0)
        interval_->setCurrentIndex(i);
    status_->setTarget(request.label);
    status_->clearDataAge();
    pause_->setChecked(false);
    pause_->setEnabled(true);
    refresh_->setEnabled(true);
    disconnect_->setEnabled(true);
    setWindowTitle(tr("%1 — dbtriage").arg(request.label));
    explainJobs_.clear();
    if (plans_->progressJob() != 0)
        plans_->clearMessage();
    jobs_->setConnection(options.connect);
    indexes_->reset();
    liveConnect_ = options.connect;
    plans_->setCanExplain(true);
    monitor_->start(options, request.intervalMs > 0 ? request.intervalMs : 2000);
}

void MainWindow::disconnectFromServer() {
    monitor_->stop();
    jobs_->clearConnection();
    liveConnect_ = {};
    explainJobs_.clear();
    if (plans_->progressJob() != 0)
        plans_->clearMessage();
    plans_->setCanExplain(false, JobRunner::needsConnectionSentence());
    live_ = false;
    pause_->setEnabled(false);
    refresh_->setEnabled(false);
    disconnect_->setEnabled(false);
    status_->setDisconnected();
}

bool MainWindow::openSnapshots(const QStringList& paths, QString* error) {
    ++connectSerial_;
    const LoadedSnapshots loaded = loadSnapshots(paths);
    if (loaded.snapshots.empty()) {
        if (error)
            *error = loaded.error;
        return false;
    }
    disconnectFromServer();
    clearBundle();
    offline_ = true;
    history_.clear();
    for (const SnapshotPtr& s : loaded.snapshots)
        history_.append(s);
    refreshViews();
    const QString source =
        paths.size() == 1 ? QFileInfo(paths.first()).fileName() : tr("%1 files").arg(paths.size());
    const QString when = QString::fromStdString(formatRfc3339(history_.latest()->collectedAt));
    status_->setOffline(loaded.snapshots.size() == 1
                            ? tr("%1, 1 sample recorded at %2").arg(source, when)
                            : tr("%1, %2 samples up to %3")
                                  .arg(source, QString::number(loaded.snapshots.size()), when),
                        history_.latest()->server);
    setWindowTitle(tr("%1 — dbtriage").arg(source));
    return true;
}

void MainWindow::addSnapshot(const SnapshotPtr& snapshot) {
    if (!history_.append(snapshot))
        return;
    sinceData_.restart();
    refreshViews();
}

void MainWindow::onSnapshot(const SnapshotPtr& snapshot) {
    addSnapshot(snapshot);
    tick();
}

void MainWindow::onStatus(const SamplerStatus& status) {
    lastStatus_ = status;
    status_->setStatus(status);
    tick();
}

void MainWindow::refreshViews() {
    // Only the visible view does its work now; the others when they are shown. With
    // thousands of sessions and statements that is the difference between one view's
    // refresh per sample and four.
    dirty_.fill(true);
    refreshView(currentView());
    updateSidebar();
}

void MainWindow::refreshView(View view) {
    if (view < 0 || view >= ViewCount || !dirty_[std::size_t(view)])
        return;
    dirty_[std::size_t(view)] = false;
    const SnapshotPtr latest = history_.latest();
    switch (view) {
    case Overview:
        overview_->refresh();
        break;
    case Sessions:
        sessions_->setSnapshot(latest);
        break;
    case TopQueries:
        queries_->refresh();
        break;
    case Locks:
        locks_->setSnapshot(latest);
        break;
    case Plans: // filled by explain jobs, opened and pasted plans and bundles, not by samples
        break;
    case Indexes: // filled by advice jobs and bundles; a sample only updates its sentence
        indexes_->refresh();
        break;
    case ViewCount:
        break;
    }
}

void MainWindow::updateSidebar() {
    const SnapshotPtr s = history_.latest();
    const QStringList base{tr("Overview"), tr("Sessions"), tr("Top queries"),
                           tr("Locks"),    tr("Plans"),    tr("Indexes")};
    QStringList text = base;
    if (s) {
        int critical = 0;
        for (const Finding& f : s->findings)
            critical += f.severity == Severity::Critical;
        if (critical > 0)
            text[0] = tr("%1  · %2 critical").arg(base[0]).arg(critical);
        text[1] = tr("%1  · %2").arg(base[1]).arg(s->sessions.size());
        std::set<std::int64_t> waiting;
        for (const LockWait& w : s->lockWaits)
            waiting.insert(w.waitingPid);
        if (!waiting.empty())
            text[3] = tr("%1  · %2 waiting").arg(base[3]).arg(waiting.size());
    }
    for (int i = 0; i < sidebar_->count() && i < text.size(); ++i)
        sidebar_->item(i)->setText(text[i]);
}

int MainWindow::staleAfterMs() const {
    return std::max(10'000, 3 * std::max(1000, current_.intervalMs));
}

void MainWindow::tick() {
    const SnapshotPtr latest = history_.latest();
    if (!latest || offline_) {
        if (!latest)
            status_->clearDataAge();
        return;
    }
    const qint64 ageMs = sinceData_.isValid() ? sinceData_.elapsed() : 0;
    const bool paused = lastStatus_.state == SamplerStatus::State::Paused;
    const bool stale = !paused && (ageMs > staleAfterMs() ||
                                   lastStatus_.state == SamplerStatus::State::Reconnecting ||
                                   lastStatus_.state == SamplerStatus::State::Failed);
    status_->setDataAge(double(ageMs) / 1000.0, stale);
    // Every panel keeps the last data; the line above them says how old it is.
    if (stale && !bundle_)
        showBanner(tr("The server is not answering: the panels show the sample from %1 (%2 "
                      "ago). dbtriage reconnects in the background.")
                       .arg(QDateTime::fromMSecsSinceEpoch(latest->collectedAt / 1000)
                                .toString(QStringLiteral("HH:mm:ss")),
                            durationText(double(ageMs) / 1000.0)),
                   true);
    else if (!bundle_ && banner_->isVisible())
        banner_->hide();
    // Live durations: the server's clock at the sample plus the time since it arrived, as
    // long as the data is fresh; stale data keeps the durations it had.
    if (!stale && !paused && currentView() == Sessions)
        sessions_->tick(latest->collectedAt + ageMs * 1000);
}

void MainWindow::setPaused(bool paused) {
    pause_->setChecked(paused);
}

void MainWindow::onPauseToggled(bool paused) {
    pause_->setText(paused ? tr("&Resume") : tr("&Pause"));
    pause_->setIcon(icon(paused ? QStringLiteral("resume") : QStringLiteral("pause")));
    monitor_->setPaused(paused);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    overview_->splitter()->restoreState(
        settings.value(QStringLiteral("splitters/overview")).toByteArray());
    sessions_->splitter()->restoreState(
        settings.value(QStringLiteral("splitters/sessions")).toByteArray());
    queries_->splitter()->restoreState(
        settings.value(QStringLiteral("splitters/queries")).toByteArray());
    queries_->topSplitter()->restoreState(
        settings.value(QStringLiteral("splitters/queriesTop")).toByteArray());
    locks_->splitter()->restoreState(
        settings.value(QStringLiteral("splitters/locks")).toByteArray());
    plans_->splitter()->restoreState(
        settings.value(QStringLiteral("splitters/plans")).toByteArray());
    indexes_->splitter()->restoreState(
        settings.value(QStringLiteral("splitters/indexes")).toByteArray());
    indexes_->topSplitter()->restoreState(
        settings.value(QStringLiteral("splitters/indexesTop")).toByteArray());
    const int interval = settings.value(QStringLiteral("sampling/intervalMs"), 2000).toInt();
    const int i = interval_->findData(interval);
    if (i >= 0)
        interval_->setCurrentIndex(i);
    current_.intervalMs = interval_->currentData().toInt();
    showView(View(
        std::clamp(settings.value(QStringLiteral("window/view"), 0).toInt(), 0, ViewCount - 1)));
}

void MainWindow::saveSettings() {
    // Layout only: no connection target with credentials, never a password.
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/view"), int(currentView()));
    settings.setValue(QStringLiteral("splitters/overview"), overview_->splitter()->saveState());
    settings.setValue(QStringLiteral("splitters/sessions"), sessions_->splitter()->saveState());
    settings.setValue(QStringLiteral("splitters/queries"), queries_->splitter()->saveState());
    settings.setValue(QStringLiteral("splitters/queriesTop"), queries_->topSplitter()->saveState());
    settings.setValue(QStringLiteral("splitters/locks"), locks_->splitter()->saveState());
    settings.setValue(QStringLiteral("splitters/plans"), plans_->splitter()->saveState());
    settings.setValue(QStringLiteral("splitters/indexes"), indexes_->splitter()->saveState());
    settings.setValue(QStringLiteral("splitters/indexesTop"), indexes_->topSplitter()->saveState());
    settings.setValue(QStringLiteral("sampling/intervalMs"), interval_->currentData().toInt());
}

namespace {

// An explain job's result: the engine's answer and, read on the worker thread, the plan.
struct ExplainedPlan {
    ExplainResult result;
    PlanDocumentPtr document;
    std::string parseError;
};

} // namespace

void MainWindow::explainStatement(const QString& sql, const QString& database) {
    ExplainChoice choice;
    choice.sql = sql;
    choice.database = database;
    explainChoice(choice);
}

void MainWindow::explainChoice(const ExplainChoice& choice) {
    showView(Plans);
    if (choice.sql.trimmed().isEmpty()) {
        plans_->showError(tr("There is no statement text to explain: pick a statement with "
                             "its text, or use Explain SQL… to type one."));
        return;
    }
    if (!jobs_->hasConnection()) {
        plans_->showError(JobRunner::needsConnectionSentence());
        return;
    }
    ExplainRequest request;
    request.sql = choice.sql.toStdString();
    request.analyze = choice.analyze;
    request.database = choice.database.toStdString();
    request.searchPath = choice.searchPath.toStdString();
    const QString planning = tr("Planning the statement on the server…");
    const quint64 id =
        jobs_->runTyped<ExplainedPlan>(tr("Explaining…"), [request, planning](JobContext& ctx) {
            ctx.progress(10, planning);
            ExplainedPlan out;
            out.result = ctx.engine().explain(request);
            ctx.throwIfCancelled();
            try {
                auto doc =
                    std::make_shared<PlanDocument>(*makePlanDocument(out.result.plan, "explain"));
                doc->statement = request.sql;
                doc->genericPlan = out.result.genericPlan;
                doc->analyzed = doc->analyzed || out.result.analyzed;
                // The engine's notes in the user's language (they are only shown here).
                const bool withTexts = out.result.noteTexts.size() == out.result.notes.size();
                std::vector<std::string> notes;
                for (std::size_t i = 0; i < out.result.notes.size(); ++i)
                    notes.push_back(withTexts ? i18n::localizedUtf8(out.result.noteTexts[i])
                                              : out.result.notes[i]);
                if (!out.result.explained.empty() && out.result.explained != request.sql)
                    notes.push_back(tr("Explained as: %1")
                                        .arg(QString::fromStdString(out.result.explained))
                                        .toStdString());
                notes.insert(notes.end(), doc->notes.begin(), doc->notes.end());
                doc->notes = std::move(notes);
                out.document = std::move(doc);
            } catch (const std::exception& e) {
                out.parseError = e.what();
            }
            return out;
        });
    explainJobs_.insert(id);
    plans_->showProgress(id, tr("Explaining…"));
}

void MainWindow::onExplainFinished(quint64 id, const JobResult& result) {
    if (!explainJobs_.erase(id))
        return;
    const auto explained = JobRunner::resultAs<ExplainedPlan>(result);
    if (!explained->document) {
        plans_->showError(tr("The server answered with a plan dbtriage cannot read (%1); run "
                             "the EXPLAIN yourself to see it.")
                              .arg(QString::fromStdString(explained->parseError)));
        return;
    }
    plans_->clearMessage();
    plans_->addDocument(explained->document);
    showView(Plans);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    monitor_->stop();
    event->accept();
}

} // namespace dbt
