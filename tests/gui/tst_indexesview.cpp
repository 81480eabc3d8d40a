// The Indexes panel offscreen: the advice models under QAbstractItemModelTester, the panel fed
// a recorded Advice (tests/data/advisor/advice-pg.json: `dbtriage advise --json` on the sandbox
// with tst_advisor_live's pgbench workload), the details and the Copy button, the
// initial / no-candidate / failed / bundle states, and a job that fails on an unreachable
// server through the real JobRunner.
#include "advisor/indexesview.h"
#include "advisor/mysqladvisor.h"
#include "advisor/querymodel.h"
#include "bundle/bundlereader.h"
#include "collect/jobrunner.h"
#include "common/messagestack.h"
#include "models/advicemodel.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace dbt;
using namespace dbt::gui;

namespace {

AdvicePtr recorded() {
    QFile f(qEnvironmentVariable("DBTRIAGE_TEST_DATA") + QStringLiteral("/advisor/advice-pg.json"));
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    return std::make_shared<const advisor::Advice>(
        advisor::adviceFromJson(f.readAll().toStdString()));
}

advisor::Advice heuristic() {
    advisor::Advice a;
    a.engine = "postgresql";
    advisor::Proposal p;
    p.candidate.schema = "app";
    p.candidate.table = "events";
    p.candidate.columns = {"account_id", "created_at"};
    p.candidate.descending = {false, true};
    p.candidate.opclasses = {"", ""};
    p.candidate.reason = "equality + ORDER BY";
    p.ddl = "CREATE INDEX CONCURRENTLY idx_events_account_id_created_at ON app.events "
            "(account_id, created_at DESC);";
    p.method = "heuristic";
    p.statements.push_back({"42", 0.3, 100, 5120, std::nullopt, false});
    p.sizeBytes = 8.0 * 1024 * 1024;
    p.caveats = {"heuristic, not validated: the planner has not seen this index"};
    a.proposals.push_back(p);
    a.notes = {"HypoPG is not installed in database app: candidates are heuristic. CREATE "
               "EXTENSION hypopg (by the database owner) validates them."};
    a.statementsConsidered = 1;
    return a;
}

// A MySQL advice as the advisor builds it: a candidate from the query model with its
// Message reason, the engine's validation hint as a caveat, a refused digest as a note.
advisor::Advice mysqlAdvice() {
    advisor::Advice a;
    a.engine = "mysql";
    const advisor::QueryShape shape =
        advisor::analyzeQuery("SELECT * FROM orders WHERE customer_id = $1 ORDER BY placed_at");
    advisor::Proposal p;
    for (const auto& c : advisor::candidatesFor(shape.tables.at(0), nullptr))
        if (c.columns.size() == 2)
            p.candidate = c;
    p.candidate.schema = "demo";
    p.ddl = advisor::ddl(p.candidate, advisor::Dialect::MySQL);
    p.method = "heuristic";
    p.statements.push_back({"d1", 0.4, 10, 3045, std::nullopt, false});
    advisor::addCaveat(p, advisor::validationHintText(p.candidate, Engine::MySQL, 80036));
    a.proposals.push_back(p);
    advisor::addNote(a, advisor::mysqlToPostgresText("SELECT * FROM t FORCE INDEX (a)").reasonText);
    a.statementsConsidered = 1;
    a.explains = 1;
    return a;
}

StatementStat statement(const std::string& id, double totalMs) {
    StatementStat st;
    st.id = id;
    st.query = "SELECT * FROM app.t WHERE a = $1";
    st.database = "app";
    st.user = "app";
    st.calls = 100;
    st.totalTimeMs = totalMs;
    st.meanTimeMs = totalMs / 100;
    return st;
}

} // namespace

class TestIndexesView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelsUnderTester();
    void panelShowsRecordedAdvice();
    void selectingShowsDdlAndCopyCopiesIt();
    void heuristicIsLabelledWithHowToValidate();
    void initialStates();
    void noCandidateIsAPositiveSentence();
    void failureShownInline();
    void jobFailureOnUnreachableServer();
    void cancelWhileConnecting();
    void bundleStates();
    void germanReasonsCaveatsAndNotes();
};

