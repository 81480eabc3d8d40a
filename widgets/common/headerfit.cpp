#include "common/headerfit.h"

#include <QAbstractItemModel>
#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionHeader>
#include <algorithm>

namespace dbt::gui {

void fitSectionsToLabels(QHeaderView* header) {
    if (!header || !header->model() || header->orientation() != Qt::Horizontal)
        return;
    const QAbstractItemModel* model = header->model();
    // Labels of a highlighted (selected) column are drawn bold by some styles: measure bold.
    QFont font = header->font();
    font.setBold(true);
    const QFontMetrics metrics(font);
    const int slack = metrics.horizontalAdvance(QLatin1Char('0'));
    for (int s = 0; s < header->count(); ++s) {
        if (header->isSectionHidden(s) ||
            (header->stretchLastSection() && header->visualIndex(s) == header->count() - 1))
            continue;
        QStyleOptionHeader opt;
        opt.initFrom(header);
        opt.orientation = Qt::Horizontal;
        opt.section = s;
        opt.fontMetrics = metrics;
        opt.text = model->headerData(s, Qt::Horizontal, Qt::DisplayRole).toString();
        opt.sortIndicator = header->isSortIndicatorShown() ? QStyleOptionHeader::SortDown
                                                           : QStyleOptionHeader::None;
        const int needed = header->style()
                               ->sizeFromContents(QStyle::CT_HeaderSection, &opt, QSize(), header)
                               .width() +
                           slack;
        if (header->sectionSize(s) < needed)
            header->resizeSection(s, needed);
    }
}

} // namespace dbt::gui
