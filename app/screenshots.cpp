#include "screenshots.h"

#include "advisor/indexesview.h"
#include "cli/cli.h"
#include "common/statusarea.h"
#include "connect/connectdialog.h"
#include "locks/lockgraphscene.h"
#include "locks/locksview.h"
#include "mainwindow.h"
#include "models/lockforest.h"
#include "plans/planview.h"
#include "sessions/sessionsview.h"
#include "statements/topqueriesview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QPalette>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

namespace dbt {

namespace {

void settle(int ms = 300) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
}

QString suffix;

// A dark palette like the desktops' dark themes, to check that the views use palette roles.
QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Mid, QColor(0x55, 0x58, 0x5e));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

bool save(QWidget* widget, const QString& dir, const QString& baseName, QTextStream& err) {
    settle();
    QString name = baseName;
    name.insert(name.lastIndexOf(QLatin1Char('.')), suffix);
    const QString path = QDir(dir).filePath(name);
    if (!widget->grab().save(path, "PNG")) {
        err << "dbtriage: cannot write " << path << '\n';
        return false;
    }
    QTextStream(stdout) << path << '\n';
    return true;
}

// A recorded plan with insights for the Plans view: DBTRIAGE_SCREENSHOT_PLAN, else
// tests/data/plans/pg-nested-loop.json of the source tree the binary was built in.
QString screenshotPlan() {
    const QString chosen = qEnvironmentVariable("DBTRIAGE_SCREENSHOT_PLAN");
    if (!chosen.isEmpty())
        return chosen;
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 6; ++up) {
        const QString path = dir.filePath(QStringLiteral("tests/data/plans/pg-nested-loop.json"));
        if (QFileInfo::exists(path))
            return path;
        if (!dir.cdUp())
            break;
    }
    return {};
}

// A recorded advice for the Indexes view when the live one is not available (recordings, no
// candidate): DBTRIAGE_SCREENSHOT_ADVICE, else tests/data/advisor/advice-pg.json.
AdvicePtr screenshotAdvice() {
    QString path = qEnvironmentVariable("DBTRIAGE_SCREENSHOT_ADVICE");
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 6 && path.isEmpty(); ++up) {
        const QString p = dir.filePath(QStringLiteral("tests/data/advisor/advice-pg.json"));
        if (QFileInfo::exists(p))
            path = p;
        else if (!dir.cdUp())
            break;
    }
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return nullptr;
    try {
        return std::make_shared<const advisor::Advice>(
            advisor::adviceFromJson(f.readAll().toStdString()));
    } catch (const std::exception&) {
        return nullptr;
    }
}

} // namespace