void TestIndexesView::modelsUnderTester() {
    const AdvicePtr advice = recorded();
    QVERIFY(advice);
    AdviceCandidatesModel candidates;
    UnusedIndexesModel unused;
    RedundantIndexesModel redundant;
    QAbstractItemModelTester t1(&candidates,
                                QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&unused, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(&redundant, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(candidates.rowCount(), 0);
    candidates.setAdvice(advice);
    unused.setAdvice(advice);
    redundant.setAdvice(advice);
    QCOMPARE(candidates.rowCount(), 3);
    QCOMPARE(unused.rowCount(), 2);
    QCOMPARE(redundant.rowCount(), 1);

    const auto at = [&](int row, int column, int role = Qt::DisplayRole) {
        return candidates.data(candidates.index(row, column), role);
    };
    QCOMPARE(at(0, AdviceCandidatesModel::Table).toString(), QStringLiteral("advlive.orders"));
    QCOMPARE(at(0, AdviceCandidatesModel::Columns).toString(), QStringLiteral("customer_id"));
    QCOMPARE(at(0, AdviceCandidatesModel::Method).toString(),
             QStringLiteral("validated with HypoPG"));
    QVERIFY(at(0, AdviceCandidatesModel::Cost).toString().contains(QStringLiteral("→")));
    // 4127 → 41.9 saves 99 %.
    QCOMPARE(at(0, AdviceCandidatesModel::Saving, SortRole).toDouble(), 1.0 - 41.9 / 4127.0);
    QVERIFY(at(0, AdviceCandidatesModel::Statements)
                .toString()
                .contains(QStringLiteral("-6567882927798081716")));
    QVERIFY(at(0, AdviceCandidatesModel::Size).toString().contains(QStringLiteral("MiB")));
    QCOMPARE(at(1, AdviceCandidatesModel::Table).toString(), QStringLiteral("advlive.we\"ird"));
    QCOMPARE(at(1, AdviceCandidatesModel::Columns).toString(), QStringLiteral("Order"));
    QCOMPARE(at(2, AdviceCandidatesModel::Columns).toString(), QStringLiteral("Straße"));
    QCOMPARE(at(2, AdviceCandidatesModel::Caveats).toString(), QStringLiteral("none"));
    QCOMPARE(at(2, 0, DdlRole).toString(), QString::fromStdString(advice->proposals[2].ddl));
    QCOMPARE(at(2, 0, ValidatedRole).toBool(), true);

    QVERIFY(unused.data(unused.index(0, UnusedIndexesModel::Why))
                .toString()
                .contains(QStringLiteral("time unknown")));
    QCOMPARE(unused.data(unused.index(0, UnusedIndexesModel::Index)).toString(),
             QStringLiteral("advlive.orders_amount_unused"));
    QCOMPARE(redundant.data(redundant.index(0, RedundantIndexesModel::Why)).toString(),
             QStringLiteral("duplicate of orders_created_at (same columns)"));

    // A heuristic candidate and back to nothing, still under the tester.
    candidates.setAdvice(std::make_shared<const advisor::Advice>(heuristic()));
    QCOMPARE(candidates.rowCount(), 1);
    QCOMPARE(at(0, AdviceCandidatesModel::Method).toString(),
             QStringLiteral("heuristic, not validated"));
    QCOMPARE(at(0, AdviceCandidatesModel::Columns).toString(),
             QStringLiteral("account_id, created_at DESC"));
    QVERIFY(
        at(0, AdviceCandidatesModel::Cost).toString().contains(QStringLiteral("not estimated")));
    QCOMPARE(at(0, AdviceCandidatesModel::Saving).toString(), QStringLiteral("unknown"));
    candidates.setAdvice(nullptr);
    QCOMPARE(candidates.rowCount(), 0);
}

void TestIndexesView::panelShowsRecordedAdvice() {
    IndexesView view;
    view.resize(1300, 800);
    view.show();
    QSignalSpy shown(&view, &IndexesView::adviceShown);
    view.setAdvice(recorded(), QStringLiteral("Top 10 statements"));
    QCOMPARE(shown.count(), 1);
    QVERIFY(!view.stack()->showingMessage());
    QCOMPARE(view.candidatesTable()->model()->rowCount(), 3);
    QCOMPARE(view.unusedModel()->rowCount(), 2);
    QCOMPARE(view.redundantModel()->rowCount(), 1);
    QVERIFY(view.summaryText().contains(QStringLiteral("3 candidates")));
    QVERIFY(view.summaryText().contains(QStringLiteral("6 EXPLAINs")));
    QVERIFY(view.notesText().contains(QStringLiteral("3 statements considered, 6 EXPLAINs sent.")));
    // The first candidate is selected at once.
    QCOMPARE(view.ddlBox()->toPlainText(),
             QStringLiteral("CREATE INDEX CONCURRENTLY idx_orders_customer_id ON advlive.orders "
                            "(customer_id);"));
    QVERIFY(view.ddlBox()->isReadOnly());
    // No button offers to run anything.
    for (QPushButton* b : view.findChildren<QPushButton*>()) {
        QVERIFY2(!b->text().contains(QStringLiteral("Run"), Qt::CaseInsensitive),
                 qPrintable(b->text()));
        QVERIFY2(!b->text().contains(QStringLiteral("Create"), Qt::CaseInsensitive),
                 qPrintable(b->text()));
    }
}

void TestIndexesView::selectingShowsDdlAndCopyCopiesIt() {
    IndexesView view;
    view.resize(1300, 800);
    view.show();
    const AdvicePtr advice = recorded();
    view.setAdvice(advice, QString());
    QVERIFY(view.selectCandidate(1));
    const QString ddl = QString::fromStdString(advice->proposals[1].ddl);
    QCOMPARE(view.ddlBox()->toPlainText(), ddl);
    QVERIFY(view.detailText().contains(QStringLiteral("validated with HypoPG")));
    QVERIFY(view.detailText().contains(QStringLiteral("5972329647252553441")));
    QVERIFY(view.detailText().contains(QStringLiteral("the plan uses the index")));
    QVERIFY(view.detailText().contains(QStringLiteral("Caveats: none known.")));
    QVERIFY(!view.detailText().contains(QStringLiteral("Not validated")));

    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QVERIFY(view.copyButton()->isEnabled());
    QTest::mouseClick(view.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), ddl);

    // Clicking a row in the table selects it too.
    const QModelIndex third = view.candidatesTable()->model()->index(2, 0);
    view.candidatesTable()->selectionModel()->setCurrentIndex(
        third, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(view.ddlBox()->toPlainText(), QString::fromStdString(advice->proposals[2].ddl));
}

void TestIndexesView::heuristicIsLabelledWithHowToValidate() {
    IndexesView view;
    view.setAdvice(std::make_shared<const advisor::Advice>(heuristic()), QString());
    QVERIFY(view.detailText().contains(QStringLiteral("heuristic, not validated")));
    QVERIFY(view.detailText().contains(QStringLiteral("CREATE EXTENSION hypopg")));
    QVERIFY(view.detailText().contains(QStringLiteral("not estimated")));
    advisor::Advice mysql = heuristic();
    mysql.engine = "mysql";
    view.setAdvice(std::make_shared<const advisor::Advice>(mysql), QString());
    QVERIFY(view.detailText().contains(QStringLiteral("INVISIBLE")));
    mysql.engine = "mariadb";
    view.setAdvice(std::make_shared<const advisor::Advice>(mysql), QString());
    QVERIFY(view.detailText().contains(QStringLiteral("IGNORED")));
}

void TestIndexesView::initialStates() {
    IndexesView view;
    QVERIFY(view.stack()->showingMessage());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("Index advice needs a connection."));
    QCOMPARE(view.stack()->messageDetail(), JobRunner::needsConnectionSentence());
    QVERIFY(!view.adviseButton()->isEnabled());

    JobRunner jobs;
    jobs.setConnection(ConnectOptions{"postgresql://nobody@127.0.0.1:1/none", 1000, 100, 1});
    view.setJobRunner(&jobs);
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("No advice yet."));
    QVERIFY(view.stack()->messageDetail().contains(QStringLiteral("Advise for the workload")));
    QVERIFY(view.stack()->messageDetail().contains(QStringLiteral("top 10 statements")));
    QVERIFY(view.adviseButton()->isEnabled());

    // A window without any sample yet says so instead of starting a job.
    view.setWindowSource([] { return SnapshotPtr(); });
    QSignalSpy failed(&view, &IndexesView::adviceFailed);
    view.adviseWorkload();
    QCOMPARE(failed.count(), 1);
    QVERIFY(!view.running());
    QVERIFY(view.stack()->messageDetail().contains(QStringLiteral("no statement figures yet")));

    jobs.clearConnection();
    view.reset();
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("Index advice needs a connection."));
    view.adviseWorkload();
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("The advice did not complete."));
    QCOMPARE(view.stack()->messageDetail(), JobRunner::needsConnectionSentence());
}

