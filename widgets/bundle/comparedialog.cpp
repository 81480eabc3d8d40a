#include "bundle/comparedialog.h"

#include "common/guiutil.h"
#include "i18n/messagetext.h"
#include "timefmt.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <set>

namespace dbt::gui {

namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent) {
    auto* t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void addRow(QTableWidget* t, const QStringList& cells) {
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        item->setToolTip(cells[c]);
        t->setItem(row, c, item);
    }
}

QString number(double v) {
    return QString::number(v, 'f', v != 0 && std::abs(v) < 10 ? 2 : 0);
}

QString signedNumber(double v) {
    return (v > 0 ? QStringLiteral("+") : QString()) + number(v);
}

QString oneLine(const std::string& query) {
    QString q = qs(query).simplified();
    if (q.size() > 160)
        q = q.left(159) + QChar(0x2026);
    return q;
}

// A server in the user's language (the English description for a comparison made elsewhere).
QString server(const Message& text, const std::string& english) {
    return text.empty() ? qs(english) : i18n::localized(text);
}

} // namespace

CompareDialog::CompareDialog(const Comparison& comparison, const QString& beforeLabel,
                             const QString& afterLabel, QWidget* parent)
    : QDialog(parent)
    , comparison_(comparison)
    , header_(new QLabel(this))
    , tabs_(new QTabWidget(this))
    , statements_(makeTable({tr("Statement"), tr("Before"), tr("After"), tr("Change"),
                             tr("Calls before"), tr("Calls after")},
                            this))
    , blockers_(makeTable({tr("Root blocker"), tr("PID"), tr("Blocks"), tr("Application"),
                           tr("State"), tr("Query")},
                          this))
    , connections_(makeTable({tr("Connections"), tr("Before"), tr("After"), tr("Change")}, this))
    , settings_(makeTable({tr("Setting"), tr("Before"), tr("After")}, this)) {
    setWindowTitle(tr("Compare: %1 → %2").arg(beforeLabel, afterLabel));
    setObjectName(QStringLiteral("CompareDialog"));
    const Comparison& c = comparison_;

    QString head = tr("Before: %1, %2 at %3.\nAfter: %4, %5 at %6.")
                       .arg(beforeLabel, server(c.serverBeforeText, c.serverBefore),
                            qs(formatRfc3339(c.beforeAt)), afterLabel,
                            server(c.serverAfterText, c.serverAfter), qs(formatRfc3339(c.afterAt)));
    if (!c.sameServer)
        head += QLatin1Char('\n') + tr("The two recordings are of different servers.");
    if (!c.statementNote.empty())
        head += QLatin1Char('\n') + i18n::localized(phrase("Compare", c.statementNote.c_str()));
    header_->setText(head);
    header_->setTextFormat(Qt::PlainText);
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    for (const StatementChange& s : c.statements) {
        QString query = oneLine(s.query);
        if (s.onlyAfter)
            query = tr("[new] %1").arg(query);
        else if (s.onlyBefore)
            query = tr("[gone] %1").arg(query);
        addRow(statements_, {query, number(s.before), number(s.after), signedNumber(s.change()),
                             QString::number(s.callsBefore), QString::number(s.callsAfter)});
    }
    auto blockerRows = [this](const std::vector<RootBlocker>& list, const QString& kind) {
        for (const RootBlocker& b : list)
            addRow(blockers_, {kind, QString::number(b.pid), QString::number(b.blockedTotal),
                               qs(b.application), qs(b.state), oneLine(b.query)});
    };
    blockerRows(c.blockersNew, tr("new"));
    blockerRows(c.blockersGone, tr("gone"));
    blockerRows(c.blockersStill, tr("still there"));

    addRow(connections_,
           {tr("total"), QString::number(c.connectionsBefore.total),
            QString::number(c.connectionsAfter.total),
            signedNumber(double(c.connectionsAfter.total - c.connectionsBefore.total))});
    std::set<std::string> states;
    for (const auto& [state, n] : c.connectionsBefore.byState)
        states.insert(state);
    for (const auto& [state, n] : c.connectionsAfter.byState)
        states.insert(state);
    auto count = [](const std::map<std::string, std::int64_t>& m, const std::string& k) {
        const auto it = m.find(k);
        return it == m.end() ? std::int64_t(0) : it->second;
    };
    for (const std::string& state : states) {
        const std::int64_t b = count(c.connectionsBefore.byState, state);
        const std::int64_t a = count(c.connectionsAfter.byState, state);
        addRow(connections_,
               {qs(state), QString::number(b), QString::number(a), signedNumber(double(a - b))});
    }
    for (const SettingChange& s : c.settings)
        addRow(settings_, {qs(s.name), s.before ? qs(*s.before) : tr("(not read)"),
                           s.after ? qs(*s.after) : tr("(not read)")});

    for (QTableWidget* t : {statements_, blockers_, connections_, settings_})
        t->resizeColumnsToContents();
    statements_->setColumnWidth(0, std::min(statements_->columnWidth(0), 520));

    tabs_->addTab(statements_, tr("Statements (%1)").arg(c.statements.size()));
    tabs_->addTab(
        blockers_,
        tr("Root blockers (%1 new, %2 gone)").arg(c.blockersNew.size()).arg(c.blockersGone.size()));
    tabs_->addTab(
        connections_,
        tr("Connections (%1 → %2)").arg(c.connectionsBefore.total).arg(c.connectionsAfter.total));
    tabs_->addTab(settings_, tr("Settings changed (%1)").arg(c.settings.size()));

    auto* statementsUnit =
        new QLabel(c.statementUnit.empty()
                       ? QString()
                       : tr("Statement figures: %1.")
                             .arg(i18n::localized(phrase("Compare", c.statementUnit.c_str()))),
                   this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header_);
    layout->addWidget(statementsUnit);
    layout->addWidget(tabs_, 1);
    layout->addWidget(buttons);
    resize(1000, 600);
}

} // namespace dbt::gui
