// Column widths that never clip a header: translated headers ("Temps total", "Gesamtzeit")
// are often wider than the English ones the views size their columns for.
#pragma once

class QHeaderView;

namespace dbt::gui {

// Widens every section of a horizontal header that is narrower than its label (with room
// for the sort indicator when the view sorts); wider sections and the stretched last one
// keep their size. Call after the model is set and the widths are chosen.
void fitSectionsToLabels(QHeaderView* header);

} // namespace dbt::gui