void TestIndexesView::noCandidateIsAPositiveSentence() {
    IndexesView view;
    advisor::Advice a = *recorded();
    a.proposals.clear();
    a.statementsConsidered = 7;
    view.setAdvice(std::make_shared<const advisor::Advice>(a), QString());
    QVERIFY(view.stack()->showingMessage());
    QCOMPARE(view.stack()->messageTitle(),
             QStringLiteral("No index would clearly help the top 7 statements."));
    QCOMPARE(view.candidatesModel()->rowCount(), 0);
    // Unused and redundant indexes are still shown.
    QCOMPARE(view.unusedModel()->rowCount(), 2);
    QCOMPARE(view.redundantModel()->rowCount(), 1);
    QVERIFY(view.ddlBox()->toPlainText().isEmpty());
    QVERIFY(!view.copyButton()->isEnabled());
}

void TestIndexesView::failureShownInline() {
    IndexesView view;
    view.setAdvice(recorded(), QString());
    const QString sentence = QStringLiteral(
        "Permission denied for table orders: grant SELECT on it to the monitoring role.");
    QSignalSpy failed(&view, &IndexesView::adviceFailed);
    view.showFailure(sentence);
    QCOMPARE(failed.count(), 1);
    QVERIFY(view.stack()->showingMessage());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("The advice did not complete."));
    QCOMPARE(view.stack()->messageDetail(), sentence);
    QCOMPARE(view.candidatesModel()->rowCount(), 0);
    // A refresh (a new sample) keeps the sentence.
    view.refresh();
    QCOMPARE(view.stack()->messageDetail(), sentence);
}

