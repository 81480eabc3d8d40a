#include "plans/plandialogs.h"

#include "common/guiutil.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dbt::gui {

ExplainDialog::ExplainDialog(const ExplainChoice& initial, QWidget* parent)
    : QDialog(parent)
    , sql_(new QPlainTextEdit(this))
    , analyze_(new QCheckBox(tr("Run with &ANALYZE for actual times and rows"), this))
    , database_(new QLineEdit(this))
    , searchPath_(new QLineEdit(this)) {
    setWindowTitle(tr("Explain SQL"));
    auto* layout = new QVBoxLayout(this);
    auto* sqlLabel =
        new QLabel(tr("&Statement (placeholders such as $1 or ? get a generic plan):"), this);
    sqlLabel->setBuddy(sql_);
    sqlLabel->setWordWrap(true);
    layout->addWidget(sqlLabel);
    sql_->setFont(monospaceFont());
    sql_->setPlainText(initial.sql);
    sql_->setPlaceholderText(tr("SELECT … FROM … WHERE …"));
    sql_->setMinimumSize(560, 160);
    layout->addWidget(sql_, 1);
    analyze_->setChecked(initial.analyze);
    layout->addWidget(analyze_);
    auto* why = new QLabel(tr("Only a plain SELECT is analysed, inside a read-only transaction "
                              "that is rolled back and stopped by the statement timeout; "
                              "anything else is refused with the reason."),
                           this);
    why->setWordWrap(true);
    why->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(why);
    auto* form = new QFormLayout();
    database_->setText(initial.database);
    database_->setPlaceholderText(tr("the connected database"));
    searchPath_->setText(initial.searchPath);
    searchPath_->setPlaceholderText(tr("the server's default (PostgreSQL only)"));
    form->addRow(tr("&Database:"), database_);
    form->addRow(tr("Search &path:"), searchPath_);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Explain"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!sql_->toPlainText().trimmed().isEmpty());
    };
    connect(sql_, &QPlainTextEdit::textChanged, this, updateOk);
    updateOk();
    layout->addWidget(buttons);
}

ExplainChoice ExplainDialog::choice() const {
    ExplainChoice c;
    c.sql = sql_->toPlainText().trimmed();
    c.analyze = analyze_->isChecked();
    c.database = database_->text().trimmed();
    c.searchPath = searchPath_->text().trimmed();
    return c;
}

PastePlanDialog::PastePlanDialog(const QString& initial, QWidget* parent)
    : QDialog(parent)
    , edit_(new QPlainTextEdit(this)) {
    setWindowTitle(tr("Paste plan"));
    auto* layout = new QVBoxLayout(this);
    auto* label =
        new QLabel(tr("Paste a plan: PostgreSQL EXPLAIN as JSON or text (with or without "
                      "ANALYZE, psql output included), MySQL 8 or MariaDB EXPLAIN FORMAT=JSON, "
                      "MariaDB ANALYZE FORMAT=JSON. No connection is needed."),
                   this);
    label->setWordWrap(true);
    layout->addWidget(label);
    edit_->setFont(monospaceFont());
    edit_->setPlainText(initial);
    edit_->setMinimumSize(640, 320);
    edit_->setLineWrapMode(QPlainTextEdit::NoWrap);
    layout->addWidget(edit_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Show plan"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString PastePlanDialog::text() const {
    return edit_->toPlainText();
}

} // namespace dbt::gui
