// The Plans view's dialogs: Explain SQL… (statement, ANALYZE, database, search_path) and
// Paste plan (a text box, filled from the clipboard; any supported plan format).
#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;

namespace dbt::gui {

struct ExplainChoice {
    QString sql;
    bool analyze = false;
    QString database;   // empty: the connected database
    QString searchPath; // empty: the server's default
};

class ExplainDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ExplainDialog(const ExplainChoice& initial, QWidget* parent = nullptr);
    ExplainChoice choice() const;

    QPlainTextEdit* sqlEdit() const { return sql_; }
    QCheckBox* analyzeBox() const { return analyze_; }
    QLineEdit* databaseEdit() const { return database_; }
    QLineEdit* searchPathEdit() const { return searchPath_; }

private:
    QPlainTextEdit* sql_;
    QCheckBox* analyze_;
    QLineEdit* database_;
    QLineEdit* searchPath_;
};

class PastePlanDialog final : public QDialog {
    Q_OBJECT
public:
    explicit PastePlanDialog(const QString& initial, QWidget* parent = nullptr);
    QString text() const;
    QPlainTextEdit* edit() const { return edit_; }

private:
    QPlainTextEdit* edit_;
};

} // namespace dbt::gui