void TestIndexesView::jobFailureOnUnreachableServer() {
    IndexesView view;
    JobRunner jobs;
    // Nothing listens on port 1: the job's session is refused at once.
    jobs.setConnection(ConnectOptions{"postgresql://nobody@127.0.0.1:1/none", 1000, 100, 2});
    view.setJobRunner(&jobs);
    auto window = std::make_shared<Snapshot>();
    window->statementScope = StatementScope::Window;
    window->statements = {statement("1", 900), statement("2", 100)};
    view.setWindowSource([window] { return window; });
    QSignalSpy failed(&view, &IndexesView::adviceFailed);
    view.adviseWorkload();
    QVERIFY(view.running());
    QVERIFY(view.cancelButton()->isVisible() || !view.isVisible());
    QVERIFY(!view.adviseButton()->isEnabled());
    QVERIFY(failed.wait(20000));
    QVERIFY(!view.running());
    QVERIFY(view.adviseButton()->isEnabled());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("The advice did not complete."));
    QVERIFY(!view.stack()->messageDetail().isEmpty());
    QVERIFY2(!view.stack()->messageDetail().contains(QStringLiteral("cancelled")),
             qPrintable(view.stack()->messageDetail()));
}

// A server that accepts the TCP connection and never answers: the job hangs in its connect
// until the user cancels (the connect timeout ends it soon after).
void TestIndexesView::cancelWhileConnecting() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(fd, 4) == 0);
    socklen_t len = sizeof addr;
    QVERIFY(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    const std::string target =
        "postgresql://nobody@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/none";

    IndexesView view;
    JobRunner jobs;
    jobs.setConnection(ConnectOptions{target, 1000, 100, 3});
    view.setJobRunner(&jobs);
    auto window = std::make_shared<Snapshot>();
    window->statements = {statement("1", 900)};
    view.setWindowSource([window] { return window; });
    QSignalSpy failed(&view, &IndexesView::adviceFailed);
    view.adviseWorkload();
    QVERIFY(view.running());
    QTest::qWait(200);
    QVERIFY(view.running());
    view.cancel();
    QVERIFY(!view.cancelButton()->isEnabled());
    QVERIFY(failed.wait(20000));
    QVERIFY(!view.running());
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("Cancelled."));
    QVERIFY(view.stack()->messageDetail().contains(QStringLiteral("Nothing was changed")));
    ::close(fd);
}

