// The main window: sidebar navigation (Overview … Indexes; Ctrl+1..6),
// toolbar (Connect…, Open snapshot…, Pause/Resume, interval, Refresh now), the status area,
// and the wiring from Monitor (worker thread) to the views. Never waits on the network:
// snapshots arrive as values by queued signal.
#pragma once

#include "collect/jobrunner.h"
#include "collect/sampler.h"
#include "connect/connectionprofile.h"
#include "models/snapshothistory.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <array>
#include <map>
#include <memory>
#include <set>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QSettings;
class QStackedWidget;
class QTimer;

namespace dbt::gui {
class LocksView;
class OverviewView;
class PasswordStore;
class PlansView;
class IndexesView;
struct ExplainChoice;
class SessionsView;
class StatusArea;
class TopQueriesView;
} // namespace dbt::gui

namespace dbt {

struct Bundle;

class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    enum View { Overview, Sessions, TopQueries, Locks, Plans, Indexes, ViewCount };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts sampling `target` (may contain a password: used in memory, never stored).
    void connectToTarget(const QString& target, int intervalMs = 0);
    void connectTo(const gui::ConnectRequest& request);
    void disconnectFromServer();
    // Shows recorded snapshots (files or collect --out directories); false with a sentence.
    bool openSnapshots(const QStringList& paths, QString* error = nullptr);
    // Opens an evidence bundle (.zip, directory or snapshot.json) with no connection: every
    // panel filled from it under a banner saying it is a recording. A refused bundle leaves the
    // panels as they were and puts the reader's sentence in `error` and in the banner.
    bool openBundle(const QString& path, QString* error = nullptr);
    // The opened bundle (null when showing live data or plain snapshots).
    std::shared_ptr<const Bundle> bundle() const { return bundle_; }
    // plans/*.json of the opened bundle, by path in the bundle, for the Plans view.
    const std::map<QString, QByteArray>& bundlePlans() const { return bundlePlans_; }
    QLabel* recordingBannerLabel() const { return banner_; }
    // Compares the bundle at `path` (before) with what the window shows (after: the opened
    // bundle, or the live window) in a CompareDialog; false with the reader's sentence.
    bool compareWithBundle(const QString& path, QString* error = nullptr);
    // Feeds one snapshot as if sampled (used by openSnapshots, tests and screenshots).
    void addSnapshot(const SnapshotPtr& snapshot);

    void setPaused(bool paused);
    void showView(View view);
    View currentView() const;

    const SnapshotHistory& history() const { return history_; }
    gui::OverviewView* overviewView() const { return overview_; }
    gui::SessionsView* sessionsView() const { return sessions_; }
    gui::TopQueriesView* topQueriesView() const { return queries_; }
    gui::LocksView* locksView() const { return locks_; }
    gui::PlansView* plansView() const { return plans_; }
    gui::IndexesView* indexesView() const { return indexes_; }
    gui::StatusArea* statusArea() const { return status_; }
    Monitor* monitor() const { return monitor_; }
    // On-demand jobs (explain, advice, export with plans): a second read-only session to the
    // server being monitored, offline when a bundle or snapshots are shown.
    JobRunner* jobs() const { return jobs_; }
    // Explains `sql` on the connected server (a job: never blocks), in `database` (empty: the
    // connected one), and shows the plan in the Plans view; offline or on failure the Plans
    // view says why.
    void explainStatement(const QString& sql, const QString& database);
    void explainChoice(const gui::ExplainChoice& choice);

signals:
    // A bundle was opened (or closed by connecting / opening snapshots): bundlePlans() changed.
    void bundleChanged();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void onSnapshot(const SnapshotPtr& snapshot);
    void onStatus(const SamplerStatus& status);
    void onExplainFinished(quint64 id, const JobResult& result);
    void tick();
    void refreshViews();
    void refreshView(View view);
    void updateSidebar();
    void showConnectDialog();
    void openSnapshotDialog();
    void openBundleDialog();
    void showExportDialog();
    void compareDialog();
    void clearBundle();
    void showBanner(const QString& text, bool warning);
    void startMonitor(const gui::ConnectRequest& request, const QString& password);
    void onPauseToggled(bool paused);
    int staleAfterMs() const;
    void restoreSettings();
    void saveSettings();

    Monitor* monitor_;
    JobRunner* jobs_;
    SnapshotHistory history_;
    gui::PasswordStore* passwords_;
    QListWidget* sidebar_;
    QStackedWidget* stack_;
    gui::StatusArea* status_;
    gui::OverviewView* overview_;
    gui::SessionsView* sessions_;
    gui::TopQueriesView* queries_;
    gui::LocksView* locks_;
    gui::PlansView* plans_;
    gui::IndexesView* indexes_;
    QLabel* banner_;
    std::shared_ptr<const Bundle> bundle_;
    std::map<QString, QByteArray> bundlePlans_;
    QTimer* clock_;
    QElapsedTimer sinceData_;
    QAction* pause_ = nullptr;
    QAction* refresh_ = nullptr;
    QAction* disconnect_ = nullptr;
    QAction* export_ = nullptr;
    QComboBox* interval_ = nullptr;
    gui::ConnectRequest current_;
    ConnectOptions liveConnect_; // for Export evidence…; the password in memory only
    SamplerStatus lastStatus_;
    std::array<bool, ViewCount> dirty_{};
    bool offline_ = false;
    bool live_ = false;
    std::set<quint64> explainJobs_; // explain jobs not finished yet
    quint64 connectSerial_ = 0;     // drops a keyring answer for an abandoned connect
};

} // namespace dbt
