// A panel's content or, when there is nothing to show, a sentence that says why
// ("No lock waits right now.", "pg_stat_statements is not installed: …"): never a silent
// empty view.
#pragma once

#include <QStackedWidget>

class QLabel;

namespace dbt::gui {

class MessageStack final : public QStackedWidget {
    Q_OBJECT
public:
    explicit MessageStack(QWidget* content, QWidget* parent = nullptr);

    void showContent();
    void showMessage(const QString& title, const QString& detail = {},
                     const QString& iconName = QStringLiteral("info"));
    bool showingMessage() const;
    QString messageTitle() const;
    QString messageDetail() const;

private:
    QWidget* content_;
    QWidget* messagePage_;
    QLabel* icon_;
    QLabel* title_;
    QLabel* detail_;
};

} // namespace dbt::gui
