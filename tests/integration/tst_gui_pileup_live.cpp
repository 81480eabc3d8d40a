// The window against a real PostgreSQL pile-up (sandbox server; variables from its env file,
// see scripts/sandbox): a session idle in transaction holds a row lock, two writers wait on the
// row, an ALTER TABLE is queued behind them and two readers are queued behind the ALTER. The
// window connects through its own sampler (worker thread, offscreen platform) and must show,
// without any help from the test: the holder as the only root blocker of 5 sessions in the
// Locks graph, the root-blocker finding naming it in the Overview, and whom it blocks when it
// is selected in Sessions. The workload sessions are ended at the end.
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "mainwindow.h"
#include "overview/overviewview.h"
#include "sessions/sessionsview.h"

#include <QFrame>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <string>
#include <vector>

using namespace dbt;
using dbt::gui::LockGraphScene;

namespace {

constexpr const char* kApp = "tst_gui_pileup";

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// A plain libpq connection for the scenario (never the tool's own sessions).
class Conn {
public:
    explicit Conn(const std::string& uri) {
        const char* keys[] = {"dbname", "application_name", nullptr};
        const char* vals[] = {uri.c_str(), kApp, nullptr};
        conn_ = PQconnectdbParams(keys, vals, 1);
    }
    ~Conn() { PQfinish(conn_); }
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;
    bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
    std::string error() const { return PQerrorMessage(conn_); }
    int pid() const { return PQbackendPID(conn_); }
    bool exec(const std::string& sql, std::string* value = nullptr) {
        PGresult* r = PQexec(conn_, sql.c_str());
        const auto st = PQresultStatus(r);
        if (value && st == PGRES_TUPLES_OK && PQntuples(r) > 0)
            *value = PQgetvalue(r, 0, 0);
        PQclear(r);
        return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    }
    bool send(const std::string& sql) { return PQsendQuery(conn_, sql.c_str()) == 1; }

private:
    PGconn* conn_ = nullptr;
};

// Label texts visible in `root` (hidden stack pages excluded).
QString visibleText(QWidget* root) {
    QStringList parts;
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    for (const QLabel* l : labels) {
        if (l->isVisibleTo(root))
            parts << l->text();
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace

class TestGuiPileupLive : public QObject {
    Q_OBJECT

    std::string adminUri_;
    std::string monitorUri_;
    std::unique_ptr<Conn> admin_;
    std::vector<std::unique_ptr<Conn>> workload_;

    Conn& open() {
        workload_.push_back(std::make_unique<Conn>(adminUri_));
        Conn& c = *workload_.back();
        if (!c.ok())
            qFatal("workload connection failed: %s", c.error().c_str());
        c.exec("SET lock_timeout = '90s'");
        c.exec("SET statement_timeout = '120s'");
        return c;
    }

    // Until `count` of `pids` wait for a heavyweight lock.
    bool waiting(const std::vector<int>& pids) {
        std::string list;
        for (int p : pids)
            list += (list.empty() ? "" : ",") + std::to_string(p);
        const std::string sql = "SELECT count(*) FROM pg_stat_activity WHERE pid IN (" + list +
                                ") AND wait_event_type = 'Lock'";
        for (int i = 0; i < 400; ++i) {
            std::string n;
            if (admin_->exec(sql, &n) && n == std::to_string(pids.size()))
                return true;
            QThread::msleep(25);
        }
        return false;
    }

    void endWorkload() {
        if (admin_ && admin_->ok())
            admin_->exec(std::string("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE application_name = '") +
                         kApp + "' AND pid <> pg_backend_pid()");
        workload_.clear();
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("dbtriage-tests"));
        registerMetaTypes();
        adminUri_ = env("DBTRIAGE_PG_ADMIN_URI");
        monitorUri_ = env("DBTRIAGE_PG_MONITOR_URI");
        if (adminUri_.empty() || monitorUri_.empty())
            QSKIP("DBTRIAGE_PG_ADMIN_URI / DBTRIAGE_PG_MONITOR_URI are not set: start the servers "
                  "with `source \"$(scripts/sandbox start)\"` or run scripts/test, which always "
                  "provides them.");
        admin_ = std::make_unique<Conn>(adminUri_);
        QVERIFY2(admin_->ok(), admin_->error().c_str());
        admin_->exec("SET lock_timeout = '10s'");
    }

    void cleanupTestCase() {
        endWorkload();
        if (admin_ && admin_->ok())
            admin_->exec("DROP TABLE IF EXISTS tst_gui_pileup");
    }

    void windowShowsTheRootBlocker() {
        QVERIFY(admin_->exec("DROP TABLE IF EXISTS tst_gui_pileup"));
        QVERIFY(admin_->exec("CREATE TABLE tst_gui_pileup(id int PRIMARY KEY, v int)"));
        QVERIFY(
            admin_->exec("INSERT INTO tst_gui_pileup SELECT g, 0 FROM generate_series(1, 5) g"));
        Conn& holder = open();
        QVERIFY(holder.exec("BEGIN"));
        QVERIFY(holder.exec("UPDATE tst_gui_pileup SET v = 1 WHERE id = 1"));
        std::vector<int> queued;
        // One at a time, each waiting before the next comes: a known queue order.
        auto queue = [&](const std::string& sql) {
            Conn& c = open();
            queued.push_back(c.pid());
            return c.send(sql) && waiting(queued);
        };
        QVERIFY(queue("UPDATE tst_gui_pileup SET v = 2 WHERE id = 1"));
        QVERIFY(queue("UPDATE tst_gui_pileup SET v = 3 WHERE id = 1"));
        QVERIFY(queue("ALTER TABLE tst_gui_pileup ADD COLUMN note text"));
        QVERIFY(queue("SELECT count(*) FROM tst_gui_pileup"));
        QVERIFY(queue("SELECT count(*) FROM tst_gui_pileup"));
        const qint64 h = holder.pid();

        MainWindow window;
        window.resize(1440, 900);
        window.show();
        window.connectToTarget(QString::fromStdString(monitorUri_), 1000);

        // Locks: the holder is the only root blocker, with all 5 behind it.
        window.showView(MainWindow::Locks);
        LockGraphScene* scene = window.locksView()->scene();
        auto rootOf = [scene]() -> const LockNode* {
            const LockForest& f = scene->forest();
            return f.roots.size() == 1 ? &f.nodes[std::size_t(f.roots.front())] : nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rootOf() && rootOf()->pid == h && rootOf()->blockedTotal == 5,
                                 30000);
        QCOMPARE(scene->forest().waitingSessions, 5);
        QVERIFY(scene->itemForPid(h));
        QVERIFY2(scene->itemForPid(h)->lines().first().startsWith(
                     QStringLiteral("PID %1 · root blocker · blocks 5").arg(h)),
                 qPrintable(scene->itemForPid(h)->lines().join(QLatin1Char('|'))));
        QVERIFY(window.locksView()->summaryText().startsWith(QStringLiteral("1 root blocker")));

        // Overview: the root-blocker finding names the holder.
        window.showView(MainWindow::Overview);
        const QString who = QStringLiteral("Session %1 ").arg(h);
        auto findingShown = [&] {
            const QList<QFrame*> cards =
                window.overviewView()->findChildren<QFrame*>(QStringLiteral("findingCard"));
            for (QFrame* card : cards) {
                if (card->isVisibleTo(window.overviewView()) && visibleText(card).contains(who))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(findingShown(), 10000);
        bool coded = false;
        for (const Finding& f : window.history().latest()->findings)
            coded = coded || (f.code == "root-blocker" && !f.pids.empty() && f.pids.front() == h);
        QVERIFY(coded);

        // Sessions: selecting the holder shows whom it blocks.
        window.showView(MainWindow::Sessions);
        window.sessionsView()->selectPid(h);
        const QString blocks = QStringLiteral("Blocks 5 sessions as a root blocker: ");
        QTRY_VERIFY_WITH_TIMEOUT(visibleText(window.sessionsView()).contains(blocks), 10000);
        const QString text = visibleText(window.sessionsView());
        for (int pid : queued)
            QVERIFY2(text.contains(QString::number(pid)), qPrintable(text));

        window.disconnectFromServer();
        endWorkload();
    }
};

QTEST_MAIN(TestGuiPileupLive)
#include "tst_gui_pileup_live.moc"
