#include "common/messagestack.h"

#include "common/guiutil.h"

#include <QLabel>
#include <QVBoxLayout>

namespace dbt::gui {

MessageStack::MessageStack(QWidget* content, QWidget* parent)
    : QStackedWidget(parent)
    , content_(content)
    , messagePage_(new QWidget(this))
    , icon_(new QLabel(messagePage_))
    , title_(new QLabel(messagePage_))
    , detail_(new QLabel(messagePage_)) {
    auto* layout = new QVBoxLayout(messagePage_);
    layout->addStretch(2);
    layout->addWidget(icon_, 0, Qt::AlignHCenter);
    // The wrapped labels take the page's width (their text centred): a word-wrapped QLabel
    // placed with AlignHCenter gets its narrow size hint and a height for another width, and
    // its second line was cut off.
    layout->addWidget(title_);
    layout->addWidget(detail_);
    layout->addStretch(3);
    icon_->setAlignment(Qt::AlignCenter);
    title_->setAlignment(Qt::AlignCenter);
    title_->setWordWrap(true);
    makeHeading(title_, 1.2);
    detail_->setAlignment(Qt::AlignCenter);
    detail_->setWordWrap(true);
    detail_->setForegroundRole(QPalette::PlaceholderText);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addWidget(content_);
    addWidget(messagePage_);
    setCurrentWidget(content_);
}

void MessageStack::showContent() {
    setCurrentWidget(content_);
}

void MessageStack::showMessage(const QString& title, const QString& detail,
                               const QString& iconName) {
    icon_->setPixmap(icon(iconName).pixmap(QSize(40, 40)));
    title_->setText(title);
    detail_->setText(detail);
    detail_->setVisible(!detail.isEmpty());
    setCurrentWidget(messagePage_);
}

bool MessageStack::showingMessage() const {
    return currentWidget() == messagePage_;
}

QString MessageStack::messageTitle() const {
    return title_->text();
}

QString MessageStack::messageDetail() const {
    return detail_->text();
}

} // namespace dbt::gui