int runScreenshots(const QStringList& args) {
    QTextStream err(stderr);
    QString dir;
    QStringList snapshots;
    QString target;
    int samples = 3;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--screenshot-dir") && i + 1 < args.size())
            dir = args[++i];
        else if (a == QLatin1String("--snapshot") && i + 1 < args.size())
            snapshots << args[++i];
        else if (a == QLatin1String("--samples") && i + 1 < args.size())
            samples = std::max(1, args[++i].toInt());
        else if (!a.startsWith(QLatin1String("--")) && target.isEmpty())
            target = a;
        else {
            err << "dbtriage: screenshot mode: unexpected argument " << a << '\n';
            return cli::Usage;
        }
    }
    if (dir.isEmpty() || (snapshots.isEmpty() == target.isEmpty())) {
        err << "Usage: dbtriage --screenshot-dir DIR (--snapshot FILE|DIR ... | CONNECTION "
               "[--samples N])\n";
        return cli::Usage;
    }
    QDir().mkpath(dir);
    if (qEnvironmentVariable("DBTRIAGE_SCREENSHOT_THEME") == QLatin1String("dark")) {
        QApplication::setPalette(darkPalette());
        suffix = QStringLiteral("-dark");
    }
    // Never read or write the user's settings from here.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    if (!snapshots.isEmpty()) {
        QString error;
        if (!window.openSnapshots(snapshots, &error)) {
            err << "dbtriage: " << error << '\n';
            return cli::Usage;
        }
    } else {
        window.connectToTarget(target, 2000);
        QEventLoop loop;
        int got = 0;
        QObject::connect(window.monitor(), &Monitor::snapshotReady, &loop, [&] {
            if (++got >= samples)
                loop.quit();
        });
        QObject::connect(window.monitor(), &Monitor::statusChanged, &loop,
                         [&](const SamplerStatus& s) {
                             if (s.state == SamplerStatus::State::Failed && got == 0)
                                 loop.quit();
                         });
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
        loop.exec();
        if (got == 0) {
            err << "dbtriage: no sample from the server: " << window.statusArea()->sentenceText()
                << '\n';
            return cli::ConnectFailed;
        }
    }

    bool ok = true;
    window.showView(MainWindow::Overview);
    ok &= save(&window, dir, QStringLiteral("overview.png"), err);

    window.showView(MainWindow::Sessions);
    if (const SnapshotPtr s = window.history().latest(); s && !s->rootBlockers.empty())
        window.sessionsView()->selectPid(s->rootBlockers.front().pid);
    ok &= save(&window, dir, QStringLiteral("sessions.png"), err);

    window.showView(MainWindow::TopQueries);
    window.topQueriesView()->setWindow(StatementWindow::FiveMinutes);
    window.topQueriesView()->selectRow(0);
    ok &= save(&window, dir, QStringLiteral("top-queries.png"), err);

    window.showView(MainWindow::Locks);
    settle();
    window.locksView()->graphView()->fit();
    if (const SnapshotPtr s = window.history().latest(); s && !s->rootBlockers.empty())
        window.locksView()->findPid(s->rootBlockers.front().pid);
    ok &= save(&window, dir, QStringLiteral("locks.png"), err);
    ok &= window.locksView()->exportPng(
        QDir(dir).filePath(QStringLiteral("lock-graph%1.png").arg(suffix)));
    ok &= window.locksView()->exportSvg(
        QDir(dir).filePath(QStringLiteral("lock-graph%1.svg").arg(suffix)));

    // Plans: live, the costliest statement of Top queries explained as the Explain action
    // does; from recordings (or when that fails), a recorded plan with insights.
    gui::PlansView* plans = window.plansView();
    if (!target.isEmpty()) {
        window.showView(MainWindow::TopQueries);
        window.topQueriesView()->selectRow(0);
        window.topQueriesView()->explainSelected();
        QElapsedTimer waited;
        waited.start();
        while (plans->planCount() == 0 && !plans->messageIsError() && waited.elapsed() < 30'000)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        if (plans->planCount() == 0)
            err << "dbtriage: the top statement was not explained ("
                << (plans->messageText().isEmpty() ? QStringLiteral("no statement listed")
                                                   : plans->messageText())
                << "); the Plans view shows a recorded plan\n";
    }
    if (plans->planCount() == 0) {
        if (const QString plan = screenshotPlan(); !plan.isEmpty()) {
            QString error;
            if (!plans->openPlanFile(plan, &error)) {
                err << "dbtriage: " << error << '\n';
                ok = false;
            }
        }
    }
    if (plans->planCount() > 0) {
        window.showView(MainWindow::Plans);
        ok &= save(&window, dir, QStringLiteral("plans.png"), err);
    }

    // Indexes: live, advice for the top statements of the window as the button gives it; from
    // recordings (or when that fails or finds nothing), a recorded advice.
    gui::IndexesView* indexes = window.indexesView();
    window.showView(MainWindow::Indexes);
    if (!target.isEmpty()) {
        QEventLoop loop;
        QObject::connect(indexes, &gui::IndexesView::adviceShown, &loop, &QEventLoop::quit);
        QObject::connect(indexes, &gui::IndexesView::adviceFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(90'000, &loop, &QEventLoop::quit);
        indexes->adviseWorkload();
        if (indexes->running())
            loop.exec();
    }
    if (indexes->candidatesModel()->rowCount() == 0) {
        if (const AdvicePtr advice = screenshotAdvice())
            indexes->setAdvice(advice, QCoreApplication::translate(
                                           "Screenshots", "Top %1 statements (recorded advice)")
                                           .arg(10));
    }
    ok &= save(&window, dir, QStringLiteral("indexes.png"), err);

    {
        QSettings settings;
        gui::ConnectionProfile p;
        p.name = QStringLiteral("orders-prod-replica");
        p.host = QStringLiteral("db-orders-replica.internal");
        p.port = QStringLiteral("5432");
        p.database = QStringLiteral("orders");
        p.user = QStringLiteral("dbtriage_monitor");
        p.sslMode = QStringLiteral("verify-full");
        p.sslRootCert = QStringLiteral("/etc/ssl/certs/internal-ca.pem");
        gui::ProfileStore(settings).saveProfile(p);
        gui::ProfileStore(settings).addRecent(
            QStringLiteral("postgresql://monitor@localhost:5432/app"));
        gui::ConnectDialog dialog(settings, nullptr, &window);
        dialog.setProfile(p);
        dialog.show();
        ok &= save(&dialog, dir, QStringLiteral("connect.png"), err);
        settings.clear();
    }
    window.close();
    return ok ? cli::Ok : cli::Failure;
}

} // namespace dbt