void TestIndexesView::bundleStates() {
    IndexesView view;
    Bundle none;
    view.showBundle(&none);
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("This bundle holds no index advice."));

    Bundle sql;
    const QByteArray text = "-- Index candidates from dbtriage. NOT executed\n"
                            "-- CREATE INDEX CONCURRENTLY idx_t_a ON app.t (a);\n";
    sql.files["index-candidates.sql"] = text;
    view.showBundle(&sql);
    QCOMPARE(view.stack()->messageTitle(),
             QStringLiteral("This bundle holds its index candidates as commented SQL."));
    QCOMPARE(view.ddlBox()->toPlainText(), QString::fromUtf8(text));
    QTest::mouseClick(view.copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(text));
    // A new sample does not replace the bundle's content with the "connect" sentence.
    view.refresh();
    QCOMPARE(view.ddlBox()->toPlainText(), QString::fromUtf8(text));

    Bundle json;
    json.files["index-candidates.json"] =
        QByteArray::fromStdString(advisor::adviceToJson(*recorded()));
    view.showBundle(&json);
    QCOMPARE(view.candidatesModel()->rowCount(), 3);
    QVERIFY(view.summaryText().contains(QStringLiteral("bundle")));

    view.showBundle(nullptr);
    QCOMPARE(view.candidatesModel()->rowCount(), 0);
    QCOMPARE(view.stack()->messageTitle(), QStringLiteral("Index advice needs a connection."));
}

// Under German the details show the candidate's reason and caveats, and the Notes tab the
// advisor's notes, in German (their Messages), not the English strings the JSON keeps.
void TestIndexesView::germanReasonsCaveatsAndNotes() {
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(DBTRIAGE_QM_DIR "/dbtriage_de.qm")));
    QCoreApplication::installTranslator(&german);
    QLocale::setDefault(QLocale(QStringLiteral("de")));
    const auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&german);
        QLocale::setDefault(QLocale(QStringLiteral("en")));
    });
    IndexesView view;
    view.resize(1300, 800);
    view.show();
    const auto advice = std::make_shared<const advisor::Advice>(mysqlAdvice());
    QCOMPARE(advice->proposals.at(0).candidate.reason, std::string("equality + ORDER BY"));
    view.setAdvice(advice, QString());
    QVERIFY(view.selectCandidate(0));
    const QString details = view.detailText();
    QVERIFY2(details.contains(QStringLiteral("warum: Gleichheit + ORDER BY")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral(
                 "• Heuristisch, nicht geprüft (MySQL hat keine hypothetischen Indexe).")),
             qPrintable(details));
    QVERIFY2(!details.contains(QStringLiteral("equality")), qPrintable(details));
    QVERIFY2(!details.contains(QStringLiteral("To validate")), qPrintable(details));
    const QString notes = view.notesText();
    QVERIFY2(notes.startsWith(QStringLiteral("• einen Index-Hinweis (FORCE INDEX)\n")),
             qPrintable(notes));
    const QString caveats =
        view.candidatesTable()->model()->index(0, AdviceCandidatesModel::Caveats).data().toString();
    QVERIFY2(caveats.startsWith(QStringLiteral("Heuristisch, nicht geprüft")), qPrintable(caveats));
}

QTEST_MAIN(TestIndexesView)
#include "tst_indexesview.moc"
